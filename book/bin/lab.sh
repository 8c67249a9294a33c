#!/bin/bash
# lab.sh -- labs that grade themselves.  A lab (labs/NAME.lab) names
# chunks of the book to blank out, the stub that takes each one's place,
# the tests that grade it, and the instructions.
#   lab.sh list               one line a lab: name, chapter, title
#   lab.sh make NAME DIR      write the student's copy of the book to DIR
#   lab.sh grade NAME DIR     build DIR, run the lab's tests, print a score
#   lab.sh check [NAME...]    prove each lab honest: its blank copy fails
#                             its grade, and the book's own chunks pass it
# The file format, a line a field (stub: and instructions: run to "end"):
#   title: ...    chapter: chapters/X.nw    grade: CATCH2-TEST-SPEC
#   blank: CHUNK NAME   [stub: ... end]   (again for each chunk)
#   instructions: ... end
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
top=$PWD

field() {  # field LAB NAME: the value of a one-line field
    sed -n "s/^$2: *//p" "labs/$1.lab" | head -n 1
}
block() {  # block LAB NAME: the lines of a block field, up to "end"
    awk -v f="$2:" '$0 == f { on = 1; next } on && $0 == "end" { exit }
                    on { print }' "labs/$1.lab"
}
known() {
    [ -f "labs/$1.lab" ] && return 0
    echo "lab: no lab named '$1' (make labs lists them)" >&2
    exit 2
}

# Blank a chapter: each listed chunk keeps its name, loses its code and
# gets the lab's stub (or a comment that says what to write), followed by
# blank lines up to the chunk's old length, so that every line after it
# keeps its number: the tangled files that do not use the chunk then come
# out the same, keep their #line directives, and are not compiled again.
blank_chapter() {  # blank_chapter LAB < chapter > blanked chapter
    awk -v lab="$1" -v spec="labs/$1.lab" '
        BEGIN {
            while ((getline line < spec) > 0) {
                if (line ~ /^blank: /) {
                    name = substr(line, 8); blank[name] = 1
                    stub[name] = "// LAB " lab ": write <" "<" name ">" ">"
                } else if (line == "stub:") {
                    stub[name] = ""; instub = 1
                } else if (instub && line == "end") {
                    instub = 0
                } else if (instub) {
                    stub[name] = stub[name] (stub[name] == "" ? "" : "\n") line
                }
            }
        }
        function pad() { while (skipped-- > stubbed) print "" }
        skipping && (/^@([ \t]|$)/ || /^<<.*>>=[ \t]*$/) {
            skipping = 0; pad()
        }
        skipping { skipped++; next }
        /^<<.*>>=[ \t]*$/ {
            name = $0; sub(/^<</, "", name); sub(/>>=[ \t]*$/, "", name)
            if (name in blank) {
                print; print stub[name]; skipping = 1; found[name] = 1
                skipped = 0; stubbed = split(stub[name], unused, "\n")
                next
            }
        }
        { print }
        END {
            if (skipping)
                pad()
            for (name in blank)
                if (!(name in found)) {
                    print "lab: " lab ": no chunk <" "<" name ">" ">" \
                          " in the chapter" > "/dev/stderr"
                    exit 3
                }
        }'
}

