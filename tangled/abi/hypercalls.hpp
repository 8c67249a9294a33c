// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 412 "chapters/01-preparation.nw"
#pragma once
#include <stdint.h>

namespace lhv::abi {

#line 433 "chapters/01-preparation.nw"
inline constexpr uint8_t kHypercallVector = 0x1f;
#line 459 "chapters/01-preparation.nw"
enum Hypercall : uint32_t {
    LHCALL_FLUSH_ASYNC = 0,      // run the queued async hypercalls
    LHCALL_LGUEST_INIT = 1,      // here is my lguest_data
    LHCALL_SHUTDOWN = 2,         // power off or restart
    LHCALL_NEW_PGTABLE = 4,      // switch to another page directory
    LHCALL_FLUSH_TLB = 5,        // forget cached translations
    LHCALL_LOAD_IDT_ENTRY = 6,   // set one interrupt gate
    LHCALL_SET_STACK = 7,        // kernel stack for traps from ring 3
    LHCALL_TS = 8,               // the task-switched bit
    LHCALL_SET_CLOCKEVENT = 9,   // wake me in N nanoseconds
    LHCALL_HALT = 10,            // sleep until an interrupt
    LHCALL_SET_PTE = 14,         // one page-table entry changed
    LHCALL_SET_PGD = 15,         // one page-directory entry changed
    LHCALL_LOAD_TLS = 16,        // thread-local-storage descriptors
    LHCALL_NOTIFY = 17,          // wake the Launcher
    LHCALL_LOAD_GDT_ENTRY = 18,  // set one segment descriptor
    LHCALL_SEND_INTERRUPTS = 19, // deliver pending interrupts now
};
#line 486 "chapters/01-preparation.nw"
enum ShutdownReason : uint32_t {
    LGUEST_SHUTDOWN_POWEROFF = 1,
    LGUEST_SHUTDOWN_RESTART = 2,
};
#line 507 "chapters/01-preparation.nw"
inline constexpr uint32_t kHypercallRingSize = 64;
inline constexpr uint8_t kHypercallSlotFree = 0xFF;

#line 422 "chapters/01-preparation.nw"
} // namespace lhv::abi
