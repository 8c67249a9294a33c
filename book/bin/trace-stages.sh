#!/bin/bash
# trace-stages.sh GUEST.elf HOST.elf -- where the instructions of one trip
# around a benchmark Guest's loop go.  QEMU runs the Guest one instruction
# per translation block (-singlestep) and logs every block it executes
# (-d exec,nochain) into a FIFO, which awk reads as it comes: the log of
# a whole run is half a gigabyte, so it is never written to a file.  One
# trip is counted from the 500th execution of the loop's first
# instruction, the Guest's global label `bench_loop', to the 501st, and
# each instruction is charged to a stage by its address:
#   guest          the Guest's own code (0xC0000000 up to the Switcher)
#   switcher-out   the trap stubs and return_to_host, into the Host
#   host           the Host (below 0xC0000000)
#   switcher-in    switch_to_guest, back into the Guest
# Instructions executed while the processor sleeps in `hlt' are none, so
# the count is of instructions even where the Guest's own clock, which
# runs on while it sleeps, is not.
set -euo pipefail
guest=$1 host=$2
out=build/bench
mkdir -p "$out"
symbol() { nm "$1" | awk -v s="$2" '$3 == s { print $1 }'; }
stubs=$(symbol "$host" switcher_trap_stubs)
text_end=$(symbol "$host" switcher_text_end)
# The loop's first instruction, without leading zeros as QEMU logs it.
int_pc=$(symbol "$guest" bench_loop | sed 's/^0*//')
[ -n "$stubs" ] && [ -n "$text_end" ] && [ -n "$int_pc" ] ||
    { echo "trace: cannot find the symbols to split the trace" >&2; exit 1; }

source book/bin/trace-setup.sh
trace_setup trace 0

awk -v int_pc="$int_pc" -v stubs="$stubs" -v text_end="$text_end" '
    function hex(s,   i, n, c) {   # mawk has no strtonum
        n = 0; s = tolower(s)
        for (i = 1; i <= length(s); i++) {
            c = index("0123456789abcdef", substr(s, i, 1)) - 1
            n = n * 16 + c
        }
        return n
    }
    BEGIN { target = 500; stub = hex(stubs); end = hex(text_end)
            gstart = hex("c0000000"); sw = hex("ffc00000") }
    /^Trace/ {
        split($4, f, "/"); pc = substr(f[2], 1)
        if (pc == int_pc) { n++; if (n == target + 1) { done = 1 } }
        if (n != target || done) next
        a = hex(pc)
        if (a >= sw && a >= stub && a < end) stage = "switcher-out"
        else if (a >= sw) stage = "switcher-in"
        else if (a >= gstart) stage = "guest"
        else stage = "host"
        count[stage]++; total++
    }
    END {
        if (!done) { print "trace: the loop was not found" > "/dev/stderr"
                     exit 1 }
        printf "guest %d switcher-out %d host %d switcher-in %d total %d\n",
               count["guest"], count["switcher-out"], count["host"],
               count["switcher-in"], total
    }' "$fifo" &
reader=$!
LHV_QEMU=$wrapper build/lhv "$guest" > /dev/null
wait $reader
