// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 984 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "switcher/switcher.hpp"

namespace lhv::host {

#line 997 "chapters/05-host.nw"
inline constexpr uint32_t kEflagsIf = 1u << 9;
inline constexpr uint32_t kEflagsIopl = 3u << 12;
inline constexpr uint32_t kEflagsVm = 1u << 17;
inline constexpr uint32_t kVm86ExtraBytes = 16;  // es, ds, fs, gs
#line 1007 "chapters/05-host.nw"
struct FrameProblem {
    const char* what = nullptr;
    uint32_t value = 0;
    bool ok() const { return what == nullptr; }
};

inline FrameProblem check_frame(uint32_t address, const Registers& r) {
    if (address == REGISTERS_ADDRESS - kVm86ExtraBytes &&
        (r.eflags & kEflagsVm))
        return {"virtual-8086 mode, EFLAGS", r.eflags};
    if (address != REGISTERS_ADDRESS)
        return {"saved at", address};
    if (r.trapnum > 255)
        return {"trap number", r.trapnum};
    if (r.eflags & kEflagsVm)
        return {"virtual-8086 mode, EFLAGS", r.eflags};
    if (r.eflags & kEflagsIopl)
        return {"I/O privilege in EFLAGS", r.eflags};
    if (!(r.eflags & kEflagsIf))
        return {"interrupts off in EFLAGS", r.eflags};
    uint32_t ring = r.cs & 3;
    if (ring != 1 && ring != 3)
        return {"code selector", r.cs};
    if ((r.ss & 3) != ring)
        return {"stack selector", r.ss};
    return {};
}

#line 993 "chapters/05-host.nw"
} // namespace lhv::host
