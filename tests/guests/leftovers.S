// generated from chapters/04-launcher.nw -- edit the chapter, not this file
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
#line 4017 "chapters/04-launcher.nw"
#define MARK (PAGE_OFFSET + 0x800000)
    .text
    .globl _start
_start:
#line 1626 "chapters/02-guest.nw"
    mov $LHCALL_LGUEST_INIT, %eax
    mov $(lguest_data - PAGE_OFFSET), %ebx
    int $HYPERCALL_VECTOR
#line 4022 "chapters/04-launcher.nw"
    mov $(clean - PAGE_OFFSET), %ebx
    cmpl $0, MARK
    je 1f
    mov $(left_over - PAGE_OFFSET), %ebx
1:  movl $0x5446454C, MARK            /* "LEFT" */
    mov $LHCALL_NOTIFY, %eax
    int $HYPERCALL_VECTOR
#line 1454 "chapters/02-guest.nw"
    mov $LHCALL_SHUTDOWN, %eax
    mov $LGUEST_SHUTDOWN_POWEROFF, %ebx
    int $HYPERCALL_VECTOR
1:  jmp 1b
#line 208 "chapters/02-guest.nw"
    .section .note.GNU-stack, "", @progbits
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

#line 4032 "chapters/04-launcher.nw"
    .section .rodata
clean:
    .asciz "memory clean\n"
left_over:
    .asciz "memory left over\n"
