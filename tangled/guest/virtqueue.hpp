// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 7082 "chapters/03-drivers.nw"
#pragma once
#include <stdint.h>
#include "abi/virtio.hpp"

namespace lhv::guest {

struct RingBuffer {
    uint32_t physical;   // Guest-physical address of the bytes
    uint32_t bytes;
    bool device_writes;  // false: the device reads it
};

class Virtqueue {
  public:
    static constexpr uint32_t kMaxSize = 256;
    enum class Used { None, One, Broken };

    bool attach(void* ring, uint32_t size);
    bool add(const RingBuffer* buffers, uint32_t count, void* token);
    Used take_used(void*& token, uint32_t& written);
    uint32_t free_descriptors() const { return free_count_; }

  private:
    
#line 7145 "chapters/03-drivers.nw"
abi::VirtqDesc* descriptors_ = nullptr;
uint8_t* available_ = nullptr;
uint8_t* used_ = nullptr;
uint32_t size_ = 0;
uint32_t free_count_ = 0;
uint16_t free_head_ = 0;
uint16_t next_available_ = 0, next_used_ = 0;
uint16_t next_[kMaxSize]{};      // the free list and the chains
uint16_t lengths_[kMaxSize]{};   // descriptors in the chain at a head
uint32_t writable_[kMaxSize]{};  // bytes the device may write into it
void* tokens_[kMaxSize]{};       // the request at a head; nullptr: none
#line 7106 "chapters/03-drivers.nw"
};

#line 7168 "chapters/03-drivers.nw"
inline uint16_t* ring_idx(uint8_t* ring) {
    return reinterpret_cast<uint16_t*>(ring + abi::kRingIdx);
}

inline bool Virtqueue::attach(void* ring, uint32_t size) {
    if (size == 0 || size > kMaxSize || (size & (size - 1)) != 0)
        return false;
    auto bytes = static_cast<uint8_t*>(ring);
    descriptors_ = reinterpret_cast<abi::VirtqDesc*>(bytes);
    available_ = bytes + abi::vring_avail_offset(size);
    used_ = bytes + abi::vring_used_offset(size);
    size_ = size;
    for (uint32_t i = 0; i < size; ++i) {
        next_[i] = uint16_t(i + 1);
        tokens_[i] = nullptr;
    }
    free_head_ = 0;
    free_count_ = size;
    next_used_ = __atomic_load_n(ring_idx(used_), __ATOMIC_ACQUIRE);
    next_available_ = next_used_;
    __atomic_store_n(ring_idx(available_), next_available_,
                     __ATOMIC_RELEASE);
    return true;
}
#line 7214 "chapters/03-drivers.nw"
inline bool Virtqueue::add(const RingBuffer* buffers, uint32_t count,
                           void* token) {
    if (count == 0 || count > free_count_ || !token)
        return false;
    uint16_t head = free_head_, index = head;
    uint32_t writable = 0;
    for (uint32_t i = 0; i < count; ++i) {
        bool last = i + 1 == count;
        uint16_t flags = buffers[i].device_writes ? abi::kDescWrite : 0;
        if (!last)
            flags |= abi::kDescNext;
        descriptors_[index] = {buffers[i].physical, buffers[i].bytes, flags,
                               last ? uint16_t(0) : next_[index]};
        if (buffers[i].device_writes)
            writable += buffers[i].bytes;
        if (!last)
            index = next_[index];
    }
    free_head_ = next_[index];
    free_count_ -= count;
    lengths_[head] = uint16_t(count);
    writable_[head] = writable;
    tokens_[head] = token;
    auto slot = reinterpret_cast<uint16_t*>(
        available_ + abi::avail_slot(next_available_ % size_));
    *slot = head;
    ++next_available_;
    __atomic_store_n(ring_idx(available_), next_available_,
                     __ATOMIC_RELEASE);
    return true;
}
#line 7267 "chapters/03-drivers.nw"
inline Virtqueue::Used Virtqueue::take_used(void*& token,
                                            uint32_t& written) {
    uint16_t idx = __atomic_load_n(ring_idx(used_), __ATOMIC_ACQUIRE);
    if (idx == next_used_)
        return Used::None;
    auto element = reinterpret_cast<const abi::VirtqUsedElem*>(
        used_ + abi::used_slot(next_used_ % size_));
    uint32_t head = __atomic_load_n(&element->id, __ATOMIC_RELAXED);
    uint32_t length = __atomic_load_n(&element->len, __ATOMIC_RELAXED);
    if (head >= size_ || !tokens_[head])
        return Used::Broken;
    ++next_used_;
    token = tokens_[head];
    tokens_[head] = nullptr;
    written = length < writable_[head] ? length : writable_[head];
    uint16_t last = uint16_t(head);
    for (uint32_t i = 1; i < lengths_[head]; ++i)
        last = next_[last];
    next_[last] = free_head_;
    free_head_ = uint16_t(head);
    free_count_ += lengths_[head];
    return Used::One;
}

#line 7112 "chapters/03-drivers.nw"
} // namespace lhv::guest
