// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 8265 "chapters/05-host.nw"
#include "harness.hpp"

using namespace lhv::test;

static std::vector<std::string> exit_lines(const std::string& err) {
    std::vector<std::string> lines;
    std::string::size_type at = 0;
    while ((at = err.find("lhv: exit: ", at)) != std::string::npos) {
        auto end = err.find('\n', at);
        lines.push_back(err.substr(at, end - at));
        at = end;
    }
    return lines;
}

static bool starts(const std::string& line, const std::string& prefix) {
    return line.rfind(prefix, 0) == 0;
}

TEST_CASE("--show-exits shows the Guest's hypercalls in order",
          "[integration]") {
    const Outcome run =
        run_lhv({"--show-exits", path_from_environment("LHV_GUEST")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains(kGuestBanner));
    const std::string call = "lhv: exit: hypercall ";
    std::vector<std::string> calls;
    for (const std::string& line : exit_lines(run.err))
        if (starts(line, call) &&
            !starts(line, call + "SET_CLOCKEVENT(") &&
            !starts(line, call + "SEND_INTERRUPTS(") &&
            !starts(line, call + "HALT("))
            calls.push_back(line);
    REQUIRE(calls.size() >= 48);
    CHECK(starts(calls[0], call + "LGUEST_INIT(0x"));
    CHECK(starts(calls[1], call + "NEW_PGTABLE(0x"));
    CHECK(starts(calls[2], call + "NOTIFY(0x"));
    for (std::size_t i = 3; i < 40; ++i)
        CHECK(starts(calls[i], call + "LOAD_IDT_ENTRY(0x"));
    CHECK(starts(calls[40], call + "LOAD_GDT_ENTRY(0x0000000e"));
    CHECK(starts(calls[41], call + "LOAD_GDT_ENTRY(0x0000000f"));
    std::size_t at = 42;  // the drivers' handshakes
    while (at < calls.size() && starts(calls[at], call + "NOTIFY(0x"))
        ++at;
    CHECK(at >= 46);      // two notifies for each of two devices at least
    REQUIRE(at + 3 < calls.size());
    CHECK(starts(calls[at], call + "NEW_PGTABLE(0x"));
    CHECK(starts(calls[at + 1], call + "SET_STACK(0x00000029, 0x"));
    CHECK(starts(calls[at + 2], call + "LOAD_TLS(0x"));
    for (std::size_t i = at + 3; i + 1 < calls.size(); ++i)
        CHECK(starts(calls[i], call + "NOTIFY(0x"));
    CHECK(starts(calls.back(), call + "SHUTDOWN(0x00000001)"));
    for (const std::string& line : calls)
        CHECK_THAT(line, Contains(") at eip 0xc01"));
}

TEST_CASE("--show-exits shows the trap that kills a Guest",
          "[integration]") {
    const auto [name, trap, error] =
        GENERATE(table<std::string, std::string, std::string>({
            {"ud2", "trap 6", ""},
            {"cli", "trap 13", ", error code 0x00000000"},
        }));
    const std::string guest = test_guest(name);
    const Outcome run = run_lhv({"--show-exits", guest});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    const std::vector<std::string> lines = exit_lines(run.err);
    REQUIRE_FALSE(lines.empty());
    CHECK(lines.back() == "lhv: exit: " + trap + " at eip " +
                              eip_text(elf_entry(guest)) + error);
    CHECK(run.err.find("lhv: exit: ") < run.err.find("lhv: guest died"));
}

TEST_CASE("--show-exits prints or counts every exit",
          "[integration]") {
    const Outcome run =
        run_lhv({"--show-exits", test_guest("bench_null_hypercall")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    const std::vector<std::string> lines = exit_lines(run.err);
    std::size_t printed = 0;
    for (const std::string& line : lines)
        if (starts(line, "lhv: exit: hypercall FLUSH_ASYNC() at eip "))
            ++printed;
    unsigned long lost = 0;
    const std::string kLost = " exit records lost (the log was full)";
    for (auto at = run.err.find(kLost); at != std::string::npos;
         at = run.err.find(kLost, at + 1)) {
        auto start = run.err.rfind("lhv: ", at) + 5;
        lost += std::stoul(run.err.substr(start, at - start));
    }
    std::size_t faults = 0;
    for (const std::string& line : lines)
        faults += starts(line, "lhv: exit: trap 14 ");
    unsigned filled = 0;
    const std::string kFilled = "host: shadow page tables: ";
    const auto report = run.out.find(kFilled);
    REQUIRE(report != std::string::npos);
    filled = std::stoul(run.out.substr(report + kFilled.size()));
    CHECK(printed <= 1000);
    CHECK(printed + lost >= 1000);
    CHECK(lines.size() - faults + lost >= 1003);
    CHECK(lines.size() + lost <= 1006 + filled);
}

TEST_CASE("--show-exits shows a hung Guest's last exits when stopped",
          "[integration]") {
    Lhv lhv({"--show-exits", test_guest("call_then_spin")});
    REQUIRE(lhv.wait_until([&] {
        return lhv.out().find("spinning\n") != std::string::npos;
    }, 30s));
    lhv.wait_until([] { return false; }, 1000ms);
    lhv.signal(SIGTERM);
    const Outcome run = lhv.finish(20s);
    INFO(describe(run));
    CHECK(run.exit_code == 128 + SIGTERM);
    const auto call = run.err.find("lhv: exit: hypercall FLUSH_ASYNC()");
    CHECK(call != std::string::npos);
    CHECK(call < run.err.find("lhv: stopped by SIGTERM"));
}

TEST_CASE("without --show-exits no exit is shown", "[integration]") {
    const Outcome run = run_lhv({path_from_environment("LHV_GUEST")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(exit_lines(run.err).empty());
    CHECK(run.err.empty());
}
