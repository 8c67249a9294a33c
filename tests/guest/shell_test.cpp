// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 7633 "chapters/E-guest-kernel.nw"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <vector>
#include <fcntl.h>
#include <unistd.h>
#include "../support.hpp"
#include "user/sha256.hpp"
#include "user_programs.hpp"

using namespace lhv::test;
using Catch::Matchers::Contains;

namespace {
#line 6511 "chapters/E-guest-kernel.nw"
std::optional<Ran> run_on_linux(const std::vector<std::string>& argv) {
    std::vector<std::string> command = argv;
    command[0] = user_program(argv[0]);
    Ran ran = run_program(command);
    if (ran.error == ENOEXEC) {
        WARN("this Linux cannot run 32-bit programs (no ia32 "
             "emulation): nothing to test");
        return std::nullopt;
    }
    REQUIRE(ran.error == 0);
    return ran;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::vector<std::string> starting_with(
        const std::vector<std::string>& lines, const std::string& prefix) {
    std::vector<std::string> found;
    for (const std::string& line : lines)
        if (line.starts_with(prefix))
            found.push_back(line);
    return found;
}
#line 7466 "chapters/E-guest-kernel.nw"
std::string hex_digest(lhv::user::Sha256& hash) {
    std::uint8_t digest[32];
    hash.finish(digest);
    std::string text;
    for (std::uint8_t byte : digest) {
        char two[3];
        std::snprintf(two, sizeof two, "%02x", byte);
        text += two;
    }
    return text;
}

std::string sha256_of(const std::string& message) {
    lhv::user::Sha256 hash;
    hash.add(reinterpret_cast<const std::uint8_t*>(message.data()),
             static_cast<std::uint32_t>(message.size()));
    return hex_digest(hash);
}

TEST_CASE("sha256: FIPS 180-4's vectors", "[guest][sha256]") {
    CHECK(sha256_of("") == "e3b0c44298fc1c149afbf4c8996fb924"
                           "27ae41e4649b934ca495991b7852b855");
    CHECK(sha256_of("abc") == "ba7816bf8f01cfea414140de5dae2223"
                              "b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomn"
                    "opnopq") ==
          "248d6a61d20638b8e5c026930c3e6039"
          "a33ce45964ff2167f6ecedd419db06c1");
    const std::string million(1000000, 'a');
    const std::string expected = "cdc76e5c9914fb9281a1c7e284d73e67"
                                 "f1809a48a497200e046d39ccc7112cd0";
    CHECK(sha256_of(million) == expected);
    lhv::user::Sha256 pieces;
    for (std::size_t at = 0, step = 1; at < million.size();
         at += step, step = step * 7 % 997 + 1) {
        const std::size_t n = std::min(step, million.size() - at);
        pieces.add(reinterpret_cast<const std::uint8_t*>(million.data()) +
                   at, static_cast<std::uint32_t>(n));
    }
    CHECK(hex_digest(pieces) == expected);
}
#line 7657 "chapters/E-guest-kernel.nw"
} // namespace

#line 7517 "chapters/E-guest-kernel.nw"
std::string read_back(const MemoryFile& file) {
    std::ifstream in(file.path(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in),
            std::istreambuf_iterator<char>()};
}

TEST_CASE("sha256: the shell agrees with sha256sum", "[user][sha256]") {
    std::string data;
    std::uint32_t x = 12345;
    while (data.size() < 3 * 1024 * 1024 + 777) {
        x = x * 1103515245 + 12345;
        data.push_back(static_cast<char>(x >> 24));
    }
    const MemoryFile file(data);
    const auto ran = run_on_linux({"sh", "-c", "sha256", file.path()});
    const Ran sum = run_program({"sha256sum", file.path()});
    if (!ran)
        return;
    REQUIRE(sum.status == 0);
    CHECK(ran->out == sum.out);
    CHECK(ran->status == 0);
}
#line 7547 "chapters/E-guest-kernel.nw"
std::optional<Ran> run_with_input(const std::vector<std::string>& argv,
                                  const std::string& input) {
    const MemoryFile script(input);
    const int fd = ::open(script.path().c_str(), O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    std::vector<std::string> command = argv;
    command[0] = user_program(argv[0]);
    const Ran ran = run_program(command, {{fd, 0}});
    ::close(fd);
    if (ran.error == ENOEXEC) {
        WARN("this Linux cannot run 32-bit programs: nothing to test");
        return std::nullopt;
    }
    REQUIRE(ran.error == 0);
    return ran;
}
#line 7573 "chapters/E-guest-kernel.nw"
TEST_CASE("sh: a script on standard input, on Linux", "[user]") {
    const std::string programs = user_programs().string();
    const MemoryFile file("a file\n");
    const auto ran = run_with_input(
        {"sh"}, "help\nls " + programs + "\ncat " + programs +
                    "/nosuch " + file.path() + "\nhalt\ncat " +
                    file.path() + "\n");
    const auto ended = run_with_input({"sh"}, "cat " + file.path());
    if (!ran || !ended)
        return;
    CHECK_THAT(ran->out,
               Contains("  sha256 FILE...: each file's SHA-256\n"));
    // help's nine lines, the first after the prompt
    CHECK(starting_with(split_lines(ran->out), "  ").size() == 8);
    CHECK_THAT(ran->out, Contains("lhv$ cat: " + programs +
                                  "/nosuch: no such file or directory\n"
                                  "a file\n"));
    std::vector<std::string> built, listed;
    for (const auto& entry :
         std::filesystem::directory_iterator(user_programs()))
        built.push_back(entry.path().filename().string());
    for (std::string line : split_lines(ran->out)) {
        if (line.starts_with("lhv$ "))
            line = line.substr(5);
        if (std::find(built.begin(), built.end(), line) != built.end())
            listed.push_back(line);
    }
    std::sort(built.begin(), built.end());
    std::sort(listed.begin(), listed.end());
    CHECK(listed == built);
    CHECK(ran->out.find("a file\n") == ran->out.rfind("a file\n"));
    CHECK(ran->status == 0);
    CHECK(ended->out == "lhv$ a file\nlhv$ \n");
    CHECK(ended->status == 0);
}
#line 7614 "chapters/E-guest-kernel.nw"
TEST_CASE("blkwrite writes one sector, on Linux", "[user]") {
    const MemoryFile disk(std::string(8 * 512, 'x'));
    const auto ran = run_on_linux({"blkwrite", "3", "durable",
                                   disk.path()});
    if (!ran)
        return;
    CHECK(ran->out == "blkwrite: sector 3 written and flushed\n");
    CHECK(ran->status == 0);
    std::string expected(8 * 512, 'x');
    expected.replace(3 * 512, 512, std::string(512, '\0'));
    expected.replace(3 * 512, 7, "durable");
    CHECK(read_back(disk) == expected);
}
