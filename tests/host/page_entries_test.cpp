// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 6114 "chapters/05-host.nw"
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include "host/page_entries.hpp"

using namespace lhv::host;

static std::string text(const char* problem) {
    return problem ? problem : "";
}

TEST_CASE("a page directory must be a page of the Guest's memory",
          "[host]") {
    const std::string bad = "is not a page of the Guest's memory";
    CHECK(text(page_directory_problem(0, 16)) == "");
    CHECK(text(page_directory_problem(15 * 4096, 16)) == "");
    CHECK(text(page_directory_problem(16 * 4096, 16)) == bad);
    CHECK(text(page_directory_problem(0x1001, 16)) == bad);
    CHECK(text(page_directory_problem(0xFFFFF000, 16)) == bad);
}

TEST_CASE("a present entry must map a page of the Guest's memory",
          "[host]") {
    CHECK(text(guest_entry_problem(0, 16)) == "");
    CHECK(text(guest_entry_problem(0xFFFFF0FE, 16)) == "");  // absent
    CHECK(text(guest_entry_problem(0x0000F003, 16)) == "");
    CHECK(text(guest_entry_problem(0x00010003, 16)) ==
          "maps a page beyond the Guest's memory");
    CHECK(text(guest_entry_problem(0xFFFFF001, 16)) ==
          "maps a page beyond the Guest's memory");
    CHECK(text(guest_entry_problem(0x00000083, 16)) ==
          "asks for a large page");
    CHECK(kSwitcherDirectoryIndex == 1023);
}
