// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 3578 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>
#include "abi/lguest_data.hpp"

namespace lhv::guest {

inline constexpr uint32_t kHypercallNumbers = 32;
inline constexpr uint32_t kTrapVectors = 256;
inline constexpr uint32_t kSystemCallNumbers = 512;

struct KernelStats {
    uint32_t hypercalls[kHypercallNumbers];         // int $0x1f, by call
    uint32_t queued_hypercalls[kHypercallNumbers];  // through the ring
    uint32_t traps[kTrapVectors];                   // by vector
    uint32_t interrupts[abi::kGuestIrqs];           // by line; 0: clock
    uint32_t system_calls[kSystemCallNumbers];      // by number
};

extern KernelStats kernel_stats;

template <uint32_t N>
inline void count(uint32_t (&counters)[N], uint32_t index) {
    ++counters[index < N ? index : N - 1];
}

} // namespace lhv::guest
