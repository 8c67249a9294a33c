# nw2pandoc.awk -- noweb's pipeline representation, indexed (markup |
# finduses | uses-in-code.awk | member-uses.awk | noidx), to a LaTeX file
# that Pandoc reads for the online edition.  Documentation passes through,
# with a mark where
# each chapter file begins and where the appendices start.  Each code chunk
# becomes an anchor, a heading line, a listing in its language and a line
# of links: the other parts of a chunk continued, the chunks that use it.
# Inside the listing, a use of another chunk and the first use of each
# identifier defined elsewhere become placeholders, LHVC<n>Q and LHVI<n>Q,
# that book/html/book.lua turns into links once Pandoc has highlighted the
# code; what they stand for goes to the file named by -v side=FILE, one
# tab-separated record a line:
#   chunk N TITLE       chunk N's name, as HTML
#   ident N NAME ANCHOR identifier placeholder N: NAME, defined at ANCHOR
#   defn NAME ANCHOR    NAME is defined in the chunk part at ANCHOR
#   use NAME DEF AT     NAME, defined at DEF, is used in the part at AT
# Run as: awk -v side=FILE -f nw2pandoc.awk STREAM STREAM  (two passes)

function esc(s) {   # text for a LaTeX argument that Pandoc will read
    gsub(/\\/, "\\textbackslash{}", s); gsub(/[_&%#$]/, "\\\\&", s)
    gsub(/[{}]/, "\\\\&", s); gsub(/~/, "\\textasciitilde{}", s)
    return s
}
function html(s) {
    gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
    return s
}
function title(name,   t) {         # a chunk's name as the reader sees it:
    t = esc(name)                    # [[code]] in a name is set as code
    gsub(/\[\[/, "\\texttt{", t); gsub(/\]\]/, "}", t)
    return t
}
function anchor(name, part) {
    return "chunk-" ids[name] (part > 1 ? "-" part : "")
}
function link(name, part) {
    return "\\hyperlink{" anchor(name, part) "}{$\\langle$" title(name) \
           "$\\rangle$}"
}
function partlink(name, part) {
    return "\\hyperlink{" anchor(name, part) "}{part " part "}"
}
function lang(name,   n, guard) {   # the language of a chunk's root file
    for (n = name; (n in parent) && guard++ < 100; n = parent[n]) ;
    if (n ~ /\.S$/) return "GnuAssembler"
    if (n ~ /\.ld$/) return ""
    return "C++"
}
function quote(s,   d) {            # inline code, delimiter not in s
    # \verb cannot sit in a macro's argument, and there a % in it starts
    # a comment that swallows the argument's closing brace (and with it,
    # once, four chapters): such code is set with \texttt, escaped.
    if (s ~ /[%#]/) return "\\texttt{" esc(s) "}"
    d = "|"; if (index(s, d)) d = "!"; if (index(s, d)) d = "+"
    return "\\verb" d s d
}

# Pass 1: number the chunks and their parts, learn who uses whom and which
# noweb label is which part.
FNR == NR {
    if ($1 == "@xref" && $2 == "label") label = $3
    else if ($1 == "@defn") { name = substr($0, 7)
        if (!(name in ids)) {
            ids[name] = ++nids; t = html(name)
            gsub(/\[\[/, "<code>", t); gsub(/\]\]/, "</code>", t)
            printf "chunk\t%d\t%s\n", nids, t > side
        }
        parts[name]++; at[label] = anchor(name, parts[name]) }
    else if ($1 == "@use") { u = substr($0, 6)
        if (!(u in parent)) parent[u] = name
        if (index(usedin[u] "\034", "\034" name "\034") == 0)
            usedin[u] = usedin[u] "\034" name }
    next
}

# Pass 2: write it out.
$1 == "@file" { f = $2; sub(/^.*\//, "", f); sub(/\.nw$/, "", f)
    printf "\n\\hypertarget{lhvfile-%s}{}\n", f; next }
$1 == "@begin" && $2 == "code" { incode = 1; body = ""; pend = ""
    delete linked; next }
$1 == "@xref" && $2 == "ref" { ref = $3; next }
$1 == "@defn" { name = substr($0, 7); part = ++done[name]
    here = anchor(name, part); next }
incode && $1 == "@index" && $2 == "use" { pend = substr($0, 12)
    pendref = ref; next }
incode && $1 == "@index" && $2 == "defn" {
    printf "defn\t%s\t%s\n", substr($0, 13), here > side; next }
$1 == "@end" && $2 == "code" {
    l = lang(name)
    printf "\n\\begin{lhvchunk}\n\\hypertarget{%s}{}", here
    printf "\\textbf{$\\langle$%s$\\rangle%s\\equiv$}\n\n", title(name),
           (part > 1 ? "\\mathord{+}" : "")
    if (l != "") printf "\\begin{lstlisting}[language=%s]\n", l
    else printf "\\begin{verbatim}\n"
    sub(/^\n/, "", body)   # the newline after the chunk's name line
    # Pandoc drops the first line's indentation; a line of its own in
    # front, which book.lua takes out again, keeps it.
    printf "LHVTOP\n%s", body
    printf "%s\n", (l != "" ? "\\end{lstlisting}" : "\\end{verbatim}")
    line = ""
    if (parts[name] > 1) {
        line = "Part " part " of " parts[name]
        if (part > 1) line = line "; continues " partlink(name, part - 1)
        if (part < parts[name])
            line = line (part > 1 ? ", continued in " : "; continued in ") \
                   partlink(name, part + 1)
        line = line ". "
    }
    if (name in usedin) {
        n = split(substr(usedin[name], 2), us, "\034"); s = ""
        for (i = 1; i <= n; i++) s = s (i > 1 ? ", " : "") link(us[i], 1)
        line = line "Used in " s "."
    } else if (name ~ /^(tangled|tests)\//) line = line "A file."
    if (line != "") printf "\n\\begin{lhvchunkinfo}\n%s\n\\end{lhvchunkinfo}\n",
                           line
    printf "\\end{lhvchunk}\n\n"
    incode = 0; next
}
incode && $1 == "@text" { t = substr($0, 7)
    # A member's or a program's own type, Guest::run or host::HostLink,
    # stands in the code as its last name.
    if (pend != "" && (t == pend ||
                       "::" t == substr(pend, length(pend) - length(t) - 1)) &&
        (pendref in at) && at[pendref] != here) {
        key = t SUBSEP at[pendref]
        if (!(key in idents)) {
            idents[key] = ++nidents
            printf "ident\t%d\t%s\t%s\n", nidents, t, at[pendref] > side
        }
        if (!(key in linked)) {
            linked[key] = 1; t = "LHVI" idents[key] "Q"
            printf "use\t%s\t%s\t%s\n", pend, at[pendref], here > side
        }
    }
    pend = ""; body = body t; next }
incode && $1 == "@nl"   { body = body "\n"; next }
incode && $1 == "@use"  { body = body "LHVC" ids[substr($0, 6)] "Q"; next }
$1 == "@quote"    { inquote = 1; q = ""; next }
$1 == "@endquote" { printf "%s", quote(q); inquote = 0; next }
inquote && $1 == "@text" { q = q substr($0, 7); next }
$1 == "@text" && substr($0, 7) == "\\appendix" {
    printf "\\hypertarget{lhv-appendix}{}"; next }
$1 == "@text" { printf "%s", substr($0, 7); next }
$1 == "@nl"   { printf "\n"; next }
