// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 1343 "chapters/E-guest-kernel.nw"
#include <catch2/catch.hpp>
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>
#include <sys/mman.h>
#include "guest/ustar.hpp"
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

#line 1363 "chapters/E-guest-kernel.nw"
} // namespace

#line 1084 "chapters/E-guest-kernel.nw"
TEST_CASE("ustar: a good archive lists its files", "[guest][ustar]") {
    Archive archive;
    archive.add("bin/hello", 1300);
    archive.add(header("bin/", 0, '5'), "");
    archive.add("bin/empty", 0);
    archive.add(header("bin/link", 0, '2'), "");
    archive.add("etc/one", 1);
    archive.add("etc/block", 512);
    archive.end();
    CHECK(archive.names() == std::vector<std::string>{
              "bin/hello", "bin/empty", "etc/one", "etc/block"});
    CHECK(archive.problem() == "");
    for (const char* name : {"bin/hello", "bin/empty", "etc/block"}) {
        UstarFile file{};
        REQUIRE(ustar_find(archive.bytes.data(), archive.size(), name,
                           file));
        const std::string data(reinterpret_cast<const char*>(file.data),
                               file.size);
        CHECK(data == Archive::contents(name, data.size()));
    }
    UstarFile file{};
    CHECK_FALSE(ustar_find(archive.bytes.data(), archive.size(), "bin",
                           file));
    CHECK_FALSE(ustar_find(archive.bytes.data(), archive.size(),
                           "bin/link", file));
}
#line 1117 "chapters/E-guest-kernel.nw"
TEST_CASE("ustar: where an archive ends", "[guest][ustar]") {
    Archive archive;
    archive.add("first", 10);
    SECTION("at two zero blocks, even with more after them") {
        archive.end();
        archive.add("hidden", 10);
        CHECK(archive.names() == std::vector<std::string>{"first"});
        CHECK(archive.problem() == "");
    }
    SECTION("at its last byte, without zero blocks") {
        CHECK(archive.names() == std::vector<std::string>{"first"});
        CHECK(archive.problem() == "");
    }
    SECTION("at its last byte, without the last padding") {
        archive.bytes.resize(512 + 10);
        CHECK(archive.names() == std::vector<std::string>{"first"});
        CHECK(archive.problem() == "");
    }
    SECTION("inside a header: damaged") {
        archive.append(header("second", 0));
        archive.bytes.resize(archive.bytes.size() - 1);
        CHECK(archive.names() == std::vector<std::string>{"first"});
        CHECK(archive.problem() == "the archive ends inside a header");
    }
    SECTION("an empty archive is no archive, and no problem") {
        CHECK(Archive().names().empty());
        CHECK(Archive().problem() == "");
    }
}
#line 1156 "chapters/E-guest-kernel.nw"
TEST_CASE("ustar: a damaged header stops the walk", "[guest][ustar]") {
    Archive archive;
    archive.add("good", 100);
    Block bad = header("bad", 600);
    std::string reason;
    SECTION("a wrong checksum") {
        bad[ustar::kChecksumAt + 5] ^= 1;
        reason = "a header's checksum does not match";
    }
    SECTION("a byte changed after the checksum was made") {
        bad[ustar::kNameAt] = 'B';
        reason = "a header's checksum does not match";
    }
    SECTION("GNU's magic instead of POSIX's") {
        put(bad, ustar::kMagicAt, std::string("ustar  \0", 8));
        seal(bad);
        reason = "a header is not POSIX ustar";
    }
    SECTION("a size that overflows 32 bits") {
        put(bad, ustar::kSizeAt, "77777777777");
        seal(bad);
        reason = "a size is not an octal number below 4 GiB";
    }
    SECTION("a size that is not octal") {
        put(bad, ustar::kSizeAt, "00000001238");
        seal(bad);
        reason = "a size is not an octal number below 4 GiB";
    }
    SECTION("a size with no terminator") {
        put(bad, ustar::kSizeAt, "000000000012");
        seal(bad);
        reason = "a size is not an octal number below 4 GiB";
    }
    SECTION("a size of 4 GiB less one byte") {
        put(bad, ustar::kSizeAt, "37777777777");
        seal(bad);
        reason = "a member's data runs past the end of the archive";
    }
    SECTION("a size just past the end of a truncated archive") {
        archive.add(bad, Archive::contents("bad", 600));
        archive.bytes.resize(archive.bytes.size() - 1024 + 599);
        CHECK(archive.names() == std::vector<std::string>{"good"});
        CHECK(archive.problem() ==
              "a member's data runs past the end of the archive");
        return;
    }
    archive.add(bad, Archive::contents("bad", 600));
    archive.add("after", 10);
    archive.end();
    CHECK(archive.names() == std::vector<std::string>{"good"});
    CHECK(archive.problem() == reason);
}
#line 1219 "chapters/E-guest-kernel.nw"
TEST_CASE("ustar: names that are refused are passed over",
          "[guest][ustar]") {
    Archive archive;
    const std::string hundred(100, 'n');
    archive.add(header(hundred, 10), "0123456789");
    Block prefixed = header("x", 10);
    put(prefixed, ustar::kPrefixAt, "some/dir");
    seal(prefixed);
    archive.add(prefixed, "0123456789");
    archive.add(header("", 10), "0123456789");
    archive.append(header("hard", 5000, '1'));  // no data blocks
    archive.add("kept", 10);
    archive.end();
    CHECK(archive.names() == std::vector<std::string>{"kept"});
    CHECK(archive.problem() == "");
    UstarFile file{};
    CHECK_FALSE(ustar_find(archive.bytes.data(), archive.size(), "x",
                           file));
    CHECK_FALSE(ustar_find(archive.bytes.data(), archive.size(),
                           hundred.c_str(), file));
}
#line 1253 "chapters/E-guest-kernel.nw"
TEST_CASE("ustar: an archive made by GNU tar", "[guest][ustar]") {
    const std::vector<std::pair<std::string, std::string>> files = {
        {"bin/hello", std::string(1300, 'h')},
        {"bin/empty", ""},
        {"notes.txt", std::string(512, 'n')},
    };
    std::vector<int> memory_files;
    std::vector<std::pair<int, int>> give;
    std::vector<std::string> tar = {
        "tar", "--format=ustar", "--owner=0", "--group=0",
        "--numeric-owner", "--mtime=@0", "-h", "-C", "/proc/self/fd"};
    for (std::size_t i = 0; i < files.size(); ++i) {
        const int fd = memfd_create("lhv-test", MFD_CLOEXEC);
        REQUIRE(fd >= 0);
        const std::string& data = files[i].second;
        REQUIRE(write(fd, data.data(), data.size()) ==
                static_cast<ssize_t>(data.size()));
        memory_files.push_back(fd);
        const int number = 10 + static_cast<int>(i);
        give.push_back({fd, number});
        tar.push_back("--transform=s|^" + std::to_string(number) + "$|" +
                      files[i].first + "|");
    }
    tar.insert(tar.end(), {"-cf", "-", "10", "11", "12"});
    const Ran ran = run_program(tar, give);
    for (int fd : memory_files)
        close(fd);
    REQUIRE(ran.error == 0);
    REQUIRE(ran.status == 0);
    const auto* archive =
        reinterpret_cast<const std::uint8_t*>(ran.out.data());
    const auto size = static_cast<std::uint32_t>(ran.out.size());
    
#line 1294 "chapters/E-guest-kernel.nw"
CHECK(size % 10240 == 0);
UstarReader reader(archive, size);
UstarEntry entry;
for (const auto& [name, data] : files) {
    REQUIRE(reader.next(entry));
    CHECK(std::string(entry.name) == name);
    CHECK(std::string(reinterpret_cast<const char*>(entry.file.data),
                      entry.file.size) == data);
}
CHECK_FALSE(reader.next(entry));
CHECK(reader.problem() == nullptr);
#line 1286 "chapters/E-guest-kernel.nw"
}
#line 1315 "chapters/E-guest-kernel.nw"
TEST_CASE("ustar: the Guest's archive holds every program",
          "[guest][ustar]") {
    const auto tar = read_file(user_programs().parent_path().parent_path() /
                               "guest" / "programs.tar");
    std::vector<std::string> in_archive;
    UstarReader reader(tar.data(), static_cast<std::uint32_t>(tar.size()));
    UstarEntry entry;
    while (reader.next(entry)) {
        in_archive.push_back(entry.name);
        const auto program = read_file(user_programs().parent_path() /
                                       entry.name);
        CHECK(std::vector<std::uint8_t>(
                  entry.file.data, entry.file.data + entry.file.size) ==
              program);
    }
    CHECK(reader.problem() == nullptr);
    std::vector<std::string> built;
    for (const auto& file :
         std::filesystem::directory_iterator(user_programs()))
        built.push_back("bin/" + file.path().filename().string());
    std::sort(built.begin(), built.end());
    CHECK(in_archive == built);
}
