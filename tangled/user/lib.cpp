// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5724 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

namespace lhv::user {

#line 5630 "chapters/E-guest-kernel.nw"
void OutputLine::put(char character) {
    if (length_ < kCapacity)
        chars_[length_++] = character;
}

OutputLine& OutputLine::text(const char* text) {
    while (*text != '\0')
        put(*text++);
    return *this;
}

OutputLine& OutputLine::decimal(uint32_t number) {
    char digits[10];
    uint32_t count = 0;
    do {
        digits[count++] = static_cast<char>('0' + number % 10);
        number /= 10;
    } while (number != 0);
    while (count > 0)
        put(digits[--count]);
    return *this;
}

void OutputLine::print() {
    write(1, chars_, length_);
    length_ = 0;
}
#line 5664 "chapters/E-guest-kernel.nw"
OutputLine& OutputLine::hex(uint32_t number, uint32_t digits) {
    uint32_t count = 1;
    while (count < 8 && number >> (4 * count) != 0)
        ++count;
    if (count < digits)
        count = digits < 8 ? digits : 8;
    text("0x");
    for (uint32_t i = count; i > 0; --i)
        put("0123456789abcdef"[number >> (4 * (i - 1)) & 0xF]);
    return *this;
}
#line 5683 "chapters/E-guest-kernel.nw"
uint32_t length_of(const char* text) {
    uint32_t length = 0;
    while (text[length] != '\0')
        ++length;
    return length;
}

bool strings_equal(const char* a, const char* b) {
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}

bool parse_decimal(const char* text, uint32_t& value) {
    if (*text == '\0')
        return false;
    value = 0;
    for (; *text != '\0'; ++text) {
        if (*text < '0' || *text > '9')
            return false;
        const uint32_t digit = *text - '0';
        if (value > (0xFFFFFFFFu - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    return true;
}

void busy_wait(uint32_t iterations) {
    volatile uint32_t counter = 0;
    while (counter < iterations)
        counter = counter + 1;
}

#line 5732 "chapters/E-guest-kernel.nw"
} // namespace lhv::user
