// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 4752 "chapters/04-launcher.nw"
#include "launcher/devices.hpp"
#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include "abi/layout.hpp"
#include "abi/virtio.hpp"
#include "launcher/boot_info.hpp"
#include "launcher/errors.hpp"

namespace lhv::launcher {

#line 4133 "chapters/04-launcher.nw"
const char* device_name(std::uint8_t type) {
    switch (type) {
    case abi::kDeviceNet:     return "network";
    case abi::kDeviceBlock:   return "block";
    case abi::kDeviceConsole: return "console";
    case abi::kDeviceRng:     return "entropy";
    default:                  return "unknown";
    }
}
#line 4256 "chapters/04-launcher.nw"
Devices::Devices(std::vector<std::unique_ptr<Device>> devices,
                 abi::DeviceLink& link, int doorbell, Serving serving)
    : link_(link), doorbell_(doorbell),
      inline_(serving == Serving::Inline), failed_(make_eventfd()) {
    std::uint32_t kick = 0;
    for (auto& device : devices) {
        auto slot = std::make_unique<Slot>();
        slot->irq = static_cast<std::uint32_t>(slots_.size()) + 1;
        slot->first_kick = kick;
        kick += device->queue_count();
        if (slot->irq >= abi::kDeviceIrqs || kick > abi::kKickSlots)
            throw RuntimeFailure("too many devices for the device link");
        slot->device = std::move(device);
        slot->wake = make_eventfd();
        slots_.push_back(std::move(slot));
    }
    for (auto& slot : slots_)
        if (!inline_)
            slot->thread =
                std::thread([this, s = slot.get()] { run(*s); });
}

Devices::~Devices() {
    stopping_ = true;
    for (auto& slot : slots_)
        if (slot->thread.joinable()) {
            wake(*slot);
            slot->thread.join();
        }
}
#line 4301 "chapters/04-launcher.nw"
UniqueFd Devices::make_eventfd() {
    UniqueFd fd{::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)};
    if (!fd)
        throw RuntimeFailure("eventfd: " +
                             std::string(std::strerror(errno)));
    return fd;
}

