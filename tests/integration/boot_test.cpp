// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1404 "chapters/02-guest.nw"
#include "harness.hpp"

using namespace lhv::test;

TEST_CASE("the Guest boots at ring 1 and powers off", "[integration]") {
    const Outcome run = run_lhv({path_from_environment("LHV_GUEST")});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains(kHostBanner));
    CHECK_THAT(run.out, Contains(kGuestBanner +
                                 "booted at ring 1 with 32 MiB\n"));
    CHECK(run.exit_code == 0);
}

TEST_CASE("the Guest reads its memory size", "[integration]") {
    const Outcome run =
        run_lhv({"-m", "16", path_from_environment("LHV_GUEST")});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains(kGuestBanner +
                                 "booted at ring 1 with 16 MiB\n"));
    CHECK(run.exit_code == 0);
}
