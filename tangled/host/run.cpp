// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 422 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/frame.hpp"
#include "host/boot/console.hpp"
#include "host/boot/kernel.hpp"

namespace lhv::host {

void Guest::run(HostLink& link) {
    if (state_ != State::Running) {
        link.post(abi::Event::Refused, 0, "there is no Guest to run");
        return;
    }
    for (;;) {
        if (hypercall_pending_ && !hypercall(link))
            return;
        switcher_state().guest_cr3 = page_tables_.cr3();
        asm volatile("cli" : : : "memory");
        uint32_t frame = switch_to_guest();
        if (!handle_exit(link, frame))
            return;
    }
}

#line 524 "chapters/05-host.nw"
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

static bool has_error_code(uint32_t trap) {
    return trap == 8 || (trap >= 10 && trap <= 14) || trap == 17;
}
#line 469 "chapters/05-host.nw"
bool Guest::handle_exit(HostLink& link, uint32_t frame) {
    
#line 1538 "chapters/05-host.nw"
if (FrameProblem p = check_frame(frame,
        *reinterpret_cast<const Registers*>(frame)); !p.ok()) {
    kill(link, "bad trap frame: %s 0x%08x", p.what, p.value);
    return false;
}
#line 471 "chapters/05-host.nw"
    const Registers& r = vcpu_.regs();
    if (r.trapnum >= kIrqBase && r.trapnum < kIrqBase + 16) {
        handle_irq(r.trapnum);
        return true;
    }
    if (r.trapnum == abi::kHypercallVector) {
        hypercall_pending_ = true;
        return true;
    }
    if (has_error_code(r.trapnum))
        kill(link, "trap %u (%s) at eip 0x%08x, error code 0x%x",
             r.trapnum, trap_name(r.trapnum), r.eip, r.errcode);
    else
        kill(link, "trap %u (%s) at eip 0x%08x", r.trapnum,
             trap_name(r.trapnum), r.eip);
    return false;
}
#line 508 "chapters/05-host.nw"
void Guest::kill(HostLink& link, const char* f, ...) {
    va_list args;
    va_start(args, f);
    vformat_to(reason_, sizeof(reason_), f, args);
    va_end(args);
    state_ = State::Stopped;
    link.post(abi::Event::GuestDied, 0, reason_);
}

#line 449 "chapters/05-host.nw"
} // namespace lhv::host
