// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 6553 "chapters/05-host.nw"
#include <catch2/catch.hpp>
#include <cstdint>
#include <map>
#include <string>
#include <vector>
#include "host/page_entries.hpp"

using namespace lhv::host;

namespace {
constexpr uint32_t kPages = 16;                  // pfn_limit
constexpr uint32_t kDirectory = 0x2000, kTable = 0x3000;
const std::string kBeyond = "maps a page beyond the Guest's memory";
const std::string kLarge = "asks for a large page";

struct CraftedGuest {
    std::vector<uint32_t> words = std::vector<uint32_t>(kPages * 1024);
    std::map<uint32_t, int> reads;  // Guest-physical address: how often

    uint32_t& at(uint32_t address) { return words.at(address / 4); }
    uint32_t& pde(uint32_t index) { return at(kDirectory + index * 4); }
    uint32_t& pte(uint32_t index) { return at(kTable + index * 4); }
    GuestWalk walk(uint32_t address) {
        reads.clear();
        auto read = [this](uint32_t gp) {
            ++reads[gp];
            return words.at(gp / 4);
        };
        return walk_guest_tables(read, kDirectory, address, kPages);
    }
};

std::string text(const char* s) { return s ? s : ""; }
}  // namespace
#line 6595 "chapters/05-host.nw"
TEST_CASE("the walk finds a page with the rights of both entries",
          "[host][walk]") {
    CraftedGuest g;
    g.pde(64) = kTable | 7;          // 0x10000000: user, writable
    g.pte(5) = 0x9000 | 3;           // writable, kernel only
    GuestWalk w = g.walk(0x10005123);
    CHECK(w.mapped);
    CHECK(w.problem == nullptr);
    CHECK(w.page == 0x9000);
    CHECK(w.rights == 3);
    CHECK(w.entry == 0x9003);
    CHECK(text(w.which) == "page-table entry");
    CHECK(w.read_pte);
    CHECK(w.pte == kTable + 5 * 4);
    g.pde(65) = kTable | 5;          // 0x10400000: user, read-only
    g.pte(6) = 0xA000 | 7;
    w = g.walk(0x10406000);
    CHECK(w.mapped);
    CHECK(w.page == 0xA000);
    CHECK(w.rights == 5);
}
#line 6624 "chapters/05-host.nw"
TEST_CASE("an absent entry ends the walk without a problem",
          "[host][walk]") {
    CraftedGuest g;
    g.pde(64) = 0xFFFFF0FE;          // not present, every other bit set
    GuestWalk w = g.walk(0x10000000);
    CHECK_FALSE(w.mapped);
    CHECK(w.problem == nullptr);
    CHECK(text(w.which) == "page-directory entry");
    CHECK_FALSE(w.read_pte);
    CHECK(g.reads.size() == 1);
    g.pde(64) = kTable | 7;
    g.pte(0) = 0xFFFFF0FE;
    w = g.walk(0x10000000);
    CHECK_FALSE(w.mapped);
    CHECK(w.problem == nullptr);
    CHECK(text(w.which) == "page-table entry");
    CHECK(w.entry == 0xFFFFF0FE);
    CHECK(w.read_pte);
    CHECK(g.reads.size() == 2);
}
#line 6653 "chapters/05-host.nw"
TEST_CASE("a directory entry beyond the Guest is not followed",
          "[host][walk]") {
    CraftedGuest g;
    for (uint32_t frame : {kPages, 0xFFFFFu}) {
        INFO(frame);
        g.pde(64) = (frame << 12) | 7;
        GuestWalk w = g.walk(0x10000000);
        CHECK_FALSE(w.mapped);
        CHECK(text(w.problem) == kBeyond);
        CHECK(text(w.which) == "page-directory entry");
        CHECK(w.entry == ((frame << 12) | 7));
        CHECK_FALSE(w.read_pte);
        CHECK(g.reads.size() == 1);
    }
    g.pde(64) = ((kPages - 1) << 12) | 7;   // the device page
    g.at((kPages - 1) * 4096) = 0x9000 | 7;
    GuestWalk w = g.walk(0x10000000);
    CHECK(w.mapped);
    CHECK(w.page == 0x9000);
}
#line 6680 "chapters/05-host.nw"
TEST_CASE("a table entry beyond the Guest is refused, the device page "
          "is not", "[host][walk]") {
    CraftedGuest g;
    g.pde(64) = kTable | 7;
    for (uint32_t frame : {kPages, 0xFFFFFu}) {
        INFO(frame);
        g.pte(1) = (frame << 12) | 3;
        GuestWalk w = g.walk(0x10001000);
        CHECK_FALSE(w.mapped);
        CHECK(text(w.problem) == kBeyond);
        CHECK(text(w.which) == "page-table entry");
        CHECK(w.entry == ((frame << 12) | 3));
    }
    g.pte(1) = ((kPages - 1) << 12) | 3;
    GuestWalk w = g.walk(0x10001000);
    CHECK(w.mapped);
    CHECK(w.problem == nullptr);
    CHECK(w.page == (kPages - 1) * 4096);
}
#line 6707 "chapters/05-host.nw"
TEST_CASE("bit 7 is refused in either entry", "[host][walk]") {
    CraftedGuest g;
    g.pde(64) = 0x00000083;
    GuestWalk w = g.walk(0x10000000);
    CHECK(text(w.problem) == kLarge);
    CHECK(text(w.which) == "page-directory entry");
    CHECK_FALSE(w.read_pte);
    g.pde(64) = kTable | 7;
    g.pte(0) = 0x9083;
    w = g.walk(0x10000000);
    CHECK(text(w.problem) == kLarge);
    CHECK(text(w.which) == "page-table entry");
}
#line 6734 "chapters/05-host.nw"
TEST_CASE("a directory that maps itself is read as its own table",
          "[host][walk]") {
    CraftedGuest g;
    g.pde(1) = kDirectory | 3;
    g.pde(64) = kTable | 7;
    g.pde(65) = 0x00000083;          // a large page, refused as a PTE
    for (uint32_t i = 0; i < 1024; ++i) {
        INFO(i);
        GuestWalk w = g.walk(0x00400000 + i * 4096);
        CHECK(w.entry == g.pde(i));
        CHECK(w.pte == kDirectory + i * 4);
        CHECK(w.mapped == (i == 1 || i == 64));
        CHECK((w.problem != nullptr) == (i == 65));
    }
    GuestWalk w = g.walk(0x00401000);
    CHECK(w.page == kDirectory);     // the directory, as a page
    CHECK(w.rights == 3);
    w = g.walk(0x00440000);
    CHECK(w.page == kTable);         // the table of 0x10000000
    CHECK(w.rights == 3);            // 3 from entry 1, 7 from entry 64
}
#line 6764 "chapters/05-host.nw"
TEST_CASE("the walk reads each entry exactly once", "[host][walk]") {
    CraftedGuest g;
    g.pde(64) = kTable | 7;
    for (uint32_t entry : {0x9003u, (kPages << 12) | 3, 0x9083u, 0u}) {
        INFO(entry);
        g.pte(2) = entry;
        g.walk(0x10002000);
        CHECK(g.reads == std::map<uint32_t, int>{{kDirectory + 64 * 4, 1},
                                                 {kTable + 2 * 4, 1}});
    }
}
