// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5612 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::user {

#line 5562 "chapters/E-guest-kernel.nw"
class OutputLine {
public:
    OutputLine() {}  // chars_ needs no clearing: print() uses length_
    OutputLine& text(const char* text);
    OutputLine& decimal(uint32_t number);
    OutputLine& hex(uint32_t number, uint32_t digits = 8);
    void print();  // one write(2) to standard output

private:
    static constexpr uint32_t kCapacity = 128;
    void put(char character);
    char chars_[kCapacity];
    uint32_t length_ = 0;
};

inline void print(const char* text) { OutputLine().text(text).print(); }
#line 5588 "chapters/E-guest-kernel.nw"
uint32_t length_of(const char* text);
bool strings_equal(const char* a, const char* b);
bool parse_decimal(const char* text, uint32_t& value);
void busy_wait(uint32_t iterations);
#line 5606 "chapters/E-guest-kernel.nw"
inline constexpr uint32_t kBusyIterations = 3'000'000;

#line 5621 "chapters/E-guest-kernel.nw"
} // namespace lhv::user
