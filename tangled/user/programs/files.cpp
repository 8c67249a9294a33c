// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 7397 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

namespace {
uint8_t buffer[64];

void show(const char* what, int32_t result) {
    OutputLine line;
    line.text("files: ").text(what).text(" -> ");
    if (result < 0)
        line.text("-").decimal(uint32_t(-result));
    else
        line.decimal(uint32_t(result));
    line.text("\n").print();
}

const char* kernel = reinterpret_cast<const char*>(0xC0000000);
} // namespace

int main(int, char**) {
    show("open null", open(nullptr, O_RDONLY));
    show("open kernel", open(kernel, O_RDONLY));
    show("open write", open("/bin/sh", 1));
    show("open create", open("/proc/nosuch", 1 | 0100));
    show("open file as directory",
         open("/bin/sh", O_RDONLY | O_DIRECTORY));
    show("open missing", open("/bin/nosuch", O_RDONLY));
    const int32_t directory = open("/bin", O_RDONLY);
    show("read directory", read(directory, buffer, sizeof buffer));
    show("list into 10 bytes", getdents64(directory, buffer, 10));
    show("seek directory", lseek(directory, 5, SEEK_SET));
    const int32_t file = open("/bin/sh", O_RDONLY);
    show("list file", getdents64(file, buffer, sizeof buffer));
    show("read into kernel", read(file, const_cast<char*>(kernel), 10));
    show("read into null", read(file, nullptr, 10));
    show("seek before start", lseek(file, -1, SEEK_SET));
    show("seek whence 3", lseek(file, 0, 3));
    show("write file", write(file, buffer, 1));
    show("seek console", lseek(1, 0, SEEK_SET));
    show("close never opened", close(99));
    close(file);
    show("read closed", read(file, buffer, 1));
    int32_t last = 0;
    for (int i = 0; i < 17 && last >= 0; ++i)
        last = open("/bin/sh", O_RDONLY);
    show("seventeenth open", last);
    for (int32_t fd = 3; fd < 20; ++fd)
        close(fd);
    const int32_t again = open("/bin/sh", O_RDONLY);
    show("open after closing", again);
    show("read ELF magic", read(again, buffer, 4));
    OutputLine().text("files: magic ").text(buffer[1] == 'E' &&
        buffer[2] == 'L' && buffer[3] == 'F' ? "ELF" : "wrong")
        .text("\n").print();
    return 0;
}


