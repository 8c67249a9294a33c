// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 82 "chapters/03-drivers.nw"
#pragma once
#include <stddef.h>
#include <stdint.h>

namespace lhv::abi {

#line 107 "chapters/03-drivers.nw"
inline constexpr uint8_t kDeviceEnd = 0;      // no more devices
inline constexpr uint8_t kDeviceNet = 1;
inline constexpr uint8_t kDeviceBlock = 2;
inline constexpr uint8_t kDeviceConsole = 3;
inline constexpr uint8_t kDeviceRng = 4;      // the entropy source
#line 124 "chapters/03-drivers.nw"
inline constexpr uint8_t kStatusAcknowledge = 1;
inline constexpr uint8_t kStatusDriver = 2;
inline constexpr uint8_t kStatusDriverOk = 4;
inline constexpr uint8_t kStatusFeaturesOk = 8;
inline constexpr uint8_t kStatusNeedsReset = 64;
inline constexpr uint8_t kStatusFailed = 128;
#line 138 "chapters/03-drivers.nw"
struct DeviceDesc {
    uint8_t type;         // kDeviceNet, ..., or kDeviceEnd
    uint8_t num_vq;       // how many VqConfig records follow
    uint8_t feature_len;  // bytes in each of the two feature bitmaps
    uint8_t config_len;   // bytes of device configuration
    uint8_t status;       // kStatus bits, written by the Guest
};
static_assert(sizeof(DeviceDesc) == 5);
#line 170 "chapters/03-drivers.nw"
struct VqConfig {
    uint16_t num;  // queue size: a power of two, at most 32768
    uint16_t irq;  // the Guest interrupt for used buffers
    uint32_t pfn;  // Guest-physical page number of the ring
};
static_assert(sizeof(VqConfig) == 8);
#line 194 "chapters/03-drivers.nw"
constexpr uint32_t device_desc_bytes(const DeviceDesc& desc) {
    return uint32_t{sizeof(DeviceDesc)} +
           uint32_t{desc.num_vq} * uint32_t{sizeof(VqConfig)} +
           2 * uint32_t{desc.feature_len} + uint32_t{desc.config_len};
}
static_assert(device_desc_bytes({255, 255, 255, 255, 0}) == 2810);
#line 244 "chapters/03-drivers.nw"
inline constexpr uint16_t kDescNext = 1;      // the chain goes on
inline constexpr uint16_t kDescWrite = 2;     // the device writes it
inline constexpr uint16_t kDescIndirect = 4;  // a table of descriptors

struct VirtqDesc {
    uint64_t addr;   // Guest-physical address of the buffer
    uint32_t len;    // its length in bytes
    uint16_t flags;  // kDescNext, kDescWrite, kDescIndirect
    uint16_t next;   // the next descriptor, if kDescNext
};
static_assert(sizeof(VirtqDesc) == 16);
static_assert(offsetof(VirtqDesc, len) == 8);
static_assert(offsetof(VirtqDesc, flags) == 12);
static_assert(offsetof(VirtqDesc, next) == 14);

struct VirtqUsedElem {
    uint32_t id;   // the head of the chain given back
    uint32_t len;  // bytes the device wrote into it
};
static_assert(sizeof(VirtqUsedElem) == 8);
#line 281 "chapters/03-drivers.nw"
inline constexpr uint32_t kQueueSizeMax = 32768;
inline constexpr uint32_t kFeatureIndirectDesc = 28;

inline constexpr uint32_t kDescAlign = 16;
inline constexpr uint32_t kAvailAlign = 2;
inline constexpr uint32_t kUsedAlign = 4;

inline constexpr uint32_t kRingIdx = 2;    // both rings: flags, then idx
constexpr uint32_t avail_slot(uint32_t slot) { return 4 + 2 * slot; }
constexpr uint32_t used_slot(uint32_t slot) { return 4 + 8 * slot; }

constexpr uint32_t desc_table_bytes(uint32_t num) { return 16 * num; }
constexpr uint32_t avail_ring_bytes(uint32_t num) { return 6 + 2 * num; }
constexpr uint32_t used_ring_bytes(uint32_t num) { return 6 + 8 * num; }
#line 311 "chapters/03-drivers.nw"
inline constexpr uint32_t kVringAlign = 4096;

constexpr uint32_t vring_avail_offset(uint32_t num) {
    return desc_table_bytes(num);
}
constexpr uint32_t vring_used_offset(uint32_t num) {
    return (vring_avail_offset(num) + avail_ring_bytes(num) +
            kVringAlign - 1) & ~(kVringAlign - 1);
}
constexpr uint32_t vring_bytes(uint32_t num) {
    return vring_used_offset(num) + used_ring_bytes(num);
}
static_assert(vring_used_offset(256) == 8192);
static_assert(vring_bytes(256) == 8192 + 2054);
static_assert(vring_bytes(kQueueSizeMax) == 593920 + 262150);
#line 3718 "chapters/03-drivers.nw"
struct BlkRequestHeader {
    uint32_t type;      // kBlkIn, kBlkOut, kBlkFlush, ...
    uint32_t reserved;  // zero; a device ignores it
    uint64_t sector;    // the first sector, in 512-byte units
};
static_assert(sizeof(BlkRequestHeader) == 16);

inline constexpr uint32_t kBlkSectorBytes = 512;
inline constexpr uint32_t kBlkIn = 0;      // read sectors
inline constexpr uint32_t kBlkOut = 1;     // write sectors
inline constexpr uint32_t kBlkFlush = 4;   // make writes durable
inline constexpr uint32_t kBlkGetId = 8;   // the disk's name; optional

inline constexpr uint8_t kBlkOk = 0;
inline constexpr uint8_t kBlkIoErr = 1;
inline constexpr uint8_t kBlkUnsupp = 2;
#line 4939 "chapters/03-drivers.nw"
inline constexpr uint32_t kNetFeatureMac = 5;  // config: the card's MAC
inline constexpr uint32_t kNetMacBytes = 6;
inline constexpr uint32_t kNetReceiveQueue = 0;
inline constexpr uint32_t kNetTransmitQueue = 1;

struct NetHeader {
    uint8_t flags;         // checksum work asked: none without features
    uint8_t gso_type;      // segmentation asked: none without features
    uint16_t hdr_len;
    uint16_t gso_size;
    uint16_t csum_start;
    uint16_t csum_offset;
    uint16_t num_buffers;  // receive: 1, the frame is in one buffer
};
static_assert(sizeof(NetHeader) == 12);

inline constexpr uint32_t kEthHeaderBytes = 14;  // to, from, type
inline constexpr uint32_t kEthMaxFrame = 1514;   // 14 + 1500, no FCS
inline constexpr uint32_t kNetBufferBytes =      // one frame's buffer
    sizeof(NetHeader) + kEthMaxFrame;
static_assert(kNetBufferBytes == 1526);

#line 99 "chapters/03-drivers.nw"
} // namespace lhv::abi
