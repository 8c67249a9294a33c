#!/bin/bash
# html.sh OUTDIR -- the HTML edition: chapters -> LaTeX for Pandoc (with
# book/bin/nw2pandoc.awk) -> one HTML page with highlighted code, chunk
# links, figures as SVG and citations from book.bib.
set -euo pipefail
out=${1:-build/html}
work=build/html-work
mkdir -p "$out" "$work"

# Figures: typeset each TikZ picture on a page of its own size, then SVG.
for fig in figures/*.tikz; do
    name=$(basename "$fig" .tikz)
    cat > "$work/$name.tex" <<TEX
\\documentclass{book}
\\usepackage{lhv}
\\makeatletter
\\IfFileExists{$PWD/build/latex/book.aux}{\\input{$PWD/build/latex/book.aux}}{}
\\makeatother
\\begin{document}
\\setbox0\\hbox{\\input{$fig}}
\\pdfpagewidth=\\wd0 \\pdfpageheight=\\dimexpr\\ht0+\\dp0\\relax
\\hoffset=-1in \\voffset=-1in
\\shipout\\box0
\\end{document}
TEX
    TEXINPUTS="$PWD/book:$PWD:" pdflatex -interaction=nonstopmode \
        -output-directory "$work" "$work/$name.tex" >/dev/null ||
        { echo "html: figure $fig failed (see $work/$name.log)"; exit 1; }
    pdftocairo -svg "$work/$name.pdf" "$out/$name.svg"
done

# The text: one LaTeX stream, figures replaced by their SVG files.
/usr/lib/noweb/markup chapters/*.nw > "$work/book.markup"
{
    cat <<'MACROS'
\newcommand{\lhv}{\textsf{lhv}}
\newenvironment{exercises}{\section*{Exercises}\begin{enumerate}}{\end{enumerate}}
\newcommand{\exercise}[1]{\item \textbf{(#1)} }
\newcommand{\checkby}[1]{\emph{How you will know:} #1}
MACROS
    awk -f book/bin/nw2pandoc.awk "$work/book.markup" "$work/book.markup" |
        sed -E -e 's|\\input\{figures/([^}]*)\.tikz\}|\\includegraphics{\1.svg}|' \
               -e 's|\\input\{mastery-table\}|\\input{book/mastery-table}|'
} > "$work/book.tex"

pandoc -f latex -t html5 --standalone --toc --toc-depth=2 \
    --metadata title="Little Hypervisor" --highlight-style=tango \
    --citeproc --bibliography=book.bib --number-sections \
    --css=book.css -o "$out/index.html" "$work/book.tex"
cp book/book.css "$out/book.css"
echo "html: $out/index.html"
