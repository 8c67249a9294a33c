// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 558 "chapters/02-guest.nw"
#include "guest/console.hpp"
#include "abi/hypercalls.hpp"
#include "guest/hypercall.hpp"
#include "guest/memory.hpp"

namespace lhv::guest {

#line 438 "chapters/02-guest.nw"
void console_write(const char* text) {
    hypercall(abi::LHCALL_NOTIFY, physical_address_of(text).value);
}
#line 485 "chapters/02-guest.nw"
void Line::put(char character) {
    if (length_ + 1 < kCapacity)
        chars_[length_++] = character;
}

Line& Line::text(const char* text) {
    while (*text != '\0')
        put(*text++);
    return *this;
}

void Line::print() {
    chars_[length_] = '\0';
    console_write(chars_);
    length_ = 0;
}
#line 508 "chapters/02-guest.nw"
Line& Line::decimal(uint32_t number) {
    char digits[10];
    int count = 0;
    do {
        digits[count++] = static_cast<char>('0' + number % 10);
        number /= 10;
    } while (number != 0);
    while (count > 0)
        put(digits[--count]);
    return *this;
}
#line 525 "chapters/02-guest.nw"
Line& Line::hex(uint32_t number) {
    text("0x");
    for (int shift = 28; shift >= 0; shift -= 4)
        put("0123456789abcdef"[(number >> shift) & 0xF]);
    return *this;
}
#line 544 "chapters/02-guest.nw"
void panic(const char* why) {
    Line().text("Little Hypervisor Guest: panic: ")
        .text(why).text("\n").print();
    
#line 991 "chapters/02-guest.nw"
hypercall(abi::LHCALL_LOAD_IDT_ENTRY, 6, 0, 0);
#line 548 "chapters/02-guest.nw"
    __builtin_trap();  // ud2
}

#line 569 "chapters/02-guest.nw"
} // namespace lhv::guest
