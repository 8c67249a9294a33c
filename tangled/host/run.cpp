// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 362 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/frame.hpp"
#include "host/boot/console.hpp"
#include "host/boot/cpu.hpp"
#include "host/boot/kernel.hpp"

namespace lhv::host {

#line 1962 "chapters/05-host.nw"
static void load_task_switched(bool on) {
    constexpr uint32_t kCr0Ts = 1u << 3;
    uint32_t cr0 = read_cr0();
    write_cr0(on ? cr0 | kCr0Ts : cr0 & ~kCr0Ts);
}

#line 372 "chapters/05-host.nw"
void Guest::run(HostLink& link) {
    if (state_ != State::Running) {
        link.post(abi::Event::Refused, 0, "there is no Guest to run");
        return;
    }
    for (;;) {
        if (doorbell_rang() && !take_device_interrupts(link))
            return;
        if (hypercall_pending_ && !hypercall(link))
            return;
        if (halted_ && !sleep_until_interrupt(link))
            return;
        if (irqs_pending_ && !deliver_interrupt(link))
            return;
        if (task_switched_ != task_switched_loaded_) {
            load_task_switched(task_switched_);
            task_switched_loaded_ = task_switched_;
        }
        
#line 422 "chapters/05-host.nw"
switcher_state().null_hypercall =
    has_lguest_data_ && !irqs_pending_ && !exit_log_wanted()
        ? SWITCHER_WINDOW + lguest_data_.value % kPageSize +
              offsetof(abi::LguestData, hcall_status) + next_hcall_
        : 0;
#line 391 "chapters/05-host.nw"
        asm volatile("cli" : : : "memory");
        uint32_t frame = switch_to_guest();
        if (!handle_exit(link, frame))
            return;
    }
}

#line 520 "chapters/05-host.nw"
static const char* trap_name(uint32_t trap) {
    static const char* const names[] = {
        "divide error", "debug", "non-maskable interrupt",
        "breakpoint", "overflow", "bound range exceeded",
        "invalid opcode", "device not available", "double fault",
        "coprocessor segment overrun", "invalid TSS",
        "segment not present", "stack fault", "general protection",
        "page fault", "reserved", "x87 floating-point error",
        "alignment check", "machine check", "SIMD floating-point"};
    if (trap < sizeof(names) / sizeof(names[0]))
        return names[trap];
    return trap < 32 ? "reserved" : "unexpected interrupt";
}
#line 454 "chapters/05-host.nw"
bool Guest::handle_exit(HostLink& link, uint32_t frame) {
    
#line 8057 "chapters/05-host.nw"
if (exit_log_wanted()) [[unlikely]]
    record_exit(frame);
#line 456 "chapters/05-host.nw"
    
#line 3186 "chapters/05-host.nw"
if (FrameProblem p = check_frame(frame,
        *reinterpret_cast<const Registers*>(frame)); !p.ok()) {
    
#line 4212 "chapters/05-host.nw"
if (kill_switcher_fault(link, frame))
    return false;
#line 3189 "chapters/05-host.nw"
    kill(link, "bad trap frame: %s 0x%08x", p.what, p.value);
    return false;
}
#line 457 "chapters/05-host.nw"
    if (switcher_state().guest_cr3 != page_tables_.cr3()) [[unlikely]]
        page_tables_.follow(switcher_state().guest_cr3);
    const Registers& r = vcpu_.regs();
    const uint32_t trap = r.trapnum;
    
#line 8430 "chapters/05-host.nw"
++switches_[trap];
#line 462 "chapters/05-host.nw"
    if (trap >= kIrqBase && trap < kIrqBase + 16) {
        handle_irq(trap);
        if (timer_expired())
            irqs_pending_ |= 1u << abi::kGuestClockIrq;
        return true;
    }
    if (trap == abi::kHypercallVector) {
        hypercall_pending_ = true;
        return true;
    }
    if (trap == 14)
        return page_fault(link);
    if (trap < 32)
        return reflect_trap(link);
    kill(link, "trap %u (%s) at eip 0x%08x", trap, trap_name(trap),
         r.eip);
    return false;
}
#line 1614 "chapters/05-host.nw"
bool Guest::reflect_trap(HostLink& link) {
    const Registers& r = vcpu_.regs();
    uint32_t trap = r.trapnum, eip = r.eip, top = 0;
    bool error = abi::trap_has_error_code(trap);
    if (eip == handler_entered_) {
        kill(link, "trap %u (%s) at eip 0x%08x, the first instruction "
             "of a handler the Host just entered", trap,
             trap_name(trap), eip);
        return false;
    }
    if (trap == 14 && has_lguest_data_)
        memory_.to_host<abi::LguestData>(lguest_data_)->cr2 = read_cr2();
    Entry entry = enter_handler(trap, error, r.errcode, top);
    if (entry == Entry::Done) {
        handler_entered_ = r.eip;
        return true;
    }
    if (error)
        kill(link, "trap %u (%s) at eip 0x%08x, error code 0x%x: %s",
             trap, trap_name(trap), eip, r.errcode, why_not(entry));
    else
        kill(link, "trap %u (%s) at eip 0x%08x: %s", trap,
             trap_name(trap), eip, why_not(entry));
    return false;
}
#line 501 "chapters/05-host.nw"
void Guest::kill(HostLink& link, const char* f, ...) {
    va_list args;
    va_start(args, f);
    vformat_to(reason_, sizeof(reason_), f, args);
    va_end(args);
    state_ = State::Stopped;
    if (exit_log_wanted())
        page_tables_.report();
    link.post(abi::Event::GuestDied, 0, reason_);
}
#line 4224 "chapters/05-host.nw"
bool Guest::kill_switcher_fault(HostLink& link, uint32_t frame) {
    const Registers& f = *reinterpret_cast<const Registers*>(frame);
    const char* what = switcher_fault(frame, f);
    if (!what)
        return false;
    kill(link, "the Switcher could not load the Guest's %s: trap %u "
         "(%s), error code 0x%x", what, f.trapnum,
         trap_name(f.trapnum), f.errcode);
    return true;
}

#line 404 "chapters/05-host.nw"
} // namespace lhv::host
