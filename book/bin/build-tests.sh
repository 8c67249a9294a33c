#!/bin/bash
# build-tests.sh -- tests of the workbench itself: the Makefile and the
# scripts in book/bin, which are not tangled (they are what tangles), so
# their tests live here rather than in a chapter.  `make test' runs it
# after the Catch2 programs; it reports like them, ending with
#   test cases: N | P passed | F failed
# Every case runs on a scratch copy of the book or on the built programs,
# and none leaves a file or a process behind: that is what several of
# them test.
set -uo pipefail
cd "$(dirname "$0")/../.."
top=$PWD
unset MAKEFLAGS MAKELEVEL MFLAGS     # the makes below are not sub-makes
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lhv-build-tests-XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
passed=0 failed=0

# check NAME COMMAND...: one test case; COMMAND says why it failed.
check() {
    local name=$1 why
    shift
    if why=$("$@" 2>&1); then
        echo "ok: $name"; passed=$((passed + 1))
    else
        echo "FAILED: $name"; printf '  %s\n' "$why" | head -20
        failed=$((failed + 1))
    fi
}

# A scratch copy of the book's sources, tangled once so that it has a
# record of what tangle wrote.
book_copy() {
    local dir=$scratch/book
    rm -rf "$dir" && mkdir -p "$dir"
    cp -r chapters book tangled tests "$dir"/ && cd "$dir" &&
        book/bin/tangle.sh >/dev/null
}

# The processes of session $1: how many (or, with a second argument,
# which: their /proc/PID/stat lines).
session_processes() {
    cat /proc/[0-9]*/stat 2>/dev/null |
        awk -v s="$1" -v list="${2:-}" '{ line = $0; sub(/.*\) /, "") }
            $4 == s { n++; if (list) print line }
            END { if (!list) print n + 0 }'
}

# Is some process running with TEXT in its command line?  (Read from
# /proc rather than with pgrep, which a minimal Debian does not have.)
running_with() {
    local f
    for f in /proc/[0-9]*/cmdline; do
        tr '\0' ' ' < "$f" 2>/dev/null | grep -qF -- "$1" && return 0
    done
    return 1
}

# ------------------------------------------------------------- tangling
tangle_keeps_hand_written_file() (
    book_copy || exit 1
    echo 'my own test' > tests/host/my_test.txt
    touch chapters/05-host.nw          # so that tangle has work to do
    out=$(book/bin/tangle.sh 2>&1) || { echo "tangle failed: $out"; exit 1; }
    [ "$(cat tests/host/my_test.txt)" = 'my own test' ] ||
        { echo "the hand-written file was changed or removed"; exit 1; }
    grep -q 'leaving tests/host/my_test.txt alone' <<< "$out" ||
        { echo "tangle did not say it kept the file: $out"; exit 1; }
)

tangle_stops_at_hand_edit() (
    book_copy || exit 1
    echo '// my fix' >> tangled/host/run.cpp
    sed -i '0,/^The Host/s//The Host (edited)/' chapters/05-host.nw
    before=$(sha256sum tangled/*/*.* tests/*/*.* | sha256sum)
    if out=$(book/bin/tangle.sh 2>&1); then
        echo "tangle succeeded over a hand edit"; exit 1
    fi
    grep -q 'tangled/host/run.cpp was edited by hand' <<< "$out" ||
        { echo "the message does not name the file: $out"; exit 1; }
    grep -q 'To discard it' <<< "$out" ||
        { echo "the message does not say what to do: $out"; exit 1; }
    [ "$(tail -n 1 tangled/host/run.cpp)" = '// my fix' ] ||
        { echo "the edit was overwritten"; exit 1; }
    after=$(sha256sum tangled/*/*.* tests/*/*.* | sha256sum)
    [ "$before" = "$after" ] || { echo "tangle wrote some files"; exit 1; }
    rm tangled/host/run.cpp
    out=$(book/bin/tangle.sh 2>&1) ||
        { echo "tangle failed after the file was deleted: $out"; exit 1; }
    ! grep -q '// my fix' tangled/host/run.cpp ||
        { echo "the deleted file was not written anew"; exit 1; }
)

tangle_removes_only_its_own_orphans() (
    book_copy || exit 1
    # Rename a root: its old file is generated, recorded and now orphaned.
    sed -i 's|^<<tests/host/descriptors_test.cpp>>=|<<tests/host/gdt_test.cpp>>=|' \
        chapters/A-kernel.nw
    out=$(book/bin/tangle.sh 2>&1) || { echo "tangle failed: $out"; exit 1; }
    [ ! -e tests/host/descriptors_test.cpp ] ||
        { echo "the orphaned generated file was kept"; exit 1; }
    [ -e tests/host/gdt_test.cpp ] || { echo "the new root is missing"; exit 1; }
)

