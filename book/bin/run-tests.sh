#!/bin/bash
# run-tests.sh BINARY... -- run each Catch2 test binary, show its report,
# and end with one line: "N passed, N failed" (test cases, all binaries).
set -uo pipefail
passed=0 failed=0 status=0
for bin in "$@"; do
    echo "== $bin"
    log=$(mktemp)
    "$bin" 2>&1 | tee "$log"
    rc=${PIPESTATUS[0]}
    # Catch2 2.x ends with either
    #   All tests passed (A assertions in N test cases)
    # or
    #   test cases: N | P passed | F failed
    read -r p f < <(awk '
        /^All tests passed/ { match($0, /in [0-9]+ test case/)
            n = substr($0, RSTART + 3, RLENGTH - 13) + 0; print n, 0; done = 1 }
        /^test cases:/ { p = 0; f = 0
            for (i = 1; i <= NF; i++) {
                if ($(i + 1) ~ /^passed/) p = $i
                if ($(i + 1) ~ /^failed/) f = $i
            }
            if (p == 0 && f == 0) p = $3 - 0
            print p + 0, f + 0; done = 1 }
        END { if (!done) print 0, 1 }' "$log")
    rm -f "$log"
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi  # crashed or no tests
    passed=$((passed + p)); failed=$((failed + f))
    [ "$rc" -eq 0 ] || status=1
done
echo "$passed passed, $failed failed"
exit $status
