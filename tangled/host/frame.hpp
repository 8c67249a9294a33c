// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 1458 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "switcher/switcher.hpp"

namespace lhv::host {

#line 1479 "chapters/05-host.nw"
inline constexpr uint32_t kEflagsIf = 1u << 9;
inline constexpr uint32_t kEflagsIopl = 3u << 12;
inline constexpr uint32_t kEflagsVm = 1u << 17;
inline constexpr uint32_t kVm86ExtraBytes = 16;  // es, ds, fs, gs
#line 1523 "chapters/05-host.nw"
inline const char* eflags_problem(uint32_t eflags) {
    if (eflags & kEflagsVm)
        return "virtual-8086 mode, EFLAGS";
    if (eflags & kEflagsIopl)
        return "I/O privilege in EFLAGS";
    return "interrupts off in EFLAGS";
}
#line 1489 "chapters/05-host.nw"
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

#line 1468 "chapters/05-host.nw"
} // namespace lhv::host
