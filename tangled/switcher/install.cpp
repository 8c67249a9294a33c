// generated from chapters/06-switcher.nw -- edit the chapter, not this file
#line 619 "chapters/06-switcher.nw"
#include "switcher/switcher.hpp"
#include "host/boot/kernel.hpp"
#include "host/boot/console.hpp"
#include "host/boot/cpu.hpp"

extern "C" char switcher_load_start[], switcher_text_start[],
    switcher_text_end[], switcher_trap_stubs[],
    switcher_hypercall_entry[];

namespace lhv::host {
namespace {
MachinePhysical guest_table{0};
}

#line 672 "chapters/06-switcher.nw"
static void map_switcher_pages() {
    uint32_t text_bytes = uint32_t(switcher_text_end -
                                   switcher_text_start);
    if (text_bytes > SWITCHER_TEXT_PAGES * kPageSize)
        panic("switcher: %u bytes of code do not fit", text_bytes);
    MachinePhysical pages[SWITCHER_PAGES];
    for (uint32_t i = 0; i < SWITCHER_TEXT_PAGES; ++i)
        pages[i] = {reinterpret_cast<uint32_t>(switcher_load_start) +
                    i * kPageSize};
    pages[2] = page_allocator.allocate();
    pages[3] = page_allocator.allocate();
    guest_table = page_allocator.allocate();
    auto table = reinterpret_cast<uint32_t*>(guest_table.value);
    for (uint32_t i = 0; i < SWITCHER_PAGES; ++i) {
        bool text = i < SWITCHER_TEXT_PAGES;
        uint32_t address = SWITCHER_ADDRESS + i * kPageSize;
        map_host_page(address, pages[i],
                      kPresent | (text ? 0 : kWritable));
        table[i] = pages[i].value | kPresent |
                   (address == SWITCHER_REGS_PAGE ? kWritable : 0);
    }
}
#line 718 "chapters/06-switcher.nw"
static void save_host_tables() {
    SwitcherState& state = switcher_state();
    asm volatile("sgdt %0" : "=m"(state.host_gdt_pointer.pointer));
    asm volatile("sidt %0" : "=m"(state.host_idt_pointer.pointer));
    state.host_cr3 = read_cr3();
}
#line 740 "chapters/06-switcher.nw"
static void build_guest_descriptors() {
    using S = SegmentDescriptor;
    SwitcherState& state = switcher_state();
    state.guest_gdt[LGUEST_CS / 8] = S::make(0, 0xFFFFF,
        S::kPresent | S::kCodeAccessed, S::kPage32);
    state.guest_gdt[LGUEST_DS / 8] = S::make(0, 0xFFFFF,
        S::kPresent | S::kDataAccessed, S::kPage32);
    state.guest_tss.esp0 = SWITCHER_REGS_PAGE + kPageSize;
    state.guest_tss.ss0 = LGUEST_DS;
    state.guest_tss.io_map_base = sizeof(Tss);
    state.guest_tss.link = 0;
    state.guest_tss.ldt = 0;
    state.guest_gdt[LGUEST_TSS / 8] = S::make(
        reinterpret_cast<uint32_t>(&state.guest_tss), sizeof(Tss) - 1,
        S::kPresent | S::kTssAvailable, 0);
    state.guest_gdt_pointer.pointer = {sizeof(state.guest_gdt) - 1,
        reinterpret_cast<uint32_t>(state.guest_gdt)};
}
#line 771 "chapters/06-switcher.nw"
static void load_guest_task_register() {
    SwitcherState& state = switcher_state();
    asm volatile("pushfl\n\t"
                 "cli\n\t"
                 "lgdt %0\n\t"
                 "ltr %w1\n\t"
                 "lgdt %2\n\t"
                 "popfl"
                 : : "m"(state.guest_gdt_pointer.pointer),
                     "r"(uint32_t(LGUEST_TSS)),
                     "m"(state.host_gdt_pointer.pointer)
                 : "memory");
}
#line 798 "chapters/06-switcher.nw"
Gate switcher_gate(uint32_t vector) {
    auto stubs = reinterpret_cast<uint32_t>(switcher_trap_stubs);
    if (vector == abi::kHypercallVector)
        return Gate::interrupt(
            reinterpret_cast<uint32_t>(switcher_hypercall_entry), 1);
    return Gate::interrupt(stubs + vector * kStubBytes, 0);
}

static void build_guest_idt() {
    SwitcherState& state = switcher_state();
    for (uint32_t v = 0; v < 256; ++v)
        state.guest_idt[v] = switcher_gate(v);
    state.guest_idt_pointer.pointer = {sizeof(state.guest_idt) - 1,
        reinterpret_cast<uint32_t>(state.guest_idt)};
}

#line 639 "chapters/06-switcher.nw"
MachinePhysical guest_switcher_page_table() { return guest_table; }

#line 703 "chapters/06-switcher.nw"
void map_switcher_window(MachinePhysical first, uint32_t pages) {
    auto table = reinterpret_cast<uint32_t*>(guest_table.value);
    for (uint32_t i = 0; i < SWITCHER_WINDOW_PAGES; ++i)
        table[SWITCHER_PAGES + i] =
            i < pages ? (first.value + i * kPageSize) | kPresent : 0;
}

#line 643 "chapters/06-switcher.nw"
void reset_guest_tables() {
    map_switcher_window({0}, 0);
    SwitcherState& state = switcher_state();
    for (SegmentDescriptor& d : state.guest_gdt)
        d = {};
    state.guest_tss = Tss{};
    build_guest_descriptors();
    build_guest_idt();
}

void install_switcher() {
    map_switcher_pages();
    save_host_tables();
    reset_guest_tables();
    load_guest_task_register();
}

} // namespace lhv::host
