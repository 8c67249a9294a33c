// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 74 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "abi/lguest_data.hpp"
#include "host/addresses.hpp"
#include "host/boot/link.hpp"
#include "switcher/switcher.hpp"

namespace lhv::host {

#line 96 "chapters/05-host.nw"
struct [[nodiscard]] Result {
    const char* reason = nullptr;
    bool ok() const { return reason == nullptr; }
};
#line 111 "chapters/05-host.nw"
struct GuestMemory {
    MachinePhysical base{0};
    uint32_t pages = 0;

    uint32_t bytes() const { return pages * kPageSize; }
    bool contains(GuestPhysical address, uint32_t length) const {
        return address.value <= bytes() &&
               length <= bytes() - address.value;
    }
    MachinePhysical to_machine(GuestPhysical address) const {
        return {base.value + address.value};
    }
    template <typename T> T* to_host(GuestPhysical address) const {
        return reinterpret_cast<T*>(to_machine(address).value);
    }
};
#line 144 "chapters/05-host.nw"
class ShadowPageTables {
public:
    bool build(const GuestMemory& memory);  // false: out of memory
    void forget_touched_pages() const;
    void release();
    uint32_t cr3() const { return directory_.value; }
private:
    bool map(GuestVirtual address, MachinePhysical page);
    uint32_t* directory() const {
        return reinterpret_cast<uint32_t*>(directory_.value);
    }
    MachinePhysical directory_{0};
};
#line 167 "chapters/05-host.nw"
class Vcpu {
public:
    Registers& regs() const { return guest_registers(); }
    void reset(GuestVirtual entry, GuestVirtual boot_info) const;
};
#line 179 "chapters/05-host.nw"
class Guest {
public:
    Result initialize(const LinkRequest& request,
                      MachinePhysical ram_end);
    void run(HostLink& link);
private:
    enum class State { Empty, Running, Stopped };
    
#line 319 "chapters/05-host.nw"
void give_segments();
#line 494 "chapters/05-host.nw"
bool handle_exit(HostLink& link, uint32_t frame);
bool hypercall(HostLink& link);
void kill(HostLink& link, const char* format, ...)
    __attribute__((format(printf, 3, 4)));
#line 561 "chapters/05-host.nw"
struct Origin {
    bool queued;              // from the ring, not from registers
    uint32_t where;           // the slot if queued, else the eip
};
struct Call {
    abi::HypercallArgs args;  // args.arg0 is the call number
    Origin from;
};
#line 642 "chapters/05-host.nw"
bool dispatch(HostLink& link, const Call& c);
void kill_call(HostLink& link, Origin from, const char* format, ...)
    __attribute__((format(printf, 4, 5)));
bool hypercall_pending_ = false;
#line 743 "chapters/05-host.nw"
bool accept_lguest_data(HostLink& link, GuestPhysical address,
                        Origin from);
#line 798 "chapters/05-host.nw"
uint32_t next_hcall_ = 0;
#line 816 "chapters/05-host.nw"
bool queued_hypercall_waiting() const {
    auto data = memory_.to_host<abi::LguestData>(lguest_data_);
    const volatile uint8_t& status = data->hcall_status[next_hcall_];
    return status != abi::kHypercallSlotFree;
}
bool run_queued_hypercalls(HostLink& link);
#line 187 "chapters/05-host.nw"
    GuestMemory memory_;
    ShadowPageTables page_tables_;
    Vcpu vcpu_;
    State state_ = State::Empty;
    GuestPhysical lguest_data_{0};
    bool has_lguest_data_ = false;
    char reason_[abi::kReasonBytes] = {};
};

#line 89 "chapters/05-host.nw"
} // namespace lhv::host
