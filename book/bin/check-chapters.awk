# check-chapters.awk -- the standard every chapter is held to, read from
# the chapters' own text; prints "FILE:LINE: problem" for each failure.
#  * every code chunk is introduced by prose: some words of documentation
#    between it and the code chunk before it (an @ %def line, a heading
#    or a label is not prose);
#  * the chapter opens with a figure, before its first \section;
#  * it has a Further Reading section and an exercises environment with at
#    least five \exercise items, each of which says how the reader will
#    know the answer is right (\checkby{...}).
function finish_exercise() {
    if (in_exercise && !checked)
        printf "%s:%d: exercise %d does not say how to check it" \
               " (no \\checkby)\n", FILENAME, exercise_line, exercises
    in_exercise = 0
}
function finish_chapter() {
    if (FILENAME_prev == "") return
    f = FILENAME_prev
    if (!figure_first)
        printf "%s:%d: the chapter does not open with a figure" \
               " (a figure before its first \\section)\n", f, chapter_line
    if (!further)
        printf "%s:%d: the chapter has no Further Reading\n", f, last_line
    if (exercises < 5)
        printf "%s:%d: the chapter has %d exercises (at least 5)\n",
               f, exercises_line ? exercises_line : last_line, exercises
}
FNR == 1 {
    finish_exercise(); finish_chapter()
    FILENAME_prev = FILENAME
    prose = 0; code = 0; figure_first = 0; seen_section = 0
    further = 0; exercises = 0; exercises_line = 0; chapter_line = 1
}
{ last_line = FNR }
/^<<.*>>=[ \t]*$/ {
    if (!prose)
        printf "%s:%d: code chunk %s has no prose before it\n",
               FILENAME, FNR, $0
    code = 1; prose = 0; next
}
/^@([ \t]|$)/ {           # the end of code; what follows is text
    code = 0; sub(/^@[ \t]*/, "")
    if ($0 ~ /^%def/) next
}
code { next }
# A heading, a label or an index entry is not prose; words are.
/^[ \t]*\\(chapter|section|subsection|subsubsection|paragraph|label)[*{ ]/ {
    heading = 1
}
!heading && /[A-Za-z]/ { prose = 1 }
{ heading = 0 }
/^\\chapter/ { chapter_line = FNR }
/\\begin\{figure/ { if (!seen_section) figure_first = 1 }
/^\\section/ { seen_section = 1 }
/^\\section\*\{Further Reading\}/ { further = 1 }
/\\begin\{exercises\}/ { exercises_line = FNR; in_list = 1 }
in_list && /\\exercise\{/ {
    finish_exercise()
    exercises++; in_exercise = 1; checked = 0; exercise_line = FNR
}
in_list && /\\checkby\{/ { checked = 1 }
/\\end\{exercises\}/ { finish_exercise(); in_list = 0 }
END { finish_exercise(); finish_chapter() }