# -------------------------------------------------------------- checking
check_names_exact_chunk_lines() (
    book_copy || exit 1
    line=$(grep -n '^<<tangled/host/run.cpp>>=' chapters/05-host.nw |
           cut -d: -f1)
    sed -i "$((line + 1))i <<A chunk nobody wrote>>" chapters/05-host.nw
    printf '@ \n<<A chunk nobody uses>>=\nint unused;\n@\n' \
        >> chapters/05-host.nw
    end=$(wc -l < chapters/05-host.nw)
    out=$(LATEX_LOG=/dev/null book/bin/check.sh 2>&1)
    grep -q "05-host.nw:$((line + 1)): chunk <<A chunk nobody wrote>> is used" \
        <<< "$out" || { echo "wrong line for the use: $out"; exit 1; }
    grep -q "05-host.nw:$((end - 2)): chunk <<A chunk nobody uses>> is defined" \
        <<< "$out" || { echo "wrong line for the definition: $out"; exit 1; }
)

check_holds_chapters_to_the_standard() (
    book_copy || exit 1
    # A new appendix with a chunk that no prose introduces, no figure,
    # no Further Reading, and one exercise that says nothing of checking.
    cat > chapters/C-new.nw <<'CHAPTER'
\chapter{New}
\section{Code}
<<tangled/new.hpp>>=
int x;
@
\begin{exercises}
\exercise{1} Do something.
\end{exercises}
CHAPTER
    out=$(LATEX_LOG=/dev/null book/bin/check.sh 2>&1)
    for want in "C-new.nw:3: code chunk <<tangled/new.hpp>>= has no prose" \
                "C-new.nw:1: the chapter does not open with a figure" \
                "C-new.nw:8: the chapter has no Further Reading" \
                "C-new.nw:6: the chapter has 1 exercises (at least 5)" \
                "C-new.nw:7: exercise 1 does not say how to check it"; do
        grep -qF "$want" <<< "$out" ||
            { echo "check did not say '$want': $out"; exit 1; }
    done
)

make_lab_writes_a_blank_copy_and_keeps_yours() (
    copy=$scratch/lab-copy
    out=$(book/bin/lab.sh make launcher-options "$copy" 2>&1) ||
        { echo "lab.sh make failed: $out"; exit 1; }
    grep -q 'options.memory_mib = parse_memory(take_value());' \
        chapters/04-launcher.nw || { echo "the book lost the chunk?"; exit 1; }
    ! grep -q 'options.memory_mib = parse_memory(take_value());' \
        "$copy/chapters/04-launcher.nw" ||
        { echo "the blanked chunk is still in the copy"; exit 1; }
    grep -q '<<Act on one option>>' "$copy/LAB.md" ||
        { echo "LAB.md does not name the chunk"; exit 1; }
    [ ! -e "$copy/tangled" ] && [ ! -e "$copy/build" ] ||
        { echo "the student's copy holds the book's tangled code"; exit 1; }
    echo 'my work' > "$copy/mine"
    out=$(book/bin/lab.sh make launcher-options "$copy" 2>&1) &&
        { echo "a second make lab succeeded over the first"; exit 1; }
    [ "$(cat "$copy/mine")" = 'my work' ] ||
        { echo "the student's work was lost"; exit 1; }
)

# ---------------------------------------------------------- make itself
make_does_not_retangle_an_unchanged_book() (
    make -s all >/dev/null 2>&1 || { echo "make all failed"; exit 1; }
    stamp=$(stat -c %Y.%y build/tangle.mk)
    # stdin is empty, so the shell's input ends at once, as at Ctrl-D
    out=$(make run </dev/null 2>&1) || { echo "make run failed: $out"; exit 1; }
    grep -q 'Little Hypervisor Guest' <<< "$out" ||
        { echo "the Guest did not boot: $out"; exit 1; }
    grep -q 'lhv\$ ' <<< "$out" ||
        { echo "make run did not reach the shell's prompt: $out"; exit 1; }
    ! grep -qE 'TANGLE|Nothing to be done|up to date' <<< "$out" ||
        { echo "make run was not quiet: $out"; exit 1; }
    [ "$stamp" = "$(stat -c %Y.%y build/tangle.mk)" ] ||
        { echo "make run re-tangled an unchanged book"; exit 1; }
    sums=$(stat -c %y .tangled-sums)
    files=$(find tangled tests -type f -newer .tangled-sums)
    out=$(make tangle 2>&1) || { echo "make tangle failed: $out"; exit 1; }
    [ -z "$out" ] || { echo "a no-op make tangle said: $out"; exit 1; }
    [ "$sums" = "$(stat -c %y .tangled-sums)" ] &&
    [ "$files" = "$(find tangled tests -type f -newer .tangled-sums)" ] ||
        { echo "a no-op make tangle wrote files"; exit 1; }
)