make_copy() {  # make_copy LAB DIR [with-build]
    local lab=$1 dir=$2 chapter
    chapter=$(field "$lab" chapter)
    if [ -e "$dir" ]; then
        echo "lab: $dir exists; move it away first (it may hold your work)" >&2
        return 2
    fi
    mkdir -p "$dir" || return 2
    cp -r Makefile README.md book book.bib figures chapters "$dir"/ || return 2
    if [ "${3:-}" = with-build ]; then
        # For checking labs only: the book's build, so that only what the
        # blanks change is compiled again.  A student never gets this.
        # Not the fuzzers' corpora, the benchmarks or the online edition:
        # no lab needs them, and a fuzzer may be writing its corpus.
        cp -a tangled tests "$dir"/ || return 2
        mkdir -p "$dir/build" || return 2
        for entry in build/*; do
            case ${entry#build/} in
            fuzz | bench | html | html-work | html-check | labs) continue ;;
            esac
            cp -a "$entry" "$dir/build/" || return 2
        done
        # ...and the record that those files are the book's own tangle,
        # so that tangle replaces the blanked chunks' files without fuss.
        (cd "$dir" && find tangled tests -type f -print0 | sort -z |
         xargs -0 sha256sum > .tangled-sums) || return 2
    fi
    blank_chapter "$lab" < "$chapter" > "$dir/$chapter" || return 3
    {
        echo "# Lab $lab: $(field "$lab" title)"
        echo
        block "$lab" instructions
        echo
        echo "The chunks to write, in $chapter:"
        sed -n 's/^blank: \(.*\)/* <<\1>>/p' "labs/$lab.lab"
        echo
        echo "Grade your work from the book's top directory with"
        echo "\`make grade LAB=$lab\`: it tangles this copy, builds it and"
        echo "runs the tests the book keeps beside these chunks."
    } > "$dir/LAB.md"
}

grade() {  # grade LAB DIR: prints the score; status 0 when all pass
    local lab=$1 dir=$2 spec out last passed failed
    spec=$(field "$lab" grade)
    [ -d "$dir" ] || { echo "lab: no copy in $dir (make lab LAB=$lab)" >&2
                       return 2; }
    out=$(cd "$dir" && unset MAKEFLAGS MAKELEVEL MFLAGS &&
          T=$spec make -s test 2>&1)
    last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' <<< "$out" | tail -n 1)
    if [[ $last =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
        passed=${BASH_REMATCH[1]} failed=${BASH_REMATCH[2]}
    else
        passed=0 failed=1
        printf '%s\n' "$out" | tail -n 15
        echo "lab: $lab: the copy in $dir does not build"
    fi
    echo "grade: $lab: $passed of $((passed + failed)) test cases pass"
    [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

# A verdict depends only on the book's sources, the lab and the build's
# scripts; build/labs/NAME.honest keeps the last honest one with a hash of
# them, and an unchanged book is not proved honest twice.
lab_key() {  # lab_key LAB: a hash of everything the lab's verdict reads
    cat "labs/$1.lab" Makefile book/bin/*.sh book/bin/*.awk \
        chapters/*.nw | sha256sum | cut -d' ' -f1
}

check_one() {  # check_one LAB: prints the lab's verdict; status 0 if honest
    local lab=$1 spec out key kept=build/labs/$1.honest
    key=$(lab_key "$lab")
    if [ -f "$kept" ] && [ "$(head -n 1 "$kept")" = "$key" ]; then
        tail -n +2 "$kept"
        return 0
    fi
    spec=$(field "$lab" grade)
    # The book's own chunks must pass (the tests are already built).
    if ! out=$(book/bin/run-tests.sh -t "$spec" build/tests/unit \
               build/tests/integration 2>&1); then
        echo "check: lab $lab: the book's own chunks fail its grade:"
        tail -n 5 <<< "$out"; return 1
    fi
    make_copy "$lab" "$scratch/$lab" with-build || return 1
    if grade "$lab" "$scratch/$lab" > "$scratch/$lab.grade" 2>&1; then
        echo "check: lab $lab: its blank copy passes its grade"
        return 1
    fi
    local verdict
    verdict="check: lab $lab honest: the book passes, $(tail -n 1 \
        "$scratch/$lab.grade" | sed 's/^grade: [^:]*: //') with the blanks"
    echo "$verdict"
    mkdir -p build/labs && printf '%s\n%s\n' "$key" "$verdict" > "$kept"
    rm -rf "${scratch:?}/$lab"
}

case "${1:-}" in
list)
    for f in labs/*.lab; do
        name=$(basename "$f" .lab)
        printf '%-24s %-26s %s\n' "$name" "$(field "$name" chapter)" \
               "$(field "$name" title)"
    done ;;
make)
    known "$2"; make_copy "$2" "$3" && echo "lab: wrote $3 (read $3/LAB.md)" ;;
grade)
    known "$2"; grade "$2" "$3" ;;
check)
    shift
    labs=("$@")
    [ ${#labs[@]} -gt 0 ] || labs=($(for f in labs/*.lab; do
                                        basename "$f" .lab; done))
    scratch=$(mktemp -d "${TMPDIR:-/tmp}/lhv-labs-XXXXXX") || exit 1
    trap 'rm -rf "$scratch"' EXIT
    for lab in "${labs[@]}"; do known "$lab"; done
    # Labs are checked side by side, as many at once as there are
    # processors; each one's verdict is kept and printed in order.
    trap 'kill $(jobs -p) 2> /dev/null; exit 130' INT
    trap 'kill $(jobs -p) 2> /dev/null; exit 143' TERM
    for lab in "${labs[@]}"; do
        while [ "$(jobs -pr | wc -l)" -ge "$(nproc)" ]; do wait -n; done
        check_one "$lab" > "$scratch/$lab.verdict" 2>&1 &
    done
    wait
    status=0
    for lab in "${labs[@]}"; do
        cat "$scratch/$lab.verdict"
        grep -q '^check: lab [^ ]* honest:' "$scratch/$lab.verdict" ||
            status=1
    done
    exit $status ;;
*)
    echo "usage: lab.sh list | make NAME DIR | grade NAME DIR | check [NAME...]" >&2
    exit 2 ;;
esac
