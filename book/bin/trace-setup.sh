# trace-setup.sh -- sourced by trace-stages.sh and trace-kernel.sh, which
# both read QEMU's log of every instruction as it comes.
# trace_setup NAME SHIFT makes $fifo, the FIFO QEMU logs into, and
# $wrapper, a QEMU for LHV_QEMU that runs one instruction per translation
# block (-singlestep) under -icount shift=SHIFT and logs every block it
# executes (-d exec,nochain); both go however the script ends.
trace_setup() {
    fifo=$out/$1.fifo wrapper=$out/qemu-$1
    rm -f "$fifo"; mkfifo "$fifo"
    trap 'rm -f "$fifo" "$wrapper"' EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    cat > "$wrapper" <<WRAP
#!/bin/sh
exec $(command -v qemu-system-i386) -icount shift=$2 -singlestep \
  -d exec,nochain -D $PWD/$fifo "\$@"
WRAP
    chmod +x "$wrapper"
}
