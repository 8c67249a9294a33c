// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 4323 "chapters/E-guest-kernel.nw"
#include <catch2/catch.hpp>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>
#include <vector>
#include <sys/mman.h>
#include <unistd.h>
#include "guest/ustarfs.hpp"
#include "user_programs.hpp"

using namespace lhv::guest;
using namespace lhv::test;

namespace {

using Block = std::array<std::uint8_t, 512>;
#line 1002 "chapters/E-guest-kernel.nw"
void put(Block& block, std::size_t at, const std::string& text) {
    std::memcpy(block.data() + at, text.data(), text.size());
}

void seal(Block& header) {
    std::memset(header.data() + ustar::kChecksumAt, ' ', 8);
    unsigned sum = 0;
    for (std::uint8_t byte : header)
        sum += byte;
    char digits[8];
    std::snprintf(digits, sizeof digits, "%06o", sum);
    put(header, ustar::kChecksumAt, std::string(digits, 7));
}

Block header(const std::string& name, std::size_t size, char type = '0') {
    Block block{};
    put(block, ustar::kNameAt, name);
    put(block, 100, "0000644");  // mode
    char digits[13];
    std::snprintf(digits, sizeof digits, "%011zo", size);
    put(block, ustar::kSizeAt, digits);
    block[ustar::kTypeAt] = static_cast<std::uint8_t>(type);
    put(block, ustar::kMagicAt, std::string("ustar\0" "00", 8));
    seal(block);
    return block;
}

#line 1035 "chapters/E-guest-kernel.nw"
struct Archive {
    std::vector<std::uint8_t> bytes;

    void append(const Block& block) {
        bytes.insert(bytes.end(), block.begin(), block.end());
    }
    void add(const Block& head, const std::string& data) {
        append(head);
        bytes.insert(bytes.end(), data.begin(), data.end());
        bytes.resize((bytes.size() + 511) / 512 * 512, 0);
    }
    void add(const std::string& name, std::size_t size) {
        add(header(name, size), contents(name, size));
    }
    void end() {
        bytes.resize(bytes.size() + 1024, 0);
    }
    static std::string contents(const std::string& name, std::size_t n) {
        std::string data;
        while (data.size() < n)
            data += name;
        return data.substr(0, n);
    }
    std::vector<std::string> names() const {
        UstarReader reader(bytes.data(), size());
        std::vector<std::string> found;
        UstarEntry entry;
        while (reader.next(entry))
            found.push_back(entry.name);
        return found;
    }
    std::string problem() const {
        UstarReader reader(bytes.data(), size());
        UstarEntry entry;
        while (reader.next(entry)) {}
        return reader.problem() ? reader.problem() : "";
    }
    std::uint32_t size() const {
        return static_cast<std::uint32_t>(bytes.size());
    }
};
#line 4044 "chapters/E-guest-kernel.nw"
struct MemoryDisk {
    std::vector<std::uint8_t> bytes;
    int reads = 0;
    bool strayed = false;  // a read outside the disk was asked for
    bool failing = false;  // every read fails, as a broken disk's would

    static std::int32_t read(void* context, std::uint64_t sector,
                             void* buffer, std::uint32_t n) {
        auto& disk = *static_cast<MemoryDisk*>(context);
        ++disk.reads;
        if (disk.failing)
            return -5;
        if (n % 512 != 0 || sector > disk.bytes.size() / 512 ||
            n > disk.bytes.size() - sector * 512) {
            disk.strayed = true;
            return -5;
        }
        std::memcpy(buffer, disk.bytes.data() + sector * 512, n);
        return 0;
    }
    SectorSource source() {
        return {bytes.size() / 512, read, this};
    }
};

std::string read_all(UstarFs& fs, const DiskNode& node,
                     std::uint32_t offset = 0, std::uint32_t n = 1 << 20) {
    std::vector<std::uint8_t> out(n);
    std::uint8_t sector[512];
    const std::int32_t got = fs.read(node, offset, out.data(), n, sector);
    REQUIRE(got >= 0);
    return std::string(out.begin(), out.begin() + got);
}

#line 4345 "chapters/E-guest-kernel.nw"
} // namespace

