// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 7675 "chapters/E-guest-kernel.nw"
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include "harness.hpp"

using namespace lhv::test;

namespace {
#line 7805 "chapters/E-guest-kernel.nw"
std::string read_back(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in),
            std::istreambuf_iterator<char>()};
}

Outcome run_with_input(const std::string& input,
                       const std::vector<std::string>& arguments) {
    const MemoryFile script(input);
    std::vector<std::string> words = {
        "-c", "exec \"$0\" \"$@\" < " + script.path(),
        path_from_environment("LHV")};
    words.insert(words.end(), arguments.begin(), arguments.end());
    return Lhv("/bin/sh", words).finish();
}
#line 7858 "chapters/E-guest-kernel.nw"
std::string ustar_disk(const std::string& name, const std::string& data) {
    std::string header(512, '\0');
    header.replace(0, name.size(), name);
    header.replace(100, 7, "0000644");
    char field[12];
    std::snprintf(field, sizeof field, "%011o",
                  static_cast<unsigned>(data.size()));
    header.replace(124, 11, field);
    header[156] = '0';
    header.replace(257, 8, std::string("ustar\0" "00", 8));
    header.replace(148, 8, "        ");
    unsigned sum = 0;
    for (const char byte : header)
        sum += static_cast<unsigned char>(byte);
    std::snprintf(field, sizeof field, "%06o", sum);
    header.replace(148, 7, std::string(field, 7));
    std::string disk = header + data;
    disk.resize((disk.size() + 511) / 512 * 512 + 1024, '\0');
    return disk;
}

#line 7687 "chapters/E-guest-kernel.nw"
std::string sha256sum(const std::string& path) {
    std::string out;
    if (FILE* pipe = popen(("sha256sum " + path).c_str(), "r")) {
        char chunk[256];
        while (std::fgets(chunk, sizeof chunk, pipe))
            out += chunk;
        pclose(pipe);
    }
    return out.substr(0, 64);
}
}

