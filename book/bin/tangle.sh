#!/bin/bash
# tangle.sh [OUTDIR] -- write every root chunk of chapters/*.nw that names
# a file under tangled/ or tests/ into OUTDIR (default: the repository).
# Roots come from noroots, never from a list.
#
# It never destroys your work.  In the repository it writes a file only
# where the file is missing, or carries the generated-from header and is
# still exactly what the last tangle wrote (recorded in .tangled-sums) or
# what git has committed (git keeps that copy, so nothing is lost).  A
# generated file edited by hand stops the tangle before anything is
# written; a file without the header is never touched.  Unchanged files keep their timestamps, so
# make rebuilds only what a chapter edit really touched.
set -uo pipefail
out=${1:-.}
chapters=(chapters/*.nw)
sums_file=.tangled-sums          # in the repository only
header_mark='generated from chapters/.* -- edit the chapter, not this file'

# Nothing to do when no chapter (nor this script) changed since the last
# tangle and every file it wrote is still there, unchanged.
if [ "$out" = . ] && [ -f "$sums_file" ]; then
    fresh=yes
    for f in chapters chapters/*.nw "$0"; do
        [ "$f" -ot "$sums_file" ] || fresh=no
    done
    if [ $fresh = yes ] && sha256sum --check --quiet --status "$sums_file" \
                                   2>/dev/null
    then
        exit 0
    fi
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/lhv-tangle-XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

comment_for() {  # the comment syntax of a generated file, by its suffix
    case "$1" in
        *.cpp|*.hpp|*.h|*.c|*.cc|*.S) echo '//' ;;
        *.ld) echo '/*' ;;
        *) echo '#' ;;
    esac
}

# Which chapter defines each root: the first definition after an @file
# in noweb's own parse of the chapters.
/usr/lib/noweb/markup "${chapters[@]}" > "$work/parsed" || exit 1
declare -A chapter_of=()
while IFS=$'\t' read -r root file; do
    chapter_of[$root]=$file
done < <(awk '/^@file / { f = substr($0, 7) }
              /^@defn / { n = substr($0, 7)
                          if (!(n in seen)) { seen[n] = 1; print n "\t" f } }' \
         "$work/parsed")
roots=$(noroots "${chapters[@]}" | sed -n 's/^<<\(.*\)>>$/\1/p' |
        grep -E '^(tangled|tests)/' || true)

# 1. Tangle every root into the scratch directory.
status=0
declare -A produced=()
while IFS= read -r root; do
    [ -n "$root" ] || continue
    mkdir -p "$work/new/$(dirname "$root")"
    c=$(comment_for "$root")
    note="generated from ${chapter_of[$root]} -- edit the chapter, not this file"
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
         } > "$work/new/$root"; then
        echo "tangle: $root: notangle reported a problem (see above)" >&2
        status=1
    fi
    produced[$root]=1
done <<< "$roots"
[ $status -eq 0 ] || exit $status

# Outside the repository (make check tangles into a fresh directory)
# there is nothing to protect.
if [ "$out" != . ]; then
    cp -r "$work/new/." "$out/"
    exit 0
fi

# 2. Decide, for every file there now, whether it is ours to change.
declare -A recorded=()
if [ -f "$sums_file" ]; then
    while read -r sum file; do recorded[$file]=$sum; done < "$sums_file"
    # (sha256sum's own format: the sum, two spaces, the name.)
fi
generated() { head -n 1 "$1" | grep -q -- "$header_mark"; }
untouched() {  # still what the last tangle wrote, or what git holds?
    local f=$1 sum
    if [ -n "${recorded[$f]:-}" ]; then
        sum=$(sha256sum < "$f")
        [ "${sum%% *}" = "${recorded[$f]}" ] && return 0
    fi
    git ls-files --error-unmatch -- "$f" >/dev/null 2>&1 &&
        git diff --quiet HEAD -- "$f" 2>/dev/null
}
edited=() foreign=() stale=() keep=()
for dir in tangled tests; do
    [ -d "$dir" ] || continue
    while IFS= read -r f; do
        if [ -n "${produced[$f]:-}" ] && cmp -s "$work/new/$f" "$f"; then
            continue                       # already up to date
        elif ! generated "$f"; then
            if [ -n "${produced[$f]:-}" ]; then foreign+=("$f")
            else keep+=("$f"); fi
        elif ! untouched "$f"; then
            edited+=("$f")
        elif [ -z "${produced[$f]:-}" ]; then
            stale+=("$f")
        fi
    done < <(find "$dir" -type f | sort)
done

for f in "${keep[@]}"; do
    echo "tangle: leaving $f alone (no chunk produces it, and it has no" \
         "generated-from header: it is yours)"
done
if [ ${#edited[@]} -gt 0 ] || [ ${#foreign[@]} -gt 0 ]; then
    for f in "${edited[@]}"; do
        src=$(head -n 1 "$f" | grep -o 'chapters/[^ ]*')
        echo "tangle: $f was edited by hand since the last tangle" \
             "(it is generated from $src)" >&2
    done
    for f in "${foreign[@]}"; do
        echo "tangle: $f would be written from the chapters, but it has" \
             "no generated-from header: it is not the book's to replace" >&2
    done
    cat >&2 <<'HOW'
tangle: nothing was written.  To keep an edit, make it in the chapter
        named above (the chapters are the source), then delete the file
        and run `make tangle' again.  To discard it, delete the file or
        `git checkout' it, and run `make tangle' again.
HOW
    exit 1
fi

# 3. Write what changed, remove what no chunk produces any more.
for f in "${stale[@]}"; do
    echo "tangle: removing $f (no chunk produces it any more)"
    rm -f "$f"
done
for dir in tangled tests; do
    [ -d "$dir" ] && find "$dir" -mindepth 1 -type d -empty -delete
done
while IFS= read -r root; do
    [ -n "$root" ] || continue
    if ! cmp -s "$work/new/$root" "$root"; then
        mkdir -p "$(dirname "$root")"
        cp "$work/new/$root" "$root"
    fi
done <<< "$roots"

# 4. Remember what was written, so that the next tangle can tell a hand
# edit from its own work.
( cd "$work/new" && find tangled tests -type f -print0 | sort -z |
  xargs -0 sha256sum ) > "$work/sums" &&
    mv "$work/sums" "$sums_file"
exit 0
