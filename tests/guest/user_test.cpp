// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 6693 "chapters/E-guest-kernel.nw"
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>
#include "user_programs.hpp"

using namespace lhv::test;

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
#line 6708 "chapters/E-guest-kernel.nw"
} // namespace

#line 6548 "chapters/E-guest-kernel.nw"
TEST_CASE("user: hello says hello, with its pid", "[user]") {
    const auto ran = run_on_linux({"hello"});
    if (!ran)
        return;
    CHECK(ran->out ==
          "hello from ring 3: pid " + std::to_string(ran->pid) + "\n");
    CHECK(ran->status == 0);
}

TEST_CASE("user: syscalls counts, and nm finds its loop", "[user]") {
    const auto ran = run_on_linux({"syscalls", "1000"});
    if (!ran)
        return;
    CHECK(ran->out == "syscalls: 1000 getpid calls\n");
    CHECK(ran->status == 0);
    const Ran nm = run_program({"nm", user_program("syscalls")});
    REQUIRE(nm.status == 0);
    const auto start = nm.out.find(" T syscalls_loop_start\n");
    const auto end = nm.out.find(" T syscalls_loop_end\n");
    CHECK(start != std::string::npos);
    CHECK(end != std::string::npos);
}
#line 6577 "chapters/E-guest-kernel.nw"
std::uint32_t touch_checksum(std::uint32_t mib) {
    std::uint32_t sum = 0;
    for (std::uint32_t page = 0; page < mib * 256; ++page)
        sum += page * 2654435761u ^ 0x5A5A5A5Au;
    return sum;
}

TEST_CASE("user: touch writes every page and reads it back", "[user]") {
    for (std::uint32_t mib : {1u, 4u}) {
        const auto ran = run_on_linux({"touch", std::to_string(mib)});
        if (!ran)
            return;
        char expected[64];
        std::snprintf(expected, sizeof expected,
                      "touch: %u MiB, checksum 0x%08x\n", mib,
                      touch_checksum(mib));
        CHECK(ran->out == expected);
        CHECK(ran->status == 0);
    }
    const auto fallback = run_on_linux({"touch"});
    REQUIRE(fallback);
    CHECK(fallback->out == split_lines(fallback->out)[0] + "\n");
    CHECK_THAT(fallback->out, Catch::StartsWith("touch: 1 MiB,"));
    const auto refused = run_on_linux({"touch", "99999999999"});
    REQUIRE(refused);
    CHECK(refused->status == 2 << 8);
}
#line 6613 "chapters/E-guest-kernel.nw"
TEST_CASE("user: preempt runs two processes to the end", "[user]") {
    const auto ran = run_on_linux({"preempt"});
    if (!ran)
        return;
    const auto lines = split_lines(ran->out);
    std::vector<std::string> a, b;
    for (int round = 0; round < 8; ++round) {
        a.push_back("preempt: a " + std::to_string(round));
        b.push_back("preempt: b " + std::to_string(round));
    }
    CHECK(starting_with(lines, "preempt: a ") == a);
    CHECK(starting_with(lines, "preempt: b ") == b);
    REQUIRE(lines.size() == 17);
    CHECK(lines.back() == "preempt: both done");
    CHECK(ran->status == 0);
}
#line 6636 "chapters/E-guest-kernel.nw"
TEST_CASE("user: tls gives each process its own word", "[user]") {
    const auto ran = run_on_linux({"tls"});
    if (!ran)
        return;
    const auto lines = split_lines(ran->out);
    REQUIRE(lines.size() == 3);
    const std::string parent =
        "tls: pid " + std::to_string(ran->pid) + " reads 0x1111";
    CHECK((lines[0] == parent || lines[1] == parent));
    CHECK(starting_with(lines, "tls: pid ").size() == 2);
    CHECK(starting_with(lines, "tls: pid ")[0].ends_with("0x1111") !=
          starting_with(lines, "tls: pid ")[1].ends_with("0x1111"));
    CHECK(ran->out.find("0x2222\n") != std::string::npos);
    CHECK(lines[2] == "tls: done");
    CHECK(ran->status == 0);
}
#line 6660 "chapters/E-guest-kernel.nw"
TEST_CASE("user: rogues die, the good process lives", "[user]") {
    const auto ran = run_on_linux({"rogues"});
    if (!ran)
        return;
    const auto lines = split_lines(ran->out);
    std::vector<std::string> names, good;
    for (const std::string& line : lines) {
        if (line.starts_with("rogues: good ") &&
            !line.starts_with("rogues: good process"))
            good.push_back(line);
        const auto at = line.find(" ended, status 0x");
        if (at == std::string::npos)
            continue;
        names.push_back(line.substr(8, at - 8));
        const int status = std::stoi(line.substr(at + 17), nullptr, 16);
        INFO(line);
        CHECK(WIFSIGNALED(status));
    }
    CHECK(names == std::vector<std::string>{"null", "kernel-write",
                                            "privileged", "hypercall",
                                            "int-0x20", "wild-jump"});
    CHECK(good == std::vector<std::string>{
                      "rogues: good 0", "rogues: good 1", "rogues: good 2",
                      "rogues: good 3", "rogues: good 4"});
    CHECK(lines.back() == "rogues: good process finished, status 0x0000");
    CHECK(ran->status == 0);
}
