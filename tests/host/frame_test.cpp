// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3205 "chapters/05-host.nw"
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <string>
#include "host/frame.hpp"

using namespace lhv::host;
using lhv::abi::kGuestKernelCs;
using lhv::abi::kGuestKernelDs;

#line 3233 "chapters/05-host.nw"
struct RegisterPage {
    std::uint32_t words[1024] = {};
    std::uint32_t top = 1024;  // index of the last push

    void push(std::uint32_t value) { words[--top] = value; }
    std::uint32_t address() const { return SWITCHER_REGS_PAGE + top * 4; }
    Registers at(std::uint32_t address) const {
        Registers r;
        std::memcpy(&r, &words[(address - SWITCHER_REGS_PAGE) / 4],
                    sizeof r);
        return r;
    }
};

struct Trap {
    std::uint32_t vector = 13, error = 0, eip = 0xC0100000;
    std::uint32_t cs = kGuestKernelCs, eflags = 0x202;
    std::uint32_t esp = 0xC0200000, ss = kGuestKernelDs;
    bool vm86 = false;
};

static std::uint32_t simulate(RegisterPage& page, const Trap& t) {
    if (t.vm86)                          // the processor: gs fs ds es
        for (int i = 0; i < 4; ++i)
            page.push(0);
    for (std::uint32_t w : {t.ss, t.esp, t.eflags, t.cs, t.eip})
        page.push(w);                    // the processor
    page.push(t.error);                  // processor or stub
    page.push(t.vector);                 // the stub
    for (int i = 0; i < 4 + 8; ++i)      // segments, then pusha
        page.push(0);
    return page.address();
}
#line 3272 "chapters/05-host.nw"
TEST_CASE("a trap frame from ring 1 or 3 passes the check", "[host]") {
    const std::uint32_t ring3_cs = (6 << 3) | 3, ring3_ss = (7 << 3) | 3;
    for (Trap t : {Trap{}, Trap{.cs = ring3_cs, .ss = ring3_ss}}) {
        RegisterPage page;
        const std::uint32_t address = simulate(page, t);
        CHECK(address == REGISTERS_ADDRESS);
        const Registers r = page.at(address);
        CHECK(check_frame(address, r).ok());
        CHECK(r.trapnum == t.vector);
        CHECK(r.eip == t.eip);
    }
}
#line 3292 "chapters/05-host.nw"
TEST_CASE("a virtual-8086 frame is recognised by its place",
          "[host]") {
    RegisterPage page;
    const Trap t{.vector = 14, .cs = 0, .eflags = 0x20202, .ss = 0,
                 .vm86 = true};
    const std::uint32_t address = simulate(page, t);
    CHECK(address == REGISTERS_ADDRESS - kVm86ExtraBytes);
    CHECK(page.at(REGISTERS_ADDRESS).trapnum == t.eflags);  // misread
    const FrameProblem p = check_frame(address, page.at(address));
    CHECK(std::string(p.what ? p.what : "") ==
          "virtual-8086 mode, EFLAGS");
    CHECK(p.value == t.eflags);
}
#line 3312 "chapters/05-host.nw"
TEST_CASE("each inconsistent field of a frame is refused", "[host]") {
    const auto [name, trap, spoiled] =
        GENERATE(table<std::string, Trap, std::uint32_t>({
            {"trap number", Trap{.vector = 256}, 256},
            {"virtual-8086 mode, EFLAGS", Trap{.eflags = 0x20202},
             0x20202},
            {"I/O privilege in EFLAGS", Trap{.eflags = 0x3202}, 0x3202},
            {"interrupts off in EFLAGS", Trap{.eflags = 0x002}, 0x002},
            {"code selector", Trap{.cs = 0x08}, 0x08},
            {"code selector", Trap{.cs = kGuestKernelCs + 1},
             kGuestKernelCs + 1u},
            {"stack selector", Trap{.ss = 0x10}, 0x10},
        }));
    RegisterPage page;
    const std::uint32_t address = simulate(page, trap);
    const FrameProblem p = check_frame(address, page.at(address));
    INFO(name);
    CHECK(std::string(p.what ? p.what : "") == name);
    CHECK(p.value == spoiled);
}

TEST_CASE("a frame anywhere else is refused", "[host]") {
    RegisterPage page;
    const std::uint32_t address = simulate(page, Trap{}) - 12;
    const FrameProblem p = check_frame(address, page.at(address));
    CHECK(std::string(p.what ? p.what : "") == "saved at");
    CHECK(p.value == address);
}
