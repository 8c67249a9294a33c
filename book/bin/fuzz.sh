#!/bin/bash
# fuzz.sh SECONDS DIR HARNESS... -- run each libFuzzer harness for
# SECONDS seconds (less if it finds something) and report it in one
# line:
#   fuzz: NAME: E executions in S s, F findings
# Each harness keeps its corpus in DIR/corpus/NAME (it grows from run to
# run), its findings in DIR/findings/NAME/ and libFuzzer's own report of
# the last run in DIR/NAME.log.  Fails if any harness found anything in
# this run (a crash, a leak, an input that ran for more than ten
# seconds), and then shows the report.
set -uo pipefail
seconds=$1 dir=$2
shift 2
trap 'exit 130' INT
trap 'exit 143' TERM
status=0
for harness in "$@"; do
    name=$(basename "$harness")
    corpus=$dir/corpus/$name findings=$dir/findings/$name
    log=$dir/$name.log
    mkdir -p "$corpus" "$findings"
    before=$(find "$findings" -type f | wc -l)
    started=$SECONDS
    "$harness" -max_total_time="$seconds" -timeout=10 \
        -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" \
        > "$log" 2>&1
    rc=$?
    took=$((SECONDS - started))
    executions=$(awk '/^stat::number_of_executed_units:/ { print $2 }' \
                 "$log")
    found=$(( $(find "$findings" -type f | wc -l) - before ))
    echo "fuzz: $name: ${executions:-?} executions in $took s," \
         "$found findings"
    if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
        grep -E '^(==[0-9]+==|SUMMARY|.*runtime error)' "$log" | head -20
        echo "fuzz: $name failed (exit status $rc); libFuzzer's report" \
             "is $log, its findings are in $findings/"
        status=1
    fi
done
exit $status
