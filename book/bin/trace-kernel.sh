#!/bin/bash
# trace-kernel.sh SHIFT WORDS... -- where the instructions of the Guest
# kernel's own paths go, from one run of the book's Guest with the Guest
# command line WORDS (e.g. init=syscalls 2000).  QEMU runs it one
# instruction per translation block (-singlestep, -icount shift=SHIFT:
# each instruction advances the virtual clock by 2^SHIFT ns, so a larger
# SHIFT brings the 10 ms clock ticks closer together in instructions) and
# logs every block into a FIFO, which awk reads as it comes.  Every
# instruction is charged by its address to
#   program        ring 3: 0x08000000 up to 0xC0000000
#   kernel         the Guest kernel: 0xC0000000 up to the Switcher
#   switcher       the Switcher (both directions)
#   host           the Host (below 0x08000000)
# A "gap" is the run of instructions between two program instructions:
# everything that happened on the program's behalf or behind its back.
# Gaps are sorted by what they contain (the entry stub of a system call,
# a page fault, a clock tick; switch_context for a process switch), and
# for each kind the script prints how many there were and the median
# one, stage by stage.  "boot" is from the Guest's first instruction to
# its first program's first.
set -euo pipefail
shift_n=$1; shift
guest=build/guest/guest.elf host=build/host/host.elf
out=build/bench
mkdir -p "$out"
symbol() { nm "$1" | awk -v s="$2" '$3 == s { sub(/^0*/, "", $1); print $1 }'; }
entry=$(readelf -h "$guest" | awk '/Entry point/ { sub(/^0x0*/, "", $4); print $4 }')
sys=$(symbol "$guest" trap_stub_0x80)
pf=$(symbol "$guest" trap_stub_14)
tick=$(symbol "$guest" trap_stub_0x20)
swc=$(symbol "$guest" switch_context)
[ -n "$entry" ] && [ -n "$sys" ] && [ -n "$pf" ] && [ -n "$tick" ] &&
    [ -n "$swc" ] ||
    { echo "trace: cannot find the Guest's symbols" >&2; exit 1; }

source book/bin/trace-setup.sh
trace_setup trace-kernel "$shift_n"

awk -v entry="$entry" -v sys="$sys" -v pf="$pf" -v tick="$tick" \
    -v swc="$swc" '
    function hex(s,   i, n, c) {   # mawk has no strtonum
        n = 0; s = tolower(s)
        for (i = 1; i <= length(s); i++) {
            c = index("0123456789abcdef", substr(s, i, 1)) - 1
            n = n * 16 + c
        }
        return n
    }
    function stage(a) {
        if (a >= sw) return "switcher"
        if (a >= kern) return "kernel"
        if (a >= prog) return "program"
        return "host"
    }
    function close_gap(   kind, key) {
        if (!ingap) return
        ingap = 0
        if (g["sys"] && !g["tick"] && !g["swc"]) kind = "system-call"
        else if (g["pf"] && !g["tick"] && !g["swc"]) kind = "page-fault"
        else if (g["tick"] && g["swc"] && !g["sys"] && !g["pf"])
            kind = "switch-on-tick"
        else if (g["tick"] && !g["swc"] && !g["sys"] && !g["pf"])
            kind = "tick"
        else return
        n[kind]++
        key = kind SUBSEP n[kind]
        tot[key] = c["kernel"] + c["switcher"] + c["host"]
        ker[key] = c["kernel"]; swi[key] = c["switcher"]; hos[key] = c["host"]
    }
    BEGIN { sw = hex("ffc00000"); kern = hex("c0000000")
            prog = hex("08000000") }
    /^Trace/ {
        split($4, f, "/"); pc = f[2]
        if (!started) { if (pc != entry) next; started = 1 }
        a = hex(pc); s = stage(a)
        if (s == "program") {
            if (!booted) {
                booted = 1
                printf "boot count 1 kernel %d switcher %d host %d" \
                       " total %d\n",
                       b["kernel"], b["switcher"], b["host"],
                       b["kernel"] + b["switcher"] + b["host"]
            }
            close_gap(); next
        }
        if (!booted) { b[s]++; next }
        if (!ingap) { ingap = 1; split("", c); split("", g) }
        c[s]++
        if (pc == sys) g["sys"] = 1
        else if (pc == pf) g["pf"] = 1
        else if (pc == tick) g["tick"] = 1
        else if (pc == swc) g["swc"] = 1
    }
    END {
        for (k in n) {
            # the median gap of kind k, by total
            m = 0
            for (i = 1; i <= n[k]; i++) v[++m] = tot[k, i]
            for (i = 2; i <= m; i++) {   # insertion sort, m is small
                x = v[i]; for (j = i - 1; j >= 1 && v[j] > x; j--)
                    v[j + 1] = v[j]
                v[j + 1] = x
            }
            med = v[int((m + 1) / 2)]
            for (i = 1; i <= n[k]; i++) if (tot[k, i] == med) break
            printf "%s count %d kernel %d switcher %d host %d total %d\n",
                   k, n[k], ker[k, i], swi[k, i], hos[k, i], med
        }
    }' "$fifo" > "$out/trace-kernel.out" &
reader=$!
LHV_QEMU=$wrapper build/lhv "$guest" "$@" > /dev/null
wait $reader
cat "$out/trace-kernel.out"
