// generated from chapters/05-host.nw -- edit the chapter, not this file
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
#line 931 "chapters/05-host.nw"
#define LHCALL_FLUSH_ASYNC 0
#define HCALL_STATUS 24               /* offsetof(LguestData, ...) */
#define HCALLS (24 + 64)
#define HCALL_ARGS_BYTES 20           /* sizeof(abi::HypercallArgs) */
#line 943 "chapters/05-host.nw"
    .macro queue slot, call, arg
    movl $\call, lguest_data + HCALLS + \slot * HCALL_ARGS_BYTES
    movl $\arg, lguest_data + HCALLS + \slot * HCALL_ARGS_BYTES + 4
    movb $0, lguest_data + HCALL_STATUS + \slot
    .endm
#line 1023 "chapters/05-host.nw"
    .text
    .globl _start
_start:
#line 1626 "chapters/02-guest.nw"
    mov $LHCALL_LGUEST_INIT, %eax
    mov $(lguest_data - PAGE_OFFSET), %ebx
    int $HYPERCALL_VECTOR
#line 1027 "chapters/05-host.nw"
    queue 0, LHCALL_FLUSH_ASYNC, 0
    queue 1, 99, 0
    queue 2, LHCALL_NOTIFY, (message-PAGE_OFFSET)
    mov $LHCALL_FLUSH_ASYNC, %eax
    int $HYPERCALL_VECTOR
#line 1454 "chapters/02-guest.nw"
    mov $LHCALL_SHUTDOWN, %eax
    mov $LGUEST_SHUTDOWN_POWEROFF, %ebx
    int $HYPERCALL_VECTOR
1:  jmp 1b
#line 208 "chapters/02-guest.nw"
    .section .note.GNU-stack, "", @progbits

#line 1034 "chapters/05-host.nw"
    .section .rodata
message:
    .asciz "this line must never be printed\n"
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
