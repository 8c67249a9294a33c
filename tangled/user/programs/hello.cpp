// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5800 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

int main(int, char**) {
    OutputLine()
        .text("hello from ring 3: pid ")
        .decimal(getpid())
        .text("\n")
        .print();
    return 0;
}
