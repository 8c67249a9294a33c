// generated from chapters/A-kernel.nw -- edit the chapter, not this file
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
#line 797 "chapters/A-kernel.nw"
        .section .text
        .balign 16
        .globl host_interrupt_stubs
host_interrupt_stubs:
        trap_stubs host_interrupt_common
#line 833 "chapters/A-kernel.nw"
host_interrupt_common:
        pushal
        pushl %esp
        call host_interrupt
        addl $4, %esp
        popal
        addl $8, %esp
        iret
#line 803 "chapters/A-kernel.nw"
        .section .note.GNU-stack, "", @progbits