void Devices::wake(Slot& slot) {
    const std::uint64_t one = 1;
    while (::write(slot.wake.get(), &one, sizeof one) < 0 &&
           errno == EINTR) {
    }
}
#line 4332 "chapters/04-launcher.nw"
void Devices::publish(GuestMemory memory) {
    memory_ = memory;
    page_.assign(abi::kPageSize, std::byte{0});
    guest_writes_.assign(abi::kPageSize, std::byte{0});
    std::uint32_t offset = 0;
    GuestPhysical next_ring{memory.ram_bytes() + abi::kPageSize};
    for (auto& slot_pointer : slots_) {
        Slot& slot = *slot_pointer;
        forget_queues(slot);
        
#line 4362 "chapters/04-launcher.nw"
constexpr std::byte kGuests{0xff};
Device& device = *slot.device;
std::vector<std::byte> config = device.config();
abi::DeviceDesc desc{device.type(),
                     static_cast<std::uint8_t>(device.queue_count()),
                     kFeatureBytes,
                     static_cast<std::uint8_t>(config.size()), 0};
if (offset + abi::device_desc_bytes(desc) >= abi::kPageSize)
    throw RuntimeFailure("the devices do not fit in the device page");
slot.offset = offset;
std::memcpy(&page_[offset], &desc, sizeof desc);
guest_writes_[offset + offsetof(abi::DeviceDesc, status)] = kGuests;
offset += sizeof desc;
slot.rings.clear();
for (std::uint32_t q = 0; q < desc.num_vq; ++q) {
    std::uint32_t bytes = abi::vring_bytes(kQueueSize);
    std::uint32_t end = next_ring.value + bytes;
    if (end > memory.ram_bytes() + kDevicePages * abi::kPageSize)
        throw RuntimeFailure("the rings do not fit in the device pages");
    auto ring = memory.bytes(next_ring, bytes);
    std::memset(ring.data(), 0, ring.size());
    slot.rings.push_back(
        {kQueueSize, next_ring,
         {next_ring.value + abi::vring_avail_offset(kQueueSize)},
         {next_ring.value + abi::vring_used_offset(kQueueSize)}});
    abi::VqConfig record{kQueueSize, static_cast<std::uint16_t>(slot.irq),
                         next_ring.value / abi::kPageSize};
    std::memcpy(&page_[offset], &record, sizeof record);
    offset += sizeof record;
    next_ring = {(end + abi::kPageSize - 1) & ~(abi::kPageSize - 1)};
}
std::uint32_t offer = device.features();
std::memcpy(&page_[offset], &offer, kFeatureBytes);
offset += kFeatureBytes;
for (std::uint32_t i = 0; i < kFeatureBytes + config.size(); ++i)
    guest_writes_[offset + i] = kGuests;
offset += kFeatureBytes;
std::ranges::copy(config, page_.begin() + offset);
offset += static_cast<std::uint32_t>(config.size());
#line 4342 "chapters/04-launcher.nw"
    }
    list_end_ = offset;
    forget_failure();
    std::ranges::copy(page_, memory.bytes(GuestPhysical{memory.ram_bytes()},
                                          abi::kPageSize).begin());
    for (std::uint32_t k = 0; k < abi::kKickSlots; ++k) {
        link_.kick_address[k] = 0;
        kicks_seen_[k] = 0;
    }
    link_.stop = 0;
}
#line 4415 "chapters/04-launcher.nw"
bool Devices::notified(GuestPhysical address) {
    if (!memory_)
        return false;
    std::uint32_t page = memory_->ram_bytes();
    if (address.value < page || address.value >= page + abi::kPageSize) {
        for (auto& slot : slots_)
            for (std::uint32_t q = 0; q < slot->rings.size(); ++q)
                if (address.value == slot->rings[q].descriptors.value)
                    throw GuestDied(std::string("NOTIFY of the ") +
                                    device_name(slot->device->type()) +
                                    " device's queue " + std::to_string(q) +
                                    " before DRIVER_OK");
        return false;
    }
    check_page();
    for (auto& slot : slots_)
        if (page + slot->offset == address.value) {
            status_changed(*slot);
            return true;
        }
    throw GuestDied("NOTIFY address " + in_hex(address.value) +
                    " is in the device page but is no device's");
}
#line 4458 "chapters/04-launcher.nw"
void Devices::check_page() const {
    auto now = memory_->bytes(GuestPhysical{memory_->ram_bytes()},
                              abi::kPageSize);
    for (std::uint32_t word = 0; word < abi::kPageSize; word += 8) {
        std::uint64_t is, was, guests;
        std::memcpy(&is, &now[word], 8);
        std::memcpy(&was, &page_[word], 8);
        std::memcpy(&guests, &guest_writes_[word], 8);
        const std::uint64_t changed = (is ^ was) & ~guests;
        if (changed == 0)
            continue;
        const std::uint32_t i = word + std::countr_zero(changed) / 8;
        std::string where = "after the last device";
        for (auto& slot : slots_)
            if (i >= slot->offset && i < list_end_)
                where = std::string("in the ") +
                        device_name(slot->device->type()) +
                        " device's description";
        throw GuestDied("the Guest changed the device page at offset " +
                        in_hex(i) + ", " + where +
                        ", which is the Launcher's to write");
    }
}
#line 4500 "chapters/04-launcher.nw"
void Devices::status_changed(Slot& slot) {
    auto page = memory_->bytes(GuestPhysical{memory_->ram_bytes()},
                               abi::kPageSize);
    std::byte& status_byte =
        page[slot.offset + offsetof(abi::DeviceDesc, status)];
    const auto status = std::to_integer<std::uint8_t>(status_byte);
    const std::string name = device_name(slot.device->type());
    if (status == 0) {
        forget_queues(slot);
        return;
    }
    if ((status & abi::kStatusFeaturesOk) && !slot.features_ok) {
        std::uint32_t accepted;
        std::memcpy(&accepted, &page[features_at(slot) + kFeatureBytes],
                    kFeatureBytes);
        if (accepted & ~slot.device->features()) {
            status_byte = std::byte{static_cast<std::uint8_t>(
                status & ~abi::kStatusFeaturesOk)};
            return;
        }
        slot.device->accept(accepted);
        slot.features_ok = true;
    }
    if ((status & abi::kStatusDriverOk) && slot.queues.empty()) {
        if (!slot.features_ok)
            throw GuestDied("the " + name + " device: DRIVER_OK before "
                            "FEATURES_OK");
        make_live(slot);
    }
}
#line 4557 "chapters/04-launcher.nw"
void Devices::make_live(Slot& slot) {
    std::lock_guard guard(slot.lock);
    for (std::uint32_t q = 0; q < slot.rings.size(); ++q)
        slot.queues.emplace_back(std::string(device_name(
                                     slot.device->type())) +
                                     " queue " + std::to_string(q),
                                 *memory_, slot.rings[q]);
    for (std::uint32_t q = 0; q < slot.rings.size(); ++q)
        link_.kick_address[slot.first_kick + q] =
            slot.rings[q].descriptors.value;
    wake(slot);
}

