// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3105 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "switcher/switcher.hpp"

namespace lhv::host {

#line 3127 "chapters/05-host.nw"
inline constexpr uint32_t kEflagsIf = 1u << 9;
inline constexpr uint32_t kEflagsIopl = 3u << 12;
inline constexpr uint32_t kEflagsVm = 1u << 17;
inline constexpr uint32_t kVm86ExtraBytes = 16;  // es, ds, fs, gs
#line 3171 "chapters/05-host.nw"
inline const char* eflags_problem(uint32_t eflags) {
    if (eflags & kEflagsVm)
        return "virtual-8086 mode, EFLAGS";
    if (eflags & kEflagsIopl)
        return "I/O privilege in EFLAGS";
    return "interrupts off in EFLAGS";
}
#line 3137 "chapters/05-host.nw"
struct FrameProblem {
    const char* what = nullptr;
    uint32_t value = 0;
    bool ok() const { return what == nullptr; }
};

inline FrameProblem check_frame(uint32_t address, const Registers& r) {
    if (address != REGISTERS_ADDRESS) {
        if (address == REGISTERS_ADDRESS - kVm86ExtraBytes &&
            (r.eflags & kEflagsVm))
            return {"virtual-8086 mode, EFLAGS", r.eflags};
        return {"saved at", address};
    }
    if (r.trapnum > 255)
        return {"trap number", r.trapnum};
    constexpr uint32_t kChecked = kEflagsVm | kEflagsIopl | kEflagsIf;
    if ((r.eflags & kChecked) != kEflagsIf)
        return {eflags_problem(r.eflags), r.eflags};
    if (!(r.cs & 1))
        return {"code selector", r.cs};
    if ((r.ss ^ r.cs) & 3)
        return {"stack selector", r.ss};
    return {};
}
#line 4192 "chapters/05-host.nw"
inline const char* switcher_fault(uint32_t address, const Registers& r) {
    if ((r.cs & 0xFFFF) != LGUEST_CS || r.eip < SWITCHER_ADDRESS ||
        r.eip >= SWITCHER_REGS_PAGE)
        return nullptr;
    constexpr uint32_t kPushed = 17 * 4;  // CPU 4, stub 1, Switcher 12
    switch (address + kPushed - REGISTERS_ADDRESS) {
    case offsetof(Registers, gs): return "%gs";
    case offsetof(Registers, fs): return "%fs";
    case offsetof(Registers, es): return "%es";
    case offsetof(Registers, ds): return "%ds";
    case offsetof(Registers, eip): return "%cs or %ss";
    }
    return "registers";
}

#line 3116 "chapters/05-host.nw"
} // namespace lhv::host
