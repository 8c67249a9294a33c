// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 6227 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

constexpr int32_t kSurvived = 99;

#line 6166 "chapters/E-guest-kernel.nw"
struct Rogue {
    const char* name;
    void (*commit)();
};

const Rogue kRogues[] = {
    {"null", [] { asm volatile("mov 0, %%eax" : : : "eax"); }},
    {"kernel-write", [] { asm volatile("movl $1, 0xC0100000"); }},
    {"privileged", [] { asm volatile("hlt"); }},
    {"hypercall", [] { asm volatile("int $0x1f"); }},
    {"int-0x20", [] { asm volatile("int $0x20"); }},
    {"wild-jump", [] {
         asm volatile("mov $0xDEADBEEF, %%eax\n\tjmp *%%eax" : : : "eax");
     }},
};

#line 6236 "chapters/E-guest-kernel.nw"
int main(int, char**) {
    
#line 6209 "chapters/E-guest-kernel.nw"
const int32_t good = fork();
if (good == 0) {
    for (uint32_t line = 0; line < 5; ++line) {
        busy_wait(kBusyIterations);
        OutputLine().text("rogues: good ").decimal(line).text("\n").print();
    }
    return 0;
}
if (good < 0) {
    print("rogues: fork failed\n");
    return 1;
}
#line 6238 "chapters/E-guest-kernel.nw"
    for (const Rogue& rogue : kRogues) {
        
#line 6188 "chapters/E-guest-kernel.nw"
const int32_t child = fork();
if (child == 0) {
    rogue.commit();
    exit_group(kSurvived);
}
int32_t status = 0;
if (child < 0 || waitpid(child, &status, 0) != child) {
    OutputLine().text("rogues: cannot run ").text(rogue.name).text("\n")
        .print();
    return 1;
}
OutputLine().text("rogues: ").text(rogue.name).text(" ended, status ")
    .hex(status, 4).text("\n").print();
#line 6240 "chapters/E-guest-kernel.nw"
    }
    int32_t status = 0;
    waitpid(good, &status, 0);
    OutputLine().text("rogues: good process finished, status ")
        .hex(status, 4).text("\n").print();
    return 0;
}
