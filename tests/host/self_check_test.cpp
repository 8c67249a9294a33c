// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 9024 "chapters/05-host.nw"
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include "host/self_check.hpp"

using namespace lhv::host;

#line 9043 "chapters/05-host.nw"
static std::uint32_t fnv(const std::string& text) {
    Fnv1a sum;
    sum.add(text.data(), std::uint32_t(text.size()));
    return sum.value();
}

TEST_CASE("self-check: FNV-1a gives the published values", "[host]") {
    CHECK(fnv("") == 0x811c9dc5);
    CHECK(fnv("a") == 0xe40c292c);
    CHECK(fnv("foobar") == 0xbf9cf968);
}
#line 9060 "chapters/05-host.nw"
static std::uint32_t gdt_sum(const SegmentDescriptor* gdt) {
    Fnv1a sum;
    add_descriptors(sum, gdt, 4);
    return sum.value();
}

TEST_CASE("self-check: a TSS's busy bit is all a GDT may change",
          "[host]") {
    using S = SegmentDescriptor;
    SegmentDescriptor gdt[4] = {
        {0, 0},
        S::make(0, 0xFFFFF, S::kPresent | S::kCodeAccessed, S::kPage32),
        S::make(0, 0xFFFFF, S::kPresent | S::kDataAccessed, S::kPage32),
        S::make(0x104020, 103, S::kPresent | S::kTssAvailable, 0)};
    const std::uint32_t at_boot = gdt_sum(gdt);
    gdt[3].high |= S::kTssBusyBit;
    CHECK(gdt_sum(gdt) == at_boot);
    gdt[1].high ^= S::kTssBusyBit;  // in a code segment: readable
    CHECK(gdt_sum(gdt) != at_boot);
    gdt[1].high ^= S::kTssBusyBit;
    gdt[3].high |= 3u << 13;        // the TSS, reachable from ring 3
    CHECK(gdt_sum(gdt) != at_boot);
}
#line 9091 "chapters/05-host.nw"
struct FakePageTables {
    std::uint32_t directory[1024] = {};
    std::map<std::uint32_t, std::uint32_t*> tables;
    std::uint32_t sum() const {
        Fnv1a sum;
        add_page_tables(sum, directory, [&](std::uint32_t machine) {
            return static_cast<const std::uint32_t*>(tables.at(machine));
        });
        return sum.value();
    }
};

TEST_CASE("self-check: accessed and dirty are all page tables may "
          "change", "[host]") {
    static std::uint32_t low[1024], high[1024], stray[1024];
    FakePageTables t;
    t.tables = {{0x1000, low}, {0x2000, high}, {0x3000, stray}};
    t.directory[0] = 0x1000 | kPresent | kWritable;
    t.directory[1023] = 0x2000 | kPresent | kWritable;
    t.directory[5] = 0x3000;  // not present: not followed
    for (std::uint32_t i = 1; i < 1024; ++i)
        low[i] = (i << 12) | kPresent | kWritable;
    high[0] = 0x109000 | kPresent;
    const std::uint32_t at_boot = t.sum();
    low[7] |= kPageAccessedDirty;
    high[0] |= 0x20;
    t.directory[0] |= 0x20;
    stray[0] = 0xDEAD0000 | kPresent | kWritable;
    CHECK(t.sum() == at_boot);
    low[7] ^= kWritable;           // a right
    CHECK(t.sum() != at_boot);
    low[7] ^= kWritable;
    high[0] += 0x1000;             // a frame
    CHECK(t.sum() != at_boot);
    high[0] -= 0x1000;
    t.directory[5] |= kPresent;    // a table the Host never had
    CHECK(t.sum() != at_boot);
}
#line 9135 "chapters/05-host.nw"
TEST_CASE("self-check: the first difference is named", "[host]") {
    Snapshot boot;
    for (std::uint32_t i = 0; i < kAreaCount; ++i)
        boot.sums[i] = 0x1000 + i;
    for (std::uint32_t i = 0; i < kRegisterCount; ++i)
        boot.registers[i] = 0x2000 + i;
    Snapshot now = boot;
    CHECK(first_difference(boot, now).what == nullptr);
    now.registers[kCr4] = 0x10;
    Difference d = first_difference(boot, now);
    CHECK(std::string(d.what) == "CR4");
    CHECK_FALSE(d.is_area);
    CHECK(d.at_boot == 0x2000 + kCr4);
    CHECK(d.now == 0x10);
    now.sums[kHostIdt] = 0;
    d = first_difference(boot, now);
    CHECK(std::string(d.what) == "the Host's IDT");
    CHECK(d.is_area);
    CHECK(d.at_boot == 0x1000 + kHostIdt);
    CHECK(d.now == 0);
}
