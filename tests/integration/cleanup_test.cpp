// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1395 "chapters/02-guest.nw"
#include "harness.hpp"
#include <algorithm>
#include <csignal>

using namespace lhv::test;

#line 1408 "chapters/02-guest.nw"
void expect_refusal(const std::string& guest) {
    const Outcome run = run_lhv({guest});
    INFO(describe(run));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    CHECK_THAT(run.err, Catch::EndsWith("\n"));
}
#line 1419 "chapters/02-guest.nw"
TEST_CASE("lhv refuses a Guest file it cannot load", "[integration]") {
    SECTION("a file that does not exist") {
        expect_refusal("/nonexistent");
    }
    SECTION("a file that is not ELF") {
        TemporaryDirectory scratch;
        const fs::path text = scratch.path() / "README.md";
        std::ofstream(text) << "# Not a Guest\n\nJust some text.\n";
        expect_refusal(text.string());
    }
    SECTION("a 64-bit ELF file") {
        expect_refusal(path_from_environment("LHV"));
    }
}
#line 1451 "chapters/02-guest.nw"
void start_spinning(Lhv& lhv) {
    REQUIRE(lhv.wait_until([&] {
        return !qemu_processes_using(lhv.runtime_dir()).empty();
    }, 30s));
    lhv.wait_until([&] {
        return lhv.out().find(kHostBanner) != std::string::npos;
    }, 2s);
    lhv.wait_until([] { return false; }, 500ms);
}
#line 1470 "chapters/02-guest.nw"
TEST_CASE("a signal stops lhv and leaves nothing", "[integration]") {
    Lhv lhv({test_guest("spin")});
    start_spinning(lhv);
    SECTION("SIGTERM to lhv, as kill(1) sends it") {
        lhv.signal(SIGTERM);
    }
    SECTION("SIGINT to its process group, as Ctrl-C sends it") {
        lhv.signal_group(SIGINT);
    }
    const Outcome run = lhv.finish(20s);
    INFO(describe(run));
    CHECK(run.exit_code != 0);
}
