#!/usr/bin/awk -f
# member-uses.awk -- a noweb pipeline filter, after uses-in-code.awk and
# before noidx: find the uses that finduses cannot, of members and of
# types that two programs both have.  finduses looks only for the string
# a chunk defines, and the code does not spell these out.
#
# A member is defined with its class's name, "@ %def Guest::run", and
# called as run(...) inside the class and as guest.run(...) outside it.
# This filter adds a use of X::y where the code (not a comment or a
# string) has the word y, not after "::",
#   * bare, as a call "y(" (or any y, when its name ends in "_", as
#     data members' names do, or starts with a capital, as the names of
#     types do), in a chunk that goes into one of X's own
#     files: a .cpp or .S file that holds the definition of some member
#     of X (headers are left out, since there y is most often a
#     declaration), or
#   * as ".y(" or "->y(", in a chunk that goes into a file of X's own
#     program (the directory under tangled/ or tests/, which is also its
#     namespace) whose code names X, when X is the only class with a
#     member y and y is not a name the standard library uses as well.
# Where a bare y in X's own files is X::y, a use finduses found there of
# some other, unqualified y is dropped: inside X the member hides it.
# A type that two programs both have is defined with its namespace,
# "@ %def launcher::HostLink" and "@ %def host::HostLink"; a use of
# N::Y is added where the word Y stands, not after ".", "->" or "::", in
# a chunk that goes into a file of program N, and a use finduses found
# of some other, unqualified Y there is dropped.
# It says less rather than more: a use that it cannot tie to one
# definition goes unmarked.
BEGIN {
    # Members named like the standard library's, whose ".y(" may be a
    # std::string's, a std::unique_ptr's or a stream's.
    split("reset release open close size data begin end get start " \
          "create destroy init walk report fill find insert erase " \
          "clear push_back empty front back swap count write read " \
          "publish take_lines", w, " ")
    for (i in w) common[w[i]] = 1
    split("abi launcher host guest user", w, " ")
    for (i in w) isns[w[i]] = 1
}
{ line[++n] = $0 }
END {
    # Pass 1: the chunks, their names, their code, their roots.
    for (i = 1; i <= n; i++) {
        l = line[i]
        if (l ~ /^@begin code /) { code = 1; ++cn; cname[cn] = ""
                                   pending = ""; blk = 0 }
        else if (l ~ /^@end code /) {
            code = 0; words[cn] = words[cn] " " codeonly(pending)
        }
        else if (code && l ~ /^@defn /) cname[cn] = substr(l, 7)
        else if (code && l ~ /^@use /) {
            u = substr(l, 6)
            if (!((u, cname[cn]) in parentof)) {
                parentof[u, cname[cn]] = 1
                parents[u] = parents[u] "\034" cname[cn]
            }
        } else if (code && l ~ /^@text /) {
            pending = pending substr(l, 7)
        } else if (code && l == "@nl") {
            words[cn] = words[cn] " " codeonly(pending); pending = ""
        } else if (code && l ~ /^@index defn [A-Za-z_][A-Za-z0-9_]*::[A-Za-z_][A-Za-z0-9_]*$/) {
            q = substr(l, 13); x = q; sub(/::.*/, "", x)
            y = q; sub(/^.*::/, "", y)
            defines[cn, q] = 1
            if (x in isns) { nstype[x, y] = 1; isnstype[y] = 1; continue }
            if (!((x, y) in owns)) {
                owns[x, y] = 1; owners[y] = owners[y] "\034" x
                nowners[y]++
            }
            ownchunk[x, cn] = 1; isclass[x] = 1
        }
    }
    # The files each code chunk goes into, their programs, and which
    # classes each file's code names.
    for (c = 1; c <= cn; c++) {
        rootsof[c] = roots(cname[c])
        m = split(rootsof[c], rs, "\034")
        for (k = 1; k <= m; k++) {
            if (rs[k] == "") continue
            nsof[c, program(rs[k])] = 1
            for (x in isclass)
                if ((x, c) in ownchunk && rs[k] ~ /\.(cpp|S)$/) {
                    ownfile[x, rs[k]] = 1; ownprogram[x, program(rs[k])] = 1
                }
            t = words[c]
            while (match(t, /[A-Za-z_][A-Za-z0-9_]*/)) {
                wd = substr(t, RSTART, RLENGTH)
                if (wd in isclass) names[rs[k], wd] = 1
                t = substr(t, RSTART + RLENGTH)
            }
        }
    }
    # Pass 2: write the stream out, with the uses added.
    code = 0; c = 0
    for (i = 1; i <= n; i++) {
        l = line[i]
        if (l ~ /^@begin code /) { code = 1; c++; before = ""
                                   incomment = incomment2 = instring = 0 }
        else if (l ~ /^@end code /) code = 0
        else if (code && l == "@nl") { before = ""; incomment2 = 0
                                       instring = 0 }
        if (code && l ~ /^@index use [A-Za-z_][A-Za-z0-9_]*$/) {
            if (nsowner(substr(l, 12)) != "")
                continue    # another program's Y; scan() adds this one's
            flush(); held = l    # scan() decides: another's y, or X::y?
            continue
        }
        if (!(code && l ~ /^@text /)) { flush(); print l; continue }
        rest = ""           # the rest of the line, for a "(" after a word
        for (j = i + 1; j <= n && line[j] != "@nl" &&
                        line[j] !~ /^@end code /; j++)
            if (line[j] ~ /^@text /) rest = rest substr(line[j], 7)
        scan(substr(l, 7), rest)
    }
}

