// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 1632 "chapters/A-kernel.nw"
#include <catch2/catch.hpp>
#include <cstdint>
#include "host/boot/descriptors.hpp"

using namespace lhv::host;

static std::uint64_t bits(SegmentDescriptor d) {
    return (std::uint64_t{d.high} << 32) | d.low;
}

#line 1650 "chapters/A-kernel.nw"
TEST_CASE("flat segments have the textbook encoding", "[host]") {
    using S = SegmentDescriptor;
    CHECK(bits(S::make(0, 0xFFFFF, S::kPresent | S::kCodeAccessed,
                       S::kPage32)) == 0x00CF9B000000FFFFull);
    CHECK(bits(S::make(0, 0xFFFFF, S::kPresent | S::kDataAccessed,
                       S::kPage32)) == 0x00CF93000000FFFFull);
    auto tss = S::make(0x12345678, 103, S::kPresent | S::kTssAvailable,
                       0);
    CHECK(bits(tss) == 0x12008934'56780067ull);
    CHECK(((tss.high | S::kTssBusyBit) >> 8 & 0xF) == 0xB);  // busy
}
#line 1667 "chapters/A-kernel.nw"
TEST_CASE("an interrupt gate splits its handler's address", "[host]") {
    Gate g = Gate::interrupt(0xFFC01234, 1);
    CHECK(g.offset_low == 0x1234);
    CHECK(g.offset_high == 0xFFC0);
    CHECK(g.selector == kKernelCs);
    CHECK(g.type == 0xAE);  // present, DPL 1, 32-bit interrupt gate
    CHECK(Gate::interrupt(0, 0).type == 0x8E);
}
