// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 5678 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "abi/layout.hpp"

namespace lhv::host {

inline constexpr uint32_t kGuestEntryPresent = 1u;
inline constexpr uint32_t kGuestEntryLarge = 1u << 7;
inline constexpr uint32_t kSwitcherDirectoryIndex =
    abi::kSwitcherAddress >> 22;

inline const char* page_directory_problem(uint32_t address,
                                          uint32_t pages) {
    if (address % abi::kPageSize || address / abi::kPageSize >= pages)
        return "is not a page of the Guest's memory";
    return nullptr;
}

inline const char* guest_entry_problem(uint32_t entry, uint32_t pages) {
    if (!(entry & kGuestEntryPresent))
        return nullptr;
    if (entry & kGuestEntryLarge)
        return "asks for a large page";
    if (entry >> 12 >= pages)
        return "maps a page beyond the Guest's memory";
    return nullptr;
}

} // namespace lhv::host
