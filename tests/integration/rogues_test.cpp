// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1748 "chapters/02-guest.nw"
#include "harness.hpp"

using namespace lhv::test;

#line 1763 "chapters/02-guest.nw"
std::string died_of(const std::string& trap, const std::string& guest) {
    return "lhv: guest died: " + trap + " at eip " +
           eip_text(elf_entry(guest));
}
#line 1776 "chapters/02-guest.nw"
TEST_CASE("a forbidden instruction kills the Guest", "[integration]") {
    const std::vector<std::pair<std::string, std::string>> rogues = {
        {"cli", "trap 13 (general protection)"},
        {"hlt", "trap 13 (general protection)"},
        {"write_cr3", "trap 13 (general protection)"},
        {"ring0_ds", "trap 13 (general protection)"},
        {"ud2", "trap 6 (invalid opcode)"},
        {"null_pointer", "trap 14 (page fault)"},
    };
    std::vector<std::string> guests;
    for (const auto& [name, trap] : rogues)
        guests.push_back(test_guest(name));
    const Survived survived = run_then_healthy(guests);
    for (std::size_t i = 0; i < rogues.size(); ++i) {
        INFO(rogues[i].first);
        CHECK_THAT(survived.deaths[i],
                   Catch::StartsWith(died_of(rogues[i].second,
                                             guests[i])));
    }
}

TEST_CASE("the Guest cannot write the Switcher", "[integration]") {
    const std::string guest = test_guest("write_switcher");
    const Survived survived = run_then_healthy({guest});
    CHECK_THAT(survived.deaths[0],
        Catch::StartsWith(died_of("trap 13 (general protection)",
                                  guest)) ||
        Catch::StartsWith(died_of("trap 14 (page fault)", guest)));
}
#line 1813 "chapters/02-guest.nw"
TEST_CASE("an unknown hypercall kills the Guest", "[integration]") {
    const Survived survived =
        run_then_healthy({test_guest("unknown_hypercall")});
    CHECK_THAT(survived.deaths[0],
               Catch::StartsWith("lhv: guest died: unknown hypercall 99"));
}

TEST_CASE("a bad hypercall argument kills the Guest", "[integration]") {
    const std::vector<std::pair<std::string, std::string>> rogues = {
        {"before_init", "before LGUEST_INIT"},
        {"notify_outside", "0x80000000"},
        {"bad_init", "lguest_data"},
    };
    std::vector<std::string> guests;
    for (const auto& [name, words] : rogues)
        guests.push_back(test_guest(name));
    const Survived survived = run_then_healthy(guests);
    for (std::size_t i = 0; i < rogues.size(); ++i) {
        INFO(rogues[i].first);
        CHECK_THAT(survived.deaths[i], Contains(rogues[i].second));
    }
    CHECK_THAT(survived.run.out, !Contains("must never be printed"));
}
