// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 417 "chapters/01-preparation.nw"
#pragma once
#include <stdint.h>

namespace lhv::abi {

#line 440 "chapters/01-preparation.nw"
inline constexpr uint8_t kHypercallVector = 0x1f;
#line 469 "chapters/01-preparation.nw"
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
    LHCALL_COUNT_SWITCHES = 20,  // copy the Host's counts of my exits
};
#line 510 "chapters/01-preparation.nw"
struct HypercallInfo {
    const char* name;    // nullptr: not a hypercall of the table
    uint32_t arguments;  // how many of %ebx, %ecx, %edx, %esi it reads
};

constexpr HypercallInfo hypercall_info(uint32_t call) {
    switch (call) {
    case LHCALL_FLUSH_ASYNC:     return {"FLUSH_ASYNC", 0};
    case LHCALL_LGUEST_INIT:     return {"LGUEST_INIT", 1};
    case LHCALL_SHUTDOWN:        return {"SHUTDOWN", 1};
    case LHCALL_NEW_PGTABLE:     return {"NEW_PGTABLE", 1};
    case LHCALL_FLUSH_TLB:       return {"FLUSH_TLB", 1};
    case LHCALL_LOAD_IDT_ENTRY:  return {"LOAD_IDT_ENTRY", 3};
    case LHCALL_SET_STACK:       return {"SET_STACK", 3};
    case LHCALL_TS:              return {"TS", 1};
    case LHCALL_SET_CLOCKEVENT:  return {"SET_CLOCKEVENT", 1};
    case LHCALL_HALT:            return {"HALT", 0};
    case LHCALL_SET_PTE:         return {"SET_PTE", 3};
    case LHCALL_SET_PGD:         return {"SET_PGD", 2};
    case LHCALL_LOAD_TLS:        return {"LOAD_TLS", 1};
    case LHCALL_NOTIFY:          return {"NOTIFY", 1};
    case LHCALL_LOAD_GDT_ENTRY:  return {"LOAD_GDT_ENTRY", 3};
    case LHCALL_SEND_INTERRUPTS: return {"SEND_INTERRUPTS", 0};
    case LHCALL_COUNT_SWITCHES:  return {"COUNT_SWITCHES", 1};
    }
    return {nullptr, 4};
}

constexpr const char* hypercall_name(uint32_t call) {
    return hypercall_info(call).name;
}
#line 546 "chapters/01-preparation.nw"
enum ShutdownReason : uint32_t {
    LGUEST_SHUTDOWN_POWEROFF = 1,
    LGUEST_SHUTDOWN_RESTART = 2,
};
#line 593 "chapters/01-preparation.nw"
inline constexpr uint32_t kHypercallRingSize = 64;
inline constexpr uint8_t kHypercallSlotFree = 0xFF;
#line 570 "chapters/01-preparation.nw"
inline constexpr uint32_t kCountedVectors = 48;  // 0-31 traps, 32-47 IRQs
struct SwitchCounts {
    uint32_t by_vector[kCountedVectors];  // world switches, by cause
    uint32_t shadow_fills;  // shadow entries the Host filled by itself
};
static_assert(sizeof(SwitchCounts) == 196);

#line 429 "chapters/01-preparation.nw"
} // namespace lhv::abi