#line 4086 "chapters/E-guest-kernel.nw"
TEST_CASE("ustarfs: a good disk mounts, and its files read back",
          "[guest][ustarfs]") {
    Archive archive;
    archive.add(header("bin/", 0, '5'), "");
    archive.add("bin/hello", 1300);
    archive.add("etc/one", 1);
    archive.add("etc/empty", 0);
    archive.end();
    MemoryDisk disk{archive.bytes};
    UstarFs fs;
    std::uint8_t sector[512];
    REQUIRE(fs.mount(disk.source(), sector) == 3);
    CHECK(fs.problem() == nullptr);
    DiskNode node{};
    for (const char* path : {"/bin/hello", "bin/hello", "//bin/hello"}) {
        REQUIRE(fs.lookup(path, node, sector) == 0);
        CHECK(node.size == 1300);
        CHECK_FALSE(node.directory);
    }
    const std::string all = Archive::contents("bin/hello", 1300);
    CHECK(read_all(fs, node) == all);
    CHECK(read_all(fs, node, 512, 512) == all.substr(512, 512));
    CHECK(read_all(fs, node, 100, 1000) == all.substr(100, 1000));
    CHECK(read_all(fs, node, 1299) == all.substr(1299));
    CHECK(read_all(fs, node, 1300).empty());
    CHECK(read_all(fs, node, 0xFFFFFFFF).empty());
    REQUIRE(fs.lookup("/bin/", node, sector) == 0);
    CHECK(node.directory);
    REQUIRE(fs.lookup("/", node, sector) == 0);
    CHECK(node.directory);
    REQUIRE(fs.lookup("/etc", node, sector) == 0);  // no member etc/
    CHECK(node.directory);
    CHECK(fs.lookup("/et", node, sector) == -2);
    REQUIRE(fs.lookup("/etc/one", node, sector) == 0);
    CHECK(read_all(fs, node) == "e");
    CHECK(fs.lookup("/etc/two", node, sector) == -2);
    CHECK(fs.lookup("/bin/./hello", node, sector) == -2);
    CHECK(fs.lookup(("/" + std::string(200, 'x')).c_str(), node,
                    sector) == -2);
    CHECK_FALSE(disk.strayed);
}
#line 4134 "chapters/E-guest-kernel.nw"
TEST_CASE("ustarfs: a name found once is found again without a read",
          "[guest][ustarfs]") {
    Archive archive;
    archive.add("a", 10);
    archive.add("b", 600);
    archive.add("c", 0);
    archive.add("etc/one", 1);
    archive.end();
    MemoryDisk disk{archive.bytes};
    UstarFs fs;
    std::uint8_t sector[512];
    REQUIRE(fs.mount(disk.source(), sector) == 4);
    DiskNode node{};
    disk.reads = 0;
    REQUIRE(fs.lookup("/etc/one", node, sector) == 0);
    CHECK(disk.reads == 4);
    disk.reads = 0;
    REQUIRE(fs.lookup("/etc/one", node, sector) == 0);
    CHECK(disk.reads == 0);
    fs.forget();
    REQUIRE(fs.lookup("/etc/one", node, sector) == 0);
    CHECK(disk.reads == 4);
}
#line 4167 "chapters/E-guest-kernel.nw"
TEST_CASE("ustarfs: damage ends the archive where it is",
          "[guest][ustarfs]") {
    std::uint8_t sector[512];
    {
        Archive archive;
        Block bad = header("first", 3);
        bad[0] = 'F';  // the checksum no longer matches
        archive.add(bad, "abc");
        archive.end();
        MemoryDisk disk{archive.bytes};
        UstarFs fs;
        CHECK(fs.mount(disk.source(), sector) == -5);
        CHECK_FALSE(fs.mounted());
    }
    for (int damage = 0; damage < 3; ++damage) {
        Archive archive;
        archive.add("good", 100);
        Block bad = header("bad", 10);
        if (damage == 0)
            bad[ustar::kChecksumAt] = '9';
        if (damage == 1) {
            put(bad, ustar::kSizeAt, "77777777777");
            seal(bad);
        }
        if (damage == 2) {
            put(bad, ustar::kSizeAt, "00000100000");  // 32 KiB
            seal(bad);
        }
        archive.add(bad, "0123456789");
        archive.add("after", 5);
        archive.end();
        MemoryDisk disk{archive.bytes};
        UstarFs fs;
        INFO("damage " << damage);
        CHECK(fs.mount(disk.source(), sector) == 1);
        CHECK(fs.problem() != nullptr);
        DiskNode node{};
        CHECK(fs.lookup("/good", node, sector) == 0);
        CHECK(fs.lookup("/after", node, sector) == -2);
        CHECK_FALSE(disk.strayed);
    }
}
#line 4218 "chapters/E-guest-kernel.nw"
TEST_CASE("ustarfs: cut disks, refused names, a failing disk",
          "[guest][ustarfs]") {
    std::uint8_t sector[512];
    Archive archive;
    archive.add("first", 10);
    archive.add(header(std::string(100, 'n'), 5), "12345");
    Block prefixed = header("x", 5);
    put(prefixed, ustar::kPrefixAt, "some/dir");
    seal(prefixed);
    archive.add(prefixed, "12345");
    archive.add(header("link", 0, '2'), "");
    archive.add("last", 2000);
    MemoryDisk disk{archive.bytes};
    disk.bytes.resize(disk.bytes.size() - 512);
    UstarFs fs;
    CHECK(fs.mount(disk.source(), sector) == 1);
    CHECK(fs.problem() != nullptr);
    DiskNode node{};
    CHECK(fs.lookup("/x", node, sector) == -2);
    CHECK(fs.lookup("/link", node, sector) == -2);
    CHECK(fs.lookup("/last", node, sector) == -2);
    CHECK_FALSE(disk.strayed);
    MemoryDisk broken{archive.bytes};
    broken.failing = true;
    CHECK(fs.mount(broken.source(), sector) == -5);
}
#line 4250 "chapters/E-guest-kernel.nw"
TEST_CASE("ustarfs: a walk lists files and directories",
          "[guest][ustarfs]") {
    Archive archive;
    archive.add(header("bin/", 0, '5'), "");
    archive.add("bin/sh", 700);
    archive.add(header("bin/link", 0, '2'), "");
    archive.add("README", 3);
    archive.end();
    MemoryDisk disk{archive.bytes};
    UstarFs fs;
    std::uint8_t sector[512];
    REQUIRE(fs.mount(disk.source(), sector) == 2);
    std::vector<std::string> names;
    std::uint64_t at = 0;
    DiskEntry entry;
    while (fs.step(at, entry, sector) > 0)
        names.push_back(std::string(entry.name) +
                        (entry.node.directory ? "/" : ""));
    CHECK(names == std::vector<std::string>{"bin/", "bin/sh", "README"});
}
#line 4282 "chapters/E-guest-kernel.nw"
TEST_CASE("ustarfs: a disk made by GNU tar reads back",
          "[guest][ustarfs]") {
    std::string big;
    for (int i = 0; big.size() < 5000; ++i)
        big += std::to_string(i) + ",";
    big.resize(4999);
    const std::string contents[2] = {big, "small\n"};
    std::vector<std::pair<int, int>> give;
    for (int i = 0; i < 2; ++i) {
        const int fd = memfd_create("lhv-test", MFD_CLOEXEC);
        REQUIRE(fd >= 0);
        REQUIRE(write(fd, contents[i].data(), contents[i].size()) ==
                static_cast<ssize_t>(contents[i].size()));
        give.push_back({fd, 10 + i});
    }
    const Ran ran = run_program(
        {"tar", "--format=ustar", "-h", "-C", "/proc/self/fd",
         "--transform=s|^10$|docs/big|", "--transform=s|^11$|small|",
         "-cf", "-", "10", "11"}, give);
    for (const auto& [fd, number] : give)
        close(fd);
    REQUIRE(ran.status == 0);
    MemoryDisk disk{std::vector<std::uint8_t>(ran.out.begin(),
                                              ran.out.end())};
    UstarFs fs;
    std::uint8_t sector[512];
    REQUIRE(fs.mount(disk.source(), sector) == 2);
    DiskNode node{};
    REQUIRE(fs.lookup("/docs/big", node, sector) == 0);
    CHECK(read_all(fs, node) == big);
    REQUIRE(fs.lookup("/small", node, sector) == 0);
    CHECK(read_all(fs, node) == "small\n");
    REQUIRE(fs.lookup("/docs", node, sector) == 0);
    CHECK(node.directory);
}
