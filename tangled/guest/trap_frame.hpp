// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 695 "chapters/02-guest.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

struct TrapFrame {
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;  // pushal
    uint32_t gs, fs, es, ds;
    uint32_t vector, error;
    uint32_t eip, cs, eflags;
    uint32_t esp, ss;  // only when from_user()
    bool from_user() const { return (cs & 3) == 3; }
};
static_assert(sizeof(TrapFrame) == 19 * 4);

} // namespace lhv::guest
