// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 7543 "chapters/03-drivers.nw"
#pragma once
#include <stdint.h>
#include "abi/boot.hpp"
#include "abi/virtio.hpp"
#include "guest/virtqueue.hpp"

namespace lhv::guest {

inline constexpr uint32_t kDeviceQueues = 2;

struct VirtioDevice {
    uint8_t* header = nullptr;  // its DeviceDesc, in the device page
    uint32_t physical = 0;      // the same, Guest-physical
    uint32_t queue_count = 0;   // at most kDeviceQueues
    abi::VqConfig queues[kDeviceQueues]{};
    uint32_t offered = 0;       // feature bits 0-31
    uint8_t* accepted = nullptr;
    uint32_t feature_len = 0;
    const uint8_t* config = nullptr;
    uint32_t config_len = 0;
};

bool find_device(const abi::BootInfo& boot, uint8_t type,
                 VirtioDevice& device);
bool accept_features(VirtioDevice& device, uint32_t wanted);
bool attach_queue(const abi::BootInfo& boot, const VirtioDevice& device,
                  uint32_t index, Virtqueue& queue);
void driver_ok(VirtioDevice& device);
void fail_device(VirtioDevice& device);
void kick(const VirtioDevice& device, uint32_t index);
bool take_interrupt(const VirtioDevice& device, void (*handler)());
void device_broke(const char* device);
#line 8133 "chapters/03-drivers.nw"
struct Transfer {
    bool done = false;
    uint32_t written = 0;
};
void send_and_wait(const VirtioDevice& device, uint32_t index,
                   Virtqueue& queue, const RingBuffer* buffers,
                   uint32_t count, Transfer& transfer);
void finish_transfers(Virtqueue& queue, const char* name);

#line 7577 "chapters/03-drivers.nw"
void start_console(const abi::BootInfo& boot);
void start_rng(const abi::BootInfo& boot);
void start_block(const abi::BootInfo& boot, uint32_t memory_bytes);

} // namespace lhv::guest
