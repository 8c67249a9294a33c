// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 285 "chapters/A-kernel.nw"
#pragma once
#include <stdint.h>
#include "host/boot/cpu.hpp"

namespace lhv::host {

class Uart {
public:
    explicit constexpr Uart(uint16_t base) : base_(base) {}
#line 312 "chapters/A-kernel.nw"
static constexpr uint16_t kData = 0;        // RBR / THR
static constexpr uint16_t kIrqEnable = 1;   // IER
static constexpr uint16_t kFifoControl = 2; // FCR (write)
static constexpr uint16_t kLineControl = 3; // LCR
static constexpr uint16_t kModemControl = 4;// MCR
static constexpr uint16_t kLineStatus = 5;  // LSR
static constexpr uint8_t kDataReady = 0x01;
static constexpr uint8_t kTransmitterEmpty = 0x20;
#line 331 "chapters/A-kernel.nw"
void init(bool receive_interrupt) const {
    outb(base_ + kIrqEnable, 0);
    outb(base_ + kLineControl, 0x80);
    outb(base_ + kData, 1);
    outb(base_ + kIrqEnable, 0);
    outb(base_ + kLineControl, 0x03);
    outb(base_ + kFifoControl, 0);
    outb(base_ + kModemControl, 0x0B);
    drain();
    outb(base_ + kIrqEnable, receive_interrupt ? 1 : 0);
}
#line 348 "chapters/A-kernel.nw"
void put(char c) const {
    while (!(inb(base_ + kLineStatus) & kTransmitterEmpty)) {
    }
    outb(base_ + kData, static_cast<uint8_t>(c));
}
#line 359 "chapters/A-kernel.nw"
void drain() const {
    while (inb(base_ + kLineStatus) & kDataReady)
        (void)inb(base_ + kData);
}
#line 298 "chapters/A-kernel.nw"
    uint16_t base() const { return base_; }
private:
    uint16_t base_;
};

inline constexpr uint16_t kCom1 = 0x3F8;
inline constexpr uint16_t kCom2 = 0x2F8;

} // namespace lhv::host
