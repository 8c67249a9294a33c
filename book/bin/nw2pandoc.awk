# nw2pandoc.awk -- noweb's pipeline representation (from markup) to a
# LaTeX file that Pandoc reads: documentation passes through; each code
# chunk becomes an anchor, a heading line, a listing in its language, and
# links to the chunks it uses and to those that use it.
# Run as: awk -f nw2pandoc.awk MARKUP MARKUP  (two passes over one file)

function esc(s) {   # text for a LaTeX argument that Pandoc will read
    gsub(/\\/, "\\textbackslash{}", s); gsub(/[_&%#$]/, "\\\\&", s)
    gsub(/[{}]/, "\\\\&", s); gsub(/~/, "\\textasciitilde{}", s)
    return s
}
function title(name,   t) {         # a chunk's name as the reader sees it:
    t = esc(name)                    # [[code]] in a name is set as code
    gsub(/\[\[/, "\\texttt{", t); gsub(/\]\]/, "}", t)
    return t
}
function anchor(name) { return "chunk-" ids[name] }
function link(name) {
    return "\\hyperlink{" anchor(name) "}{$\\langle$" title(name) "$\\rangle$}"
}
function lang(name,   n, guard) {   # the language of a chunk's root file
    for (n = name; (n in parent) && guard++ < 100; n = parent[n]) ;
    if (n ~ /\.S$/) return "GnuAssembler"
    if (n ~ /\.ld$/) return ""
    return "C++"
}
function quote(s,   d) {            # inline code, delimiter not in s
    d = "|"; if (index(s, d)) d = "!"; if (index(s, d)) d = "+"
    return "\\verb" d s d
}

# Pass 1: number the chunks, and learn who uses whom.
FNR == NR {
    if ($1 == "@defn") { name = substr($0, 7)
        if (!(name in ids)) ids[name] = ++nids }
    else if ($1 == "@use") { u = substr($0, 6)
        if (!(u in parent)) parent[u] = name
        if (index(usedin[u] "\034", "\034" name "\034") == 0)
            usedin[u] = usedin[u] "\034" name }
    next
}

# Pass 2: write it out.
$1 == "@begin" && $2 == "code" { incode = 1; body = ""; uses = ""; next }
$1 == "@defn" { name = substr($0, 7); next }
$1 == "@end" && $2 == "code" {
    l = lang(name)
    printf "\n\\hypertarget{%s}{}\\textbf{$\\langle$%s$\\rangle\\equiv$}\n\n",
           (seen[name]++ ? anchor(name) "-" seen[name] : anchor(name)),
           title(name)
    if (l != "") printf "\\begin{lstlisting}[language=%s]\n", l
    else printf "\\begin{verbatim}\n"
    sub(/^\n/, "", body)   # the newline after the chunk's name line
    printf "%s", body
    printf "%s\n", (l != "" ? "\\end{lstlisting}" : "\\end{verbatim}")
    line = ""
    if (uses != "") line = "Uses " substr(uses, 3) ". "
    if (name in usedin) {
        n = split(substr(usedin[name], 2), us, "\034"); s = ""
        for (i = 1; i <= n; i++) s = s (i > 1 ? ", " : "") link(us[i])
        line = line "Used in " s "."
    } else if (name ~ /^(tangled|tests)\//) line = line "A file."
    if (line != "") printf "\n{\\small %s}\n\n", line
    incode = 0; next
}
incode && $1 == "@text" { body = body substr($0, 7); next }
incode && $1 == "@nl"   { body = body "\n"; next }
incode && $1 == "@use"  { u = substr($0, 6)
    plain = u; gsub(/\[\[|\]\]/, "", plain)   # no quoting inside code
    body = body "<<" plain ">>"
    if (index(uses "\034", ", " link(u) "\034") == 0 &&
        index(uses, link(u) ",") == 0) uses = uses ", " link(u)
    next }
$1 == "@quote"    { inquote = 1; q = ""; next }
$1 == "@endquote" { printf "%s", quote(q); inquote = 0; next }
inquote && $1 == "@text" { q = q substr($0, 7); next }
$1 == "@text" { printf "%s", substr($0, 7); next }
$1 == "@nl"   { printf "\n"; next }
