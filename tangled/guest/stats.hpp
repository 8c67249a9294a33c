// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 4082 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

struct KernelStats {
    uint32_t hypercalls[32];  // by number
    uint32_t traps[32];       // by vector
    uint32_t interrupts[16];  // by line; 0 is the clock
    uint32_t system_calls;
};
extern KernelStats kernel_stats;

} // namespace lhv::guest
