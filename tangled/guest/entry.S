// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 191 "chapters/02-guest.nw"
    .section .text.entry, "ax"
    .globl _start
_start:
#line 216 "chapters/02-guest.nw"
    cld
    mov $__bss_start, %edi
    mov $__bss_end, %ecx
    sub %edi, %ecx
    xor %eax, %eax
    rep stosb
#line 246 "chapters/02-guest.nw"
    mov $boot_stack_top, %esp
#line 256 "chapters/02-guest.nw"
    push %esi
    call guest_main
    ud2

#line 229 "chapters/02-guest.nw"
    .section .bss
    .balign 16
boot_stack:
    .skip 16384
boot_stack_top:
#line 208 "chapters/02-guest.nw"
    .section .note.GNU-stack, "", @progbits
