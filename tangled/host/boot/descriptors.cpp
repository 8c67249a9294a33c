// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 702 "chapters/A-kernel.nw"
#include "host/boot/descriptors.hpp"
#include "host/boot/kernel.hpp"

namespace lhv::host {
namespace {
SegmentDescriptor host_gdt[4];
Gate host_idt[256];
Tss host_tss;
}

#line 729 "chapters/A-kernel.nw"
static void fill_host_gdt() {
    using S = SegmentDescriptor;
    host_gdt[kKernelCs / 8] = S::make(0, 0xFFFFF,
        S::kPresent | S::kCodeAccessed, S::kPage32);
    host_gdt[kKernelDs / 8] = S::make(0, 0xFFFFF,
        S::kPresent | S::kDataAccessed, S::kPage32);
    host_tss.ss0 = kKernelDs;
    host_tss.io_map_base = sizeof(Tss);
    host_gdt[kTssSelector / 8] = S::make(
        reinterpret_cast<uint32_t>(&host_tss), sizeof(Tss) - 1,
        S::kPresent | S::kTssAvailable, 0);
}
#line 749 "chapters/A-kernel.nw"
static void load_host_gdt() {
    DescriptorTablePointer gdt{sizeof(host_gdt) - 1,
                               reinterpret_cast<uint32_t>(host_gdt)};
    asm volatile("lgdt %0\n\t"
                 "ljmp %1, $1f\n"
                 "1:\n\t"
                 "mov %2, %%ds\n\t"
                 "mov %2, %%es\n\t"
                 "mov %2, %%ss\n\t"
                 "mov %3, %%fs\n\t"
                 "mov %3, %%gs\n\t"
                 "ltr %w4"
                 : : "m"(gdt), "i"(kKernelCs), "r"(uint32_t(kKernelDs)),
                   "r"(0u), "r"(uint32_t(kTssSelector)) : "memory");
}
#line 771 "chapters/A-kernel.nw"
extern "C" const char host_interrupt_stubs[];

static void load_host_idt() {
    auto stubs = reinterpret_cast<uint32_t>(host_interrupt_stubs);
    for (uint32_t v = 0; v < 256; ++v)
        host_idt[v] = Gate::interrupt(stubs + v * kStubBytes, 0);
    DescriptorTablePointer idt{sizeof(host_idt) - 1,
                               reinterpret_cast<uint32_t>(host_idt)};
    asm volatile("lidt %0" : : "m"(idt));
}

#line 716 "chapters/A-kernel.nw"
void load_descriptor_tables() {
    fill_host_gdt();
    load_host_gdt();
    load_host_idt();
}

} // namespace lhv::host
