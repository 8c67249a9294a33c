// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 287 "chapters/02-guest.nw"
#pragma once
#include <stdint.h>
#include "abi/hypercalls.hpp"
#include "guest/stats.hpp"

namespace lhv::guest {

inline uint32_t hypercall(abi::Hypercall call, uint32_t arg1 = 0,
                          uint32_t arg2 = 0, uint32_t arg3 = 0,
                          uint32_t arg4 = 0) {
    count(kernel_stats.hypercalls, call);
    uint32_t result;
    asm volatile("int %[vector]"
                 : "=a"(result)
                 : [vector] "i"(abi::kHypercallVector), "a"(call),
                   "b"(arg1), "c"(arg2), "d"(arg3), "S"(arg4)
                 : "memory");
    return result;
}

} // namespace lhv::guest
