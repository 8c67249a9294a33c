// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 10032 "chapters/03-drivers.nw"
#include <sys/stat.h>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include "harness.hpp"

using namespace lhv::test;

namespace {
#line 10058 "chapters/03-drivers.nw"
std::vector<std::string> guest_with(
        const std::vector<std::string>& words,
        const std::vector<std::string>& options = {}) {
    std::vector<std::string> arguments = options;
    arguments.push_back(path_from_environment("LHV_GUEST"));
    arguments.insert(arguments.end(), words.begin(), words.end());
    return arguments;
}

Outcome with_input(const std::string& feed,
                   const std::vector<std::string>& words) {
    std::vector<std::string> arguments = {
        "-c", feed + " | exec \"$0\" \"$@\"", path_from_environment("LHV")};
    for (const std::string& argument : guest_with(words))
        arguments.push_back(argument);
    return Lhv("/bin/sh", arguments).finish();
}

struct Scratch {
    fs::path directory;
    Scratch() {
        std::string pattern =
            (fs::temp_directory_path() / "lhv-drivers-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()));
        directory = pattern;
    }
    ~Scratch() { fs::remove_all(directory); }
};
#line 10044 "chapters/03-drivers.nw"
}

#line 10096 "chapters/03-drivers.nw"
TEST_CASE("the virtio console prints bytes, NULs and all",
          "[guest-drivers]") {
    const Outcome run = run_lhv(guest_with({"init=io", "nul"}));
    INFO(describe(run));
    CHECK_THAT(run.out, Contains(std::string("io: a\0b\n", 8)));
    CHECK(run.exit_code == 0);
}

TEST_CASE("console input through a pipe, line by line, to its end",
          "[guest-drivers]") {
    const Outcome run = with_input("printf 'one\\ntwo\\nthree'",
                                   {"init=io", "lines"});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains("io: line 1: one\n"));
    CHECK_THAT(run.out, Contains("io: line 2: two\n"));
    CHECK_THAT(run.out, Contains("io: line 3: three (no newline)\n"));
    CHECK_THAT(run.out, Contains("io: end of input after 3 lines\n"));
    CHECK_THAT(run.out, Contains("one\ntwo\n"));  // the echo
    CHECK(run.exit_code == 0);
}

TEST_CASE("a Guest whose standard input is empty reads its end at once",
          "[guest-drivers]") {
    const Outcome run = run_lhv(guest_with({"init=io", "lines"}));
    INFO(describe(run));
    CHECK_THAT(run.out, Contains("io: end of input after 0 lines\n"));
    CHECK(run.exit_code == 0);
}
#line 10131 "chapters/03-drivers.nw"
TEST_CASE("getrandom's bytes come from the entropy device",
          "[guest-drivers]") {
    const Outcome run = run_lhv(guest_with({"init=io", "random"}));
    INFO(describe(run));
    std::vector<std::string> rounds;
    for (const std::string& line : lines_of(run.out))
        if (line.starts_with("io: random"))
            rounds.push_back(line);
    REQUIRE(rounds.size() == 2);
    CHECK(rounds[0] != rounds[1]);
    for (const std::string& round : rounds) {
        std::istringstream words(round.substr(10));
        std::set<std::string> bytes;
        for (std::string byte; words >> byte;)
            bytes.insert(byte);
        CHECK(bytes.size() > 1);
    }
    CHECK(run.exit_code == 0);
}
#line 10162 "chapters/03-drivers.nw"
TEST_CASE("the disk driver reads the sector the test wrote",
          "[guest-drivers]") {
    Scratch scratch;
    const fs::path image = scratch.directory / "disk.img";
    std::string bytes(64 * 512, '\0');
    const std::string text = "sector five, as the test wrote it";
    bytes.replace(5 * 512, text.size(), text);
    for (const char* sector : {"5", "64"}) {
        std::ofstream(image, std::ios::binary) << bytes;
        int held = open(image.c_str(), O_RDONLY | O_CLOEXEC);
        REQUIRE(held >= 0);
        Lhv lhv(guest_with({std::string("disk-sector=") + sector,
                            "init=hello"},
                           {"--block", image.string()}));
        lhv.wait_until([&] { return lhv.out().find("disk sector") !=
                                    std::string::npos; }, 60s);
        fs::remove(image);
        const Outcome run = lhv.finish();
        INFO(describe(run));
        const std::string expected = std::string(sector) == "5"
            ? "disk sector 5: " + text.substr(0, 32) + "\n"
            : "disk sector 64: error 5\n";
        CHECK_THAT(run.out, Contains(kGuestBanner + expected));
        CHECK(run.exit_code == 0);
        std::string after(bytes.size() + 1, '\0');
        CHECK(pread(held, after.data(), after.size(), 0) ==
              ssize_t(bytes.size()));
        after.resize(bytes.size());
        CHECK(after == bytes);
        close(held);
    }
}
#line 10205 "chapters/03-drivers.nw"
TEST_CASE("a process keeps running while another waits for input",
          "[guest-drivers]") {
    Scratch scratch;
    const fs::path fifo = scratch.directory / "input";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    int writer = open(fifo.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
    REQUIRE(writer >= 0);
    std::vector<std::string> arguments = {
        "-c", "exec \"$0\" \"$@\" < " + fifo.string(),
        path_from_environment("LHV")};
    for (const std::string& argument :
         guest_with({"init=io", "wait"}))
        arguments.push_back(argument);
    Lhv lhv("/bin/sh", arguments);
    const bool ticked = lhv.wait_until([&] {
        return lhv.out().find("io: tick 9\n") != std::string::npos;
    }, 60s);
    fs::remove(fifo);
    CHECK(ticked);
    CHECK(lhv.out().find("io: read") == std::string::npos);
    REQUIRE(write(writer, "late\n", 5) == 5);
    close(writer);
    const Outcome run = lhv.finish();
    INFO(describe(run));
    CHECK_THAT(run.out, Contains("io: waiting for a line\n"));
    CHECK_THAT(run.out, Contains("io: read late\n"));
    CHECK(run.out.find("io: tick 9") < run.out.find("io: read"));
    CHECK_THAT(run.out, Contains("io: done\n"));
    CHECK(run.exit_code == 0);
}