TEST_CASE("the shell runs its commands in the Guest", "[shell]") {
    const std::string guest = path_from_environment("LHV_GUEST");
    const std::string hello =
        (fs::path(guest).parent_path().parent_path() / "user" / "bin" /
         "hello").string();
    const Outcome run = run_lhv({guest, "init=sh", "--", "-c",
                                 "help;ls", "/bin;cat", "/nosuch;sha256",
                                 "/bin/hello;ps;stats;hello;nosuch"});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains("  ls [DIR]: the names in a directory\n"));
    CHECK_THAT(run.out, Contains("\nsh\n"));
    CHECK_THAT(run.out, Contains("\nhello\n"));
    CHECK_THAT(run.out, Contains(
        "cat: /nosuch: no such file or directory\n"));
    CHECK_THAT(run.out, Contains(sha256sum(hello) + "  /bin/hello\n"));
    CHECK_THAT(run.out, Contains("    1     0 running  sh\n"));
    CHECK_THAT(run.out, Contains("\nsystem-calls "));
    CHECK_THAT(run.out, Contains("\nworld-switch hypercall "));
    CHECK_THAT(run.out, Contains("hello from ring 3: pid 2\n"));
    CHECK_THAT(run.out, Contains(
        "sh: nosuch: no such file or directory\n"
        "sh: nosuch ended, status 0x7f00\n"));
    CHECK_THAT(run.out, Catch::EndsWith("init exited with status 0\n"));
    CHECK(run.exit_code == 0);
}
#line 7741 "chapters/E-guest-kernel.nw"
TEST_CASE("stats shows the Host's world switches, and they add up",
          "[shell][switch-counts]") {
    const Outcome run = run_lhv({path_from_environment("LHV_GUEST"),
                                 "init=sh", "--", "-c", "stats;stats"});
    INFO(describe(run));
    REQUIRE(run.exit_code == 0);
    auto readings = [&](const std::string& key) {
        std::vector<unsigned long> values(2, 0);
        std::size_t reading = 0;
        for (const std::string& line : lines_of(run.out)) {
            if (line.rfind(key + " ", 0) == 0 && reading < 2)
                values[reading] = std::stoul(line.substr(key.size() + 1));
            if (line.rfind("system-calls ", 0) == 0)
                ++reading;
        }
        CHECK(reading == 2);
        return values;
    };
    const auto calls = readings("world-switch hypercall");
    const auto total = readings("world-switches");
    const auto fills = readings("shadow-fills");
    const auto faults = readings("world-switch trap-14");
    const auto taken = readings("trap 14");
    CHECK(calls[0] > 0);
    CHECK(calls[1] > calls[0]);
    CHECK(fills[0] > 0);
    for (int r = 0; r < 2; ++r) {
        INFO("reading " << r);
        CHECK(taken[r] <= faults[r]);
        CHECK(faults[r] <= taken[r] + fills[r]);
        CHECK(calls[r] <= total[r]);
    }
}
#line 7782 "chapters/E-guest-kernel.nw"
TEST_CASE("the shell halts the Guest at the end of its input",
          "[shell]") {
    const Outcome run = run_lhv({path_from_environment("LHV_GUEST"),
                                 "init=sh"});
    INFO(describe(run));
    CHECK_THAT(run.out, Catch::EndsWith(
        "lhv$ \n" + kGuestBanner + "init exited with status 0\n"));
    CHECK(run.exit_code == 0);
}
#line 7829 "chapters/E-guest-kernel.nw"
TEST_CASE("a console round trip through a pipe, with the book's disk",
          "[shell]") {
    const std::string guest = path_from_environment("LHV_GUEST");
    const std::string disk =
        (fs::path(guest).parent_path().parent_path() / "disk.tar")
            .string();
    const Outcome run = run_with_input(
        "help\nls\ncat /nosuch\ncat /chapters/B-build.nw\nhalt\nls\n",
        {"--block", disk + ",ro", guest, "init=sh"});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains("Little Hypervisor Guest: disk: "));
    CHECK_THAT(run.out, Contains("lhv$   help: this list\n"));
    CHECK_THAT(run.out, Contains("lhv$ bin/\nchapters/\ndev/\nproc/\n"));
    CHECK_THAT(run.out, Contains(
        "lhv$ cat: /nosuch: no such file or directory\n"));
    CHECK_THAT(run.out, Contains("\\chapter{How This Book Is Built}"));
    CHECK_THAT(run.out, Catch::EndsWith(
        "lhv$ " + kGuestBanner + "init exited with status 0\n"));
    CHECK(run.exit_code == 0);
}
#line 7883 "chapters/E-guest-kernel.nw"
TEST_CASE("sha256 of a large file on the disk agrees with sha256sum",
          "[shell]") {
    std::string data;
    std::uint32_t x = 2026;
    while (data.size() < 3 * 1024 * 1024 + 1001) {
        x = x * 1103515245 + 12345;
        data.push_back(static_cast<char>(x >> 24));
    }
    const MemoryFile disk(ustar_disk("big", data));
    const MemoryFile same(data);
    const Outcome run = run_lhv({"--block", disk.path() + ",ro",
                                 path_from_environment("LHV_GUEST"),
                                 "init=sh", "--", "-c", "sha256", "/big"});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains(sha256sum(same.path()) + "  /big\n"));
    CHECK(run.exit_code == 0);
}
#line 7908 "chapters/E-guest-kernel.nw"
TEST_CASE("a flushed write is in the image when the Guest dies",
          "[shell]") {
    const MemoryFile disk(std::string(16 * 512, 'x'));
    Lhv lhv({"--block", disk.path(), path_from_environment("LHV_GUEST"),
             "init=blkwrite", "7", "durable"});
    const bool written = lhv.wait_until([&] {
        return lhv.out().find("written and flushed") != std::string::npos;
    }, 30s);
    lhv.signal(SIGKILL);
    const Outcome run = lhv.finish();
    INFO(describe(run));
    REQUIRE(written);
    std::string expected(16 * 512, 'x');
    expected.replace(7 * 512, 512, std::string(512, '\0'));
    expected.replace(7 * 512, 7, "durable");
    CHECK(read_back(disk.path()) == expected);
}
#line 7939 "chapters/E-guest-kernel.nw"
TEST_CASE("the file calls refuse a hostile program and carry on",
          "[shell]") {
    const Outcome run = run_lhv({path_from_environment("LHV_GUEST"),
                                 "init=files"});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains(
        "files: open null -> -14\n"
        "files: open kernel -> -14\n"
        "files: open write -> -30\n"
        "files: open create -> -30\n"
        "files: open file as directory -> -20\n"
        "files: open missing -> -2\n"
        "files: read directory -> -21\n"
        "files: list into 10 bytes -> -22\n"
        "files: seek directory -> -22\n"
        "files: list file -> -20\n"
        "files: read into kernel -> -14\n"
        "files: read into null -> -14\n"
        "files: seek before start -> -22\n"
        "files: seek whence 3 -> -22\n"
        "files: write file -> -9\n"
        "files: seek console -> -29\n"
        "files: close never opened -> -9\n"
        "files: read closed -> -9\n"
        "files: seventeenth open -> -24\n"
        "files: open after closing -> 3\n"
        "files: read ELF magic -> 4\n"
        "files: magic ELF\n"));
    CHECK(run.exit_code == 0);
}
