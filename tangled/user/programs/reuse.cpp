// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 6313 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

constexpr uint32_t kWord = 0x5EC12E75;

int main(int, char**) {
    const uint32_t heap = brk(0);
    OutputLine().text("reuse: the heap starts at ").hex(heap).text("\n")
        .print();
    int32_t status = 0;
    if (fork() == 0) {
        brk(heap + 4096);
        *reinterpret_cast<volatile uint32_t*>(heap) = kWord;
        exit(0);
    }
    wait4(-1, &status, 0, nullptr);
    if (fork() == 0) {
        uint32_t seen = *reinterpret_cast<volatile uint32_t*>(heap);
        OutputLine().text("reuse: the second child read ").hex(seen)
            .text("\n").print();
        exit(0);
    }
    wait4(-1, &status, 0, nullptr);
    OutputLine().text("reuse: the second child ended, status ")
        .hex(uint32_t(status), 4).text("\n").print();
    return 0;
}
