#!/bin/bash
# html.sh OUTDIR -- the online edition: one page per chapter file and an
# index.html.  The chapters go through noweb's own indexing pipeline (the
# one `make pdf' uses) and book/bin/nw2pandoc.awk into one LaTeX file that
# Pandoc reads once; book/html/book.lua, a Pandoc filter, numbers, splits
# and links it and writes the pages.  The figures are then typeset from
# figures/*.tikz to SVG, their \ref resolved from the labels the filter
# wrote: the PDF need not be built first.
set -euo pipefail
out=${1:-build/html}
work=build/html-work
noweb=/usr/lib/noweb
rm -rf "$out"          # no page of a chapter that is gone may linger
mkdir -p "$out" "$work"

# The text: the preface (the index page's), then every chapter, with
# their identifiers found and cross-referenced by noweb.
$noweb/markup chapters/*.nw | $noweb/finduses | book/bin/uses-in-code.awk |
    book/bin/member-uses.awk | $noweb/noidx > "$work/book.noweb"
{
    cat <<'MACROS'
\newcommand{\lhv}{\textsf{lhv}}
\newenvironment{exercises}{\section*{Exercises}\begin{enumerate}}{\end{enumerate}}
\newcommand{\exercise}[1]{\item \textbf{(#1)} }
\newcommand{\checkby}[1]{\emph{How you will know:} #1}
\hypertarget{lhvfile-index}{}
MACROS
    grep -v -e '^\\addcontentsline' -e '^\\markboth' book/preface.tex
    : > "$work/book.side"
    awk -v side="$work/book.side" -f book/bin/nw2pandoc.awk \
        "$work/book.noweb" "$work/book.noweb"
} | sed -E -e 's|\\input\{figures/([^}]*)\.tikz\}|\\includegraphics{\1.svg}|' \
           -e 's|\\input\{mastery-table\}|\\input{book/mastery-table}|' \
    > "$work/book.tex"

pandoc -f latex -t html5 --citeproc --bibliography=book.bib \
    -M link-citations=true --lua-filter=book/html/book.lua \
    -M lhv-out="$out" -M lhv-side="$work/book.side" \
    -M lhv-aux="$work/labels.aux" -o /dev/null "$work/book.tex"
cp book/book.css "$out/book.css"

# Figures: typeset each TikZ picture on a page of its own size, then SVG;
# one at a time per processor.
for fig in figures/*.tikz; do
    name=$(basename "$fig" .tikz)
    cat > "$work/$name.tex" <<TEX
\\documentclass{book}
\\usepackage{lhv}
\\makeatletter
\\input{$PWD/$work/labels.aux}
\\makeatother
\\begin{document}
\\setbox0\\hbox{\\input{$fig}}
\\pdfpagewidth=\\wd0 \\pdfpageheight=\\dimexpr\\ht0+\\dp0\\relax
\\hoffset=-1in \\voffset=-1in
\\shipout\\box0
\\end{document}
TEX
    echo "$name"
done | TEXINPUTS="$PWD/book:$PWD:" xargs -P "$(nproc)" -I{} sh -c '
    pdflatex -interaction=nonstopmode -output-directory "$1" "$1/$3.tex" \
        >/dev/null && pdftocairo -svg "$1/$3.pdf" "$2/$3.svg" ||
    { echo "html: figure figures/$3.tikz failed (see $1/$3.log)"; exit 1; }
    ' sh "$work" "$out" {}
echo "html: $out/index.html ($(ls "$out"/*.html | wc -l) pages)"
