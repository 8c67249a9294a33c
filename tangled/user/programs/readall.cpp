// generated from chapters/07-mastery.nw -- edit the chapter, not this file
#line 1223 "chapters/07-mastery.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

static char buffer[65536];

int main(int argc, char** argv) {
    if (argc != 2) {
        print("usage: readall FILE\n");
        return 2;
    }
    int32_t fd = open(argv[1], 0);
    if (fd < 0) {
        print("readall: cannot open the file\n");
        return 1;
    }
    uint32_t start = times(), total = 0;
    for (;;) {
        int32_t n = read(fd, buffer, sizeof buffer);
        if (n < 0) {
            print("readall: a read failed\n");
            return 1;
        }
        if (n == 0)
            break;
        total += uint32_t(n);
    }
    uint32_t took = times() - start;
    OutputLine().text("readall: ").decimal(total).text(" bytes in ")
        .decimal(took).text(" ticks\n").print();
    return 0;
}
