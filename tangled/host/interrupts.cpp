// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 2019 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/frame.hpp"
#include "host/boot/cpu.hpp"
#include "host/boot/kernel.hpp"

namespace lhv::host {

#line 1289 "chapters/05-host.nw"
namespace {
constexpr uint8_t kGatePresent = 0x80;
constexpr uint8_t kInterruptGate = 0xE, kTrapGate = 0xF;
constexpr uint32_t kEflagsTf = 1u << 8, kEflagsNt = 1u << 14,
                   kEflagsRf = 1u << 16;
constexpr uint32_t kMaxStackPages = 2;
}

static Gate gate_from_words(uint32_t low, uint32_t high) {
    return {uint16_t(low), uint16_t(low >> 16), uint8_t(high),
            uint8_t(high >> 8), uint16_t(high >> 16)};
}
static bool gate_present(const Gate& g) { return g.type & kGatePresent; }
static uint8_t gate_type(const Gate& g) { return g.type & 0x0F; }
static uint32_t gate_handler(const Gate& g) {
    return g.offset_low | uint32_t(g.offset_high) << 16;
}
#line 1319 "chapters/05-host.nw"
static bool never_the_guests(uint32_t vector) {
    return vector == 2 || vector == 8 || vector == 15 ||
           vector == abi::kHypercallVector;
}
#line 1412 "chapters/05-host.nw"
static bool could_go_direct(uint32_t vector, uint32_t syscall_vector) {
    if (vector >= 32)
        return vector == syscall_vector;
    return !never_the_guests(vector) && vector != 7 && vector != 13 &&
           vector != 14 && vector != 18;
}
#line 1341 "chapters/05-host.nw"
bool Guest::load_idt_entry(HostLink& link, const Call& c) {
    uint32_t vector = c.args.arg1;
    if (vector > 255) {
        kill_call(link, c.from, "LOAD_IDT_ENTRY: vector %u is past "
                  "the IDT", vector);
        return false;
    }
    if (never_the_guests(vector))
        return true;
    Gate gate = gate_from_words(c.args.arg2, c.args.arg3);
    if (!gate_present(gate)) {
        idt_[vector] = {};
    } else {
        
#line 1369 "chapters/05-host.nw"
if (gate_type(gate) != kInterruptGate && gate_type(gate) != kTrapGate) {
    kill_call(link, c.from, "LOAD_IDT_ENTRY: vector %u has gate type "
              "0x%x, not an interrupt or trap gate", vector,
              gate_type(gate));
    return false;
}
if (gate_handler(gate) >= abi::kSwitcherAddress) {
    kill_call(link, c.from, "LOAD_IDT_ENTRY: vector %u's handler "
              "0x%08x is in the Switcher", vector, gate_handler(gate));
    return false;
}
#line 1355 "chapters/05-host.nw"
        gate.selector = abi::kGuestKernelCs;
        gate.zero = 0;
        gate.type = kGatePresent | (gate.type & 0x60) | gate_type(gate);
        idt_[vector] = gate;
    }
    install_gate(vector);
    return true;
}
#line 1429 "chapters/05-host.nw"
void Guest::install_gate(uint32_t vector) {
    const Gate& wanted = idt_[vector];
    Gate& real = switcher_state().guest_idt[vector];
    if (gate_present(wanted) && gate_type(wanted) == kTrapGate &&
        could_go_direct(vector, syscall_vector_))
        real = wanted;
    else
        real = switcher_gate(vector);
}
#line 1457 "chapters/05-host.nw"
bool Guest::set_stack(HostLink& link, const Call& c) {
    uint32_t segment = c.args.arg1, top = c.args.arg2,
             pages = c.args.arg3;
    if (segment != abi::kGuestKernelDs) {
        kill_call(link, c.from, "SET_STACK: segment 0x%x is not the "
                  "Guest kernel's data segment", segment);
        return false;
    }
    if (pages == 0 || pages > kMaxStackPages || top % 4 ||
        top < pages * kPageSize || top > abi::kSwitcherAddress) {
        kill_call(link, c.from, "SET_STACK: %u pages below 0x%08x are "
                  "not a stack in the Guest's memory", pages, top);
        return false;
    }
    switcher_state().guest_tss.ss1 = segment;
    switcher_state().guest_tss.esp1 = top;
    stack_pages_ = pages;
    page_tables_.allow_switching_alone(top - pages * kPageSize >=
                                       abi::kPageOffset);
    return pin_kernel_stack(link, "SET_STACK");
}
#line 1511 "chapters/05-host.nw"
Guest::Entry Guest::enter_handler(uint32_t vector, bool has_error,
                                  uint32_t error, uint32_t& top) {
    const Gate gate = idt_[vector];
    if (!has_lguest_data_ || !gate_present(gate))
        return Entry::NoHandler;
    Registers& r = vcpu_.regs();
    bool from_user = (r.cs & 3) == 3;
    top = from_user ? switcher_state().guest_tss.esp1 : r.esp;
    if (from_user ? !top : r.ss != abi::kGuestKernelDs)
        return Entry::NoStack;
    auto data = memory_.to_host<abi::LguestData>(lguest_data_);
    uint32_t frame[6], n = 0;  // lowest address first
    if (has_error)
        frame[n++] = error;
    frame[n++] = r.eip;
    frame[n++] = r.cs;
    frame[n++] = (r.eflags & ~kEflagsIf) | (data->irq_enabled & kEflagsIf);
    if (from_user) {
        frame[n++] = r.esp;
        frame[n++] = r.ss;
    }
    uint32_t low = top - n * 4;
    if (top % 4 || top < n * 4)
        return Entry::BadStack;
    uint32_t* first = page_tables_.kernel_writable_page({low});
    uint32_t* last = (low ^ (top - 4)) & kPageAddressMask
                         ? page_tables_.kernel_writable_page({top - 4})
                         : first;
    if (!first || !last)
        return Entry::BadStack;
    for (uint32_t i = 0, at = low; i < n; ++i, at += 4) {
        uint32_t* page = (at ^ low) & kPageAddressMask ? last : first;
        page[(at % kPageSize) / 4] = frame[i];
    }
    r.esp = low;
    r.ss = abi::kGuestKernelDs;
    r.cs = abi::kGuestKernelCs;
    r.eip = gate_handler(gate);
    r.eflags &= ~(kEflagsTf | kEflagsNt | kEflagsRf);
    if (gate_type(gate) == kInterruptGate)
        data->irq_enabled = 0;
    return Entry::Done;
}
#line 1578 "chapters/05-host.nw"
const char* Guest::why_not(Entry entry) {
    switch (entry) {
    case Entry::NoHandler:
        return "the Guest has no handler for it";
    case Entry::NoStack:
        return "the Guest has no kernel stack the Host can push to";
    case Entry::BadStack:
        return "the Guest's stack cannot take the frame";
    case Entry::Done:
        break;
    }
    return "";
}
#line 1655 "chapters/05-host.nw"
uint32_t Guest::deliverable_irqs() const {
    auto data = memory_.to_host<const abi::LguestData>(lguest_data_);
    return irqs_pending_ & ~data->blocked_interrupts[0];
}
#line 1688 "chapters/05-host.nw"
bool Guest::deliver_interrupt(HostLink& link) {
    auto data = memory_.to_host<abi::LguestData>(lguest_data_);
    uint32_t ready = deliverable_irqs();
    if (!ready)
        return true;
    if (!(data->irq_enabled & kEflagsIf)) {
        data->irq_pending = 1;
        return true;
    }
    uint32_t irq = __builtin_ctz(ready);
    uint32_t vector = abi::kFirstGuestIrqVector + irq;
    const Gate gate = idt_[vector];
    if (!gate_present(gate))
        return true;
    irqs_pending_ &= ~(1u << irq);
    Registers& r = vcpu_.regs();
    if (noirq_iret_ && r.eip == noirq_iret_ && (r.cs & 3) == 1) {
        r.eip = gate_handler(gate);
        if (gate_type(gate) == kInterruptGate)
            data->irq_enabled = 0;
    } else {
        uint32_t top = 0;
        Entry entry = enter_handler(vector, false, 0, top);
        if (entry != Entry::Done) {
            kill(link, "interrupt %u at eip 0x%08x: %s", irq, r.eip,
                 why_not(entry));
            return false;
        }
    }
    data->irq_pending = deliverable_irqs() != 0;
    write_time();
    return true;
}
#line 1753 "chapters/05-host.nw"
void Guest::write_time() const {
    auto data = memory_.to_host<abi::LguestData>(lguest_data_);
    uint64_t now = wall_clock_nanoseconds();
    data->time_sec = int32_t(now / 1000000000);
    data->time_nsec = int32_t(now % 1000000000);
}
#line 1803 "chapters/05-host.nw"
bool Guest::sleep_until_interrupt(HostLink& link) {
    for (;;) {
        asm volatile("cli" : : : "memory");
        if (timer_expired())
            irqs_pending_ |= 1u << abi::kGuestClockIrq;
        if (doorbell_rang() && !take_device_interrupts(link))
            return false;
        if (deliverable_irqs())
            break;
        if (!timer_armed() && !devices_live()) {
            kill(link, "halted with only blocked interrupts pending: "
                 "nothing could wake the Guest");
            return false;
        }
        asm volatile("sti; hlt" : : : "memory");
    }
    halted_ = false;
    return true;
}

#line 1840 "chapters/05-host.nw"
static volatile abi::DeviceLink& device_link() {
    return *reinterpret_cast<volatile abi::DeviceLink*>(
        abi::kDeviceLinkAddress);
}

bool Guest::kick(uint32_t address) {
    volatile abi::DeviceLink& devices = device_link();
    if (address == 0)
        return false;
    for (uint32_t slot = 0; slot < abi::kKickSlots; ++slot)
        if (devices.kick_address[slot] == address) {
            devices.kicks[slot] = devices.kicks[slot] + 1;
            link_nudge();
            return true;
        }
    return false;
}
#line 1863 "chapters/05-host.nw"
bool Guest::devices_live() const {
    for (uint32_t slot = 0; slot < abi::kKickSlots; ++slot)
        if (device_link().kick_address[slot])
            return true;
    return false;
}
#line 1889 "chapters/05-host.nw"
bool Guest::take_device_interrupts(HostLink& link) {
    volatile abi::DeviceLink& devices = device_link();
    if (devices.stop) {
        kill(link, "stopped by the Launcher");
        return false;
    }
    for (uint32_t line = 1; line < abi::kDeviceIrqs; ++line) {
        uint32_t raised = devices.raised[line];
        if (raised != raised_seen_[line]) {
            raised_seen_[line] = raised;
            irqs_pending_ |= 1u << line;
        }
    }
    return true;
}
#line 1912 "chapters/05-host.nw"
void Guest::forget_devices() {
    volatile abi::DeviceLink& devices = device_link();
    for (uint32_t slot = 0; slot < abi::kKickSlots; ++slot)
        devices.kicks[slot] = 0;
    for (uint32_t line = 0; line < abi::kDeviceIrqs; ++line)
        raised_seen_[line] = devices.raised[line];
}
#line 2003 "chapters/05-host.nw"
void Guest::reset_interrupts() {
    for (Gate& gate : idt_)
        gate = {};
    syscall_vector_ = 0;
    irqs_pending_ = noirq_iret_ = handler_entered_ = 0;
    halted_ = task_switched_ = task_switched_loaded_ = false;
    timer_stop();
    forget_devices();
    asm volatile("clts; fninit" : : : "memory");
}

#line 2037 "chapters/05-host.nw"
} // namespace lhv::host
