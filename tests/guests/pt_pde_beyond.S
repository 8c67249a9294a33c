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
#line 6798 "chapters/05-host.nw"
#define VICTIM 0x10000000             /* directory entry 64 */
#define DIRECTORY (directory - PAGE_OFFSET)
#define PAGE_A (page_a - PAGE_OFFSET)
    .macro say text
    hcall LHCALL_NOTIFY, (\text - PAGE_OFFSET)
    .endm
    .text
    .globl _start
_start:
    mov BOOT_INFO_DEVICE_PAGES(%esi), %edi
    shl $PAGE_SHIFT, %edi
    add BOOT_INFO_DEVICE_PAGE(%esi), %edi
#line 1626 "chapters/02-guest.nw"
    mov $LHCALL_LGUEST_INIT, %eax
    mov $(lguest_data - PAGE_OFFSET), %ebx
    int $HYPERCALL_VECTOR
#line 6826 "chapters/05-host.nw"
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $PAGE_SHIFT, %eax
    or $3, %eax
    mov %eax, kernel_table(,%ecx,4)
    inc %ecx
    cmp $1024, %ecx
    jne 1b
    movl $(kernel_table - PAGE_OFFSET + 3), directory + 768 * 4
#line 6812 "chapters/05-host.nw"
    movl $(victim_table - PAGE_OFFSET + 3), directory + 64 * 4
    movl $(PAGE_A + 1), victim_table
    hcall LHCALL_NEW_PGTABLE, DIRECTORY
    mov VICTIM, %eax
    cmp page_a, %eax
    je 1f
    hcall 98
1:
#line 6901 "chapters/05-host.nw"
    lea 3(%edi), %eax
    mov %eax, directory + 65 * 4
    .globl misdeed
misdeed:
    mov VICTIM + 0x400000, %eax
#line 1454 "chapters/02-guest.nw"
    mov $LHCALL_SHUTDOWN, %eax
    mov $LGUEST_SHUTDOWN_POWEROFF, %ebx
    int $HYPERCALL_VECTOR
1:  jmp 1b
#line 208 "chapters/02-guest.nw"
    .section .note.GNU-stack, "", @progbits
#line 6843 "chapters/05-host.nw"
    .section .rodata
    .balign 4096
page_a:
    .ascii "page A"
    .balign 4096
page_b:
    .ascii "page B"
    .balign 4096
#line 6180 "chapters/05-host.nw"
    .bss
    .balign 4096
directory:
    .skip 4096
#line 6852 "chapters/05-host.nw"
    .balign 4096
kernel_table:
    .skip 4096
victim_table:
    .skip 4096
spare_table:
    .skip 4096
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
