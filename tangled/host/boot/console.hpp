// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 375 "chapters/A-kernel.nw"
#pragma once
#include <stdarg.h>
#include <stdint.h>

namespace lhv::host {

#line 399 "chapters/A-kernel.nw"
struct Sink {
    char* buffer = nullptr;  // nullptr: write to the console
    uint32_t size = 0;
    uint32_t used = 0;
    void put(char c);
};
#line 382 "chapters/A-kernel.nw"
void vformat(Sink& sink, const char* format, va_list args);
void vformat_to(char* buffer, uint32_t size, const char* format,
                va_list args);
void format(char* buffer, uint32_t size, const char* format, ...)
    __attribute__((format(printf, 3, 4)));
void console_init();
void printk(const char* format, ...)
    __attribute__((format(printf, 1, 2)));
[[noreturn]] void panic(const char* format, ...)
    __attribute__((format(printf, 1, 2)));

} // namespace lhv::host
