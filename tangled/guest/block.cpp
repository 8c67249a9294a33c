// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 8579 "chapters/03-drivers.nw"
#include "guest/block.hpp"
#include "abi/layout.hpp"
#include "guest/drivers.hpp"
#include "guest/linux.hpp"
#include "guest/memory.hpp"
#include "guest/virtio.hpp"

namespace lhv::guest {

namespace {
constexpr uint32_t kBlkFeatureReadOnly = 5, kBlkFeatureFlush = 9;
constinit VirtioDevice disk;
constinit Virtqueue disk_requests;
constinit bool disk_up = false, read_only = false, can_flush = false;
constinit uint64_t capacity = 0;
constinit uint32_t memory_end = 0;  // Guest-physical: the end of RAM

void disk_interrupt() { finish_transfers(disk_requests, "disk"); }
#line 8507 "chapters/03-drivers.nw"
struct DiskRequest {
    abi::BlkRequestHeader header;
    uint8_t status;
};

int32_t disk_request(uint32_t type, uint64_t sector, const void* data,
                     uint32_t bytes, bool device_writes) {
    DiskRequest request{{type, 0, sector}, 0xFF};
    RingBuffer buffers[3];
    uint32_t count = 0;
    buffers[count++] = {physical_address_of(&request.header).value,
                        sizeof request.header, false};
    if (bytes)
        buffers[count++] = {physical_address_of(data).value, bytes,
                            device_writes};
    buffers[count++] = {physical_address_of(&request.status).value, 1,
                        true};
    Transfer transfer;
    send_and_wait(disk, 0, disk_requests, buffers, count, transfer);
    return request.status == abi::kBlkOk ? 0 : -kEIO;
}

bool in_kernel_memory(const void* buffer, uint32_t bytes) {
    uint32_t start = reinterpret_cast<uint32_t>(buffer);
    return start >= abi::kPageOffset &&
           start - abi::kPageOffset <= memory_end &&
           bytes <= memory_end - (start - abi::kPageOffset);
}

int32_t check_transfer(const void* buffer, uint32_t bytes) {
    if (!disk_up)
        return -kENODEV;
    if (bytes == 0 || bytes % abi::kBlkSectorBytes != 0 ||
        !in_kernel_memory(buffer, bytes))
        return -kEINVAL;
    return 0;
}
#line 8598 "chapters/03-drivers.nw"
}

#line 8476 "chapters/03-drivers.nw"
void start_block(const abi::BootInfo& boot, uint32_t memory_bytes) {
    if (!find_device(boot, abi::kDeviceBlock, disk))
        return;
    constexpr uint32_t kWanted = 1u << kBlkFeatureReadOnly |
                                 1u << kBlkFeatureFlush;
    if (disk.config_len < 8 || !accept_features(disk, kWanted) ||
        !attach_queue(boot, disk, 0, disk_requests) ||
        !take_interrupt(disk, disk_interrupt)) {
        fail_device(disk);
        return;
    }
    __builtin_memcpy(&capacity, disk.config, sizeof capacity);
    read_only = disk.offered & (1u << kBlkFeatureReadOnly);
    can_flush = disk.offered & (1u << kBlkFeatureFlush);
    memory_end = memory_bytes;
    driver_ok(disk);
    disk_up = true;
}
#line 8549 "chapters/03-drivers.nw"
bool block_present() { return disk_up; }
uint64_t block_sectors() { return disk_up ? capacity : 0; }
bool block_read_only() { return disk_up && read_only; }

int32_t block_read(uint64_t sector, void* buffer, uint32_t bytes) {
    if (int32_t error = check_transfer(buffer, bytes))
        return error;
    return disk_request(abi::kBlkIn, sector, buffer, bytes, true);
}

int32_t block_write(uint64_t sector, const void* buffer, uint32_t bytes) {
    if (int32_t error = check_transfer(buffer, bytes))
        return error;
    if (read_only)
        return -kEROFS;
    return disk_request(abi::kBlkOut, sector, buffer, bytes, false);
}

int32_t block_flush() {
    if (!disk_up)
        return -kENODEV;
    if (!can_flush)
        return 0;
    return disk_request(abi::kBlkFlush, 0, nullptr, 0, false);
}

#line 8603 "chapters/03-drivers.nw"
} // namespace lhv::guest
