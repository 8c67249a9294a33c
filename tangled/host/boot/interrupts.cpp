// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 869 "chapters/A-kernel.nw"
#include "host/boot/kernel.hpp"
#include "host/boot/console.hpp"
#include "host/boot/cpu.hpp"

namespace lhv::host {

extern "C" void host_interrupt(InterruptFrame* frame) {
    if (frame->vector < kIrqBase)
        panic("trap %u at eip 0x%08x, error code 0x%x, "
              "cr3 0x%08x", frame->vector, frame->eip,
              frame->error_code, read_cr3());
    handle_irq(frame->vector);
}

#line 901 "chapters/A-kernel.nw"
void init_pics() {
    outb(0x20, 0x11);  outb(0xA0, 0x11);  // ICW1: init, ICW4 follows
    outb(0x21, kIrqBase);  outb(0xA1, kIrqBase + 8);  // ICW2: vectors
    outb(0x21, 0x04);  outb(0xA1, 0x02);  // ICW3: slave on IRQ 2
    outb(0x21, 0x01);  outb(0xA1, 0x01);  // ICW4: 8086 mode
    outb(0x21, 0xFF);  outb(0xA1, 0xFF);  // mask everything
}

void unmask_irq(uint32_t irq) {
    uint16_t port = irq < 8 ? 0x21 : 0xA1;
    outb(port, inb(port) & ~uint8_t(1u << (irq & 7)));
}
#line 926 "chapters/A-kernel.nw"
static bool spurious_irq7() {
    outb(0x20, 0x0B);  // OCW3: read the in-service register next
    return !(inb(0x20) & 0x80);
}

void handle_irq(uint32_t vector) {
    uint32_t irq = vector - kIrqBase;
    if (irq == kDoorbellIrq)
        doorbell_interrupt();
    if (irq == kTimerIrq)
        timer_interrupt();
    if (irq == 7 && spurious_irq7())
        return;
    if (irq >= 8)
        outb(0xA0, 0x20);
    outb(0x20, 0x20);
}

#line 886 "chapters/A-kernel.nw"
} // namespace lhv::host
