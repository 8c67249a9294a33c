// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 2674 "chapters/05-host.nw"
#include "harness.hpp"

using namespace lhv::test;

TEST_CASE("traps reach the Guest's handlers with the right frame",
          "[integration]") {
    const auto [name, words] = GENERATE(table<std::string, std::string>({
        {"reflect_ud2", "trap 6 reflected with the frame the processor "
                        "pushes\n"},
        {"direct_ud2", "trap 6 went straight to the Guest\n"},
        {"page_fault", "page fault at 0x00400000 reflected, cr2 and "
                       "error code right\n"},
    }));
    const Outcome run = run_lhv({test_guest(name)});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains(words));
    CHECK(run.err.empty());
}

TEST_CASE("a trap the Guest cannot take kills it, not the Host",
          "[integration]") {
    const Survived survived = run_then_healthy(
        {test_guest("bad_stack"), test_guest("handler_faults")});
    CHECK_THAT(survived.deaths[0],
               Contains("trap 6 (invalid opcode) at eip ") &&
                   Catch::EndsWith(": the Guest's stack cannot take the "
                                   "frame"));
    CHECK_THAT(survived.deaths[1],
               Contains("trap 14 (page fault) at eip 0x00001000") &&
                   Catch::EndsWith("the first instruction of a handler "
                                   "the Host just entered"));
}

TEST_CASE("LOAD_IDT_ENTRY refuses what is not a Guest's gate",
          "[integration]") {
    const auto [letter, words] = GENERATE(table<std::string, std::string>({
        {"t", "LOAD_IDT_ENTRY: vector 6 has gate type 0x5, not an "
              "interrupt or trap gate"},
        {"c", "LOAD_IDT_ENTRY: vector 6 has gate type 0xc, not an "
              "interrupt or trap gate"},
        {"s", "LOAD_IDT_ENTRY: vector 6's handler 0xffc00000 is in the "
              "Switcher"},
        {"v", "LOAD_IDT_ENTRY: vector 300 is past the IDT"},
    }));
    INFO(letter);
    const Survived survived =
        run_then_healthy({test_guest("bad_gate")}, {letter});
    CHECK_THAT(survived.deaths[0],
               Catch::StartsWith("lhv: guest died: " + words));
}

TEST_CASE("a trap from ring 3 uses the kernel stack, or kills",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("ring3_trap")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("a trap from ring 3 lands on the kernel "
                                 "stack, six words\n"));
    const Survived survived =
        run_then_healthy({test_guest("ring3_trap")}, {"n"});
    CHECK_THAT(survived.deaths[0],
               Contains("trap 14 (page fault) at eip ") &&
                   Catch::EndsWith("error code 0x5: the Guest has no "
                                   "kernel stack the Host can push to"));
}

TEST_CASE("int from ring 1 is a fault, not an interrupt or a hypercall",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("int_vectors")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("17 int instructions, 17 "
                                 "general-protection faults\n"));
}

TEST_CASE("LOAD_IDT_ENTRY ignores or fixes what it must",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("changed_gates")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("gates for 0x1f and 8 ignored\n") &&
                            Contains("the ud2 handler runs at ring 1\n") &&
                            Contains("int $0x20 is a general-protection "
                                     "fault\n"));
    CHECK_THAT(run.out, !Contains("obeyed"));
}

TEST_CASE("SET_STACK takes only a kernel stack in the Guest's memory",
          "[integration]") {
    const auto [letter, words] = GENERATE(table<std::string, std::string>({
        {"r", "SET_STACK: segment 0x10 is not the Guest kernel's data "
              "segment"},
        {"s", "SET_STACK: 1 pages below 0xffc03000 are not a stack in "
              "the Guest's memory"},
        {"u", "SET_STACK: the kernel stack page 0x003ff000 is not mapped "
              "writable by the Guest's page tables"},
        {"p", "SET_STACK: 3 pages below 0x"},
    }));
    INFO(letter);
    const Survived survived =
        run_then_healthy({test_guest("set_stack")}, {letter});
    CHECK_THAT(survived.deaths[0],
               Catch::StartsWith("lhv: guest died: " + words));
    const Outcome ok = run_lhv({test_guest("set_stack"), "o"});
    INFO(describe(ok));
    CHECK(ok.exit_code == 0);
}

TEST_CASE("the clock interrupts a halted Guest", "[integration]") {
    const Outcome run = run_lhv({test_guest("clock")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("tick after HALT; the Host gave the time "
                                 "and tsc_khz\n"));
}

TEST_CASE("an interrupt waits for the virtual flag", "[integration]") {
    const Outcome run = run_lhv({test_guest("clock_disabled")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out,
               Contains("irq_pending set while interrupts were off\n"
                        "the tick arrived after SEND_INTERRUPTS\n"));
}

TEST_CASE("a Guest that could never wake is reported", "[integration]") {
    const auto [letter, words] = GENERATE(table<std::string, std::string>({
        {"n", "HALT with no clock event set and no interrupt pending: "
              "nothing could wake the Guest"},
        {"b", "halted with only blocked interrupts pending: nothing "
              "could wake the Guest"},
    }));
    INFO(letter);
    const Survived survived =
        run_then_healthy({test_guest("halt_forever")}, {letter});
    CHECK_THAT(survived.deaths[0],
               Catch::StartsWith("lhv: guest died: " + words));
}

TEST_CASE("what a Guest may change is not a change to the Host",
          "[integration]") {
    const Outcome run =
        run_lhv({"--then", path_from_environment("LHV_GUEST"),
                 test_guest("per_guest_state")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(lines_of(run.err) ==
          std::vector<std::string>{"lhv: guest powered off", kHostIntact,
                                   "lhv: guest powered off",
                                   kHostIntact});
    CHECK_THAT(run.out, Contains("per-Guest state set\n") &&
                            Contains(kGuestBanner));
}

TEST_CASE("a storm of clock events and hypercalls leaves the Host "
          "standing", "[integration]") {
    const Outcome run = run_lhv({test_guest("clock_storm")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("2000 ticks, a long clock event and "
                                 "2000 SEND_INTERRUPTS\n"));
}
