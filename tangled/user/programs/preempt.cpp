// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5842 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

constexpr uint32_t kRounds = 8;

int main(int argc, char** argv) {
    uint32_t spins = kBusyIterations;
    if (argc > 1 && !parse_decimal(argv[1], spins)) {
        print("preempt: usage: preempt [busy-wait iterations]\n");
        return 2;
    }
    const int32_t child = fork();
    if (child < 0) {
        print("preempt: fork failed\n");
        return 1;
    }
    const char* name = child == 0 ? "b" : "a";
    for (uint32_t round = 0; round < kRounds; ++round) {
        busy_wait(spins);
        OutputLine().text("preempt: ").text(name).text(" ").decimal(round)
            .text("\n").print();
    }
    if (child == 0)
        return 0;
    
#line 5876 "chapters/E-guest-kernel.nw"
int32_t status = 0;
if (wait4(child, &status, 0, nullptr) != child) {
    print("preempt: wait4 failed\n");
    return 1;
}
print("preempt: both done\n");
return 0;
#line 5869 "chapters/E-guest-kernel.nw"
}
