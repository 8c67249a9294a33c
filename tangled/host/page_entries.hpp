// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 5916 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "abi/layout.hpp"

namespace lhv::host {

inline constexpr uint32_t kSwitcherDirectoryIndex =
    abi::kSwitcherAddress >> 22;

inline const char* page_directory_problem(uint32_t address,
                                          uint32_t pages) {
    if (address % abi::kPageSize || address / abi::kPageSize >= pages)
        return "is not a page of the Guest's memory";
    return nullptr;
}

inline const char* guest_entry_problem(uint32_t entry, uint32_t pages) {
    if (!(entry & abi::kPagePresent))
        return nullptr;
    if (entry & abi::kPageLarge)
        return "asks for a large page";
    if (entry >> 12 >= pages)
        return "maps a page beyond the Guest's memory";
    return nullptr;
}

#line 5292 "chapters/05-host.nw"
struct GuestWalk {
    bool mapped = false;            // page and rights are the answer
    uint32_t page = 0;              // mapped: the Guest-physical page
    uint32_t rights = 0;            // mapped: both entries' rights
    uint32_t entry = 0;             // the last entry read
    const char* which = nullptr;    // its kind
    const char* problem = nullptr;  // what is wrong with it, if anything
    bool read_pte = false;          // a table entry was read, ...
    uint32_t pte = 0;               // ... at this Guest-physical address
};

template <class ReadWord>
GuestWalk walk_guest_tables(ReadWord read, uint32_t directory,
                            uint32_t address, uint32_t pages) {
    GuestWalk w;
    uint32_t pde = read(directory + (address >> 22) * 4);
    w.entry = pde;
    w.which = "page-directory entry";
    if (!(pde & abi::kPagePresent))
        return w;
    if ((w.problem = guest_entry_problem(pde, pages)))
        return w;
    w.read_pte = true;
    w.pte = (pde & abi::kPageFrameMask) + ((address >> 12) & 1023) * 4;
    w.entry = read(w.pte);
    w.which = "page-table entry";
    if (!(w.entry & abi::kPagePresent))
        return w;
    if ((w.problem = guest_entry_problem(w.entry, pages)))
        return w;
    w.page = w.entry & abi::kPageFrameMask;
    w.rights = pde & w.entry & abi::kPageRights;
    w.mapped = true;
    return w;
}
#line 5943 "chapters/05-host.nw"
} // namespace lhv::host
