// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 739 "chapters/05-host.nw"
#include "harness.hpp"

using namespace lhv::test;

TEST_CASE("the null hypercall returns to the Guest", "[integration]") {
    const Outcome run = run_lhv({test_guest("flush_async")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
}

TEST_CASE("a queued hypercall is refused, not ignored", "[integration]") {
    const Outcome run = run_lhv({test_guest("queued_hypercall")});
    INFO(describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains("lhv: guest died: queued hypercall in "
                                 "slot 5"));
}
