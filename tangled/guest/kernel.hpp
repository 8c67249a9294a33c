// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1195 "chapters/02-guest.nw"
#pragma once
#include <stdint.h>
#include "abi/boot.hpp"
#include "abi/lguest_data.hpp"
#include "guest/pages.hpp"
#include "guest/trap_frame.hpp"

namespace lhv::guest {

inline constexpr uint32_t kSyscallVector = 0x80;
inline constexpr uint32_t kEflagsIf = 0x200;
extern abi::LguestData lguest_data asm("lguest_data");

// The Guest chapter: boot, interrupts, the clock.
uint32_t* take_boot_page();
uint32_t boot_pages_used_up_to();   // Guest-physical
extern uint32_t* kernel_directory;
void load_idt();
void load_program_segments();
inline constexpr uint16_t kUserCs = 14 << 3 | 3, kUserDs = 15 << 3 | 3;
inline constexpr uint32_t kTickNanoseconds = 10'000'000;
inline constexpr uint32_t kTicksPerSecond = 100;
extern volatile uint32_t ticks;
void start_clock();
void idle();
inline constexpr uint32_t kIrqLines = 16;  // 0: the clock; 1-15: devices
using IrqHandler = void (*)();
void set_irq_handler(uint32_t line, IrqHandler handler);
void interrupt(uint32_t line);
[[noreturn]] void power_off();
void queue_hypercall(abi::Hypercall call, uint32_t arg1,
                     uint32_t arg2 = 0, uint32_t arg3 = 0);

// Appendix E: the kernel.
extern PageAllocator page_allocator;
void system_call(TrapFrame& frame);
void program_fault(TrapFrame& frame, uint32_t cr2);
void return_to_program();
void scheduler_tick();
[[noreturn]] void start_kernel(const abi::BootInfo& boot);

} // namespace lhv::guest
