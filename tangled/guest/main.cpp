// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 602 "chapters/02-guest.nw"
#include <stdint.h>
#include "abi/boot.hpp"
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "abi/lguest_data.hpp"
#include "guest/console.hpp"
#include "guest/hypercall.hpp"
#include "guest/memory.hpp"

namespace lhv::guest {

#line 365 "chapters/02-guest.nw"
inline constexpr uint32_t kSyscallVector = 0x80;

constexpr abi::LguestData initial_lguest_data() {
    abi::LguestData data{};
    for (uint8_t& status : data.hcall_status)
        status = abi::kHypercallSlotFree;
    data.kernel_address = abi::kPageOffset;
    data.syscall_vec = kSyscallVector;
    data.noirq_iret = 0;  // no interrupt handlers yet
    return data;
}
#line 385 "chapters/02-guest.nw"
constinit abi::LguestData lguest_data = initial_lguest_data();
#line 396 "chapters/02-guest.nw"
void lguest_init() {
    hypercall(abi::LHCALL_LGUEST_INIT,
              physical_address_of(&lguest_data).value);
}
#line 553 "chapters/02-guest.nw"
uint32_t current_ring() {
    uint16_t cs;
    asm("mov %%cs, %0" : "=r"(cs));
    return cs & 3;
}
#line 565 "chapters/02-guest.nw"
[[noreturn]] void power_off() {
    hypercall(abi::LHCALL_SHUTDOWN, abi::LGUEST_SHUTDOWN_POWEROFF);
    panic("the Host did not power us off");
}
#line 580 "chapters/02-guest.nw"
extern "C" [[noreturn]] void guest_main(const abi::BootInfo* boot) {
    lguest_init();
    if (boot->magic != abi::kBootInfoMagic)
        panic("no boot information from the Launcher");
    Line()
        .text("Little Hypervisor Guest: booted at ring ")
        .decimal(current_ring())
        .text(" with ")
        .decimal(boot->memory_bytes / (1024 * 1024))
        .text(" MiB\n")
        .print();
    power_off();
}

#line 620 "chapters/02-guest.nw"
} // namespace lhv::guest
