// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 61 "chapters/A-kernel.nw"
#define MULTIBOOT_MAGIC 0x1BADB002
#define MULTIBOOT_FLAGS 0x00000003

        .section .multiboot, "a"
        .balign 4
        .long MULTIBOOT_MAGIC
        .long MULTIBOOT_FLAGS
        .long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)
#line 78 "chapters/A-kernel.nw"
        .section .bss, "aw", @nobits
        .balign 16
boot_stack:
        .skip 16384
boot_stack_top:
#line 93 "chapters/A-kernel.nw"
        .section .text
        .globl kernel_entry
kernel_entry:
        cli
        cld
        movl %eax, %edx
        movl %ebx, %ebp
        movl $kernel_bss_start, %edi
        movl $kernel_bss_end, %ecx
        subl %edi, %ecx
        xorl %eax, %eax
        rep stosb
        movl $boot_stack_top, %esp
        pushl %ebp
        pushl %edx
        call kernel_main
1:      cli
        hlt
        jmp 1b
#line 53 "chapters/A-kernel.nw"
        .section .note.GNU-stack, "", @progbits
