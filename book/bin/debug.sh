#!/bin/bash
# debug.sh LHV HOST.elf GUEST.elf -- boot with the machine stopped before
# its first instruction and attach gdb with the Host's symbols and the
# Guest's.  Breakpoints can name chapter lines: `break 05-host.nw:123'.
set -euo pipefail
lhv=$1 host=$2 guest=$3
"$lhv" --gdb "$guest" &
launcher=$!
trap 'kill $launcher 2>/dev/null || true; wait $launcher 2>/dev/null' EXIT
sleep 1
gdb -q "$host" \
    -ex "add-symbol-file $guest" \
    -ex "set architecture i386" \
    -ex "target remote localhost:1234"