# A line of code without its comments and strings (blk: inside /* */).
function codeonly(t,    i, ch, d, out, str) {
    out = ""; str = 0
    for (i = 1; i <= length(t); i++) {
        ch = substr(t, i, 1); d = substr(t, i, 2)
        if (blk) { if (d == "*/") { blk = 0; i++ } continue }
        if (str) { if (ch == "\\") i++; else if (ch == "\"") str = 0
                   continue }
        if (d == "//") break
        if (d == "/*") { blk = 1; i++; continue }
        if (ch == "\"") { str = 1; continue }
        if (ch == "'" && substr(t, i + 2, 1) == "'") { i += 2; continue }
        out = out ch
    }
    return out
}

# The program a file belongs to: tangled/host/run.cpp is the host's.
function program(file,    f) {
    f = file; sub(/^[^\/]*\//, "", f)
    if (f !~ /\//) return ""
    sub(/\/.*/, "", f)
    return f
}

function roots(name,    r, m, ps, k) {
    if (name in rootmemo) return rootmemo[name]
    rootmemo[name] = ""             # a chunk that uses itself ends here
    if (name ~ /^(tangled|tests)\//) r = "\034" name
    else {
        r = ""
        m = split(parents[name], ps, "\034")
        for (k = 1; k <= m; k++)
            if (ps[k] != "") r = r roots(ps[k])
    }
    return rootmemo[name] = r
}

# The N whose N::y the word y is in code chunk c, or "".
function nsowner(y,    ns, found) {
    if (!(y in isnstype)) return ""
    found = ""
    for (ns in isns)
        if ((ns, y) in nstype && (c, ns) in nsof) {
            if (found != "") return ""
            found = ns
        }
    if (found != "" && (c, found "::" y) in defines) return ""
    return found
}

# The X whose member y this use is, or "" when it is none or unclear.
function owner(y, how,    m, xs, k, found, x, rs, nr, j) {
    m = split(owners[y], xs, "\034"); found = ""
    nr = split(rootsof[c], rs, "\034")
    for (k = 1; k <= m; k++) {
        x = xs[k]
        if (x == "" || (c, x "::" y) in defines) continue
        for (j = 1; j <= nr; j++) {
            if (rs[j] == "") continue
            if ((x, rs[j]) in ownfile ||
                (how != "" && nowners[y] == 1 && !(y in common) &&
                 (rs[j], x) in names &&
                 (x, program(rs[j])) in ownprogram)) {
                if (found != "" && found != x) return ""
                found = x
            }
        }
    }
    return found
}

# Copy a piece of code's text out, splitting off each use it finds.
function scan(t, rest,    i, ch, d, out, wd, how, x, p, call) {
    out = ""
    for (i = 1; i <= length(t); i++) {
        ch = substr(t, i, 1); d = substr(t, i, 2)
        if (incomment) { if (d == "*/") { incomment = 0; out = out d; i++ }
                         else out = out ch; continue }
        if (incomment2) { out = out ch; continue }
        if (instring) {
            if (ch == "\\") { out = out d; i++; continue }
            if (ch == "\"") instring = 0
            out = out ch; continue
        }
        if (d == "//") { incomment2 = 1; out = out ch; continue }
        if (d == "/*") { incomment = 1; out = out d; i++; continue }
        if (ch == "\"") { instring = 1; out = out ch; continue }
        if (ch == "'" && substr(t, i + 2, 1) == "'") {
            out = out substr(t, i, 3); i += 2; continue }
        if (ch ~ /[A-Za-z_]/ && (before out) !~ /[A-Za-z0-9_]$/) {
            wd = substr(t, i)
            match(wd, /^[A-Za-z_][A-Za-z0-9_]*/)
            wd = substr(wd, 1, RLENGTH)
            p = before out
            sub(/[ \t]+$/, "", p)
            call = (substr(t, i + RLENGTH) rest) ~ /^[ \t]*\(/
            how = ""
            if (p ~ /(\.|->)$/ && call) how = "member"
            else if (p ~ /(\.|->)$/) how = "data"
            else if (!call && wd !~ /(_$|^[A-Z])/) how = "word"
            x = ""
            if (p !~ /::$/ && (how == "" || how == "word") &&
                (wd in isnstype))
                x = nsowner(wd)
            if (x == "" && p !~ /::$/ && how != "data" && how != "word" &&
                (wd in nowners))
                x = owner(wd, how)
            i += length(wd) - 1
            if (x == "") { out = out wd; continue }
            # A y that finduses took for an unqualified y defined
            # elsewhere is this X::y: inside X's own code, the member
            # hides any other y.
            if (out == "" && held == "@index use " wd) held = ""
            flush()
            if (out != "") print "@text " out
            print "@index use " x "::" wd
            print "@text " wd
            before = before out wd; out = ""
            continue
        }
        out = out ch
    }
    flush()
    if (out != "") print "@text " out
    before = before out
}

function flush() {
    if (held != "") print held
    held = ""
}
