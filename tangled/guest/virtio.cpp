// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 7760 "chapters/03-drivers.nw"
#include "guest/virtio.hpp"
#include <stddef.h>
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "guest/console.hpp"
#include "guest/block.hpp"
#include "guest/drivers.hpp"
#include "guest/hypercall.hpp"
#include "guest/kernel.hpp"
#include "guest/net.hpp"
#include "guest/process.hpp"

namespace lhv::guest {

#line 7592 "chapters/03-drivers.nw"
bool find_device(const abi::BootInfo& boot, uint8_t type,
                 VirtioDevice& device) {
    if (boot.device_pages == 0)
        return false;
    auto page = reinterpret_cast<uint8_t*>(abi::kPageOffset +
                                           boot.device_page);
    for (uint32_t at = 0; at + sizeof(abi::DeviceDesc) <= abi::kPageSize;) {
        abi::DeviceDesc desc;
        __builtin_memcpy(&desc, page + at, sizeof desc);
        uint32_t bytes = abi::device_desc_bytes(desc);
        if (desc.type == abi::kDeviceEnd || bytes > abi::kPageSize - at)
            return false;
        if (desc.type == type) {
            
#line 7619 "chapters/03-drivers.nw"
uint8_t* next = page + at + sizeof(abi::DeviceDesc);
device.header = page + at;
device.physical = boot.device_page + at;
device.queue_count = desc.num_vq < kDeviceQueues ? desc.num_vq
                                                 : kDeviceQueues;
for (uint32_t q = 0; q < device.queue_count; ++q)
    __builtin_memcpy(&device.queues[q], next + q * sizeof(abi::VqConfig),
                     sizeof(abi::VqConfig));
next += desc.num_vq * sizeof(abi::VqConfig);
device.feature_len = desc.feature_len;
device.offered = 0;
for (uint32_t i = 0; i < desc.feature_len && i < 4; ++i)
    device.offered |= uint32_t(next[i]) << (8 * i);
device.accepted = next + desc.feature_len;
device.config = device.accepted + desc.feature_len;
device.config_len = desc.config_len;
#line 7606 "chapters/03-drivers.nw"
            return true;
        }
        at += bytes;
    }
    return false;
}
#line 7655 "chapters/03-drivers.nw"
namespace {
volatile uint8_t& status_of(const VirtioDevice& device) {
    return *reinterpret_cast<volatile uint8_t*>(
        device.header + offsetof(abi::DeviceDesc, status));
}
}

bool accept_features(VirtioDevice& device, uint32_t wanted) {
    status_of(device) = abi::kStatusAcknowledge | abi::kStatusDriver;
    uint32_t accepted = wanted & device.offered;
    for (uint32_t i = 0; i < device.feature_len; ++i)
        device.accepted[i] = i < 4 ? uint8_t(accepted >> (8 * i)) : 0;
    status_of(device) = status_of(device) | abi::kStatusFeaturesOk;
    hypercall(abi::LHCALL_NOTIFY, device.physical);
    if (!(status_of(device) & abi::kStatusFeaturesOk)) {
        fail_device(device);
        return false;
    }
    return true;
}

void fail_device(VirtioDevice& device) {
    status_of(device) = status_of(device) | abi::kStatusFailed;
}
#line 7692 "chapters/03-drivers.nw"
bool attach_queue(const abi::BootInfo& boot, const VirtioDevice& device,
                  uint32_t index, Virtqueue& queue) {
    if (index >= device.queue_count)
        return false;
    const abi::VqConfig& config = device.queues[index];
    uint32_t first = boot.device_page + abi::kPageSize;
    uint32_t end = boot.device_page + boot.device_pages * abi::kPageSize;
    if (config.pfn >= (1u << 20) || config.num > Virtqueue::kMaxSize)
        return false;
    uint32_t ring = config.pfn << 12;
    if (ring < first || ring > end ||
        abi::vring_bytes(config.num) > end - ring)
        return false;
    return queue.attach(reinterpret_cast<void*>(abi::kPageOffset + ring),
                        config.num);
}
#line 7730 "chapters/03-drivers.nw"
void driver_ok(VirtioDevice& device) {
    status_of(device) = status_of(device) | abi::kStatusDriverOk;
    hypercall(abi::LHCALL_NOTIFY, device.physical);
}

void kick(const VirtioDevice& device, uint32_t index) {
    hypercall(abi::LHCALL_NOTIFY, device.queues[index].pfn << 12);
}

bool take_interrupt(const VirtioDevice& device, void (*handler)()) {
    uint32_t line = device.queue_count ? device.queues[0].irq : 0;
    for (uint32_t q = 1; q < device.queue_count; ++q)
        if (device.queues[q].irq != line)
            return false;
    if (line == abi::kGuestClockIrq || line >= kIrqLines)
        return false;
    set_irq_handler(line, handler);
    return true;
}

void device_broke(const char* device) {
    Line().text("Little Hypervisor Guest: the ").text(device)
        .text(" gave back a request it was never given\n").print();
    panic("a broken device");
}
#line 8148 "chapters/03-drivers.nw"
void send_and_wait(const VirtioDevice& device, uint32_t index,
                   Virtqueue& queue, const RingBuffer* buffers,
                   uint32_t count, Transfer& transfer) {
    while (!queue.add(buffers, count, &transfer))
        sleep_on(&queue);
    kick(device, index);
    while (!transfer.done)
        sleep_on(&transfer);
}

void finish_transfers(Virtqueue& queue, const char* name) {
    void* token = nullptr;
    uint32_t written = 0;
    bool any = false;
    for (;;) {
        Virtqueue::Used used = queue.take_used(token, written);
        if (used == Virtqueue::Used::None)
            break;
        if (used == Virtqueue::Used::Broken)
            device_broke(name);
        auto transfer = static_cast<Transfer*>(token);
        transfer->written = written;
        transfer->done = true;
        wake_up(transfer);
        any = true;
    }
    if (any)
        wake_up(&queue);
}
#line 9956 "chapters/03-drivers.nw"
bool command_line_number(const abi::BootInfo& boot, const char* name,
                         uint32_t& value) {
    const char* line = boot.command_line;
    for (uint32_t at = 0; at < abi::kCommandLineBytes && line[at]; ++at) {
        if (at > 0 && line[at - 1] != ' ')
            continue;
        uint32_t i = 0;
        while (name[i] && at + i < abi::kCommandLineBytes &&
               line[at + i] == name[i])
            ++i;
        if (name[i])
            continue;
        bool any = false;
        value = 0;
        for (at += i; at < abi::kCommandLineBytes && line[at] >= '0' &&
                      line[at] <= '9'; ++at, any = true)
            value = value * 10 + uint32_t(line[at] - '0');
        return any;
    }
    return false;
}

void show_disk_sector(uint32_t sector) {
    static uint8_t bytes[abi::kBlkSectorBytes];
    Line line;
    line.text("Little Hypervisor Guest: disk sector ").decimal(sector);
    if (int32_t error = block_read(sector, bytes, sizeof bytes)) {
        line.text(": error ").decimal(uint32_t(-error)).text("\n").print();
        return;
    }
    char text[33];
    for (uint32_t i = 0; i < 32; ++i)
        text[i] = bytes[i] >= ' ' && bytes[i] < 0x7f ? char(bytes[i]) : '.';
    text[32] = '\0';
    line.text(": ").text(text).text("\n").print();
}
#line 9934 "chapters/03-drivers.nw"
void start_drivers(const abi::BootInfo& boot) {
    start_console(boot);
    start_rng(boot);
    start_block(boot, boot.memory_bytes);
    start_net(boot);
    uint32_t sector;
    if (command_line_number(boot, "disk-sector=", sector))
        show_disk_sector(sector);
}

#line 7780 "chapters/03-drivers.nw"
} // namespace lhv::guest
