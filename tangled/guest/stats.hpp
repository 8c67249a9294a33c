// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 4108 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>
#include "abi/lguest_data.hpp"

namespace lhv::guest {

inline constexpr uint32_t kHypercallNumbers = 32;
inline constexpr uint32_t kTrapVectors = 256;
inline constexpr uint32_t kSystemCallNumbers = 512;

struct KernelStats {
    uint32_t hypercalls[kHypercallNumbers];
    uint32_t queued_hypercalls[kHypercallNumbers];
    uint32_t traps[kTrapVectors];
    uint32_t interrupts[abi::kGuestIrqs];
    uint32_t system_calls[kSystemCallNumbers];
};

extern KernelStats kernel_stats;

} // namespace lhv::guest
