// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 410 "chapters/A-kernel.nw"
#include "host/boot/console.hpp"
#include "host/boot/link.hpp"
#include "host/boot/uart.hpp"

namespace lhv::host {
namespace {
constexpr Uart console_uart(kCom1);
}

#line 430 "chapters/A-kernel.nw"
void Sink::put(char c) {
    if (!buffer) {
        console_uart.put(c);
    } else if (used + 1 < size) {
        buffer[used++] = c;
        buffer[used] = '\0';
    }
}
#line 446 "chapters/A-kernel.nw"
static void put_number(Sink& sink, uint32_t value, uint32_t base,
                       bool negative, uint32_t width, char pad) {
    char digits[12];
    uint32_t n = 0;
    do {
        digits[n++] = "0123456789abcdef"[value % base];
        value /= base;
    } while (value);
    if (negative)
        digits[n++] = '-';
    for (uint32_t i = n; i < width; ++i)
        sink.put(pad);
    while (n)
        sink.put(digits[--n]);
}
#line 467 "chapters/A-kernel.nw"
void vformat(Sink& sink, const char* f, va_list args) {
    for (; *f; ++f) {
        if (*f != '%') {
            sink.put(*f);
            continue;
        }
        ++f;
        char pad = ' ';
        uint32_t width = 0;
        if (*f == '0')
            pad = '0', ++f;
        while (*f >= '0' && *f <= '9')
            width = width * 10 + uint32_t(*f++ - '0');
        
#line 489 "chapters/A-kernel.nw"
switch (*f) {
case 's': {
    const char* s = va_arg(args, const char*);
    for (s = s ? s : "(null)"; *s; ++s)
        sink.put(*s);
    break;
}
case 'c': sink.put(char(va_arg(args, int))); break;
case 'u': put_number(sink, va_arg(args, uint32_t), 10, false,
                     width, pad); break;
case 'x': put_number(sink, va_arg(args, uint32_t), 16, false,
                     width, pad); break;
case 'd': {
    int32_t v = va_arg(args, int32_t);
    uint32_t magnitude = v < 0 ? 0u - uint32_t(v) : uint32_t(v);
    put_number(sink, magnitude, 10, v < 0, width, pad);
    break;
}
case '\0': return;
default: sink.put('%'); sink.put(*f); break;
}
#line 481 "chapters/A-kernel.nw"
    }
}
#line 533 "chapters/A-kernel.nw"
void console_init() { console_uart.init(false); }

void vformat_to(char* buffer, uint32_t size, const char* f,
                va_list args) {
    Sink sink{buffer, size, 0};
    if (size)
        buffer[0] = '\0';
    vformat(sink, f, args);
}

void format(char* buffer, uint32_t size, const char* f, ...) {
    va_list args;
    va_start(args, f);
    vformat_to(buffer, size, f, args);
    va_end(args);
}

void printk(const char* f, ...) {
    Sink sink;
    va_list args;
    va_start(args, f);
    vformat(sink, f, args);
    va_end(args);
}

void panic(const char* f, ...) {
    static bool panicking = false;
    char reason[abi::kReasonBytes];
    va_list args;
    va_start(args, f);
    vformat_to(reason, sizeof(reason), f, args);
    va_end(args);
    printk("host: %s\n", reason);
    if (!panicking) {
        panicking = true;
        link_last_words(reason);
    }
    for (;;)
        asm volatile("cli; hlt");
}

#line 424 "chapters/A-kernel.nw"
} // namespace lhv::host
