#!/bin/bash
# run-tests.sh [-t PATTERN] PROGRAM... -- run each test program (a Catch2
# binary, or a script that reports the same way), show its report, and
# end with one line: "N passed, N failed" (test cases, all programs).
# With -t, only the test cases that match the Catch2 test spec PATTERN
# run; a program with none that match is skipped.  No temporary file is
# made: a program's report is read as it comes.
set -uo pipefail
shopt -s lastpipe   # the loop reading a report runs in this shell
pattern=()
if [ "${1:-}" = -t ]; then pattern=("$2"); shift 2; fi
passed=0 failed=0 status=0 ran=0
trap 'exit 130' INT
trap 'exit 143' TERM

for program in "$@"; do
    if [ ${#pattern[@]} -gt 0 ]; then
        names=$("$program" --list-test-names-only "${pattern[@]}" \
                2>/dev/null)
        [ -n "$names" ] || continue
    fi
    ran=$((ran + 1))
    echo "== $program"
    # Catch2 2.x ends with either
    #   All tests passed (A assertions in N test cases)
    # or
    #   test cases: N | P passed | F failed
    # (A pipeline, not a process substitution: that would run the program
    # in the background, where Ctrl-C does not reach it.)
    summary=
    "$program" "${pattern[@]}" 2>&1 | while IFS= read -r line; do
        printf '%s\n' "$line"
        case $line in
            "All tests passed"*|"test cases:"*) summary=$line ;;
        esac
    done
    rc=${PIPESTATUS[0]}
    read -r p f < <(awk '
        /^All tests passed/ { match($0, /in [0-9]+ test case/)
            print substr($0, RSTART + 3, RLENGTH - 13) + 0, 0
            done = 1; exit }
        /^test cases:/ { p = 0; f = 0
            for (i = 1; i <= NF; i++) {
                if ($(i + 1) ~ /^passed/) p = $i
                if ($(i + 1) ~ /^failed/) f = $i
            }
            if (p == 0 && f == 0) p = $3 - 0
            print p + 0, f + 0; done = 1; exit }
        END { if (!done) print 0, 1 }' <<< "$summary")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi  # crashed
    passed=$((passed + p)); failed=$((failed + f))
    [ "$rc" -eq 0 ] || status=1
done
if [ ${#pattern[@]} -gt 0 ] && [ $ran -eq 0 ]; then
    echo "no test case matches T='${pattern[0]}'" \
         "(a name with * wildcards, or a [tag]; see Appendix B)"
    status=1
fi
echo "$passed passed, $failed failed"
exit $status
