// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2695 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <cstring>
#include <memory>
#include "abi/hypercalls.hpp"
#include "launcher/exit_log.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;

static void write(ExitLog& log, ExitKind kind, uint32_t number,
                  uint32_t eip, uint32_t arg0 = 0, uint32_t arg1 = 0) {
    ExitRecord& record = log.records[log.head % kExitLogRecords];
    record = {static_cast<uint32_t>(kind), number, {arg0, arg1, 7, 7},
              eip};
    ++log.head;
}

#line 2722 "chapters/04-launcher.nw"
TEST_CASE("exit log: each kind of exit in words",
          "[launcher][exits]") {
    auto words = [](ExitKind kind, uint32_t number, uint32_t eip,
                    uint32_t arg0 = 0) {
        return describe_exit({static_cast<uint32_t>(kind), number,
                              {arg0, 2, 3, 4}, eip});
    };
    CHECK(words(ExitKind::Hypercall, LHCALL_NOTIFY, 0xc0100010,
                0x12345) ==
          "hypercall NOTIFY(0x00012345) at eip 0xc0100010");
    CHECK(words(ExitKind::Hypercall, LHCALL_FLUSH_ASYNC, 0xc0100010) ==
          "hypercall FLUSH_ASYNC() at eip 0xc0100010");
    CHECK(words(ExitKind::Hypercall, 99, 1, 1) ==
          "hypercall 99(0x00000001, 0x00000002, 0x00000003, "
          "0x00000004) at eip 0x00000001");
    CHECK(words(ExitKind::Trap, 14, 0xc0100005, 2) ==
          "trap 14 at eip 0xc0100005, error code 0x00000002");
    CHECK(words(ExitKind::Trap, 6, 0xc0100005) ==
          "trap 6 at eip 0xc0100005");
    CHECK(words(ExitKind::Interrupt, 0x23, 0xc0100007) ==
          "interrupt 0x23 (IRQ 3, the doorbell) at eip 0xc0100007");
    CHECK(words(ExitKind::Interrupt, 0x20, 0) ==
          "interrupt 0x20 (IRQ 0) at eip 0x00000000");
    CHECK(words(ExitKind::Interrupt, 0x80, 0) ==
          "interrupt 0x80 at eip 0x00000000");
    CHECK(words(ExitKind::Interrupt, 0xFFFFFFFF, 0) ==
          "interrupt 0xffffffff at eip 0x00000000");
    CHECK(describe_exit({0, 0, {}, 0}) == "a record of unknown kind 0");
    CHECK(describe_exit({0xFFFFFFFF, 0, {}, 0}) ==
          "a record of unknown kind 4294967295");
}
#line 2762 "chapters/04-launcher.nw"
TEST_CASE("exit log: each record is taken once, in order",
          "[launcher][exits]") {
    auto log = std::make_unique<ExitLog>();
    std::memset(static_cast<void*>(log.get()), 0x5A, sizeof *log);
    ExitLogReader reader(*log);
    reader.open(false);
    CHECK(log->wanted == 0);
    CHECK(log->head == 0);
    reader.open(true);
    CHECK(log->wanted == 1);
    CHECK(reader.take_lines().empty());
    write(*log, ExitKind::Hypercall, LHCALL_LGUEST_INIT, 0xc0100000,
          0x5000);
    write(*log, ExitKind::Hypercall, LHCALL_NOTIFY, 0xc0100004, 0x6000);
    auto lines = reader.take_lines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "lhv: exit: hypercall LGUEST_INIT(0x00005000) "
                      "at eip 0xc0100000");
    CHECK(lines[1] == "lhv: exit: hypercall NOTIFY(0x00006000) "
                      "at eip 0xc0100004");
    CHECK(log->tail == 2);
    CHECK(reader.take_lines().empty());
    for (uint32_t round = 0; round < 3; ++round) {
        for (uint32_t i = 0; i < 100; ++i)
            write(*log, ExitKind::Trap, 6, i);
        lines = reader.take_lines();
        REQUIRE(lines.size() == 100);
        CHECK(lines[99] == "lhv: exit: trap 6 at eip 0x00000063");
    }
    CHECK(log->tail == 302);
}
#line 2803 "chapters/04-launcher.nw"
TEST_CASE("exit log: a hostile log is reported, not believed",
          "[launcher][exits]") {
    auto log = std::make_unique<ExitLog>();
    ExitLogReader reader(*log);
    reader.open(true);
    for (uint32_t bad : {129u, 0xFFFFFFFFu, 0x80000000u}) {
        INFO(bad);
        log->head = log->tail + bad;
        auto lines = reader.take_lines();
        REQUIRE(lines.size() == 1);
        CHECK_THAT(lines[0],
                   Catch::StartsWith("lhv: the exit log is damaged: the "
                                     "Host claims " + std::to_string(bad)));
        CHECK(log->tail == log->head);
    }
    for (uint32_t i = 0; i < kExitLogRecords; ++i)
        write(*log, ExitKind::Interrupt, 0x23, i);
    CHECK(reader.take_lines().size() == kExitLogRecords);
    log->lost = 5;
    write(*log, ExitKind::Trap, 13, 0, 0);
    auto lines = reader.take_lines();
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "lhv: exit: trap 13 at eip 0x00000000, error code "
                      "0x00000000");
    CHECK(lines[1] == "lhv: 5 exit records lost (the log was full)");
    CHECK(reader.take_lines().empty());
    log->lost = 7;
    CHECK(reader.take_lines() ==
          std::vector<std::string>{
              "lhv: 2 exit records lost (the log was full)"});
    write(*log, static_cast<ExitKind>(42), 0xFFFFFFFF, 0xFFFFFFFF);
    CHECK(reader.take_lines() ==
          std::vector<std::string>{
              "lhv: exit: a record of unknown kind 42"});
}
