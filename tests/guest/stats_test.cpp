// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 3626 "chapters/E-guest-kernel.nw"
#include <catch2/catch.hpp>
#include "guest/stats.hpp"

TEST_CASE("a counter's number beyond its array counts in the last slot",
          "[guest-stats]") {
    std::uint32_t counters[4] = {};
    lhv::guest::count(counters, 0);
    lhv::guest::count(counters, 3);
    lhv::guest::count(counters, 4);
    lhv::guest::count(counters, 0xFFFFFFFF);
    CHECK(counters[0] == 1);
    CHECK(counters[1] == 0);
    CHECK(counters[3] == 3);
}
