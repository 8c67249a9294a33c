// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 532 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/boot/console.hpp"

namespace lhv::host {

bool Guest::hypercall(HostLink& link) {
    Registers& r = vcpu_.regs();
    uint32_t call = r.eax, at = r.eip - 2;
    
#line 562 "chapters/05-host.nw"
if (call != abi::LHCALL_LGUEST_INIT && call != abi::LHCALL_NOTIFY &&
    call != abi::LHCALL_SHUTDOWN && call != abi::LHCALL_FLUSH_ASYNC) {
    kill(link, "unknown hypercall %u at eip 0x%08x", call, at);
    return false;
}
#line 541 "chapters/05-host.nw"
    
#line 574 "chapters/05-host.nw"
if (!has_lguest_data_ && call != abi::LHCALL_LGUEST_INIT) {
    kill(link, "hypercall %u before LGUEST_INIT at eip 0x%08x", call,
         at);
    return false;
}
#line 542 "chapters/05-host.nw"
    r.eax = 0;
    switch (call) {
    
#line 589 "chapters/05-host.nw"
case abi::LHCALL_LGUEST_INIT:
    return accept_lguest_data(link, {r.ebx}, at);
#line 632 "chapters/05-host.nw"
case abi::LHCALL_NOTIFY:
    link.post(abi::Event::Notify, r.ebx);
    return false;
#line 642 "chapters/05-host.nw"
case abi::LHCALL_SHUTDOWN:
    state_ = State::Stopped;
    link.post(r.ebx == abi::LGUEST_SHUTDOWN_RESTART
                  ? abi::Event::Restart : abi::Event::PowerOff);
    return false;
#line 664 "chapters/05-host.nw"
case abi::LHCALL_FLUSH_ASYNC:
    return refuse_queued_hypercalls(link, at);
#line 545 "chapters/05-host.nw"
    }
    return true;
}

#line 597 "chapters/05-host.nw"
bool Guest::accept_lguest_data(HostLink& link, GuestPhysical address,
                               uint32_t at) {
    if (has_lguest_data_) {
        kill(link, "LGUEST_INIT twice at eip 0x%08x", at);
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
#line 677 "chapters/05-host.nw"
bool Guest::refuse_queued_hypercalls(HostLink& link, uint32_t at) {
    auto data = memory_.to_host<abi::LguestData>(lguest_data_);
    for (uint32_t slot = 0; slot < abi::kHypercallRingSize; ++slot) {
        const volatile uint8_t& status = data->hcall_status[slot];
        if (status != abi::kHypercallSlotFree) {
            kill(link, "queued hypercall in slot %u: the async ring is "
                       "not supported yet (eip 0x%08x)", slot, at);
            return false;
        }
    }
    return true;
}

#line 552 "chapters/05-host.nw"
} // namespace lhv::host
