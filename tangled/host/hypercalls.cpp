// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 568 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/boot/console.hpp"
#include "host/boot/kernel.hpp"
#include "host/hypercall_name.hpp"

namespace lhv::host {

#line 655 "chapters/05-host.nw"
void Guest::kill_call(HostLink& link, Origin from, const char* f,
                      ...) {
    char what[abi::kReasonBytes];
    va_list args;
    va_start(args, f);
    vformat_to(what, sizeof(what), f, args);
    va_end(args);
    if (from.queued)
        kill(link, "queued hypercall in slot %u: %s", from.where, what);
    else
        kill(link, "%s at eip 0x%08x", what, from.where);
}
#line 733 "chapters/05-host.nw"
bool Guest::accept_lguest_data(HostLink& link, GuestPhysical address,
                               Origin from) {
    const char* name = host::hypercall_name(abi::LHCALL_LGUEST_INIT);
    if (has_lguest_data_) {
        kill_call(link, from, "hypercall 1 (%s): LGUEST_INIT twice, "
                  "lguest_data 0x%08x", name, address.value);
        return false;
    }
    if (!memory_.contains(address, sizeof(abi::LguestData))) {
        kill_call(link, from, "hypercall 1 (%s): lguest_data 0x%08x is "
                  "outside the Guest's memory", name, address.value);
        return false;
    }
    auto data = memory_.to_host<abi::LguestData>(address);
    
#line 1981 "chapters/05-host.nw"
uint32_t vector = data->syscall_vec;
if (vector != 0 && (vector < abi::kFirstGuestIrqVector + abi::kGuestIrqs ||
                    vector > 255)) {
    kill_call(link, from, "LGUEST_INIT: syscall_vec 0x%x is not a "
              "vector the Guest may have", vector);
    return false;
}
syscall_vector_ = vector;
noirq_iret_ = data->noirq_iret;
data->tsc_khz = tsc_khz();
#line 748 "chapters/05-host.nw"
    uint32_t first = address.value & kPageAddressMask;
    map_switcher_window(memory_.to_machine({first}),
                        address.value + sizeof(abi::LguestData) - first >
                                kPageSize ? 2 : 1);
    data->reserve_mem = 0u - abi::kSwitcherAddress;
    lguest_data_ = address;
    has_lguest_data_ = true;
    write_time();
    return true;
}
#line 621 "chapters/05-host.nw"
[[gnu::always_inline]] inline bool Guest::dispatch(HostLink& link,
                                                   const Call& c) {
    uint32_t call = c.args.arg0;
    
#line 683 "chapters/05-host.nw"
constexpr uint32_t kKnownHypercalls =
    1u << abi::LHCALL_FLUSH_ASYNC | 1u << abi::LHCALL_LGUEST_INIT |
    1u << abi::LHCALL_SHUTDOWN | 1u << abi::LHCALL_NOTIFY |
    1u << abi::LHCALL_LOAD_IDT_ENTRY | 1u << abi::LHCALL_SET_STACK |
    1u << abi::LHCALL_TS | 1u << abi::LHCALL_SET_CLOCKEVENT |
    1u << abi::LHCALL_HALT | 1u << abi::LHCALL_SEND_INTERRUPTS |
    1u << abi::LHCALL_LOAD_GDT_ENTRY | 1u << abi::LHCALL_LOAD_TLS |
    1u << abi::LHCALL_NEW_PGTABLE | 1u << abi::LHCALL_FLUSH_TLB |
    1u << abi::LHCALL_SET_PTE | 1u << abi::LHCALL_SET_PGD |
    1u << abi::LHCALL_COUNT_SWITCHES;
if (call >= 32 || !(kKnownHypercalls >> call & 1)) {
    kill_call(link, c.from, "unknown hypercall %u (%s)", call,
              hypercall_name(call));
    return false;
}
#line 625 "chapters/05-host.nw"
    
#line 706 "chapters/05-host.nw"
if (!has_lguest_data_ && call != abi::LHCALL_LGUEST_INIT) {
    kill_call(link, c.from, "hypercall %u (%s) before LGUEST_INIT",
              call, hypercall_name(call));
    return false;
}
#line 626 "chapters/05-host.nw"
    switch (call) {
    
#line 722 "chapters/05-host.nw"
case abi::LHCALL_LGUEST_INIT:
    return accept_lguest_data(link, {c.args.arg1}, c.from);
#line 778 "chapters/05-host.nw"
case abi::LHCALL_NOTIFY:
    if (kick(c.args.arg1))
        return true;
    link.post(abi::Event::Notify, c.args.arg1);
    return false;
#line 789 "chapters/05-host.nw"
case abi::LHCALL_SHUTDOWN:
    state_ = State::Stopped;
    if (exit_log_wanted())
        page_tables_.report();
    link.post(c.args.arg1 == abi::LGUEST_SHUTDOWN_RESTART
                  ? abi::Event::Restart : abi::Event::PowerOff);
    return false;
#line 806 "chapters/05-host.nw"
case abi::LHCALL_FLUSH_ASYNC:
    return true;
#line 1738 "chapters/05-host.nw"
case abi::LHCALL_SET_CLOCKEVENT:
    if (c.args.arg1)
        timer_start(c.args.arg1);
    else
        timer_stop();
    return true;
#line 1781 "chapters/05-host.nw"
case abi::LHCALL_HALT:
    if (!timer_armed() && !deliverable_irqs() && !devices_live()) {
        kill_call(link, c.from, "HALT with no clock event set and no "
                  "interrupt pending: nothing could wake the Guest");
        return false;
    }
    halted_ = true;
    return true;
case abi::LHCALL_SEND_INTERRUPTS:
    return true;
#line 1949 "chapters/05-host.nw"
case abi::LHCALL_TS:
    task_switched_ = c.args.arg1 != 0;
    return true;
case abi::LHCALL_LOAD_IDT_ENTRY:
    return load_idt_entry(link, c);
case abi::LHCALL_SET_STACK:
    return set_stack(link, c);
#line 3999 "chapters/05-host.nw"
default:
    return segment_or_page_call(link, call, c.from,
                                c.from.queued ? &c.args : nullptr);
#line 8468 "chapters/05-host.nw"
case abi::LHCALL_COUNT_SWITCHES:
    return count_switches(link, {c.args.arg1}, c.from);
#line 628 "chapters/05-host.nw"
    }
    return true;
}
#line 889 "chapters/05-host.nw"
bool Guest::run_queued_hypercalls(HostLink& link) {
    auto data = memory_.to_host<abi::LguestData>(lguest_data_);
    volatile uint8_t* status = data->hcall_status;
    for (uint32_t run = 1;; ++run) {
        uint32_t slot = next_hcall_;
        next_hcall_ = (slot + 1) % abi::kHypercallRingSize;
        const volatile abi::HypercallArgs& a = data->hcalls[slot];
        Call c{{a.arg0, a.arg1, a.arg2, a.arg3, a.arg4}, {true, slot}};
        bool go_on = dispatch(link, c);
        status[slot] = abi::kHypercallSlotFree;
        if (!go_on)
            return false;
        if (run == abi::kHypercallRingSize ||
            status[next_hcall_] == abi::kHypercallSlotFree)
            return true;
    }
}
#line 598 "chapters/05-host.nw"
bool Guest::hypercall(HostLink& link) {
    if (has_lguest_data_ && queued_hypercall_waiting() &&
        !run_queued_hypercalls(link))
        return false;
    hypercall_pending_ = false;
    Registers& r = vcpu_.regs();
    Call c;
    c.args = {r.eax, r.ebx, r.ecx, r.edx, r.esi};
    c.from = {false, r.eip - 2};
    r.eax = 0;
    return dispatch(link, c);
}
#line 8477 "chapters/05-host.nw"
bool Guest::count_switches(HostLink& link, GuestPhysical address,
                           Origin from) {
    if (!memory_.contains(address, sizeof(abi::SwitchCounts))) {
        kill_call(link, from, "hypercall 20 (COUNT_SWITCHES): 0x%08x is "
                  "not %u bytes of the Guest's memory", address.value,
                  uint32_t(sizeof(abi::SwitchCounts)));
        return false;
    }
    auto counts = memory_.to_host<abi::SwitchCounts>(address);
    for (uint32_t v = 0; v < abi::kCountedVectors; ++v)
        counts->by_vector[v] = switches_[v];
    counts->shadow_fills = page_tables_.fills();
    return true;
}

#line 582 "chapters/05-host.nw"
} // namespace lhv::host
