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
#line 7173 "chapters/05-host.nw"
#define LHCALL_NEW_PGTABLE 4
#define LHCALL_SET_PTE 14
#define PTE_PRESENT 0x1
#define PTE_WRITABLE 0x2
#define PTE_USER 0x4
#define PHYS(label) ((label) - PAGE_OFFSET)
    .macro map_kernel
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
#line 7181 "chapters/05-host.nw"
    .endm
    .macro say_fault error
    mov lguest_data + CR2, %eax
    mov $fault_cr2, %edi
    call hex
    mov (\error + 4)(%esp), %eax
    mov $fault_eip, %edi
    call hex
    mov \error(%esp), %eax
    mov $fault_error, %edi
    call hex
    say fault_line
    .endm
#line 7628 "chapters/05-host.nw"
#define REGION 0x40000000
#define REGION_PHYS 0x00800000
#define REGION_PAGES 4096
#define WIDE_FIRST 16
#define WIDE_COUNT 700
#define SPREAD 0x9E3779B9
    .text
    .globl _start
_start:
#line 3351 "chapters/05-host.nw"
    mov $stack_top, %esp
#line 7638 "chapters/05-host.nw"
    movzbl 16(%esi), %edi
#line 1626 "chapters/02-guest.nw"
    mov $LHCALL_LGUEST_INIT, %eax
    mov $(lguest_data - PAGE_OFFSET), %ebx
    int $HYPERCALL_VECTOR
#line 7640 "chapters/05-host.nw"
    map_kernel
    cmp $'w', %edi
    je wide
#line 7650 "chapters/05-host.nw"
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $PAGE_SHIFT, %eax
    add $(REGION_PHYS + 3), %eax
    mov %eax, region_tables(,%ecx,4)
    inc %ecx
    cmp $REGION_PAGES, %ecx
    jne 1b
    mov $(PHYS(region_tables) + 3), %eax
    xor %ecx, %ecx
2:  mov %eax, (directory + (REGION >> 22) * 4)(,%ecx,4)
    add $4096, %eax
    inc %ecx
    cmp $(REGION_PAGES / 1024), %ecx
    jne 2b
    hcall LHCALL_NEW_PGTABLE, $PHYS(directory)
    mov $REGION, %esi
    xor %ebp, %ebp
3:  mov %ebp, (%esi)
    add $4096, %esi
    add $SPREAD, %ebp
    cmp $(REGION + REGION_PAGES * 4096), %esi
    jne 3b
    mov $REGION, %esi
    xor %ebp, %ebp
    xor %edi, %edi
4:  cmp %ebp, (%esi)
    jne wrong
    add (%esi), %edi
    add $4096, %esi
    add $SPREAD, %ebp
    cmp $(REGION + REGION_PAGES * 4096), %esi
    jne 4b
    jmp checksum
#line 7691 "chapters/05-host.nw"
wide:
    movl $(PHYS(wide_page) + 3), wide_table
    xor %ecx, %ecx
1:  movl $(PHYS(wide_table) + 3), (directory + WIDE_FIRST * 4)(,%ecx,4)
    inc %ecx
    cmp $WIDE_COUNT, %ecx
    jne 1b
    hcall LHCALL_NEW_PGTABLE, $PHYS(directory)
    xor %ecx, %ecx
    xor %ebp, %ebp
2:  lea WIDE_FIRST(%ecx), %esi
    shl $22, %esi
    mov %ebp, (%esi,%ecx,4)
    add $SPREAD, %ebp
    inc %ecx
    cmp $WIDE_COUNT, %ecx
    jne 2b
    xor %ecx, %ecx
    xor %ebp, %ebp
    xor %edi, %edi
3:  lea WIDE_FIRST(%ecx), %esi
    shl $22, %esi
    cmp %ebp, (%esi,%ecx,4)
    jne wrong
    add (%esi,%ecx,4), %edi
    add $SPREAD, %ebp
    inc %ecx
    cmp $WIDE_COUNT, %ecx
    jne 3b
#line 7726 "chapters/05-host.nw"
checksum:
    mov %edi, %eax
    mov $sum_digits, %edi
    call hex
    say sum_line
    power_off
wrong:
    hcall 98
#line 7206 "chapters/05-host.nw"
hex:
    mov $8, %ecx
2:  rol $4, %eax
    mov %eax, %edx
    and $0xF, %edx
    movb hex_digits(%edx), %dl
    movb %dl, (%edi)
    inc %edi
    loop 2b
    ret
    .section .rodata
hex_digits:
    .ascii "0123456789abcdef"
    .data
fault_line: .ascii "ptg: page fault at 0x"
fault_cr2: .ascii "00000000 (eip 0x"
fault_eip: .ascii "00000000), error code 0x"
fault_error: .asciz "00000000\n"
    .text
#line 7735 "chapters/05-host.nw"
    .data
sum_line: .ascii "ptg: every page read back, checksum 0x"
sum_digits: .asciz "00000000\n"
#line 6180 "chapters/05-host.nw"
    .bss
    .balign 4096
directory:
    .skip 4096
#line 7739 "chapters/05-host.nw"
kernel_table:
    .skip 4096
wide_table:
    .skip 4096
wide_page:
    .skip 4096
region_tables:
    .skip REGION_PAGES * 4
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
