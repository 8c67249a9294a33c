// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1150 "chapters/02-guest.nw"
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "abi/lguest_data.hpp"
#include "guest/console.hpp"
#include "guest/hypercall.hpp"
#include "guest/kernel.hpp"
#include "guest/trap_frame.hpp"

namespace lhv::guest {

#line 955 "chapters/02-guest.nw"
extern "C" const char* const exception_stubs[20];
extern "C" const char* const irq_stubs[kIrqLines];
extern "C" char trap_stub_0x80[];

namespace {
constexpr uint32_t kInterruptGate = 0xE, kTrapGate = 0xF;

void load_gate(uint32_t vector, const char* handler, uint32_t type,
               uint32_t privilege) {
    uint32_t address = reinterpret_cast<uint32_t>(handler);
    uint32_t low = (address & 0xFFFF) | uint32_t(abi::kGuestKernelCs) << 16;
    uint32_t high = (address & 0xFFFF0000) | 0x8000 | privilege << 13 |
                    type << 8;
    hypercall(abi::LHCALL_LOAD_IDT_ENTRY, vector, low, high);
}
}

void load_idt() {
    for (uint32_t vector = 0; vector < 20; ++vector)
        load_gate(vector, exception_stubs[vector], kTrapGate, 1);
    for (uint32_t line = 0; line < kIrqLines; ++line)
        load_gate(abi::kFirstGuestIrqVector + line, irq_stubs[line],
                  kInterruptGate, 1);
    load_gate(kSyscallVector, trap_stub_0x80, kTrapGate, 3);
}
#line 1007 "chapters/02-guest.nw"
void load_program_segments() {
    hypercall(abi::LHCALL_LOAD_GDT_ENTRY, 14, 0x0000FFFF, 0x00CFFA00);
    hypercall(abi::LHCALL_LOAD_GDT_ENTRY, 15, 0x0000FFFF, 0x00CFF200);
}
#line 1026 "chapters/02-guest.nw"
volatile uint32_t ticks = 0;

void start_clock() {
    hypercall(abi::LHCALL_SET_CLOCKEVENT, kTickNanoseconds);
}

void clock_tick() {
    ticks = ticks + 1;
    start_clock();
}
#line 1054 "chapters/02-guest.nw"
void idle() {
    lguest_data.irq_enabled = kEflagsIf;
    asm volatile("" ::: "memory");
    if (lguest_data.irq_pending)
        hypercall(abi::LHCALL_SEND_INTERRUPTS);
    else
        hypercall(abi::LHCALL_HALT);
    lguest_data.irq_enabled = 0;
}
#line 1083 "chapters/02-guest.nw"
namespace {
IrqHandler irq_handlers[kIrqLines];
}

void set_irq_handler(uint32_t line, IrqHandler handler) {
    if (line != abi::kGuestClockIrq && line < kIrqLines)
        irq_handlers[line] = handler;
}

void interrupt(uint32_t line) {
    count(kernel_stats.interrupts, line);
    if (line == abi::kGuestClockIrq) {
        clock_tick();
        scheduler_tick();
    } else if (irq_handlers[line]) {
        irq_handlers[line]();
    }
}
#line 1120 "chapters/02-guest.nw"
extern "C" void guest_trap(TrapFrame* frame) {
    uint32_t vector = frame->vector;
    count(kernel_stats.traps, vector);
    if (vector - abi::kFirstGuestIrqVector < kIrqLines) {
        interrupt(vector - abi::kFirstGuestIrqVector);
    } else if (!frame->from_user()) {
        Line()
            .text("Little Hypervisor Guest: kernel trap ")
            .decimal(vector)
            .text(" at eip ").hex(frame->eip)
            .text(", error ").hex(frame->error)
            .text(", cr2 ").hex(lguest_data.cr2)
            .text("\n")
            .print();
        panic("a trap in the kernel");
    } else if (vector == kSyscallVector) {
        system_call(*frame);
    } else {
        program_fault(*frame, lguest_data.cr2);
    }
    if (frame->from_user())
        return_to_program();
}

#line 1167 "chapters/02-guest.nw"
} // namespace lhv::guest
