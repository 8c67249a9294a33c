// generated from chapters/06-switcher.nw -- edit the chapter, not this file
#line 307 "chapters/06-switcher.nw"
#include "switcher/switcher.hpp"

        .section .switcher, "ax"
        .globl switch_to_guest
switch_to_guest:
#line 330 "chapters/06-switcher.nw"
        pushl %ebp
        pushl %ebx
        pushl %esi
        pushl %edi
        pushfl
        movl %esp, STATE(HOST_ESP)
#line 352 "chapters/06-switcher.nw"
        lgdt STATE(GUEST_GDT_POINTER)
        lidt STATE(GUEST_IDT_POINTER)
#line 380 "chapters/06-switcher.nw"
        movl $REGISTERS_ADDRESS, %esp
        movl STATE(GUEST_CR3), %eax
        movl %eax, %cr3
        popal
        popl %gs
        popl %fs
        popl %es
        popl %ds
        addl $8, %esp
        iret
#line 811 "chapters/A-kernel.nw"
#define HAS_ERROR_CODE(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) \
                           || (v) == 17)
        .macro trap_stubs target
        .set vector, 0
        .rept 256
        .balign 16
        .if !HAS_ERROR_CODE(vector)
        pushl $0
        .endif
        pushl $vector
        jmp \target
        .set vector, vector + 1
        .endr
        .endm
#line 404 "chapters/06-switcher.nw"
        .balign 16
        .globl switcher_trap_stubs
switcher_trap_stubs:
        trap_stubs return_to_host
#line 429 "chapters/06-switcher.nw"
return_to_host:
        pushl %ds
        pushl %es
        pushl %fs
        pushl %gs
        pushal
        movl %esp, %edx
        movl $LGUEST_DS, %eax
        movl %eax, %ds
        movl %eax, %es
#line 454 "chapters/06-switcher.nw"
        movl %cr3, %ecx
        movl STATE(HOST_CR3), %eax
        movl %eax, %cr3
        movl %ecx, STATE(GUEST_CR3)
        lgdt STATE(HOST_GDT_POINTER)
        lidt STATE(HOST_IDT_POINTER)
        xorl %eax, %eax
        movl %eax, %fs
        movl %eax, %gs
#line 476 "chapters/06-switcher.nw"
        movl STATE(HOST_ESP), %esp
        popfl
        popl %edi
        popl %esi
        popl %ebx
        popl %ebp
        movl %edx, %eax
        ret
#line 532 "chapters/06-switcher.nw"
        .balign 16
        .globl switcher_hypercall_entry
switcher_hypercall_entry:
        cmpl $LHCALL_FLUSH_ASYNC_NUMBER, %eax
        jne 3f
        pushl %edx
        movl %ss:STATE(NULL_HYPERCALL), %edx
        testl %edx, %edx
        jz 1f
        cmpb $HYPERCALL_SLOT_FREE, %ss:(%edx)
        jne 1f
        popl %edx
        iret
1:      popl %edx
2:      pushl $0
        pushl $HYPERCALL_VECTOR
        jmp return_to_host
#line 581 "chapters/06-switcher.nw"
3:      cmpl $LHCALL_NEW_PGTABLE_NUMBER, %eax
        jne 2b
        pushl %edx
        movl %ss:STATE(NULL_HYPERCALL), %edx
        testl %edx, %edx
        jz 1b
        cmpb $HYPERCALL_SLOT_FREE, %ss:(%edx)
        jne 1b
        xorl %edx, %edx
4:      cmpl %ebx, %ss:STATE(ADDRESS_SPACES)(,%edx,8)
        je 5f
        incl %edx
        cmpl $SWITCH_SLOTS, %edx
        jne 4b
        jmp 1b
5:      movl %ss:STATE(ADDRESS_SPACES) + 4(,%edx,8), %edx
        testl %edx, %edx
        jz 1b
        movl %edx, %cr3
        popl %edx
        xorl %eax, %eax
        iret

#line 318 "chapters/06-switcher.nw"
        .section .note.GNU-stack, "", @progbits
