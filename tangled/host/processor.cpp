// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 2977 "chapters/05-host.nw"
#include "host/host.hpp"
#include "host/frame.hpp"
#include "host/boot/cpu.hpp"

namespace lhv::host {

#line 3005 "chapters/05-host.nw"
static void load_null_ldt() {
    asm volatile("lldt %w0" : : "r"(0u));
}
#line 3016 "chapters/05-host.nw"
static void disable_debug_registers() {
    asm volatile("mov %0, %%dr7" : : "r"(0x400u));
}
#line 3027 "chapters/05-host.nw"
static void clear_host_flags() {
    asm volatile("pushfl\n\t"
                 "andl %0, (%%esp)\n\t"
                 "orl $2, (%%esp)\n\t"
                 "popfl"
                 : : "i"(kEflagsIf) : "memory", "cc");
}
#line 3042 "chapters/05-host.nw"
static void choose_control_registers() {
    constexpr uint32_t kAlignmentMask = 1u << 18;
    write_cr0(read_cr0() & ~kAlignmentMask);
    asm volatile("mov %0, %%cr4" : : "r"(0u) : "memory");
}
#line 3055 "chapters/05-host.nw"
static void close_sysenter() {
    uint32_t a = 1, b, c, d;
    asm volatile("cpuid" : "+a"(a), "=b"(b), "=c"(c), "=d"(d));
    if (d & (1u << 11))
        asm volatile("wrmsr" : : "c"(0x174u), "a"(0u), "d"(0u));
}

#line 2989 "chapters/05-host.nw"
void choose_processor_state() {
    load_null_ldt();
    disable_debug_registers();
    clear_host_flags();
    choose_control_registers();
    close_sysenter();
}

} // namespace lhv::host
