// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3862 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "abi/layout.hpp"
#include "switcher/switcher.hpp"

namespace lhv::host {

#line 3883 "chapters/05-host.nw"
inline constexpr uint32_t kDescAccessed = 1u << 8;
inline constexpr uint32_t kDescDirection = 1u << 10;  // conforming
inline constexpr uint32_t kDescCode = 1u << 11;
inline constexpr uint32_t kDescSegment = 1u << 12;    // S: not system
inline constexpr uint32_t kDescDplShift = 13;
inline constexpr uint32_t kDescPages = 1u << 23;      // G

inline uint32_t segment_base(SegmentDescriptor d) {
    return d.low >> 16 | (d.high & 0xFF) << 16 | (d.high & 0xFF000000);
}
inline uint32_t segment_limit(SegmentDescriptor d) {  // 20-bit field
    return (d.low & 0xFFFF) | (d.high & 0xF0000);
}
#line 3904 "chapters/05-host.nw"
inline constexpr uint32_t kFirstGuestEntry = LGUEST_TSS / 8 + 1;

inline const char* gdt_entry_problem(uint32_t index) {
    if (index >= GUEST_GDT_ENTRIES)
        return "past the end of the GDT";
    if (index == 0)
        return "the null descriptor";
    if (index < kFirstGuestEntry)
        return "the Switcher's";
    if (index == abi::kGuestKernelCs / 8u ||
        index == abi::kGuestKernelDs / 8u)
        return "the Guest kernel's own";
    return nullptr;
}
#line 3923 "chapters/05-host.nw"
struct SegmentCheck {
    const char* problem = nullptr;
    SegmentDescriptor fixed{};
    bool ok() const { return problem == nullptr; }
};
#line 3960 "chapters/05-host.nw"
inline SegmentCheck fence_off_switcher(SegmentDescriptor d) {
    uint32_t base = segment_base(d);
    if (base >= abi::kSwitcherAddress)
        return {"segment based in the Switcher", d};
    uint32_t room = abi::kSwitcherAddress - 1 - base;
    uint32_t field = segment_limit(d);
    bool pages = d.high & kDescPages;
    uint64_t last = pages ? (uint64_t{field} << 12 | 0xFFF) : field;
    if (last <= room)
        return {nullptr, d};
    if (pages && room < 0xFFF)
        return {"segment too close to the Switcher", d};
    field = pages ? (room - 0xFFF) >> 12 : room;
    d.low = (d.low & 0xFFFF0000) | (field & 0xFFFF);
    d.high = (d.high & ~0xF0000u) | (field & 0xF0000);
    return {nullptr, d};
}
#line 3935 "chapters/05-host.nw"
inline SegmentCheck check_segment(SegmentDescriptor d) {
    if (d.low == 0 && d.high == 0)
        return {nullptr, d};                   // an empty entry
    if (!(d.high & kDescSegment))
        return {"system descriptor", d};
    if (d.high & kDescDirection)
        return {d.high & kDescCode ? "conforming code segment"
                                   : "expand-down data segment", d};
    if ((d.high >> kDescDplShift & 3) == 0)
        d.high |= 1u << kDescDplShift;          // DPL 0 becomes 1
    d.high |= kDescAccessed;
    return fence_off_switcher(d);
}

#line 3875 "chapters/05-host.nw"
} // namespace lhv::host
