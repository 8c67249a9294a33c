// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 606 "chapters/01-preparation.nw"
#pragma once
#include <stdint.h>
#include "abi/hypercalls.hpp"

namespace lhv::abi {

#line 626 "chapters/01-preparation.nw"
inline constexpr uint32_t kGuestIrqs = 32;
inline constexpr uint32_t kFirstGuestIrqVector = 0x20;
inline constexpr uint32_t kGuestClockIrq = 0;
#line 639 "chapters/01-preparation.nw"
struct HypercallArgs {
    uint32_t arg0;  // the call number, as %eax would hold it
    uint32_t arg1, arg2, arg3, arg4;
};
#line 661 "chapters/01-preparation.nw"
struct LguestData {
    // Changed by both sides while the Guest runs.
    uint32_t irq_enabled;  // 0x200 (EFLAGS.IF) when interrupts are on
    uint32_t blocked_interrupts[kGuestIrqs / 32];
    uint32_t cr2;          // the faulting address of the last page fault
    int32_t time_sec;      // wall-clock time, for the Host to keep
    int32_t time_nsec;
    int32_t irq_pending;   // the Host has an interrupt waiting
    uint8_t hcall_status[kHypercallRingSize];
    HypercallArgs hcalls[kHypercallRingSize];
    // Filled in by the Host at LHCALL_LGUEST_INIT.
    uint32_t reserve_mem;  // bytes at the top of the address space
    uint32_t tsc_khz;
    // Filled in by the Guest before LHCALL_LGUEST_INIT.
    uint32_t noirq_iret;     // address of the Guest's iret instruction
    uint32_t kernel_address; // where the Guest kernel is mapped
    uint32_t syscall_vec;    // the vector for direct system calls
};
#line 687 "chapters/01-preparation.nw"
static_assert(sizeof(HypercallArgs) == 20);
static_assert(sizeof(LguestData) == 1388);

#line 617 "chapters/01-preparation.nw"
} // namespace lhv::abi
