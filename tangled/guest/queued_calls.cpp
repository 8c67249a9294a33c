// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1265 "chapters/02-guest.nw"
#include "abi/hypercalls.hpp"
#include "abi/lguest_data.hpp"
#include "guest/hypercall.hpp"
#include "guest/kernel.hpp"

namespace lhv::guest {

void queue_hypercall(abi::Hypercall call, uint32_t arg1, uint32_t arg2,
                     uint32_t arg3) {
    static uint32_t next = 0;
    if (lguest_data.hcall_status[next] != abi::kHypercallSlotFree)
        hypercall(abi::LHCALL_FLUSH_ASYNC);
    count(kernel_stats.queued_hypercalls, call);
    lguest_data.hcalls[next] = {call, arg1, arg2, arg3, 0};
    asm volatile("" ::: "memory");  // the numbers before the status
    lguest_data.hcall_status[next] = 0;
    next = (next + 1) % abi::kHypercallRingSize;
}

} // namespace lhv::guest
