// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 4252 "chapters/05-host.nw"
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include "host/segments.hpp"
#include "host/frame.hpp"

using namespace lhv::host;

static SegmentDescriptor descriptor(std::uint64_t bits) {
    return {std::uint32_t(bits), std::uint32_t(bits >> 32)};
}
static std::uint64_t bits(SegmentDescriptor d) {
    return std::uint64_t{d.high} << 32 | d.low;
}

#line 4279 "chapters/05-host.nw"
TEST_CASE("a Guest's segment descriptor is checked and fixed",
          "[host]") {
    const auto [sent, problem, installed] =
        GENERATE(table<std::uint64_t, std::string, std::uint64_t>({
            {0, "", 0},                                    // empty
            {0x00CF92000000FBFF, "", 0x00CFB3000000FBFF},  // DPL 0
            {0x00CFB2000000FFFF, "", 0x00CFB3000000FBFF},  // 4 GiB
            {0x00CFFA000000FFFF, "", 0x00CFFB000000FBFF},  // ring 3
            {0xFF4FB3B00000FFFF, "", 0xFF4FB3B00000FFFF},  // fits
            {0xFF4FB3B00001FFFF, "", 0xFF4FB3B00001FFFE},  // clipped
            {0x00CF33000000FBFF, "", 0x00CF33000000FBFF},  // absent
            {0x0000A90010000067, "system descriptor", 0},  // TSS
            {0x0000A20010000FFF, "system descriptor", 0},  // LDT
            {0xFFC0AC0000080000, "system descriptor", 0},  // call gate
            {0x00CFBE000000FBFF, "conforming code segment", 0},
            {0x00CFB6000000FBFF, "expand-down data segment", 0},
            {0xFF40B3C000000000, "segment based in the Switcher", 0},
            {0xFFCFB3BFF800FFFF, "segment too close to the Switcher",
             0},
        }));
    const SegmentCheck s = check_segment(descriptor(sent));
    INFO(std::hex << sent);
    CHECK(std::string(s.problem ? s.problem : "") == problem);
    if (s.ok())
        CHECK(bits(s.fixed) == installed);
}
#line 4311 "chapters/05-host.nw"
TEST_CASE("a Guest may set GDT entries 6 to 31 only", "[host]") {
    for (std::uint32_t i = 0; i < GUEST_GDT_ENTRIES + 2; ++i) {
        INFO("entry " << i);
        CHECK((gdt_entry_problem(i) == nullptr) ==
              (i >= 6 && i < GUEST_GDT_ENTRIES));
    }
    CHECK(std::string(gdt_entry_problem(2)) == "the Switcher's");
    CHECK(std::string(gdt_entry_problem(5)) == "the Guest kernel's own");
    for (std::uint32_t i = 0; i < lhv::abi::kTlsEntries; ++i)
        CHECK(gdt_entry_problem(lhv::abi::kTlsFirstEntry + i) == nullptr);
}
#line 4332 "chapters/05-host.nw"
TEST_CASE("a fault inside the Switcher names what it was loading",
          "[host]") {
    const auto [at, loading] =
        GENERATE(table<std::uint32_t, std::string>({
            {32, "%gs"}, {36, "%fs"}, {40, "%es"}, {44, "%ds"},
            {56, "%cs or %ss"}, {48, "registers"},
        }));
    Registers r{};
    r.cs = LGUEST_CS;
    r.eip = SWITCHER_ADDRESS + 0x40;
    const std::uint32_t frame = REGISTERS_ADDRESS + at - 68;
    const char* what = switcher_fault(frame, r);
    CHECK(std::string(what ? what : "") == loading);
    r.eip = 0xC0100000;
    CHECK(switcher_fault(frame, r) == nullptr);
    r.eip = SWITCHER_ADDRESS + 0x40;
    r.cs = lhv::abi::kGuestKernelCs;
    CHECK(switcher_fault(frame, r) == nullptr);
}
