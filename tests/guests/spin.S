// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1916 "chapters/02-guest.nw"
    .text
    .globl _start
_start:
1:  jmp 1b
#line 208 "chapters/02-guest.nw"
    .section .note.GNU-stack, "", @progbits
