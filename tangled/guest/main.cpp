// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1355 "chapters/02-guest.nw"
#include <stdint.h>
#include "abi/boot.hpp"
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "abi/lguest_data.hpp"
#include "guest/console.hpp"
#include "guest/drivers.hpp"
#include "guest/hypercall.hpp"
#include "guest/kernel.hpp"
#include "guest/memory.hpp"

namespace lhv::guest {

#line 378 "chapters/02-guest.nw"
constexpr abi::LguestData initial_lguest_data() {
    abi::LguestData data{};
    for (uint8_t& status : data.hcall_status)
        status = abi::kHypercallSlotFree;
    data.kernel_address = abi::kPageOffset;
    data.syscall_vec = kSyscallVector;
    return data;
}
#line 395 "chapters/02-guest.nw"
constinit abi::LguestData lguest_data = initial_lguest_data();
#line 406 "chapters/02-guest.nw"
extern "C" char guest_noirq_iret[];

void lguest_init() {
    lguest_data.noirq_iret = reinterpret_cast<uint32_t>(guest_noirq_iret);
    hypercall(abi::LHCALL_LGUEST_INIT,
              physical_address_of(&lguest_data).value);
}
#line 601 "chapters/02-guest.nw"
extern "C" char __bss_end[];

namespace {
uint32_t next_boot_page = 0;  // Guest-physical
uint32_t boot_pages_end = 0;
}

uint32_t* take_boot_page() {
    if (!next_boot_page)
        next_boot_page = (physical_address_of(__bss_end).value +
                          abi::kPageSize - 1) & ~(abi::kPageSize - 1);
    if (next_boot_page + abi::kPageSize > boot_pages_end)
        panic("out of memory for the kernel's page tables");
    auto page = reinterpret_cast<uint32_t*>(abi::kPageOffset +
                                            next_boot_page);
    next_boot_page += abi::kPageSize;
    for (uint32_t i = 0; i < 1024; ++i)
        page[i] = 0;
    return page;
}

uint32_t boot_pages_used_up_to() { return next_boot_page; }
#line 635 "chapters/02-guest.nw"
uint32_t* kernel_directory = nullptr;

void use_own_page_tables(const abi::BootInfo& boot) {
    constexpr uint32_t kKernel = abi::kPagePresent | abi::kPageWritable;
    boot_pages_end = boot.memory_bytes;
    uint32_t* directory = kernel_directory = take_boot_page();
    uint32_t mapped = boot.device_page + boot.device_pages * abi::kPageSize;
    for (uint32_t offset = 0; offset < mapped; offset += abi::kPageSize) {
        uint32_t& pde = directory[(abi::kPageOffset + offset) >> 22];
        if (!(pde & abi::kPagePresent))
            pde = physical_address_of(take_boot_page()).value | kKernel;
        auto table = reinterpret_cast<uint32_t*>(
            abi::kPageOffset + (pde & abi::kPageFrameMask));
        table[(offset >> 12) & 1023] = offset | kKernel;
    }
    hypercall(abi::LHCALL_NEW_PGTABLE,
              physical_address_of(directory).value);
}
#line 1297 "chapters/02-guest.nw"
uint32_t current_ring() {
    uint16_t cs;
    asm("mov %%cs, %0" : "=r"(cs));
    return cs & 3;
}
#line 1309 "chapters/02-guest.nw"
[[noreturn]] void power_off() {
    hypercall(abi::LHCALL_SHUTDOWN, abi::LGUEST_SHUTDOWN_POWEROFF);
    panic("the Host did not power us off");
}
#line 1328 "chapters/02-guest.nw"
extern "C" [[noreturn]] void guest_main(const abi::BootInfo* boot) {
    lguest_init();
    if (boot->magic != abi::kBootInfoMagic)
        panic("no boot information from the Launcher");
    use_own_page_tables(*boot);
    Line()
        .text("Little Hypervisor Guest: booted at ring ")
        .decimal(current_ring())
        .text(" with ")
        .decimal(boot->memory_bytes / (1024 * 1024))
        .text(" MiB\n")
        .print();
    load_idt();
    load_program_segments();
    start_clock();
    start_drivers(*boot);
    start_kernel(*boot);
}

#line 1377 "chapters/02-guest.nw"
} // namespace lhv::guest
