#!/bin/bash
# check.sh -- the book's consistency checks; exits non-zero naming every
# problem it finds.  Run by `make check` after the PDF has been built.
#   1. tangled/ and tests/ are exactly what the chapters produce
#   2. every chunk used is defined, every chunk defined is used
#   3. no code line is too wide for the page
#   4. every chapter meets the book's standard (check-chapters.awk)
#   5. LaTeX found no undefined reference or citation
set -uo pipefail
MAX_WIDTH=${MAX_WIDTH:-76}
LATEX_LOG=${LATEX_LOG:-build/latex/book.log}
chapters=(chapters/*.nw)
problems=0
fail() { echo "check: $*"; problems=$((problems + 1)); }

# 1. Stale or hand-edited generated files.
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
mkdir -p "$fresh/tangled" "$fresh/tests"
book/bin/tangle.sh "$fresh" >/dev/null 2>&1
for dir in tangled tests; do
    while IFS= read -r f; do
        rel=${f#"$fresh/"}
        if [ ! -e "$rel" ]; then
            fail "$rel is missing: run 'make tangle' and commit it"
        elif ! cmp -s "$f" "$rel"; then
            src=$(sed -n '1s/.*generated from \([^ ]*\).*/\1/p' "$f")
            fail "$rel differs from what $src produces" \
                 "(hand-edited or stale): edit the chapter, run 'make tangle'"
        fi
    done < <(find "$fresh/$dir" -type f | sort)
    [ -d "$dir" ] || continue
    while IFS= read -r f; do
        [ -e "$fresh/$f" ] ||
            fail "$f is not produced by any chapter (stale or hand-made)"
    done < <(find "$dir" -type f | sort)
done

# 2. Undefined and unused chunks.  noweb's parse says which chunks are at
# fault and in which chapter; the chapter's own text gives the exact line
# (the parse does not count every source line, @ %def lines among them).
while IFS=$'\t' read -r kind file name; do
    if [ "$kind" = use ]; then
        line=$(awk -v u="<<$name>>" 'index($0, u) &&
               !index($0, u "=") { print FNR; exit }' "$file")
        fail "$file:${line:-?}: chunk <<$name>> is used but never defined"
    else
        line=$(awk -v d="<<$name>>=" 'index($0, d) == 1 { print FNR; exit }' \
               "$file")
        fail "$file:${line:-?}: chunk <<$name>> is defined but never used"
    fi
done < <(
    for ch in "${chapters[@]}"; do /usr/lib/noweb/markup "$ch"; done | awk '
    /^@file /  { file = substr($0, 7); next }
    /^@defn /  { name = substr($0, 7)
                 if (!(name in def)) def[name] = file; next }
    /^@use /   { name = substr($0, 6)
                 if (!(name in use)) use[name] = file; next }
    END {
        for (n in use) if (!(n in def)) printf "use\t%s\t%s\n", use[n], n
        for (n in def) if (!(n in use) && n !~ /^(tangled|tests)\//)
            printf "defn\t%s\t%s\n", def[n], n
    }' | sort)

# 3. Code lines that would run off the page.
while IFS= read -r line; do fail "$line"; done < <(
    awk -v max="$MAX_WIDTH" '
    FNR == 1 { code = 0 }
    /^<<.*>>=[ \t]*$/ { code = 1; next }
    /^@([ \t]|$)/     { code = 0; next }
    code {
        s = $0; w = 0
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == "\t") w = w + 8 - w % 8; else w++
        }
        if (w > max)
            printf "%s:%d: code line is %d characters wide (at most %d)\n",
                   FILENAME, FNR, w, max
    }' "${chapters[@]}")

# 4. The standard every chapter is held to: prose before every code
# chunk, an opening figure, Further Reading, five exercises that each
# say how to check them (book/bin/check-chapters.awk says exactly what).
while IFS= read -r line; do fail "$line"; done < <(
    awk -f book/bin/check-chapters.awk "${chapters[@]}")

# 5. Undefined references and citations in the typeset book.
if [ ! -f "$LATEX_LOG" ]; then
    fail "$LATEX_LOG not found: run 'make pdf' first"
else
    while IFS= read -r line; do fail "LaTeX: $line"; done < <(
        grep -E "(Reference|Citation) .* undefined|There were undefined" \
             "$LATEX_LOG" | sort -u)
fi

if [ "$problems" -gt 0 ]; then
    echo "check: $problems problem(s) found"
    exit 1
fi
echo "check: all good (generated files fresh, chunks sound," \
     "code at most $MAX_WIDTH columns, references defined)"
