// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 2960 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

inline uint32_t string_length(const char* s) {
    uint32_t n = 0;
    while (s[n])
        ++n;
    return n;
}
inline bool starts_with(const char* s, const char* prefix) {
    while (*prefix)
        if (*s++ != *prefix++)
            return false;
    return true;
}
inline bool contains(const char* s, char c) {
    for (; *s; ++s)
        if (*s == c)
            return true;
    return false;
}

} // namespace lhv::guest
