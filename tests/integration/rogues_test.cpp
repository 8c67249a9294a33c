// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 1594 "chapters/02-guest.nw"
#include "harness.hpp"

using namespace lhv::test;

#line 1610 "chapters/02-guest.nw"
std::string died_of(const std::string& trap, const std::string& guest) {
    return "lhv: guest died: " + trap + " at eip " +
           eip_text(elf_entry(guest));
}
#line 1623 "chapters/02-guest.nw"
TEST_CASE("a forbidden instruction kills the Guest", "[integration]") {
    const auto [name, trap] = GENERATE(table<std::string, std::string>({
        {"cli", "trap 13 (general protection)"},
        {"hlt", "trap 13 (general protection)"},
        {"write_cr3", "trap 13 (general protection)"},
        {"ring0_ds", "trap 13 (general protection)"},
        {"ud2", "trap 6 (invalid opcode)"},
        {"null_pointer", "trap 14 (page fault)"},
    }));
    const std::string guest = test_guest(name);
    const Outcome run = run_lhv({guest});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains(died_of(trap, guest)));
}

TEST_CASE("the Guest cannot write the Switcher", "[integration]") {
    const std::string guest = test_guest("write_switcher");
    const Outcome run = run_lhv({guest});
    INFO(describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err,
               Contains(died_of("trap 13 (general protection)", guest)) ||
               Contains(died_of("trap 14 (page fault)", guest)));
}
#line 1656 "chapters/02-guest.nw"
TEST_CASE("an unknown hypercall kills the Guest", "[integration]") {
    const Outcome run = run_lhv({test_guest("unknown_hypercall")});
    INFO(describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains("lhv: guest died: unknown hypercall 99"));
}

TEST_CASE("a bad hypercall argument kills the Guest", "[integration]") {
    const auto [name, words] = GENERATE(table<std::string, std::string>({
        {"before_init", "before LGUEST_INIT"},
        {"notify_outside", "0x80000000"},
        {"bad_init", "lguest_data"},
    }));
    const Outcome run = run_lhv({test_guest(name)});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains("lhv: guest died: ") && Contains(words));
    CHECK_THAT(run.out, !Contains("must never be printed"));
}
