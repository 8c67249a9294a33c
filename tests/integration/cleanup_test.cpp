// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1856 "chapters/02-guest.nw"
#include "harness.hpp"
#include <algorithm>
#include <csignal>

using namespace lhv::test;

#line 1878 "chapters/02-guest.nw"
void expect_refusal(const std::string& guest) {
    const Outcome run = run_lhv({guest});
    INFO(describe(run));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    CHECK_THAT(run.err, Catch::EndsWith("\n"));
}
#line 1894 "chapters/02-guest.nw"
TEST_CASE("lhv refuses a Guest file it cannot load", "[integration]") {
    SECTION("a file that does not exist") {
        expect_refusal("/nonexistent");
    }
    SECTION("a file that is not ELF") {
        const MemoryFile text("# Not a Guest\n\nJust some text.\n");
        expect_refusal(text.path());
    }
    SECTION("a 64-bit ELF file") {
        expect_refusal(path_from_environment("LHV"));
    }
}
#line 1930 "chapters/02-guest.nw"
void start_spinning(Lhv& lhv) {
    REQUIRE(lhv.wait_until([&] { return !lhv.qemu().empty(); }, 30s));
    lhv.wait_until([&] {
        return lhv.out().find(kHostBanner) != std::string::npos;
    }, 2s);
    lhv.wait_until([] { return false; }, 500ms);
}
#line 1947 "chapters/02-guest.nw"
TEST_CASE("a signal stops lhv and leaves nothing", "[integration]") {
    Lhv lhv({test_guest("spin")});
    start_spinning(lhv);
    int signal = 0;
    SECTION("SIGTERM to lhv, as kill(1) sends it") {
        signal = SIGTERM;
        lhv.signal(SIGTERM);
    }
    SECTION("SIGINT to its process group, as Ctrl-C sends it") {
        signal = SIGINT;
        lhv.signal_group(SIGINT);
    }
    const Outcome run = lhv.finish(20s);
    INFO(describe(run));
    CHECK(run.exit_code == 128 + signal);
    CHECK(run.signal == 0);  // it exited; the signal did not kill it
    CHECK_THAT(run.err, Contains("lhv: stopped by "));
}
#line 1979 "chapters/02-guest.nw"
TEST_CASE("a signal at any moment leaves nothing", "[integration]") {
    const int signal = GENERATE(SIGINT, SIGTERM, SIGKILL);
    const int after_ms = GENERATE(0, 20, 100, -1);  // -1: once spinning
    INFO("signal " << signal << " after " << after_ms << " ms");
    Lhv lhv({test_guest("spin")});
    if (after_ms < 0)
        start_spinning(lhv);
    else
        std::this_thread::sleep_for(std::chrono::milliseconds(after_ms));
    if (signal == SIGINT)
        lhv.signal_group(signal);
    else
        lhv.signal(signal);
    const Outcome run = lhv.finish(20s);
    INFO(describe(run));
    CHECK(run.exit_code == 128 + signal);
}
#line 2007 "chapters/02-guest.nw"
TEST_CASE("lhv reports a QEMU killed from outside", "[integration]") {
    const auto [signal, words] = GENERATE(table<int, std::string>({
        {SIGTERM, "lhv: QEMU was stopped from outside by signal 15 "
                  "(SIGTERM)\n"},
        {SIGKILL, "lhv: QEMU was killed from outside by signal 9 "
                  "(SIGKILL)\n"},
    }));
    Lhv lhv({test_guest("spin")});
    start_spinning(lhv);
    const std::vector<pid_t> qemu = lhv.qemu();
    REQUIRE(qemu.size() == 1);
    ::kill(qemu[0], signal);
    const Outcome run = lhv.finish(20s);
    INFO(describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::EndsWith(words));
}
#line 2046 "chapters/02-guest.nw"
TEST_CASE("a test run that is interrupted", "[.interrupted]") {
    Lhv lhv({test_guest("spin")});
    start_spinning(lhv);
    lhv.wait_until([] { return false; }, 60s);
}

TEST_CASE("an interrupted test run leaves nothing", "[integration]") {
    const int signal = GENERATE(SIGINT, SIGTERM);
    const bool spinning = GENERATE(false, true);
    INFO("signal " << signal << (spinning ? " once spinning"
                                            : " while booting"));
    Lhv tests("/proc/self/exe", {"a test run that is interrupted"});
    REQUIRE(tests.wait_until([&] { return !tests.qemu().empty(); },
                             30s));
    if (spinning)
        tests.wait_until([] { return false; }, 700ms);
    tests.signal_group(signal);
    const Outcome run = tests.finish(20s);
    INFO(describe(run));
    CHECK(run.exit_code == 128 + signal);
}
