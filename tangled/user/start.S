// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5523 "chapters/E-guest-kernel.nw"
    .set SYS_exit_group, 252      /* as in syscall.hpp */

    .text
    .globl _start
_start:
    xor %ebp, %ebp
    mov (%esp), %eax              /* argc */
    lea 4(%esp), %edx             /* argv */
    and $-16, %esp
    sub $8, %esp
    push %edx
    push %eax
    call main
    mov %eax, %ebx
    mov $SYS_exit_group, %eax
    int $0x80
    ud2
#line 208 "chapters/02-guest.nw"
    .section .note.GNU-stack, "", @progbits
