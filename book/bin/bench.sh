#!/bin/bash
# bench.sh -- the measurements of the Mastery chapter.
#  * instructions per null hypercall round trip: the benchmark Guest reads
#    the time stamp counter around a loop of hypercalls; under QEMU's
#    -icount shift=0 that counter advances by one per instruction executed
#    (Guest, Switcher and Host alike), so the difference is an instruction
#    count, the same on every machine;
#  * wall time of booting the Guest once everything is built (the
#    emulator's time on this machine: compare runs, not machines).
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

# 1. Null hypercall round trip, in instructions.
for guest in build/tests/guests/bench_*.elf; do
    [ -e "$guest" ] || continue
    LHV_QEMU="$out/qemu-icount" build/lhv "$guest" > "$out/guest.out"
    while read -r _ what _ iterations _ hex _; do
        total=$((hex))
        per=$(( (total + iterations / 2) / iterations ))
        echo "bench: $what: $per instructions per round trip" \
             "($total for $iterations, -icount shift=0)"
        row "$what (instructions)" "$per" \
            "\\texttt{make bench}, \\texttt{-icount shift=0}"
    done < <(grep '^bench:' "$out/guest.out")
done

# 2. Wall time of booting the Guest, once built.
times=()
for i in 1 2 3 4 5; do
    start=$(date +%s%N)
    build/lhv build/guest/guest.elf > /dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "bench: boot to power-off (lhv guest.elf): median ${median} ms" \
     "of 5 runs: ${times[*]} ms"
row "boot to power-off, wall time" "${median}\\,ms" \
    "median of 5, \\texttt{lhv guest.elf}, TCG"
echo "bench: table rows in $out/results.tex"
