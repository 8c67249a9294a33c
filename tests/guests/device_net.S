// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 1466 "chapters/02-guest.nw"
#define PAGE_OFFSET 0xC0000000        /* abi::kPageOffset */
#define HYPERCALL_VECTOR 0x1f         /* abi::kHypercallVector */
#define LHCALL_LGUEST_INIT 1
#define LHCALL_SHUTDOWN 2
#define LHCALL_NOTIFY 17
#define LGUEST_SHUTDOWN_POWEROFF 1
#define BOOT_INFO_DEVICE_PAGE 8       /* offsetof(BootInfo, ...) */
#define BOOT_INFO_DEVICE_PAGES 12
#define PAGE_SHIFT 12                 /* abi::kPageSize is 4096 */
#define LGUEST_DATA_BYTES 1388        /* sizeof(abi::LguestData) */
#line 2052 "chapters/05-host.nw"
#define LHCALL_LOAD_IDT_ENTRY 6
#define LHCALL_SET_STACK 7
#define LHCALL_TS 8
#define LHCALL_SET_CLOCKEVENT 9
#define LHCALL_HALT 10
#define LHCALL_SEND_INTERRUPTS 19
#define LHCALL_LOAD_GDT_ENTRY 18
#define GUEST_KERNEL_CS 0x21          /* abi::kGuestKernelCs */
#define GUEST_KERNEL_DS 0x29          /* abi::kGuestKernelDs */
#define IRQ_ENABLED 0                 /* offsets in abi::LguestData */
#define BLOCKED_INTERRUPTS 4
#define CR2 8
#define TIME_SEC 12
#define IRQ_PENDING 20
#define TSC_KHZ 1372
#define NOIRQ_IRET 1376
#define EFLAGS_IF 0x200
    .macro hcall call, a1=$0, a2=$0, a3=$0
    mov $\call, %eax
    mov \a1, %ebx
    mov \a2, %ecx
    mov \a3, %edx
    int $HYPERCALL_VECTOR
    .endm
    .macro say text
    hcall LHCALL_NOTIFY, $(\text - PAGE_OFFSET)
    .endm
    .macro gate vector, handler, type=0xE, dpl=1, selector=GUEST_KERNEL_CS
    mov $\handler, %ecx
    mov %ecx, %edx
    and $0xFFFF, %ecx
    or $(\selector << 16), %ecx
    and $0xFFFF0000, %edx
    or $(0x8000 | (\dpl << 13) | (\type << 8)), %edx
    mov $LHCALL_LOAD_IDT_ENTRY, %eax
    mov $\vector, %ebx
    int $HYPERCALL_VECTOR
    .endm
    .macro power_off
    hcall LHCALL_SHUTDOWN, $LGUEST_SHUTDOWN_POWEROFF
    .endm
#line 4801 "chapters/04-launcher.nw"
#define DEVICE_RNG 4
#define STATUS_ACK_DRIVER 3
#define STATUS_FEATURES_OK 8
#define STATUS_DRIVER_OK 4
#define QUEUE_SIZE 64
#define AVAIL_OFFSET (16 * QUEUE_SIZE)  /* abi::vring_avail_offset(64) */
#define USED_OFFSET 4096                /* abi::vring_used_offset(64) */
#define DESC_WRITE 2
#define BOOT_INFO_COMMAND_LINE 16
    .macro find_device type
    mov BOOT_INFO_DEVICE_PAGE(%esi), %esi
    add $PAGE_OFFSET, %esi
1:  movzbl (%esi), %eax
    cmp $\type, %eax
    je 2f
    test %eax, %eax
    jz no_device
    movzbl 1(%esi), %eax           /* the header and the queue records */
    lea 5(,%eax,8), %eax
    movzbl 2(%esi), %edx           /* both feature bitmaps */
    lea (%eax,%edx,2), %eax
    movzbl 3(%esi), %edx           /* the configuration */
    add %edx, %eax
    add %eax, %esi
    jmp 1b
2:  movzwl 7(%esi), %ecx           /* the first VqConfig's irq */
    mov 9(%esi), %edi              /* and its pfn */
    shl $PAGE_SHIFT, %edi
    .endm
    .macro line_gate handler
    lea 0x20(%ecx), %ebx           /* the line's vector */
    mov $\handler, %ecx
    mov %ecx, %edx
    and $0xFFFF, %ecx
    or $(GUEST_KERNEL_CS << 16), %ecx
    and $0xFFFF0000, %edx
    or $0xAE00, %edx               /* present, DPL 1, interrupt gate */
    mov $LHCALL_LOAD_IDT_ENTRY, %eax
    int $HYPERCALL_VECTOR
    .endm
    .macro handshake status
    orb $\status, 4(%esi)
    lea -PAGE_OFFSET(%esi), %ebx
    mov $LHCALL_NOTIFY, %eax
    int $HYPERCALL_VECTOR
    .endm
