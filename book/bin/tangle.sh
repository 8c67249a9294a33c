#!/bin/bash
# tangle.sh [OUTDIR] -- write every root chunk of chapters/*.nw that names
# a file under tangled/ or tests/ into OUTDIR (default: the repository).
# Roots come from noroots, never from a list.  Files go through cpif, so
# an unchanged file keeps its timestamp and is not rebuilt.  Files under
# tangled/ and tests/ that no root produces any more are removed.
set -uo pipefail
out=${1:-.}
chapters=(chapters/*.nw)
roots=$(noroots "${chapters[@]}" | sed -n 's/^<<\(.*\)>>$/\1/p' |
        grep -E '^(tangled|tests)/' || true)

comment_for() {  # the comment syntax of a generated file, by its suffix
    case "$1" in
        *.cpp|*.hpp|*.h|*.c|*.cc|*.S) echo '//' ;;
        *.ld) echo '/*' ;;
        *) echo '#' ;;
    esac
}

# Which chapter defines each root: the first definition after an @file
# in noweb's own parse of the chapters.
parsed=$(mktemp)
trap 'rm -f "$parsed"' EXIT
/usr/lib/noweb/markup "${chapters[@]}" > "$parsed"

declare -A chapter_of=()
while IFS=$'\t' read -r root file; do
    chapter_of[$root]=$file
done < <(awk '/^@file / { f = substr($0, 7) }
              /^@defn / { n = substr($0, 7)
                          if (!(n in seen)) { seen[n] = 1; print n "\t" f } }' \
         "$parsed")

declare -A produced=()
status=0
while IFS= read -r root; do
    [ -n "$root" ] || continue
    chapter=${chapter_of[$root]}
    target="$out/$root"
    mkdir -p "$(dirname "$target")"
    c=$(comment_for "$root")
    note="generated from $chapter -- edit the chapter, not this file"
    case "$c" in
        '/*') header="/* $note */" ;;
        *)    header="$c $note" ;;
    esac
    case "$root" in   # #line directives only where a compiler reads them
        *.cpp|*.hpp|*.h|*.c|*.cc|*.S) flags=(-L) ;;
        *) flags=() ;;
    esac
    if ! { echo "$header"
           notangle "${flags[@]}" -R"$root" "${chapters[@]}"
         } | cpif "$target"; then
        echo "tangle: $root: notangle reported a problem (see above)" >&2
        status=1
    fi
    produced["$root"]=1
done <<< "$roots"

# Remove generated files whose root is gone (renamed or deleted chunks).
for dir in tangled tests; do
    [ -d "$out/$dir" ] || continue
    while IFS= read -r f; do
        rel=${f#"$out/"}
        if [ -z "${produced[$rel]:-}" ]; then
            echo "tangle: removing $rel (no chunk produces it)"
            rm -f "$f"
        fi
    done < <(find "$out/$dir" -type f)
    find "$out/$dir" -mindepth 1 -type d -empty -delete
done
exit $status
