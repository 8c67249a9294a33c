// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 8837 "chapters/05-host.nw"
#include "host/self_check.hpp"
#include "host/boot/console.hpp"
#include "host/boot/cpu.hpp"
#include "switcher/switcher.hpp"

extern "C" const char kernel_start[], kernel_readonly_end[],
    switcher_text_start[], switcher_text_end[];

namespace lhv::host {

#line 8860 "chapters/05-host.nw"
static void read_registers(uint32_t* r) {
    constexpr uint32_t kSystemFlags = 0x3F7500;
    DescriptorTablePointer gdtr, idtr;
    uint16_t ldtr, tr;
    asm volatile("sgdt %0\n\tsidt %1\n\tsldt %2\n\tstr %3"
                 : "=m"(gdtr), "=m"(idtr), "=r"(ldtr), "=r"(tr));
    asm volatile("pushfl\n\tpopl %0" : "=r"(r[kEflags]));
    asm volatile("mov %%cr4, %0" : "=r"(r[kCr4]));
    asm volatile("mov %%dr7, %0" : "=r"(r[kDr7]));
    constexpr uint32_t kCr0TaskSwitched = 1u << 3;
    r[kCr0] = read_cr0() & ~kCr0TaskSwitched;
    r[kCr3] = read_cr3();
    r[kEflags] &= kSystemFlags;
    r[kLdtr] = ldtr;
    r[kTr] = tr;
    r[kGdtrBase] = gdtr.base;
    r[kGdtrLimit] = gdtr.limit;
    r[kIdtrBase] = idtr.base;
    r[kIdtrLimit] = idtr.limit;
    uint32_t a = 1, b, c, d, high;
    asm volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
    r[kSysenterCs] = 0;
    if (d & (1u << 11))
        asm volatile("rdmsr" : "=a"(r[kSysenterCs]), "=d"(high)
                             : "c"(0x174u));
}
#line 8894 "chapters/05-host.nw"
namespace {
struct Layout {
    const SegmentDescriptor* gdt;
    uint32_t gdt_entries;
    const void* idt;
    uint32_t idt_bytes;
    const void* tss;
    uint32_t tss_bytes;
    const uint32_t* directory;
};
constinit Layout layout{};
constinit Snapshot at_boot{};
}

static Layout find_layout(const uint32_t* r) {
    auto gdt = reinterpret_cast<const SegmentDescriptor*>(r[kGdtrBase]);
    SegmentDescriptor tss = gdt[r[kTr] >> 3];
    uint32_t tss_base = (tss.low >> 16) | ((tss.high & 0xFF) << 16) |
                        (tss.high & 0xFF000000);
    uint32_t tss_limit = (tss.low & 0xFFFF) | (tss.high & 0xF0000);
    return {gdt, (r[kGdtrLimit] + 1) / 8,
            reinterpret_cast<const void*>(r[kIdtrBase]),
            r[kIdtrLimit] + 1,
            reinterpret_cast<const void*>(tss_base), tss_limit + 1,
            reinterpret_cast<const uint32_t*>(r[kCr3])};
}
#line 8929 "chapters/05-host.nw"
static uint32_t checksum(const void* bytes, uint32_t length) {
    Fnv1a sum;
    sum.add(bytes, length);
    return sum.value();
}

static void checksum_areas(uint32_t* sums) {
    sums[kHostCode] = checksum(kernel_start, uint32_t(
        kernel_readonly_end - kernel_start));
    sums[kSwitcherCode] = checksum(switcher_text_start, uint32_t(
        switcher_text_end - switcher_text_start));
    Fnv1a gdt, switcher, tables;
    add_descriptors(gdt, layout.gdt, layout.gdt_entries);
    sums[kHostGdt] = gdt.value();
    sums[kHostIdt] = checksum(layout.idt, layout.idt_bytes);
    sums[kHostTss] = checksum(layout.tss, layout.tss_bytes);
    const SwitcherState& state = switcher_state();
    add_descriptors(switcher, state.guest_gdt, 4);
    const uint32_t fixed[] = {state.guest_tss.link,
        state.guest_tss.esp0, state.guest_tss.ss0, state.guest_tss.ldt,
        state.guest_tss.io_map_base};
    for (uint32_t field : fixed)
        switcher.add_word(field);
    sums[kSwitcherDescriptors] = switcher.value();
    add_page_tables(tables, layout.directory, [](uint32_t machine) {
        return reinterpret_cast<const uint32_t*>(machine);
    });
    auto switcher_table = reinterpret_cast<const uint32_t*>(
        guest_switcher_page_table().value);
    for (uint32_t i = 0; i < 1024; ++i)
        if (i - SWITCHER_PAGES >= SWITCHER_WINDOW_PAGES)
            tables.add_word(switcher_table[i] & ~kPageAccessedDirty);
    sums[kPageTables] = tables.value();
}
#line 8972 "chapters/05-host.nw"
void record_boot_state() {
    read_registers(at_boot.registers);
    layout = find_layout(at_boot.registers);
    checksum_areas(at_boot.sums);
}

void self_check(HostLink& link) {
    Snapshot now;
    read_registers(now.registers);
    checksum_areas(now.sums);
    Difference d = first_difference(at_boot, now);
    if (!d.what) {
        link.post(abi::Event::SelfChecked, 1, "code, descriptor tables, "
                  "page tables and processor state as at boot");
        return;
    }
    char reason[abi::kReasonBytes];
    if (d.is_area)
        format(reason, sizeof reason, "%s changed since boot (checksum "
               "0x%08x then, 0x%08x now)", d.what, d.at_boot, d.now);
    else
        format(reason, sizeof reason, "%s is 0x%08x, was 0x%08x at boot",
               d.what, d.now, d.at_boot);
    link.post(abi::Event::SelfChecked, 0, reason);
}

#line 8852 "chapters/05-host.nw"
} // namespace lhv::host
