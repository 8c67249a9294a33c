// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 572 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/boot/console.hpp"

namespace lhv::host {

bool Guest::hypercall(HostLink& link) {
    if (has_lguest_data_ && !run_queued_hypercalls(link))
        return false;
    hypercall_pending_ = false;
    Registers& r = vcpu_.regs();
    Call c{{r.eax, r.ebx, r.ecx, r.edx, r.esi}, false, r.eip - 2};
    r.eax = 0;
    return dispatch(link, c);
}

bool Guest::dispatch(HostLink& link, const Call& c) {
    uint32_t call = c.args.arg0;
    
#line 648 "chapters/05-host.nw"
if (call != abi::LHCALL_LGUEST_INIT && call != abi::LHCALL_NOTIFY &&
    call != abi::LHCALL_SHUTDOWN && call != abi::LHCALL_FLUSH_ASYNC) {
    kill_call(link, c, "unknown hypercall %u", call);
    return false;
}
#line 590 "chapters/05-host.nw"
    
#line 661 "chapters/05-host.nw"
if (!has_lguest_data_ && call != abi::LHCALL_LGUEST_INIT) {
    kill_call(link, c, "hypercall %u before LGUEST_INIT", call);
    return false;
}
#line 591 "chapters/05-host.nw"
    switch (call) {
    
#line 675 "chapters/05-host.nw"
case abi::LHCALL_LGUEST_INIT:
    return accept_lguest_data(link, {c.args.arg1}, c);
#line 721 "chapters/05-host.nw"
case abi::LHCALL_NOTIFY:
    link.post(abi::Event::Notify, c.args.arg1);
    return false;
#line 731 "chapters/05-host.nw"
case abi::LHCALL_SHUTDOWN:
    state_ = State::Stopped;
    link.post(c.args.arg1 == abi::LGUEST_SHUTDOWN_RESTART
                  ? abi::Event::Restart : abi::Event::PowerOff);
    return false;
#line 746 "chapters/05-host.nw"
case abi::LHCALL_FLUSH_ASYNC:
    return true;
#line 593 "chapters/05-host.nw"
    }
    return true;
}

#line 624 "chapters/05-host.nw"
void Guest::kill_call(HostLink& link, const Call& c, const char* f,
                      ...) {
    char what[abi::kReasonBytes];
    Sink sink{what, sizeof(what), 0};
    what[0] = '\0';
    va_list args;
    va_start(args, f);
    vformat(sink, f, args);
    va_end(args);
    if (c.queued)
        kill(link, "queued hypercall in slot %u: %s", c.where, what);
    else
        kill(link, "%s at eip 0x%08x", what, c.where);
}
#line 686 "chapters/05-host.nw"
bool Guest::accept_lguest_data(HostLink& link, GuestPhysical address,
                               const Call& c) {
    if (has_lguest_data_) {
        kill_call(link, c, "LGUEST_INIT twice");
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
#line 811 "chapters/05-host.nw"
bool Guest::run_queued_hypercalls(HostLink& link) {
    auto data = memory_.to_host<abi::LguestData>(lguest_data_);
    for (uint32_t done = 0; done < abi::kHypercallRingSize; ++done) {
        uint32_t slot = next_hcall_;
        volatile uint8_t& status = data->hcall_status[slot];
        if (status == abi::kHypercallSlotFree)
            return true;
        next_hcall_ = (slot + 1) % abi::kHypercallRingSize;
        const volatile abi::HypercallArgs& a = data->hcalls[slot];
        Call c{{a.arg0, a.arg1, a.arg2, a.arg3, a.arg4}, true, slot};
        bool go_on = dispatch(link, c);
        status = abi::kHypercallSlotFree;
        if (!go_on)
            return false;
    }
    return true;
}

#line 601 "chapters/05-host.nw"
} // namespace lhv::host
