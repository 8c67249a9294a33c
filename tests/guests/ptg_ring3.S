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
#line 7459 "chapters/05-host.nw"
#define USER_CS 0x73
#define USER_DS 0x7b
#define USER_CODE 0x08048000
#define USER_STACK 0x08049000
#define UNMAPPED 0x08100000
#define LOW_USER 0x00001000
#define USER_ENTRY(label) (USER_CODE + (label) - user_page)
#define TABLE_SLOT(address) (((address) >> PAGE_SHIFT) & 1023) * 4
    .text
    .globl _start
_start:
#line 3351 "chapters/05-host.nw"
    mov $stack_top, %esp
#line 7471 "chapters/05-host.nw"
    movzbl 16(%esi), %edi
#line 1626 "chapters/02-guest.nw"
    mov $LHCALL_LGUEST_INIT, %eax
    mov $(lguest_data - PAGE_OFFSET), %ebx
    int $HYPERCALL_VECTOR
#line 7473 "chapters/05-host.nw"
    hcall LHCALL_LOAD_GDT_ENTRY, $14, $0x0000FFFF, $0x00CFFA00
    hcall LHCALL_LOAD_GDT_ENTRY, $15, $0x0000FFFF, $0x00CFF200
    map_kernel
    movl $(PHYS(user_table) + 7), directory + (USER_CODE >> 22) * 4
    movl $(PHYS(user_page) + 5), user_table + TABLE_SLOT(USER_CODE)
    movl $(PHYS(user_stack) + 7), user_table + TABLE_SLOT(USER_STACK)
    movl $(PHYS(low_table) + 7), directory
    movl $(PHYS(user_stack) + 7), low_table + TABLE_SLOT(LOW_USER)
    hcall LHCALL_NEW_PGTABLE, $PHYS(directory)
    hcall LHCALL_SET_STACK, $GUEST_KERNEL_DS, $kernel_stack_top, $1
    gate 14, fault
    cmp $'i', %edi
    je 1f
    gate 0x80, system_call, 0xF, 3
    jmp 2f
1:  gate 0x80, system_call, 0xE, 3
2:  pushl $USER_DS
    pushl $(USER_STACK + 4096)
    pushl $0x202
    pushl $USER_CS
    pushl $USER_ENTRY(user_page)
    iret
#line 7505 "chapters/05-host.nw"
    .balign 4096
    .globl user_page
user_page:
    mov %ss, %eax
    mov %eax, %ds
    mov %eax, %es
    xor %esi, %esi
    .globl user_syscall
user_syscall:
    int $0x80
    .globl user_reads_kernel
user_reads_kernel:
    mov kernel_word, %eax
    .globl user_reads_unmapped
user_reads_unmapped:
    mov UNMAPPED, %eax
    .globl user_reads_low
user_reads_low:
    mov LOW_USER, %eax
    mov $1, %esi
    int $0x80
    jmp .
    .balign 4096
#line 7537 "chapters/05-host.nw"
    .macro enter_kernel
    push %ds
    push %es
    pusha
    mov $GUEST_KERNEL_DS, %eax
    mov %eax, %ds
    mov %eax, %es
    .endm
    .macro leave_kernel
    popa
    pop %es
    pop %ds
    .endm
system_call:
    enter_kernel
    mov %cs, %eax
    and $3, %eax
    cmp $1, %eax
    jne wrong
    cmpl $USER_CS, 44(%esp)
    jne wrong
    say syscall_line
    cmpl $0, 4(%esp)
    je 1f
    power_off
1:  leave_kernel
    iret
fault:
    enter_kernel
    say_fault 40
    cmpl $USER_CS, 48(%esp)
    jne wrong
    addl $5, 44(%esp)
    leave_kernel
    add $4, %esp
    iret
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
#line 7576 "chapters/05-host.nw"
    .section .rodata
syscall_line:
    .asciz "ptg: int $0x80 from ring 3 ran the ring-1 handler\n"
    .data
    .globl kernel_word
kernel_word:
    .long 0
#line 6180 "chapters/05-host.nw"
    .bss
    .balign 4096
directory:
    .skip 4096
#line 7584 "chapters/05-host.nw"
kernel_table:
    .skip 4096
user_table:
    .skip 4096
user_stack:
    .skip 4096
low_table:
    .skip 4096
    .skip 4096
kernel_stack_top:
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
