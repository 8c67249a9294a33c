// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 701 "chapters/01-preparation.nw"
#pragma once
#include <stdint.h>

namespace lhv::abi {

inline constexpr uint32_t kPageSize = 4096;
inline constexpr uint32_t kHostMemoryBytes = 64u << 20;
inline constexpr uint32_t kGuestBase = kHostMemoryBytes;
#line 723 "chapters/01-preparation.nw"
inline constexpr uint32_t kPageOffset = 0xC0000000;
inline constexpr uint32_t kGuestLoadAddress = 0x00100000;
inline constexpr uint32_t kSwitcherAddress = 0xFFC00000;
#line 755 "chapters/01-preparation.nw"
inline constexpr uint32_t kBootInfoAddress = 0x1000;
#line 767 "chapters/01-preparation.nw"
inline constexpr uint16_t kGuestKernelCs = (4 << 3) | 1;
inline constexpr uint16_t kGuestKernelDs = (5 << 3) | 1;
inline constexpr uint32_t kTlsFirstEntry = 6;  // GDT entries 6, 7, 8
inline constexpr uint32_t kTlsEntries = 3;
#line 737 "chapters/01-preparation.nw"
inline constexpr uint32_t kPagePresent = 1u << 0;
inline constexpr uint32_t kPageWritable = 1u << 1;
inline constexpr uint32_t kPageUser = 1u << 2;
inline constexpr uint32_t kPageAccessed = 1u << 5;
inline constexpr uint32_t kPageDirty = 1u << 6;
inline constexpr uint32_t kPageLarge = 1u << 7;
inline constexpr uint32_t kPageRights =
    kPagePresent | kPageWritable | kPageUser;
inline constexpr uint32_t kPageFrameMask = 0xFFFFF000;

#line 714 "chapters/01-preparation.nw"
} // namespace lhv::abi