#line 6341 "chapters/03-drivers.nw"
#define DEVICE_NET 1
#define NET_FEATURE_MAC 0x20      /* bit 5 of the first feature byte */
#define NET_ACCEPTED 25           /* 5 + 2 * 8 + 4: accepted features */
#define NET_MAC_LAST 34           /* 5 + 2 * 8 + 4 + 4 + 5 */
#define NET_TX_PFN 17             /* 5 + 8 + 4: the second VqConfig's pfn */
#define DESC_NEXT 1
    .macro frame index, buffer, bytes
    movl $(\buffer - PAGE_OFFSET), 16 * \index(%edx)
    movl $0, 16 * \index + 4(%edx)
    movl $(12 + \bytes), 16 * \index + 8(%edx)
    movw $0, 16 * \index + 12(%edx)
    movw $\index, AVAIL_OFFSET + 4 + 2 * \index(%edx)
    .endm
    .text
    .globl _start
_start:
#line 3351 "chapters/05-host.nw"
    mov $stack_top, %esp
#line 1626 "chapters/02-guest.nw"
    mov $LHCALL_LGUEST_INIT, %eax
    mov $(lguest_data - PAGE_OFFSET), %ebx
    int $HYPERCALL_VECTOR
#line 6359 "chapters/03-drivers.nw"
    find_device DEVICE_NET
#line 6389 "chapters/03-drivers.nw"
    line_gate got_irq
    orb $NET_FEATURE_MAC, NET_ACCEPTED(%esi)
    handshake STATUS_ACK_DRIVER | STATUS_FEATURES_OK
    testb $STATUS_FEATURES_OK, 4(%esi)
    jz wrong
    handshake STATUS_DRIVER_OK
#line 6402 "chapters/03-drivers.nw"
    cmpb $1, NET_MAC_LAST(%esi)
    jne 1f
    say side_0
    jmp 2f
1:  say side_1
2:  mov NET_TX_PFN(%esi), %edi       /* the transmit ring from now on */
    shl $PAGE_SHIFT, %edi
#line 6416 "chapters/03-drivers.nw"
    lea PAGE_OFFSET(%edi), %edx    /* the ring, where we can write it */
    mov %edx, ring
    frame 0, runt, 5
    frame 1, big, 1515
    frame 2, good, 60
    movw $3, AVAIL_OFFSET + 2(%edx)        /* avail.idx */
    movl $EFLAGS_IF, lguest_data + IRQ_ENABLED
    hcall LHCALL_NOTIFY, %edi
    hcall LHCALL_HALT
    say no_irq
    power_off
got_irq:
    mov ring, %edx
    cmpw $3, USED_OFFSET + 2(%edx)         /* used.idx */
    jne wrong
    say right
    power_off
no_device:
wrong:
    say bad
    power_off
#line 6363 "chapters/03-drivers.nw"
    .section .rodata
side_0: .asciz "the card's MAC is side 0's\n"
side_1: .asciz "the card's MAC is side 1's\n"
right:  .asciz "three frames given back, and the interrupt\n"
no_irq: .asciz "the Guest woke without its interrupt\n"
bad:    .asciz "the network card did not do its work\n"
    .section .data
    .balign 4
ring:   .long 0
runt:   .fill 12 + 5, 1, 0
big:    .fill 12 + 1515, 1, 0
good:   .fill 12, 1, 0                        /* the header */
        .byte 0xff, 0xff, 0xff, 0xff, 0xff, 0xff  /* to everyone */
        .byte 0x02, 0, 0, 0, 0, 0x01          /* from side 0 */
        .byte 0x88, 0xb5                      /* a type for experiments */
        .ascii "lhv test frame"
        .fill 60 - 14 - 14, 1, '.'
#line 1605 "chapters/02-guest.nw"
    .data
    .balign 4
lguest_data:
    .skip 24                /* irq_enabled ... irq_pending */
    .fill 64, 1, 0xff       /* hcall_status: every slot free */
    .skip 64 * 20 + 8       /* hcalls, reserve_mem, tsc_khz */
    .long 0                 /* noirq_iret */
    .long PAGE_OFFSET       /* kernel_address */
    .long 0x80              /* syscall_vec */
    .if . - lguest_data != LGUEST_DATA_BYTES
    .error "lguest_data does not match abi::LguestData"
    .endif
#line 3361 "chapters/05-host.nw"
    .bss
    .balign 16
    .skip 4096
stack_top:
