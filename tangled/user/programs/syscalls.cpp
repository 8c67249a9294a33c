// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 6018 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

int main(int argc, char** argv) {
    uint32_t calls = 100000;
    if (argc > 1 && !parse_decimal(argv[1], calls)) {
        print("syscalls: usage: syscalls [number of calls]\n");
        return 2;
    }
    
#line 5999 "chapters/E-guest-kernel.nw"
if (calls > 0) {
    uint32_t left = calls;
    asm volatile(".globl syscalls_loop_start\n"
                 ".globl syscalls_loop_end\n"
                 "syscalls_loop_start:\n\t"
                 "mov %[getpid], %%eax\n\t"
                 "int $0x80\n\t"
                 "dec %[left]\n"
                 "syscalls_loop_end:\n\t"
                 "jnz syscalls_loop_start"
                 : [left] "+c"(left)
                 : [getpid] "i"(SYS_getpid)
                 : "eax", "memory", "cc");
}
#line 6030 "chapters/E-guest-kernel.nw"
    OutputLine().text("syscalls: ").decimal(calls).text(" getpid calls\n")
        .print();
    return 0;
}
