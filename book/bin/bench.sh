#!/bin/bash
# bench.sh -- the measurements of the Mastery chapter.
#  * instructions per trip around each hot path (null hypercall,
#    reflected trap, direct trap, clock tick, shadow fault, Guest page
#    fault, address-space switch): each benchmark Guest reads
#    the time stamp counter around a loop of 1000 trips; under QEMU's
#    -icount shift=0 that counter advances by one per instruction executed
#    (Guest, Switcher and Host alike), so the difference is an instruction
#    count, the same on every machine -- except while the Guest sleeps,
#    when it runs on; and one trip stage by stage (Guest, Switcher out,
#    Host, Switcher in) from an instruction trace
#    (book/bin/trace-stages.sh), with the budgets the paths have; and
#    the cost per page of touching 1 to 16 MiB of fresh memory;
#  * the Guest kernel's own paths (boot to its first program, a system
#    call, a page on demand, a process switch on the clock), traced by
#    book/bin/trace-kernel.sh;
#  * wall time of booting the Guest once everything is built (the
#    emulator's time on this machine: compare runs, not machines), and
#    of `make run' doing the same, as a ratio against lhv alone in the
#    same run: what the workbench adds to the student's loop.
# Prints one line per measurement and writes them as table rows to
# build/bench/results.tex.
set -euo pipefail
out=build/bench
mkdir -p "$out"
qemu=$(command -v qemu-system-i386)
cat > "$out/qemu-icount" <<WRAP
#!/bin/sh
exec $qemu -icount shift=0 "\$@"
WRAP
chmod +x "$out/qemu-icount"
: > "$out/results.tex"
row() { printf '%s & %s & %s \\\\\n' "$1" "$2" "$3" >> "$out/results.tex"; }

