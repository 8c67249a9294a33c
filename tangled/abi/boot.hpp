// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 852 "chapters/01-preparation.nw"
#pragma once
#include <stdint.h>

namespace lhv::abi {

inline constexpr uint32_t kBootInfoMagic = 0x4C48'4249;  // "LHBI"
inline constexpr uint32_t kCommandLineBytes = 256;

struct BootInfo {
    uint32_t magic;
    uint32_t memory_bytes;   // Guest-physical memory is [0, this)
    uint32_t device_page;    // Guest-physical address of the devices
    uint32_t device_pages;
    char command_line[kCommandLineBytes];  // NUL-terminated
};
static_assert(sizeof(BootInfo) == 16 + kCommandLineBytes);

} // namespace lhv::abi