make_help_lists_the_goals() (
    out=$(make help 2>&1) || { echo "make help failed: $out"; exit 1; }
    for goal in run test debug pdf html check bench tangle deps clean; do
        grep -q "make $goal " <<< "$out" ||
            { echo "make help does not list $goal: $out"; exit 1; }
    done
)

# The book's tools (TeX, Pandoc) are not needed to build, run and test:
# with them hidden from dpkg-query (and apt-get unable to install them),
# make run and make test still work, and never ask for them.
make_test_needs_no_tex() (
    fake=$scratch/fakebin
    mkdir -p "$fake"
    cat > "$fake/dpkg-query" <<'FAKE'
#!/bin/bash
/usr/bin/dpkg-query "$@" | grep -vE '^(pandoc|texlive|lmodern|latexmk|poppler)'
FAKE
    cat > "$fake/apt-get" <<FAKE
#!/bin/bash
echo "apt-get \$*" >> "$scratch/apt-get.log"; exit 1
FAKE
    chmod +x "$fake/dpkg-query" "$fake/apt-get"
    # -W: as if a chapter had changed, so that the checks run again
    out=$(PATH=$fake:$PATH make -W chapters/B-build.nw run </dev/null 2>&1) ||
        { echo "make run failed without TeX: $out"; exit 1; }
    out=$(PATH=$fake:$PATH make -W chapters/B-build.nw test T='[options]' \
          2>&1) || { echo "make test failed without TeX: $out"; exit 1; }
    [ ! -e "$scratch/apt-get.log" ] ||
        { echo "make wanted to install: $(cat "$scratch/apt-get.log")"; exit 1; }
    out=$(PATH=$fake:$PATH make deps-book 2>&1) &&
        { echo "the fake did not hide the book's tools: $out"; exit 1; }
    grep -q 'deps: installing the book tools' <<< "$out" ||
        { echo "deps-book did not try to install: $out"; exit 1; }
)

make_run_boots_another_guest() (
    out=$(make run GUEST=ud2 2>&1) && { echo "ud2 did not die: $out"; exit 1; }
    grep -q 'guest died: trap 6' <<< "$out" ||
        { echo "the ud2 test Guest did not die of trap 6: $out"; exit 1; }
)

make_test_chooses_tests() (
    want=$(build/tests/unit --list-test-names-only '[machine]' | grep -c .)
    [ "$want" -gt 0 ] || { echo "no [machine] tests to choose"; exit 1; }
    # The report's last line (make's own "Error" line goes to stderr).
    out=$(make test T='[machine]' 2>/dev/null) ||
        { echo "failed: $out"; exit 1; }
    [ "$(tail -n 1 <<< "$out")" = "$want passed, 0 failed" ] ||
        { echo "expected $want tests, got: $(tail -n 1 <<< "$out")"; exit 1; }
    out=$(make test T='no such test' 2>/dev/null) &&
        { echo "a pattern matching nothing succeeded"; exit 1; }
    [ "$(tail -n 1 <<< "$out")" = "0 passed, 0 failed" ] ||
        { echo "last line: $(tail -n 1 <<< "$out")"; exit 1; }
)

make_debug_stops_at_chapter_line() (
    port=$((20000 + $$ % 20000))
    printf '%s\n' 'break guest_main' 'continue' 'info line *$pc' \
        > "$scratch/gdb-commands"
    out=$(GDB_PORT=$port GDB_ARGS="-batch -x $scratch/gdb-commands" \
          timeout 120 make debug 2>&1)
    rc=$?
    [ $rc -eq 0 ] || { echo "make debug exited $rc: $out"; exit 1; }
    grep -qE 'Line [0-9]+ of "chapters/02-guest.nw"' <<< "$out" ||
        { echo "gdb did not stop at a line of the Guest chapter: $out"; exit 1; }
    ! grep -q '(y or n)' <<< "$out" || { echo "gdb asked a question"; exit 1; }
    ! running_with "tcp::$port" ||
        { echo "a QEMU of the session is still running"; exit 1; }
)

