// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 6263 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

int main(int argc, char** argv) {
    if (argc < 2) {
        print("spawn: usage: spawn PROGRAM [ARGUMENTS]\n");
        return 2;
    }
    char path[64] = "/bin/";
    uint32_t at = length_of(path);
    for (const char* c = argv[1]; *c && at + 1 < sizeof path; ++c)
        path[at++] = *c;
    path[at] = '\0';
    const int32_t child = fork();
    if (child == 0) {
        const int32_t error = execve(path, argv + 1, nullptr);
        OutputLine().text("spawn: execve ").text(path)
            .text(" failed: ").decimal(uint32_t(-error)).text("\n")
            .print();
        exit(127);
    }
    int32_t status = 0;
    if (child < 0 || wait4(child, &status, 0, nullptr) != child) {
        print("spawn: fork or wait4 failed\n");
        return 1;
    }
    OutputLine().text("spawn: ").text(argv[1]).text(" ended, status ")
        .hex(status, 4).text("\n").print();
    return 0;
}
