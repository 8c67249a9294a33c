// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 930 "chapters/03-drivers.nw"
#pragma once
#include <cstring>
#include <vector>
#include "abi/virtio.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/virtqueue.hpp"

namespace lhv::launcher {
#line 950 "chapters/03-drivers.nw"
struct TestMemory {
    std::vector<std::byte> bytes = std::vector<std::byte>(64 * 1024);

    template <class T> void put(std::uint64_t at, const T& value) {
        std::memcpy(bytes.data() + at, &value, sizeof value);
    }
    template <class T> T get(std::uint64_t at) const {
        T value;
        std::memcpy(&value, bytes.data() + at, sizeof value);
        return value;
    }
};

struct TestDriver : TestMemory {
    VirtqueueConfig config{8, GuestPhysical{0x1000},
                           GuestPhysical{0x1080}, GuestPhysical{0x2000}};
    std::uint16_t published = 0;

    Virtqueue queue() {
        return Virtqueue("virtqueue 0 of device 1",
                         GuestMemory(bytes, bytes.size()), config);
    }
    void describe(std::uint16_t index, std::uint64_t addr,
                  std::uint32_t len, std::uint16_t flags,
                  std::uint16_t next = 0) {
        put(config.descriptors.value + 16 * index,
            abi::VirtqDesc{addr, len, flags, next});
    }
    void publish(std::uint16_t head) {
        std::uint32_t slot = published % config.size;
        put<std::uint16_t>(config.available.value + abi::avail_slot(slot),
                           head);
        put<std::uint16_t>(config.available.value + abi::kRingIdx,
                           ++published);
    }
    std::uint16_t used_idx() const {
        return get<std::uint16_t>(config.used.value + abi::kRingIdx);
    }
    abi::VirtqUsedElem used(std::uint32_t slot) const {
        return get<abi::VirtqUsedElem>(config.used.value +
                                       abi::used_slot(slot));
    }
};
#line 939 "chapters/03-drivers.nw"
}