# 1. Each hot path, in instructions: the benchmark Guests' own count
# (its clock under -icount), then one trip traced stage by stage, then
# the path's budget, where it has one, for the Switcher and the Host.
budget() {  # NAME: the most Switcher + Host instructions the path may take
    case $1 in
    null-hypercall) echo 45 ;;
    direct-trap) echo 0 ;;
    *) echo "" ;;
    esac
}
host_budget() {  # NAME: the most Host instructions the path may take
    case $1 in
    shadow-fault) echo 250 ;;
    address-space-switch) echo 150 ;;
    *) echo "" ;;
    esac
}
report() {  # GUEST.elf [WORDS]: run it under -icount; sets what, iterations, total
    LHV_QEMU="$out/qemu-icount" build/lhv "$@" > "$out/guest.out"
    read -r _ what _ iterations _ hex _ < <(grep '^bench:' "$out/guest.out")
    iterations=$((10#$iterations))
    total=$((hex))
}
for guest in build/tests/guests/bench_*.elf; do
    [ -e "$guest" ] || continue
    [ "${guest##*/}" = bench_touch.elf ] && continue  # a series, below
    report "$guest"
    per=$(( (total + iterations / 2) / iterations ))
    clock="instructions per trip"
    [ "$what" = clock-tick ] && clock="on the Guest's clock per trip (it runs on while the Guest sleeps)"
    echo "bench: $what: $per $clock ($total for $iterations, -icount shift=0)"
    read -r _ s_guest _ s_out _ s_host _ s_in _ s_total < <(
        book/bin/trace-stages.sh "$guest" build/host/host.elf)
    echo "bench: $what by stage: guest $s_guest, switcher out $s_out," \
         "host $s_host, switcher in $s_in (total $s_total, traced)"
    row "$what: Guest, Switcher out, Host, Switcher in (total)" \
        "$s_guest, $s_out, $s_host, $s_in ($s_total)" \
        "\\texttt{make bench}, one trip traced"
    limit=$(budget "$what")
    if [ -n "$limit" ]; then
        spent=$((s_out + s_host + s_in))
        if [ "$spent" -gt "$limit" ]; then
            echo "bench: $what: OVER BUDGET: Switcher and Host $spent" \
                 "instructions, budget $limit"
        else
            echo "bench: $what: within budget: Switcher and Host $spent" \
                 "instructions, budget $limit"
        fi
    fi
    limit=$(host_budget "$what")
    if [ -n "$limit" ]; then
        if [ "$s_host" -gt "$limit" ]; then
            echo "bench: $what: OVER BUDGET: Host $s_host instructions," \
                 "budget $limit"
        else
            echo "bench: $what: within budget: Host $s_host instructions," \
                 "budget $limit"
        fi
    fi
done

# The cost per page of touching fresh memory, as the memory grows: it
# should stay flat.
series=""
for mib in 1 2 4 8 16; do
    report build/tests/guests/bench_touch.elf "$mib"
    per=$(( (total + iterations / 2) / iterations ))
    echo "bench: touch ${mib} MiB: $per instructions per page" \
         "($total for $iterations pages, -icount shift=0)"
    series="$series${series:+, }$per"
done
row "touching 1, 2, 4, 8, 16\\,MiB, per page" "$series" \
    "\\texttt{-icount shift=0}, every page once"

# The Guest kernel's own paths (Appendix E), traced: where the
# instructions go between two instructions of a program at ring 3.
traced=()  # the trace-kernel.sh runs made so far, one file each
kernel_path() {  # LABEL KIND SHIFT WORDS...: one kind of gap from one run
    local label=$1 kind=$2 shift_n=$3 file line
    shift 3
    file="$out/trace-kernel-$shift_n-$(printf '%s' "$*" | tr ' =' '__').out"
    if [[ ! " ${traced[*]} " == *" $file "* ]]; then
        book/bin/trace-kernel.sh "$shift_n" "$@" > "$file"
        traced+=("$file")
    fi
    line=$(grep "^$kind " "$file")
    read -r _ _ count _ k _ s _ h _ t <<< "$line"
    echo "bench: guest kernel: $label: $t instructions (kernel $k," \
         "switcher $s, host $h; median of $count, traced: $*)"
    row "Guest kernel: $label: kernel, Switcher, Host (total)" \
        "$k, $s, $h ($t)" "\\texttt{trace-kernel.sh}, median of $count"
}
kernel_path "boot to the first program" boot 0 init=syscalls 2000
kernel_path "system call (getpid), in the kernel" system-call 0 \
    init=syscalls 2000
kernel_path "a page of heap on demand" page-fault 0 init=touch 1
kernel_path "process switch on a clock tick" switch-on-tick 10 \
    init=preempt 20000

# 2. Wall time of booting the Guest, once built: lhv alone, and make run,
# taken in turns so that both see the same machine.
milliseconds() {  # COMMAND...: how long it took, in ms
    local start end
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1 < /dev/null
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
unset MAKEFLAGS MAKELEVEL MFLAGS   # `make run' below is not a sub-make
lhv_times=() make_times=()
for i in 1 2 3 4 5 6 7; do
    lhv_times+=($(milliseconds build/lhv --block build/disk.tar,ro \
                                  build/guest/guest.elf init=sh))
    make_times+=($(milliseconds make run))
done
lhv_ms=$(median "${lhv_times[@]}")
make_ms=$(median "${make_times[@]}")
ratio=$(awk -v a="$make_ms" -v b="$lhv_ms" 'BEGIN { printf "%.2f", a / b }')
echo "bench: boot to the shell and power-off (lhv, as make run runs it):" \
     "median ${lhv_ms} ms" \
     "of 7 runs: ${lhv_times[*]} ms"
echo "bench: make run, already built: median ${make_ms} ms of 7 runs:" \
     "${make_times[*]} ms; ${ratio} times lhv alone"
row "boot to the shell and power-off, wall time" "${lhv_ms}\\,ms" \
    "median of 7, \\texttt{lhv} as \\texttt{make run} runs it, TCG"
row "\\texttt{make run}, already built" "${make_ms}\\,ms" \
    "median of 7, in turns with the row above (${ratio}\\,\\texttimes)"
# 3. The devices, in wall time against the raw operation in the same
# run: the disk's back-end against pread; a 64 MiB file read by a
# program in the Guest against dd of the same image; the console's
# keystroke-to-echo time on a pseudo-terminal.
for size in 4096 65536; do build/bench/bin/block_rate "$size"; done
disk=$(mktemp -d)
trap 'rm -rf "$disk"' EXIT
mkdir "$disk/bin"
cp build/user/bin/readall "$disk/bin/"
head -c $((64 << 20)) /dev/urandom > "$disk/big"
tar --format=ustar -C "$disk" -cf "$disk/rd.tar" bin big
for i in 1 2 3; do
    build/lhv --block "$disk/rd.tar,ro" build/guest/guest.elf \
        init=readall /big < /dev/null | grep '^readall:'
    dd if="$disk/rd.tar" of=/dev/null bs=64k 2>&1 | tail -1
done
python3 book/bin/echo-latency.py
# The ping between two Guests on one cable: the first Launcher to join
# is side 0 (10.0.0.1) and pings side 1 a hundred times; side 1 answers
# and stays up five seconds.
build/lhv --net "socket:$disk/cable" build/guest/guest.elf \
    init=ping 10.0.0.2 100 < /dev/null > "$disk/ping.out" 2>&1 &
first=$!
sleep 1
build/lhv --net "socket:$disk/cable" build/guest/guest.elf \
    init=ping 10.0.0.1 1 5 < /dev/null > /dev/null 2>&1
wait "$first"
grep -E '^[0-9]+ sent, ' "$disk/ping.out" | sed 's/^/bench: ping between two Guests: /'
# The ping between a Guest and Linux over a TAP, only where one can be
# made: as root, with /dev/net/tun, unshare and ip.  It runs in a network
# namespace of its own, so that 10.0.0.254/24 never touches this
# computer's network.  lhv makes the TAP before QEMU starts; the shell
# waits for it (or for lhv to end), gives Linux's end its address and
# brings it up, and the Guest (10.0.0.1) pings Linux fifty times.
if [ "$(id -u)" = 0 ] && [ -c /dev/net/tun ] &&
    command -v unshare > /dev/null && command -v ip > /dev/null; then
    unshare -n sh -c '
        build/lhv --net tap:lhvbench build/guest/guest.elf \
            init=ping 10.0.0.254 50 < /dev/null > "$1" 2>&1 &
        lhv=$!
        until ip link show lhvbench > /dev/null 2>&1; do
            kill -0 "$lhv" 2> /dev/null || break
            sleep 0.1
        done
        ip addr add 10.0.0.254/24 dev lhvbench &&
            ip link set lhvbench up
        wait "$lhv"' sh "$disk/tap.out" || true
    grep -E '^[0-9]+ sent, ' "$disk/tap.out" |
        sed 's/^/bench: ping between a Guest and Linux over a TAP: /' || true
else
    echo "bench: ping over a TAP: not run (needs root, /dev/net/tun," \
        "unshare and ip)"
fi
echo "bench: table rows in $out/results.tex"
