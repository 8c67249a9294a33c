// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 730 "chapters/02-guest.nw"
#define IRQ_ENABLED 0       /* offsets in abi::LguestData */
#define IRQ_PENDING 20
#define EFLAGS_IF 0x200
#define KERNEL_DS 0x29      /* abi::kGuestKernelDs */
#define LHCALL_SEND_INTERRUPTS 19
#define HYPERCALL_VECTOR 0x1f

    .macro stub vector, error=0
    .globl trap_stub_\vector
trap_stub_\vector:
    movl $0, %ss:lguest_data + IRQ_ENABLED
    .if \error == 0
    pushl $0
    .endif
    pushl $\vector
    jmp trap_common
    .endm

    .text
#line 768 "chapters/02-guest.nw"
    stub 0
    stub 1
    stub 2
    stub 3
    stub 4
    stub 5
    stub 6
    stub 7
    stub 8, 1
    stub 9
    stub 10, 1
    stub 11, 1
    stub 12, 1
    stub 13, 1
    stub 14, 1
    stub 15
    stub 16
    stub 17, 1
    stub 18
    stub 19
    .irp n, 0x20,0x21,0x22,0x23,0x24,0x25,0x26,0x27
    stub \n
    .endr
    .irp n, 0x28,0x29,0x2a,0x2b,0x2c,0x2d,0x2e,0x2f
    stub \n
    .endr
    stub 0x80

    .section .rodata
    .balign 4
    .globl exception_stubs
exception_stubs:                    /* stub n for exception n */
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19
    .long trap_stub_\n
    .endr
    .globl irq_stubs
irq_stubs:                          /* stub 0x20 + n for line n */
    .irp n, 0x20,0x21,0x22,0x23,0x24,0x25,0x26,0x27
    .long trap_stub_\n
    .endr
    .irp n, 0x28,0x29,0x2a,0x2b,0x2c,0x2d,0x2e,0x2f
    .long trap_stub_\n
    .endr
    .text
#line 834 "chapters/02-guest.nw"
trap_common:
    pushl %ds
    pushl %es
    pushl %fs
    pushl %gs
    pushal
    cld
    movl $KERNEL_DS, %eax
    movl %eax, %ds
    movl %eax, %es
    xorl %eax, %eax
    movl %eax, %fs
    movl %eax, %gs
    pushl %esp
    call guest_trap
    addl $4, %esp
#line 882 "chapters/02-guest.nw"
    .globl trap_return
trap_return:
    popal
    popl %gs
    popl %fs
    popl %es
    popl %ds
    addl $8, %esp                   /* the vector and the error code */
    testl $EFLAGS_IF, 8(%esp)       /* the frame's eflags */
    jz guest_noirq_iret
    movl $EFLAGS_IF, %ss:lguest_data + IRQ_ENABLED
    cmpl $0, %ss:lguest_data + IRQ_PENDING
    je guest_noirq_iret
    pushl %eax
    movl $LHCALL_SEND_INTERRUPTS, %eax
    int $HYPERCALL_VECTOR
    popl %eax
    .globl guest_noirq_iret
guest_noirq_iret:
    iret
#line 920 "chapters/02-guest.nw"
    .globl switch_context
switch_context:
    movl 4(%esp), %eax      /* where to save this stack's pointer */
    movl 8(%esp), %edx      /* the stack to take up */
    pushl %ebp
    pushl %ebx
    pushl %esi
    pushl %edi
    movl %esp, (%eax)
    movl %edx, %esp
    popl %edi
    popl %esi
    popl %ebx
    popl %ebp
    ret
#line 753 "chapters/02-guest.nw"
    .section .note.GNU-stack, "", @progbits
