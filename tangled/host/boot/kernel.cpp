// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 1566 "chapters/A-kernel.nw"
#include "host/boot/kernel.hpp"
#include "abi/version.hpp"
#include "host/boot/console.hpp"
#include "host/boot/link.hpp"
#include "host/host.hpp"
#include "switcher/switcher.hpp"

extern "C" char kernel_end[];

namespace lhv::host {
namespace {
HostLink link;
}

#line 1611 "chapters/A-kernel.nw"
static MachinePhysical multiboot_ram_end(uint32_t magic,
                                         uint32_t info) {
    struct MultibootInfo {
        uint32_t flags, mem_lower, mem_upper;
    };
    auto mbi = reinterpret_cast<const MultibootInfo*>(info);
    if (magic != 0x2BADB002 || !(mbi->flags & 1))
        panic("not loaded by a Multiboot loader");
    return {0x100000 + mbi->mem_upper * 1024};
}

#line 1582 "chapters/A-kernel.nw"
extern "C" [[noreturn]] void kernel_main(uint32_t magic,
                                         uint32_t info) {
    console_init();
    printk("Little Hypervisor Host, lhv %s\n", abi::kVersion);
    load_descriptor_tables();
    init_pics();
    link.init();
    MachinePhysical ram_end = multiboot_ram_end(magic, info);
    uint32_t host_limit = ram_end.value < abi::kHostMemoryBytes
                              ? ram_end.value : abi::kHostMemoryBytes;
    page_allocator.init({reinterpret_cast<uint32_t>(kernel_end)},
                        {host_limit});
    init_paging(ram_end);
    install_switcher();
    init_timer();
    printk("host: RAM ends at 0x%08x, waiting for the Launcher\n",
           ram_end.value);
    host_main(link, ram_end);
}

} // namespace lhv::host
