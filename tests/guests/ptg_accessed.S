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
#line 7247 "chapters/05-host.nw"
#define WINDOW 0x10000000
    .text
    .globl _start
_start:
#line 3351 "chapters/05-host.nw"
    mov $stack_top, %esp
#line 1626 "chapters/02-guest.nw"
    mov $LHCALL_LGUEST_INIT, %eax
    mov $(lguest_data - PAGE_OFFSET), %ebx
    int $HYPERCALL_VECTOR
#line 7253 "chapters/05-host.nw"
    map_kernel
    movl $(PHYS(window_table) + 3), directory + (WINDOW >> 22) * 4
    movl $(PHYS(pages) + 3), window_table
    movl $(PHYS(pages) + 0x1000 + 3), window_table + 4
    movl $(PHYS(pages) + 0x2000 + 3), window_table + 8
    hcall LHCALL_NEW_PGTABLE, $PHYS(directory)
    mov WINDOW, %eax
    mov $'r', %bl
    mov window_table, %eax
    call report
    mov WINDOW + 0x1000, %eax
    mov $'w', %bl
    mov window_table + 4, %eax
    call report
    movl $1, WINDOW + 0x1000
    mov $'w', %bl
    mov window_table + 4, %eax
    call report
    mov $'u', %bl
    mov window_table + 8, %eax
    call report
    power_off
#line 7281 "chapters/05-host.nw"
report:
    movb %bl, line_page
    mov %eax, %ecx
    shr $5, %ecx
    and $1, %ecx
    add $'0', %ecx
    movb %cl, line_accessed
    shr $6, %eax
    and $1, %eax
    add $'0', %eax
    movb %al, line_dirty
    say line
    ret
    .data
line:   .ascii "ptg: page "
line_page: .ascii "?: accessed "
line_accessed: .ascii "?, dirty "
line_dirty: .asciz "?\n"
#line 6180 "chapters/05-host.nw"
    .bss
    .balign 4096
directory:
    .skip 4096
#line 7300 "chapters/05-host.nw"
kernel_table:
    .skip 4096
window_table:
    .skip 4096
pages:
    .skip 3 * 4096
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
