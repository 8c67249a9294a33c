// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 6383 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

namespace {
#line 6416 "chapters/E-guest-kernel.nw"
int print_lines() {
    char line[128];
    uint32_t count = 0;
    int32_t n;
    while ((n = read(0, line, sizeof line - 1)) > 0) {
        bool newline = line[n - 1] == '\n';
        line[newline ? n - 1 : n] = '\0';
        OutputLine().text("io: line ").decimal(++count).text(": ")
            .text(line).text(newline ? "\n" : " (no newline)\n").print();
    }
    OutputLine().text(n == 0 ? "io: end of input after "
                             : "io: read failed after ")
        .decimal(count).text(" lines\n").print();
    return n == 0 ? 0 : 1;
}
#line 6436 "chapters/E-guest-kernel.nw"
int print_random() {
    for (int round = 0; round < 2; ++round) {
        uint8_t bytes[16];
        int32_t n = getrandom(bytes, sizeof bytes, 0);
        OutputLine line;
        line.text("io: random");
        if (n != int32_t(sizeof bytes)) {
            line.text(" failed: ").decimal(uint32_t(-n)).text("\n").print();
            return 1;
        }
        for (uint8_t byte : bytes)
            line.text(" ").hex(byte, 2);
        line.text("\n").print();
    }
    return 0;
}
#line 6458 "chapters/E-guest-kernel.nw"
int tick_while_waiting() {
    int32_t child = fork();
    if (child == 0) {
        for (uint32_t i = 0; i < 10; ++i) {
            timespec pause = {0, 20'000'000};
            nanosleep(&pause, nullptr);
            OutputLine().text("io: tick ").decimal(i).text("\n")
                .print();
        }
        exit(0);
    }
    print("io: waiting for a line\n");
    char line[64];
    int32_t n = read(0, line, sizeof line - 1);
    line[n > 0 ? n : 0] = '\0';
    OutputLine().text("io: read ").text(line).print();
    int32_t status = 0;
    wait4(child, &status, 0, nullptr);
    print("io: done\n");
    return 0;
}
#line 6392 "chapters/E-guest-kernel.nw"
}

int main(int argc, char** argv) {
    const char* job = argc > 1 ? argv[1] : "";
    if (strings_equal(job, "lines"))
        return print_lines();
    if (strings_equal(job, "nul")) {
        static const char line[] = "io: a\0b\n";
        write(1, line, sizeof line - 1);
        return 0;
    }
    if (strings_equal(job, "random"))
        return print_random();
    if (strings_equal(job, "wait"))
        return tick_while_waiting();
    print("io: usage: io lines|nul|random|wait\n");
    return 2;
}
