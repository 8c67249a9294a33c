// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 7338 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

namespace {
uint8_t block[512];

int failed(const char* what, int32_t error) {
    OutputLine().text("blkwrite: ").text(what).text(" failed: error ")
        .decimal(uint32_t(-error)).text("\n").print();
    return 1;
}
} // namespace

int main(int argc, char** argv) {
    uint32_t sector;
    if ((argc != 3 && argc != 4) || !parse_decimal(argv[1], sector) ||
        sector >= 1u << 22) {
        print("blkwrite: usage: blkwrite SECTOR TEXT [FILE]\n");
        return 2;
    }
    const uint32_t length = length_of(argv[2]);
    for (uint32_t i = 0; i < length && i < sizeof block; ++i)
        block[i] = uint8_t(argv[2][i]);
    const int32_t fd = open(argc == 4 ? argv[3] : "/dev/vda", O_RDWR);
    if (fd < 0)
        return failed("open", fd);
    const int32_t at = lseek(fd, int32_t(sector * 512), SEEK_SET);
    if (at != int32_t(sector * 512))
        return failed("lseek", at < 0 ? at : -22);
    const int32_t wrote = write(fd, block, sizeof block);
    if (wrote != int32_t(sizeof block))
        return failed("write", wrote < 0 ? wrote : -5);
    if (const int32_t error = fsync(fd))
        return failed("fsync", error);
    close(fd);
    OutputLine().text("blkwrite: sector ").decimal(sector)
        .text(" written and flushed\n").print();
    return 0;
}

