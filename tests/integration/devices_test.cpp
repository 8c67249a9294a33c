// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 5003 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include "harness.hpp"

using namespace lhv::test;
using Catch::Contains;

TEST_CASE("the entropy device answers a Guest's request",
          "[integration][devices]") {
    const Outcome run = run_lhv({test_guest("device_rng")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("32 random bytes, and the interrupt\n"));
}

TEST_CASE("a Guest that breaks the device handshake dies alone",
          "[integration][devices]") {
    const auto [letter, words] = GENERATE(table<std::string, std::string>({
        {"o", "the entropy device: DRIVER_OK before FEATURES_OK"},
        {"k", "NOTIFY of the entropy device's queue 0 before DRIVER_OK"},
        {"m", "in the entropy device's description, which is the "
              "Launcher's to write"},
        {"c", "after the last device, which is the Launcher's to write"},
        {"n", "is in the device page but is no device's"},
    }));
    INFO(letter);
    const Survived survived =
        run_then_healthy({test_guest("device_rules")}, {letter});
    REQUIRE(survived.deaths.size() == 1);
    CHECK_THAT(survived.deaths[0], Contains(words));
}

TEST_CASE("a feature that was not offered is refused, not fatal",
          "[integration][devices]") {
    const Outcome run = run_lhv({test_guest("device_rules"), "f"});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("the device refused a feature it had "
                                 "not offered\n"));
}
