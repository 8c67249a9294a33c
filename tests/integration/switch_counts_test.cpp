// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 8569 "chapters/05-host.nw"
#include <catch2/catch.hpp>
#include "harness.hpp"

using namespace lhv::test;
using Catch::Contains;
using Catch::StartsWith;

TEST_CASE("the Host counts world switches, and not the null hypercall",
          "[integration][switch-counts]") {
    const Outcome run = run_lhv({test_guest("switch_counts")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("switch counts: 6 hypercalls, no null "
                                 "ones\n"));
}

TEST_CASE("counts asked for past the end of memory kill the Guest",
          "[integration][switch-counts]") {
    const Survived survived =
        run_then_healthy({test_guest("switch_counts_wrap")});
    REQUIRE(survived.deaths.size() == 1);
    CHECK_THAT(survived.deaths[0],
               StartsWith("lhv: guest died: hypercall 20 "
                          "(COUNT_SWITCHES): 0xffffff80 is not 196 bytes "
                          "of the Guest's memory at eip 0x"));
}
