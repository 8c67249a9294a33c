// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 576 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/boot/console.hpp"

namespace lhv::host {

#line 659 "chapters/05-host.nw"
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
#line 720 "chapters/05-host.nw"
bool Guest::accept_lguest_data(HostLink& link, GuestPhysical address,
                               Origin from) {
    if (has_lguest_data_) {
        kill_call(link, from, "LGUEST_INIT twice");
        return false;
    }
    if (!memory_.contains(address, sizeof(abi::LguestData))) {
        kill(link, "lguest_data 0x%08x is outside the Guest's memory",
             address.value);
        return false;
    }
    auto data = memory_.to_host<abi::LguestData>(address);
    data->reserve_mem = 0u - abi::kSwitcherAddress;
    data->tsc_khz = 0;
    lguest_data_ = address;
    has_lguest_data_ = true;
    return true;
}
#line 626 "chapters/05-host.nw"
[[gnu::always_inline]] inline bool Guest::dispatch(HostLink& link,
                                                   const Call& c) {
    uint32_t call = c.args.arg0;
    
#line 681 "chapters/05-host.nw"
if (call != abi::LHCALL_LGUEST_INIT && call != abi::LHCALL_NOTIFY &&
    call != abi::LHCALL_SHUTDOWN && call != abi::LHCALL_FLUSH_ASYNC) {
    kill_call(link, c.from, "unknown hypercall %u", call);
    return false;
}
#line 630 "chapters/05-host.nw"
    
#line 694 "chapters/05-host.nw"
if (!has_lguest_data_ && call != abi::LHCALL_LGUEST_INIT) {
    kill_call(link, c.from, "hypercall %u before LGUEST_INIT",
              call);
    return false;
}
#line 631 "chapters/05-host.nw"
    switch (call) {
    
#line 709 "chapters/05-host.nw"
case abi::LHCALL_LGUEST_INIT:
    return accept_lguest_data(link, {c.args.arg1}, c.from);
#line 755 "chapters/05-host.nw"
case abi::LHCALL_NOTIFY:
    link.post(abi::Event::Notify, c.args.arg1);
    return false;
#line 765 "chapters/05-host.nw"
case abi::LHCALL_SHUTDOWN:
    state_ = State::Stopped;
    link.post(c.args.arg1 == abi::LGUEST_SHUTDOWN_RESTART
                  ? abi::Event::Restart : abi::Event::PowerOff);
    return false;
#line 780 "chapters/05-host.nw"
case abi::LHCALL_FLUSH_ASYNC:
    return true;
#line 633 "chapters/05-host.nw"
    }
    return true;
}
#line 862 "chapters/05-host.nw"
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
#line 603 "chapters/05-host.nw"
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

#line 587 "chapters/05-host.nw"
} // namespace lhv::host
