#!/bin/bash
# debug.sh LHV HOST.elf GUEST.elf PORT -- boot the given (unoptimized)
# Host and Guest with the machine stopped before its first instruction,
# and attach gdb with the Host's symbols and the Guest's.  Breakpoints can
# name chapter lines: `break 05-host.nw:123'.  Quitting gdb stops the
# machine; the script then exits with gdb's status.  GDB_ARGS adds
# arguments to gdb's command line (e.g. "-batch -x FILE" for a script).
set -uo pipefail
lhv=$1 host=$2 guest=$3 port=${4:-1234}

case $port in
    ''|*[!0-9]*) echo "debug: GDB_PORT must be a port number, not '$port'"
                 exit 2 ;;
esac
if [ "$port" -lt 1024 ] || [ "$port" -gt 65535 ]; then
    echo "debug: GDB_PORT must be 1024 to 65535, not $port"; exit 2
fi

listening() {  # is some process listening on TCP port $1?
    local hex
    hex=$(printf '%04X' "$1")
    awk -v p=":$hex" '$4 == "0A" && substr($2, length($2) - 4) == p {
        found = 1 } END { exit !found }' /proc/net/tcp /proc/net/tcp6 \
        2>/dev/null
}
if listening "$port"; then
    echo "debug: port $port is already in use (another debugging" \
         "session?); choose another with GDB_PORT=NNNN"
    exit 2
fi

"$lhv" --host "$host" --gdb="$port" "$guest" &
launcher=$!
stop_launcher() {
    if kill -0 "$launcher" 2>/dev/null; then
        echo "debug: gdb has finished; stopping the machine"
        kill -TERM "$launcher" 2>/dev/null
    fi
    wait "$launcher" 2>/dev/null
}
trap stop_launcher EXIT

# Wait until QEMU listens for gdb (or the Launcher has given up).
for _ in $(seq 100); do
    listening "$port" && break
    kill -0 "$launcher" 2>/dev/null || { wait "$launcher"; exit $?; }
    sleep 0.1
done

# On a terminal, gdb runs as a job of its own in the foreground, so that
# the Ctrl-C you type to stop the Guest reaches gdb alone, not make and
# this script (which would end the session when gdb quits).
# shellcheck disable=SC2086  # GDB_ARGS is meant to be split into words
gdb_command=(gdb -q "$host" -ex 'set confirm off'
             -ex "add-symbol-file $guest" -ex 'set architecture i386'
             -ex "target remote localhost:$port" ${GDB_ARGS:-})
if [ -t 0 ] && set -m 2>/dev/null; then
    "${gdb_command[@]}" &
    fg %+ >/dev/null
else
    "${gdb_command[@]}"
fi
