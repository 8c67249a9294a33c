// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 7987 "chapters/E-guest-kernel.nw"
#include <cstdint>
#include <cstdio>
#include "harness.hpp"

using namespace lhv::test;

namespace {
Outcome run_program(const std::vector<std::string>& words) {
    std::vector<std::string> arguments = {
        path_from_environment("LHV_GUEST")};
    arguments.insert(arguments.end(), words.begin(), words.end());
    return run_lhv(arguments);
}

std::size_t line_index(const std::vector<std::string>& lines,
                       const std::string& line) {
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (lines[i] == line)
            return i;
    FAIL("no line \"" << line << "\"");
    return 0;
}
}

TEST_CASE("the Guest boots into its first program at ring 3",
          "[guest-kernel]") {
    const Outcome run = run_program({});
    INFO(describe(run));
    CHECK_THAT(run.out, Catch::EndsWith(
        kGuestBanner + "booted at ring 1 with 32 MiB\n"
        "hello from ring 3: pid 1\n" +
        kGuestBanner + "init exited with status 0\n"));
    CHECK(run.exit_code == 0);
}
#line 8030 "chapters/E-guest-kernel.nw"
TEST_CASE("the clock preempts two processes that never yield",
          "[guest-kernel]") {
    const Outcome run = run_program({"init=preempt"});
    INFO(describe(run));
    const auto lines = lines_of(run.out);
    std::size_t first_a = line_index(lines, "preempt: a 0");
    std::size_t last_a = line_index(lines, "preempt: a 7");
    std::size_t first_b = line_index(lines, "preempt: b 0");
    std::size_t last_b = line_index(lines, "preempt: b 7");
    CHECK(first_b < last_a);
    CHECK(first_a < last_b);
    CHECK(line_index(lines, "preempt: both done") > last_a);
    CHECK(run.exit_code == 0);
}
#line 8054 "chapters/E-guest-kernel.nw"
TEST_CASE("a process's heap arrives page by page on demand",
          "[guest-kernel]") {
    for (unsigned mib : {1u, 16u}) {
        const Outcome run = run_program({"init=touch",
                                         std::to_string(mib)});
        INFO(describe(run));
        std::uint32_t sum = 0;
        for (std::uint32_t i = 0; i < mib * 256; ++i)
            sum += (i * 2654435761u) ^ 0x5A5A5A5Au;
        char expected[64];
        std::snprintf(expected, sizeof expected,
                      "touch: %u MiB, checksum 0x%08x\n", mib, sum);
        CHECK_THAT(run.out, Contains(expected));
        CHECK(run.exit_code == 0);
    }
}
#line 8082 "chapters/E-guest-kernel.nw"
TEST_CASE("a process that faults is killed and the others go on",
          "[guest-kernel]") {
    const Outcome run = run_program({"init=rogues"});
    INFO(describe(run));
    const std::string killed = kGuestBanner + "process ";
    CHECK_THAT(run.out, Contains(") killed: page fault at 0x00000000,"));
    CHECK_THAT(run.out, Contains(") killed: page fault at 0xc0100000,"));
    CHECK_THAT(run.out, Contains(") killed: page fault at 0xdeadbeef,"));
    std::size_t protection = 0;
    for (const std::string& line : lines_of(run.out))
        if (line.find(") killed: general protection, eip") !=
            std::string::npos)
            ++protection;
    CHECK(protection == 3);  // hlt, int $0x1f, int $0x20
    for (const char* rogue : {"null", "kernel-write", "privileged",
                              "hypercall", "int-0x20", "wild-jump"})
        CHECK_THAT(run.out, Contains(std::string("rogues: ") + rogue +
                                     " ended, status 0x000b\n"));
    for (int i = 0; i < 5; ++i)
        CHECK_THAT(run.out, Contains("rogues: good " + std::to_string(i) +
                                     "\n"));
    CHECK_THAT(run.out, Contains("rogues: good process finished, "
                                 "status 0x0000\n"));
    CHECK_THAT(run.out, Catch::EndsWith("init exited with status 0\n"));
    CHECK(run.exit_code == 0);
}
#line 8117 "chapters/E-guest-kernel.nw"
TEST_CASE("each process sees its own thread-local storage",
          "[guest-kernel]") {
    const Outcome run = run_program({"init=tls"});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains("tls: pid 1 reads 0x1111\n"));
    CHECK_THAT(run.out, Contains("tls: pid 2 reads 0x2222\n"));
    CHECK_THAT(run.out, !Contains("WRONG"));
    CHECK_THAT(run.out, Contains("tls: done\n"));
    CHECK(run.exit_code == 0);
}
#line 8135 "chapters/E-guest-kernel.nw"
TEST_CASE("a process out of memory is killed, not the Guest",
          "[guest-kernel]") {
    const Outcome run = run_lhv({"-m", "2",
                                 path_from_environment("LHV_GUEST"),
                                 "init=spawn", "touch", "1"});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains("(touch) killed: out of memory at 0x"));
    CHECK_THAT(run.out, Contains("spawn: touch ended, status 0x0009\n"));
    CHECK_THAT(run.out, Catch::EndsWith("init exited with status 0\n"));
    CHECK(run.exit_code == 0);
}
#line 8156 "chapters/E-guest-kernel.nw"
TEST_CASE("execve replaces a process's program", "[guest-kernel]") {
    const Outcome hello = run_program({"init=spawn", "hello"});
    INFO(describe(hello));
    CHECK_THAT(hello.out, Contains("hello from ring 3: pid 2\n"
                                   "spawn: hello ended, status 0x0000\n"));
    const Outcome touch = run_program({"init=spawn", "touch", "2"});
    INFO(describe(touch));
    CHECK_THAT(touch.out, Contains("touch: 2 MiB, checksum 0x"));
    CHECK_THAT(touch.out, Contains("spawn: touch ended, status 0x0000\n"));
    const Outcome none = run_program({"init=spawn", "nosuch"});
    INFO(describe(none));
    CHECK_THAT(none.out, Contains("spawn: execve /bin/nosuch failed: 2\n"
                                  "spawn: nosuch ended, status 0x7f00\n"));
    CHECK(none.exit_code == 0);
}
#line 8181 "chapters/E-guest-kernel.nw"
TEST_CASE("a torn-down address space leaves nothing in the shadow",
          "[guest-kernel]") {
    const Outcome run = run_program({"init=reuse"});
    INFO(describe(run));
    const std::string start = "reuse: the heap starts at ";
    const auto at = run.out.find(start);
    REQUIRE(at != std::string::npos);
    const std::string heap = run.out.substr(at + start.size(), 10);
    CHECK_THAT(run.out, Contains(") killed: page fault at " + heap + ","));
    CHECK_THAT(run.out, !Contains("the second child read"));
    CHECK_THAT(run.out, Contains("reuse: the second child ended, "
                                 "status 0x000b\n"));
    CHECK(run.exit_code == 0);
}
#line 8202 "chapters/E-guest-kernel.nw"
TEST_CASE("system calls run, and an unknown program is refused",
          "[guest-kernel]") {
    const Outcome calls = run_program({"init=syscalls", "1000"});
    INFO(describe(calls));
    CHECK_THAT(calls.out, Contains("syscalls: 1000 getpid calls\n"));
    CHECK(calls.exit_code == 0);
    const Outcome none = run_program({"init=nosuch"});
    INFO(describe(none));
    CHECK_THAT(none.out, Contains(kGuestBanner + "cannot start nosuch; "
                                  "the programs are:\n  blkwrite\n"));
    CHECK_THAT(none.out, Contains("\n  hello\n"));
    CHECK_THAT(none.out, Contains("\n  touch\n"));
    CHECK_THAT(none.err, Contains("lhv: guest died: "));
    CHECK(none.exit_code == 1);
}
