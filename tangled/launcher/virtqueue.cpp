// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 521 "chapters/03-drivers.nw"
#include "launcher/virtqueue.hpp"
#include <atomic>
#include <cstdint>
#include <utility>
#include "launcher/errors.hpp"

namespace lhv::launcher {

#line 549 "chapters/03-drivers.nw"
namespace {

template <class T>
T read_once(std::span<std::byte> part, std::uint32_t offset) {
    return *reinterpret_cast<const volatile T*>(part.data() + offset);
}

template <class T>
void write_once(std::span<std::byte> part, std::uint32_t offset,
                T value) {
    *reinterpret_cast<volatile T*>(part.data() + offset) = value;
}

} // namespace
#line 583 "chapters/03-drivers.nw"
namespace {

struct Hex {
    std::uint64_t value;
};

void append(std::string& to, const char* text) { to += text; }
void append(std::string& to, std::uint64_t number) {
    to += std::to_string(number);
}
void append(std::string& to, Hex number) { to += in_hex(number.value); }

} // namespace
#line 612 "chapters/03-drivers.nw"
Virtqueue::Virtqueue(std::string name, GuestMemory memory,
                     const VirtqueueConfig& config)
    : name_(std::move(name)), memory_(memory), size_(config.size) {
    auto base = reinterpret_cast<std::uintptr_t>(
        memory_.bytes(GuestPhysical{0}, 0).data());
    if (memory_.size() > UINT32_MAX ||
        base % abi::kDescAlign != 0)
        throw std::logic_error(name_ + ": Guest memory is not mapped "
                               "as a virtqueue needs it");
    if (size_ == 0 || size_ > abi::kQueueSizeMax ||
        (size_ & (size_ - 1)) != 0)
        refuse("queue size ", size_,
               " is not a power of two between 1 and 32768");
    descriptors_ = part("descriptor table", config.descriptors,
                        abi::desc_table_bytes(size_), abi::kDescAlign);
    available_ = part("available ring", config.available,
                      abi::avail_ring_bytes(size_), abi::kAvailAlign);
    used_ = part("used ring", config.used, abi::used_ring_bytes(size_),
                 abi::kUsedAlign);
}

std::span<std::byte> Virtqueue::part(const char* what,
                                     GuestPhysical start,
                                     std::uint32_t bytes,
                                     std::uint32_t align) {
    if (start.value % align != 0)
        refuse(what, " at ", Hex{start.value}, " is not aligned to ",
               align, " bytes");
    if (std::uint64_t{start.value} + bytes > memory_.size())
        refuse(what, " at ", Hex{start.value}, " (", bytes,
               " bytes) runs past Guest memory");
    return memory_.bytes(start, bytes);
}

template <class... Parts>
void Virtqueue::refuse(Parts... parts) const {
    std::string why = name_ + ": ";
    (append(why, parts), ...);
    throw VirtqueueError(why);
}

template <class... Parts>
void Virtqueue::bug(Parts... parts) const {
    std::string what = name_ + ": ";
    (append(what, parts), ...);
    throw std::logic_error(what);
}
#line 681 "chapters/03-drivers.nw"
bool Virtqueue::pop(Chain& chain) {
    std::uint16_t published =
        read_once<std::uint16_t>(available_, abi::kRingIdx);
    std::uint16_t waiting =
        static_cast<std::uint16_t>(published - next_available_);
    if (waiting == 0) return false;
    if (waiting > size_ - in_flight_)
        refuse("available index jumped from ", next_available_, " to ",
               published, ", more than the ", size_ - in_flight_,
               " entries free in a queue of ", size_);
    std::atomic_thread_fence(std::memory_order_acquire);
    
#line 719 "chapters/03-drivers.nw"
std::uint32_t slot = next_available_ & (size_ - 1);
std::uint16_t head =
    read_once<std::uint16_t>(available_, abi::avail_slot(slot));
if (head >= size_)
    refuse("available slot ", slot, " names descriptor ", head,
           ", beyond the table of ", size_);
#line 693 "chapters/03-drivers.nw"
    walk(head, chain);
    ++next_available_;
    ++in_flight_;
    return true;
}

std::optional<Chain> Virtqueue::pop() {
    Chain chain;
    if (!pop(chain)) return std::nullopt;
    return chain;
}
#line 735 "chapters/03-drivers.nw"
void Virtqueue::walk(std::uint16_t head, Chain& chain) const {
    chain.head = head;
    chain.readable.clear();
    chain.writable.clear();
    chain.writable_bytes = 0;
    std::uint64_t total = 0;
    std::uint16_t index = head;
    for (std::uint32_t count = 1;; ++count) {
        const abi::VirtqDesc desc = descriptor(index);
        
#line 776 "chapters/03-drivers.nw"
if ((desc.flags & abi::kDescIndirect) != 0)
    refuse("descriptor ", index,
           " is INDIRECT, a feature this device never offered");
#line 745 "chapters/03-drivers.nw"
        
#line 819 "chapters/03-drivers.nw"
auto bytes = buffer(index, desc);
total += desc.len;
if (total > UINT32_MAX)
    refuse("the chain from descriptor ", head, " holds more than 4 GiB");
if ((desc.flags & abi::kDescWrite) != 0) {
    chain.writable.push_back(bytes);
    chain.writable_bytes += desc.len;
} else if (!chain.writable.empty()) {
    refuse("descriptor ", index,
           " is device-readable but follows a device-writable one");
} else {
    chain.readable.push_back(bytes);
}
#line 746 "chapters/03-drivers.nw"
        if ((desc.flags & abi::kDescNext) == 0) return;
        
#line 840 "chapters/03-drivers.nw"
if (count == size_)
    refuse("the chain from descriptor ", head,
           " is longer than the queue's ", size_, " descriptors (a loop?)");
if (desc.next >= size_)
    refuse("descriptor ", index, " links to ", desc.next,
           ", beyond the table of ", size_);
#line 748 "chapters/03-drivers.nw"
        index = desc.next;
    }
}
#line 759 "chapters/03-drivers.nw"
abi::VirtqDesc Virtqueue::descriptor(std::uint16_t index) const {
    const std::uint32_t at = index * sizeof(abi::VirtqDesc);
    return {
        read_once<std::uint64_t>(descriptors_, at),
        read_once<std::uint32_t>(descriptors_,
                                 at + offsetof(abi::VirtqDesc, len)),
        read_once<std::uint16_t>(descriptors_,
                                 at + offsetof(abi::VirtqDesc, flags)),
        read_once<std::uint16_t>(descriptors_,
                                 at + offsetof(abi::VirtqDesc, next)),
    };
}
#line 792 "chapters/03-drivers.nw"
std::span<std::byte> Virtqueue::buffer(std::uint16_t index,
                                       const abi::VirtqDesc& desc) const {
    
#line 805 "chapters/03-drivers.nw"
const std::uint64_t end = memory_.size();
if (desc.addr > end || desc.len > end - desc.addr)
    refuse("descriptor ", index, " at ", Hex{desc.addr}, " (",
           Hex{desc.len}, " bytes) runs past Guest memory");
#line 795 "chapters/03-drivers.nw"
    return memory_.bytes(
        GuestPhysical{static_cast<std::uint32_t>(desc.addr)}, desc.len);
}
#line 857 "chapters/03-drivers.nw"
void Virtqueue::push(const Chain& chain, std::uint32_t written) {
    if (in_flight_ == 0 || chain.head >= size_)
        bug("push of a chain never popped");
    if (written > chain.writable_bytes)
        bug("push of ", written, " bytes written, more than the chain's ",
            chain.writable_bytes);
    const std::uint32_t slot = next_used_ & (size_ - 1);
    write_once<std::uint32_t>(
        used_, abi::used_slot(slot) + offsetof(abi::VirtqUsedElem, id),
        chain.head);
    write_once<std::uint32_t>(
        used_, abi::used_slot(slot) + offsetof(abi::VirtqUsedElem, len),
        written);
    std::atomic_thread_fence(std::memory_order_release);
    ++next_used_;
    write_once<std::uint16_t>(used_, abi::kRingIdx, next_used_);
    --in_flight_;
}

#line 536 "chapters/03-drivers.nw"
} // namespace lhv::launcher
