# check-dom.awk -- read the documents that headless Chromium made of the
# online edition's pages (OUT/NAME.dom) and print "check-html: ..." for
# every problem; exit 1 if there was one.  Run by book/bin/check-html.sh:
#   awk -v html=DIR -v out=DIR -f check-dom.awk EXPECTED PAGES
# EXPECTED has a line per page the book should have, "NAME LABEL" (LABEL
# as "Chapter 5" or "Appendix A", "-" for index); PAGES names the pages
# that are there.

function problem(msg) { print "check-html: " msg; problems++ }

function exists(path,   line, ok) {   # a file that is there and not empty
    ok = (getline line < path) > 0
    close(path)
    return ok
}

function slurp(path,   line, s, n) {
    s = ""
    while ((getline line < path) > 0) { s = s line "\n"; n++ }
    close(path)
    return s
}

# The text a reader sees outside code: <pre> and <code> elements, then
# every tag, taken out.
function drop(s, tag,   out, i, j, close_tag) {
    out = ""; close_tag = "</" tag ">"
    while ((i = index(s, "<" tag)) > 0) {
        out = out substr(s, 1, i - 1) " "
        s = substr(s, i)
        j = index(s, close_tag)
        if (j == 0) return out
        s = substr(s, j + length(close_tag))
    }
    return out s
}

function text_of(s) {
    s = drop(s, "head"); s = drop(s, "pre"); s = drop(s, "code")
    gsub(/<[^>]*>/, " ", s); gsub(/[ \t\n]+/, " ", s)
    return s
}

# LaTeX commands and noweb quotes the conversion left in the text.
function leftovers(page, t,   found, what) {
    found = 0
    while (match(t, /\\[A-Za-z]+|\[\[|\]\]|\?\?/)) {
        what = substr(t, RSTART, RLENGTH)
        if (found++ < 3)
            problem(page ".html: \"" what "\" left in the text: ..." \
                    substr(t, (RSTART > 40 ? RSTART - 40 : 1), \
                           (RSTART > 40 ? 40 : RSTART - 1) + 40) "...")
        t = substr(t, RSTART + RLENGTH)
    }
    if (found > 3) problem(page ".html: and " found - 3 " more such")
}

function check_page(page, label,   s, v, n, i, part) {
    s = slurp(out "/" page ".dom")
    if (index(s, "</html>") == 0 || index(s, "<body") == 0) {
        problem(page ".html did not load in Chromium"); return
    }
    gsub(/&nbsp;/, " ", s)
    if (!match(s, /<title>[^<]+<\/title>/))
        problem(page ".html has no title")
    else if (label != "-" && index(substr(s, RSTART + 7, RLENGTH - 15),
                                   label ": ") != 1)
        problem(page ".html: its title does not begin \"" label ": \"")
    if (label != "-" &&
        index(s, "<span class=\"chapno\">" label "</span>") == 0)
        problem(page ".html: its heading is not numbered \"" label \
                "\" as in the PDF")
    if (index(s, "<nav class=\"sidebar\"") == 0)
        problem(page ".html has no contents sidebar")
    if (label != "-" && index(s, "rel=\"prev\"") == 0)
        problem(page ".html has no link to the previous chapter")
    if (index(s, "rel=\"next\"") == 0)
        problem(page ".html has no link to the next chapter")
    if (index(s, "<h1") == 0)
        problem(page ".html has no heading")

    # Identifiers, once each.  (split, not a match() loop: a page has
    # thousands, and each match() would copy the rest of the page.)
    n = split(s, part, / id="/)
    for (i = 2; i <= n; i++) {
        v = substr(part[i], 1, index(part[i], "\"") - 1)
        if ((page, v) in ids) problem(page ".html: id \"" v "\" twice")
        ids[page, v] = 1
    }
    # Links and images, checked once every page is read.
    n = split(s, part, / href="/)
    for (i = 2; i <= n; i++)
        links[++nlinks] = page SUBSEP \
                          substr(part[i], 1, index(part[i], "\"") - 1)
    n = split(s, part, /<img /)
    for (i = 2; i <= n; i++) {
        v = " " substr(part[i], 1, index(part[i], ">"))
        if (!match(v, / src="[^"]*"/)) {
            problem(page ".html: an image without a source"); continue
        }
        v = substr(v, RSTART + 6, RLENGTH - 7); nimages++
        if (v ~ /^[a-z]+:/) problem(page ".html: image " v " is not local")
        else if (!exists(html "/" v))
            problem(page ".html: image " v " does not exist")
    }
    leftovers(page, text_of(s))
}

FNR == NR { want[$1] = ($2 == "-" ? "-" : $2 " " $3); order[++nwant] = $1
            next }
{ have[$1] = 1; nhave++ }
END {
    for (i = 1; i <= nwant; i++)
        if (!(order[i] in have))
            problem("no page " order[i] ".html" \
                    (order[i] == "index" ? "" : " for chapters/" order[i] ".nw"))
    for (p in have) if (!(p in want))
        problem(p ".html is a page that no chapter file makes")
    if (nhave != nwant)
        problem(nhave " pages; the book has " nwant - 1 \
                " chapter files and an index")
    for (i = 1; i <= nwant; i++)
        if (order[i] in have) check_page(order[i], want[order[i]])

    for (i = 1; i <= nlinks; i++) {
        split(links[i], l, SUBSEP); page = l[1]; target = l[2]
        if (target ~ /^(https?|mailto|ftp):/) { external++; continue }
        gsub(/&amp;/, "\\&", target)
        file = target; anchor = ""
        if ((h = index(target, "#")) > 0) {
            file = substr(target, 1, h - 1); anchor = substr(target, h + 1)
        }
        checked++
        if (file == "") file = page ".html"
        if (file ~ /\.html$/) {
            name = substr(file, 1, length(file) - 5)
            if (!(name in have)) {
                problem(page ".html: link to " target ": no such page"); continue
            }
            if (anchor != "" && !((name, anchor) in ids))
                problem(page ".html: link to " target ": no such anchor")
        } else if (!exists(html "/" file))
            problem(page ".html: link to " target ": no such file")
    }
    printf "check-html: %d pages, %d local links and %d images checked " \
           "(%d links leave the book)\n", nhave, checked, nimages, external
    if (problems) {
        printf "check-html: %d problem%s\n", problems, (problems > 1 ? "s" : "")
        exit 1
    }
    print "check-html: all good"
}
