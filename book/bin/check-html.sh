#!/bin/bash
# check-html.sh [HTMLDIR] -- the online edition as a browser sees it.
# Headless Chromium loads every page and writes out its document (DOM);
# book/html/check-dom.awk then reads those and names every problem: a
# page that did not load, one without its title, sidebar or previous and
# next links, a chapter numbered otherwise than in the PDF, a local link
# whose page or anchor does not exist, a missing image, LaTeX or noweb
# markup left in the text, an identifier given twice on a page, and a
# page too many or too few (one a chapter file, and index.html).  Exits
# non-zero if there is any.  Last, a screenshot of one page for a human
# to look at: build/html-check/SHOT.png.
set -uo pipefail
html=${1:-build/html}
out=build/html-check
shot=${SHOT:-05-host}
rm -rf "$out"
mkdir -p "$out"

browse() {   # browse OPTION... URL: headless Chromium, quiet, with a
             # profile of its own (two cannot share one), removed after
    local profile
    profile=$(mktemp -d "$out/profile.XXXXXX")
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
        --user-data-dir="$profile" --no-first-run "$@" 2>/dev/null
    local status=$?
    rm -rf "$profile"
    return $status
}

# The pages the book should have: a chapter file is an appendix (a
# letter) from the first one that says \appendix on.
expected=$out/expected
{
    echo "index -"
    n=0; a=0; appendix=0; letters=ABCDEFGHIJKLMNOPQRSTUVWXYZ
    for ch in chapters/*.nw; do
        name=$(basename "$ch" .nw)
        grep -q '^\\appendix' "$ch" && appendix=1
        if [ "$appendix" = 1 ]; then
            a=$((a + 1)); echo "$name Appendix ${letters:a-1:1}"
        else
            n=$((n + 1)); echo "$name Chapter $n"
        fi
    done
} > "$expected"

# Load every page, two at a time.
ls "$html"/*.html 2>/dev/null | xargs -r -n1 basename | sed 's/\.html$//' \
    > "$out/pages"
export -f browse
export out html
xargs -P 2 -I{} bash -c \
    'browse --dump-dom "file://$PWD/$html/{}.html" > "$out/{}.dom"' \
    < "$out/pages"

awk -v html="$html" -v out="$out" -f book/html/check-dom.awk \
    "$expected" "$out/pages"
status=$?

# A picture of one page, to look at: the command is the one in Appendix B.
browse --screenshot="$out/$shot.png" --window-size=1280,900 \
    "file://$PWD/$html/$shot.html" >/dev/null
if [ -s "$out/$shot.png" ]; then
    echo "check-html: a screenshot of $shot.html is in $out/$shot.png"
else
    echo "check-html: the screenshot of $shot.html failed"; status=1
fi
exit $status
