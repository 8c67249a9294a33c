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
#line 4358 "chapters/05-host.nw"
#define LHCALL_NEW_PGTABLE 4
#define LHCALL_FLUSH_TLB 5
#define LHCALL_SET_PTE 14
#define LHCALL_SET_PGD 15
#define LHCALL_LOAD_TLS 16
#define LHCALL_LOAD_GDT_ENTRY 18
    .macro hcall call, a1=0, a2=0, a3=0
    mov $\call, %eax
    mov $\a1, %ebx
    mov $\a2, %ecx
    mov $\a3, %edx
    int $HYPERCALL_VECTOR
    .endm
#line 4516 "chapters/05-host.nw"
    .text
    .globl _start
_start:
#line 1626 "chapters/02-guest.nw"
    mov $LHCALL_LGUEST_INIT, %eax
    mov $(lguest_data - PAGE_OFFSET), %ebx
    int $HYPERCALL_VECTOR
#line 4520 "chapters/05-host.nw"
    hcall LHCALL_LOAD_GDT_ENTRY, 9, 0x00000000, 0xff40b3c0
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
