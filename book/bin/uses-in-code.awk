#!/usr/bin/awk -f
# uses-in-code.awk -- a noweb pipeline filter, between finduses and noidx:
# drop the identifier uses that finduses found inside a comment or a
# string literal of a code chunk, so that the index says "used in" only
# where the code really uses the name.  It follows each code line as the
# @text pieces arrive: // starts a comment to the end of the line, /* one
# to the next */, and a double quote opens or closes a string (a
# backslash escapes the next character); a character literal such as
# '"' is stepped over, while any other apostrophe (a digit separator,
# 0x4C48'4249) is not a quote at all.  Documentation and quoted code
# ([[...]]) are passed through untouched.
BEGIN { code = 0; block = 0 }
/^@begin code / { code = 1; line = 0; string = 0 }
/^@end code / { code = 0 }
code && /^@nl$/ { line = 0; string = 0 }
code && /^@text / {
    text = substr($0, 7)
    for (i = 1; i <= length(text); i++) {
        c = substr(text, i, 1); d = substr(text, i, 2)
        if (block) { if (d == "*/") { block = 0; i++ } continue }
        if (line) continue
        if (string) {
            if (c == "\\") i++
            else if (c == "\"") string = 0
            continue
        }
        if (d == "//") { line = 1; i++ }
        else if (d == "/*") { block = 1; i++ }
        else if (c == "\"") string = 1
        else if (c == "'" && substr(text, i + 2, 1) == "'") i += 2
        else if (c == "'" && substr(text, i + 1, 1) == "\\" &&
                 substr(text, i + 3, 1) == "'") i += 3
    }
}
code && /^@index use / && (line || block || string) { next }
{ print }