# On a terminal (script(1) gives it one), Ctrl-C must stop the Guest in
# gdb, not end make; quitting gdb then ends it all, with status 0.
make_debug_takes_ctrl_c_on_a_terminal() (
    port=$((20001 + $$ % 20000))
    out=$( { sleep 4; echo continue; sleep 2; printf '\003'; sleep 1.5
             echo quit; sleep 1; } |
           timeout 60 script -qec "make debug GUEST=spin GDB_PORT=$port" \
               /dev/null 2>&1)
    rc=$?
    [ $rc -eq 0 ] || { echo "make debug exited $rc: $out"; exit 1; }
    grep -q 'Program received signal SIGINT' <<< "$out" ||
        { echo "Ctrl-C did not reach gdb: $out"; exit 1; }
    ! running_with "tcp::$port" ||
        { echo "a QEMU of the session is still running"; exit 1; }
)

make_debug_reports_a_busy_port() (
    port=$((20002 + $$ % 20000))
    qemu-system-i386 -S -gdb tcp::$port -display none -nodefaults \
        -monitor none </dev/null >/dev/null 2>&1 &
    qemu=$!
    for _ in $(seq 50); do
        grep -q ":$(printf '%04X' $port) 00000000:0000 0A" \
            /proc/net/tcp /proc/net/tcp6 2>/dev/null && break
        sleep 0.1
    done
    out=$(GDB_PORT=$port timeout 20 make debug 2>&1)
    rc=$?
    kill $qemu; wait $qemu 2>/dev/null
    [ $rc -ne 0 ] && grep -q "port $port is already in use" <<< "$out" ||
        { echo "a busy port was not reported: $out"; exit 1; }
)

# ------------------------------------------------ interrupted, at any time
# interrupt SIGNAL DELAY COMMAND...: run COMMAND in a session of its own,
# as a terminal would (its own process group), send SIGNAL to that group
# after DELAY seconds, and check that no process of the session and no
# file in its TMPDIR and no /dev/shm/lhv-* remains.
interrupt() {
    local signal=$1 delay=$2 tmp=$scratch/tmp-$RANDOM
    shift 2
    mkdir -p "$tmp"
    local shm_before
    shm_before=$(ls /dev/shm 2>/dev/null | grep -c '^lhv-')
    # A background command of a script starts with SIGINT ignored (so
    # that Ctrl-C meant for the script does not reach it); a terminal's
    # foreground job does not, and that is what this stands in for.
    TMPDIR=$tmp env --default-signal=INT,QUIT setsid "$@" \
        >/dev/null 2>&1 &
    local leader=$!
    sleep "$delay"
    kill -"$signal" -- -"$leader" 2>/dev/null
    wait "$leader" 2>/dev/null
    local left=0
    for _ in $(seq 50); do
        left=$(session_processes "$leader")
        [ "$left" -eq 0 ] && break
        sleep 0.1
    done
    if [ "$left" -ne 0 ]; then
        echo "SIG$signal after ${delay}s: $left process(es) left running:"
        session_processes "$leader" list
        kill -KILL -- -"$leader" 2>/dev/null
        return 1
    fi
    if [ -n "$(ls -A "$tmp")" ]; then
        echo "SIG$signal after ${delay}s: files left in TMPDIR: $(ls -A "$tmp")"
        return 1
    fi
    if [ "$(ls /dev/shm 2>/dev/null | grep -c '^lhv-')" -gt "$shm_before" ]
    then
        echo "SIG$signal after ${delay}s: a /dev/shm/lhv-* was left"
        return 1
    fi
}

interrupted_make_run_leaves_nothing() (
    for moment in INT:0.05 INT:0.3 TERM:0.3 INT:1.5 TERM:1.5; do
        interrupt "${moment%%:*}" "${moment#*:}" make run GUEST=spin ||
            exit 1
    done
)

interrupted_make_test_leaves_nothing() (
    for moment in INT:1 TERM:2 INT:4; do
        interrupt "${moment%%:*}" "${moment#*:}" \
            make test T='[integration]' || exit 1
    done
)

interrupted_make_bench_leaves_nothing() (
    interrupt INT 1 make bench || exit 1
)

for test in tangle_keeps_hand_written_file tangle_stops_at_hand_edit \
            tangle_removes_only_its_own_orphans \
            check_names_exact_chunk_lines \
            check_holds_chapters_to_the_standard \
            make_lab_writes_a_blank_copy_and_keeps_yours \
            make_does_not_retangle_an_unchanged_book \
            make_help_lists_the_goals make_test_needs_no_tex \
            make_run_boots_another_guest make_test_chooses_tests \
            make_debug_stops_at_chapter_line \
            make_debug_takes_ctrl_c_on_a_terminal \
            make_debug_reports_a_busy_port \
            interrupted_make_run_leaves_nothing \
            interrupted_make_test_leaves_nothing \
            interrupted_make_bench_leaves_nothing; do
    cd "$top" && check "${test//_/ }" "$test"
done
echo "test cases: $((passed + failed)) | $passed passed | $failed failed"
[ "$failed" -eq 0 ]
