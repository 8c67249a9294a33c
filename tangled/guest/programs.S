// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 886 "chapters/E-guest-kernel.nw"
    .section .rodata.programs, "a"
    .balign 16
    .globl programs_archive_start, programs_archive_end
programs_archive_start:
    .incbin PROGRAMS_ARCHIVE
programs_archive_end:
#line 208 "chapters/02-guest.nw"
    .section .note.GNU-stack, "", @progbits