void Devices::forget_queues(Slot& slot) {
    std::lock_guard guard(slot.lock);
    slot.queues.clear();
    slot.features_ok = false;
    slot.broken = false;
    slot.kicked = 0;
    for (std::uint32_t q = 0; q < slot.rings.size(); ++q)
        link_.kick_address[slot.first_kick + q] = 0;
}
#line 4592 "chapters/04-launcher.nw"
void Devices::take_kicks() {
    for (auto& slot : slots_)
        for (std::uint32_t q = 0; q < slot->rings.size(); ++q) {
            std::uint32_t k = slot->first_kick + q;
            std::uint32_t now = std::atomic_ref(link_.kicks[k])
                                    .load(std::memory_order_acquire);
            if (now == kicks_seen_[k])
                continue;
            kicks_seen_[k] = now;
            slot->kicked |= 1u << q;
            if (!inline_)
                wake(*slot);
            else if (serve(*slot, false))
                raise(*slot);
        }
}
#line 4620 "chapters/04-launcher.nw"
void Devices::run(Slot& slot) {
    try {
        while (!stopping_) {
            pollfd fds[2] = {{slot.wake.get(), POLLIN, 0}, {-1, POLLIN, 0}};
            {
                std::lock_guard guard(slot.lock);
                if (!slot.queues.empty() && !slot.broken &&
                    slot.device->wants_input())
                    fds[1].fd = slot.device->input_fd();
            }
            if (::poll(fds, 2, -1) < 0 && errno != EINTR)
                throw RuntimeFailure("poll: " +
                                     std::string(std::strerror(errno)));
            std::uint64_t count;
            while (::read(slot.wake.get(), &count, sizeof count) < 0 &&
                   errno == EINTR) {
            }
            if (serve(slot, fds[1].revents != 0))
                raise(slot);
        }
    } catch (const std::exception& error) {
        fail(std::string("the ") + device_name(slot.device->type()) +
             " device's thread: " + error.what());
    }
}
#line 4652 "chapters/04-launcher.nw"
bool Devices::serve(Slot& slot, bool input_ready) {
    std::lock_guard guard(slot.lock);
    std::uint32_t kicked = slot.kicked.exchange(0);
    if (slot.queues.empty() || slot.broken || stopping_)
        return false;
    bool used = false;
    
#line 4681 "chapters/04-launcher.nw"
try {
    for (std::uint32_t q = 0; q < slot.queues.size(); ++q)
        if (kicked & 1u << q)
            used |= slot.device->serve(q, slot.queues);
    if (input_ready)
        used |= slot.device->input(slot.queues);
} catch (const std::exception& error) {
    slot.broken = true;
    fail(std::string("the ") + device_name(slot.device->type()) +
         " device: " + error.what());
}
#line 4659 "chapters/04-launcher.nw"
    return used;
}
#line 4701 "chapters/04-launcher.nw"
void Devices::raise(Slot& slot) {
    std::atomic_ref counter(link_.raised[slot.irq]);
    counter.store(counter.load(std::memory_order_relaxed) + 1,
                  std::memory_order_release);
    send_byte(doorbell_);
}
#line 4715 "chapters/04-launcher.nw"
void Devices::fail(const std::string& why) {
    {
        std::lock_guard guard(failure_lock_);
        if (failure_.empty())
            failure_ = why;
    }
    const std::uint64_t one = 1;
    while (::write(failed_.get(), &one, sizeof one) < 0 && errno == EINTR) {
    }
}

std::string Devices::failure() {
    std::uint64_t count;
    while (::read(failed_.get(), &count, sizeof count) < 0 &&
           errno == EINTR) {
    }
    std::lock_guard guard(failure_lock_);
    return failure_;
}
#line 4742 "chapters/04-launcher.nw"
void Devices::forget_failure() {
    failure();
    std::lock_guard guard(failure_lock_);
    failure_.clear();
}

#line 4781 "chapters/04-launcher.nw"
} // namespace lhv::launcher
