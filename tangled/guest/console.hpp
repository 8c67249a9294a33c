// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 451 "chapters/02-guest.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

void console_write(const char* text);

class Line {
public:
    Line() {}  // chars_ needs no clearing: print() ends it with a NUL
    Line& text(const char* text);
    Line& decimal(uint32_t number);
    Line& hex(uint32_t number);  // 0x and eight digits
    void print();  // to the console; the line starts afresh

private:
    static constexpr uint32_t kCapacity = 128;
    void put(char character);
    char chars_[kCapacity];
    uint32_t length_ = 0;
};

[[noreturn]] void panic(const char* why);

} // namespace lhv::guest
