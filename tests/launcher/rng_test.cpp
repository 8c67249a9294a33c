// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 7013 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <algorithm>
#include "launcher/rng.hpp"
#include "test_driver.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;

#line 6986 "chapters/03-drivers.nw"
TEST_CASE("the entropy device fills every writable buffer",
          "[launcher][rng]") {
    TestDriver driver;
    driver.describe(0, 0x4000, 16, kDescWrite | kDescNext, 1);
    driver.describe(1, 0x5000, 32, kDescWrite);
    driver.publish(0);
    std::vector<Virtqueue> queues;
    queues.push_back(driver.queue());
    EntropyDevice rng;
    REQUIRE(rng.serve(0, queues));
    REQUIRE(driver.used_idx() == 1);
    CHECK(driver.used(0).id == 0);
    CHECK(driver.used(0).len == 48);
    auto zero = [&](std::size_t at, std::size_t n) {
        return std::all_of(driver.bytes.begin() + at,
                           driver.bytes.begin() + at + n,
                           [](std::byte b) { return b == std::byte{0}; });
    };
    CHECK(!zero(0x4000, 16));
    CHECK(!zero(0x5000, 32));
    CHECK(!rng.serve(0, queues));  // nothing more was made available
}
