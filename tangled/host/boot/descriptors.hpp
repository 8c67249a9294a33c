// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 586 "chapters/A-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::host {

#line 607 "chapters/A-kernel.nw"
inline constexpr uint16_t kKernelCs = 0x08;
inline constexpr uint16_t kKernelDs = 0x10;
inline constexpr uint16_t kTssSelector = 0x18;
#line 623 "chapters/A-kernel.nw"
struct SegmentDescriptor {
    uint32_t low, high;

    static constexpr SegmentDescriptor make(uint32_t base,
            uint32_t limit, uint8_t access, uint8_t flags) {
        return {(limit & 0xFFFF) | (base << 16),
                ((base >> 16) & 0xFF) | (uint32_t(access) << 8) |
                (limit & 0xF0000) | (uint32_t(flags & 0xF) << 20) |
                (base & 0xFF000000)};
    }
    static constexpr uint8_t kPresent = 0x80;
    static constexpr uint8_t kCodeAccessed = 0x1B;  // S|exec|read|A
    static constexpr uint8_t kDataAccessed = 0x13;  // S|write|A
    static constexpr uint8_t kTssAvailable = 0x09;
    static constexpr uint32_t kTssBusyBit = 0x200;  // in high
    static constexpr uint8_t kPage32 = 0xC;         // G|D
};
static_assert(sizeof(SegmentDescriptor) == 8);
#line 650 "chapters/A-kernel.nw"
struct Gate {
    uint16_t offset_low, selector;
    uint8_t zero, type;
    uint16_t offset_high;

    static constexpr Gate interrupt(uint32_t handler, uint8_t dpl) {
        return {uint16_t(handler), kKernelCs, 0,
                uint8_t(0x8E | (dpl << 5)), uint16_t(handler >> 16)};
    }
};
static_assert(sizeof(Gate) == 8);
#line 671 "chapters/A-kernel.nw"
struct Tss {
    uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
    uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap, io_map_base;
};
static_assert(sizeof(Tss) == 104);
#line 684 "chapters/A-kernel.nw"
struct [[gnu::packed]] DescriptorTablePointer {
    uint16_t limit;
    uint32_t base;
};
static_assert(sizeof(DescriptorTablePointer) == 6);

#line 597 "chapters/A-kernel.nw"
} // namespace lhv::host
