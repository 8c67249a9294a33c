// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3394 "chapters/05-host.nw"
#pragma once
#include <stdint.h>

namespace lhv::host {

inline const char* hypercall_name(uint32_t call) {
    static constexpr const char* kNames[] = {
        "FLUSH_ASYNC", "LGUEST_INIT", "SHUTDOWN", nullptr,
        "NEW_PGTABLE", "FLUSH_TLB", "LOAD_IDT_ENTRY", "SET_STACK",
        "TS", "SET_CLOCKEVENT", "HALT", nullptr, nullptr, nullptr,
        "SET_PTE", "SET_PGD", "LOAD_TLS", "NOTIFY", "LOAD_GDT_ENTRY",
        "SEND_INTERRUPTS"};
    if (call < sizeof(kNames) / sizeof(kNames[0]) && kNames[call])
        return kNames[call];
    return "no such call";
}

} // namespace lhv::host
