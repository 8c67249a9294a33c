// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 1141 "chapters/05-host.nw"
#include "harness.hpp"

using namespace lhv::test;

static bool in_order(const std::string& out,
                     const std::vector<std::string>& lines) {
    std::string::size_type at = 0;
    for (const std::string& line : lines) {
        auto found = out.find(line, at);
        if (found == std::string::npos ||
            out.find(line, found + line.size()) != std::string::npos)
            return false;
        at = found + line.size();
    }
    return true;
}

TEST_CASE("the null hypercall returns to the Guest", "[integration]") {
    const Outcome run = run_lhv({test_guest("flush_async")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
}

TEST_CASE("queued hypercalls run in the order of the ring",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("queued_notify")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(in_order(run.out, {"queued first\n", "queued second\n"}));
}

TEST_CASE("queued hypercalls wrap around the ring's end",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("queued_wrap")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(in_order(run.out, {"slot 62\n", "slot 63\n", "slot 0\n"}));
}

TEST_CASE("a bad queued hypercall kills the Guest, naming its slot",
          "[integration]") {
    const Survived survived = run_then_healthy(
        {test_guest("queued_unknown"), test_guest("queued_init")});
    CHECK(survived.deaths[0] == "lhv: guest died: queued hypercall in "
                                "slot 1: unknown hypercall 99 (no such "
                                "call)");
    CHECK_THAT(survived.deaths[1],
               Catch::StartsWith("lhv: guest died: queued hypercall in "
                                 "slot 0: hypercall 1 (LGUEST_INIT): "
                                 "LGUEST_INIT twice, lguest_data 0x"));
    CHECK(survived.run.out.find("never") == std::string::npos);
}

TEST_CASE("a Guest after another starts at slot 0", "[integration]") {
    const Outcome run = run_lhv({"--then", test_guest("queued_notify"),
                                 test_guest("queued_wrap")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(lines_of(run.err) ==
          std::vector<std::string>{"lhv: guest powered off", kHostIntact,
                                   "lhv: guest powered off",
                                   kHostIntact});
    CHECK(in_order(run.out, {"slot 62\n", "slot 63\n", "slot 0\n",
                             "queued first\n", "queued second\n"}));
}

TEST_CASE("a queued power-off stops the Guest at once",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("queued_shutdown")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(run.out.find("never") == std::string::npos);
}

TEST_CASE("a full ring is run once around", "[integration]") {
    const Outcome run = run_lhv({test_guest("queued_full_ring")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK(in_order(run.out, {"once around\n"}));
}
