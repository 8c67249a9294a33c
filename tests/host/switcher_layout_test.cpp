// generated from chapters/06-switcher.nw -- edit the chapter, not this file
#line 1082 "chapters/06-switcher.nw"
#include <catch2/catch.hpp>
#include <cstddef>
#include "switcher/switcher.hpp"

using namespace lhv::host;

TEST_CASE("the trap frame ends at the top of the register page",
          "[host]") {
    CHECK(REGISTERS_ADDRESS + sizeof(Registers) ==
          SWITCHER_REGS_PAGE + 4096u);
    // The processor pushes eip, cs, eflags, esp, ss: the last 5 words.
    CHECK(offsetof(Registers, eip) == sizeof(Registers) - 5 * 4);
    CHECK(offsetof(Registers, errcode) + 4 == offsetof(Registers, eip));
}

TEST_CASE("the Switcher's pages sit where the ABI says", "[host]") {
    CHECK(SWITCHER_ADDRESS == lhv::abi::kSwitcherAddress);
    CHECK(SWITCHER_STATE_PAGE + 4096u ==
          SWITCHER_ADDRESS + SWITCHER_PAGES * 4096u);
    CHECK(offsetof(SwitcherState, guest_idt) + 256 * sizeof(Gate) <=
          4096u);
    CHECK(offsetof(SwitcherState, guest_gdt) % 8 == 0);
}
