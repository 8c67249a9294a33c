// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 215 "chapters/A-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::host {

#line 231 "chapters/A-kernel.nw"
inline void outb(uint16_t port, uint8_t value) {
    asm volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

inline uint8_t inb(uint16_t port) {
    uint8_t value;
    asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
    return value;
}
#line 248 "chapters/A-kernel.nw"
inline uint32_t read_cr0() {
    uint32_t v;
    asm volatile("mov %%cr0, %0" : "=r"(v));
    return v;
}
inline void write_cr0(uint32_t v) {
    asm volatile("mov %0, %%cr0" : : "r"(v) : "memory");
}
inline uint32_t read_cr2() {
    uint32_t v;
    asm volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}
inline uint32_t read_cr3() {
    uint32_t v;
    asm volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}
inline void write_cr3(uint32_t v) {
    asm volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}
#line 276 "chapters/A-kernel.nw"
inline void compiler_barrier() { asm volatile("" : : : "memory"); }

#line 224 "chapters/A-kernel.nw"
} // namespace lhv::host
