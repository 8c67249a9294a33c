// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 1721 "chapters/A-kernel.nw"
#include "harness.hpp"
#include <fcntl.h>

using namespace lhv::test;

#line 1740 "chapters/A-kernel.nw"
TEST_CASE("the Host's panic reaches the user at once",
          "[integration]") {
    const MemoryFile old_qemu(
        "#!/bin/sh\nexec qemu-system-i386 -cpu pentium \"$@\"\n");
    const auto start = Clock::now();
    Lhv lhv(path_from_environment("LHV"),
            {path_from_environment("LHV_GUEST")},
            {"LHV_QEMU=" + old_qemu.path()});
    const Outcome run = lhv.finish(60s);
    INFO(describe(run));
    CHECK(Clock::now() - start < 10s);
    const auto at = run.out.find("host: trap 6 at eip 0x");
    REQUIRE(at != std::string::npos);
    const auto end = run.out.find('\n', at);
    const std::string reason =
        run.out.substr(at + 6, end - at - 6);  // after "host: "
    CHECK(run.exit_code == 1);
    const auto eip_end = reason.find(',');
    REQUIRE(eip_end != std::string::npos);
    CHECK_THAT(run.err,
               Catch::StartsWith("lhv: the Host died: " +
                                 reason.substr(0, eip_end) + " in ") &&
               Contains(", chapters/") &&
               Catch::EndsWith(reason.substr(eip_end) + "\n"));
}
#line 1780 "chapters/A-kernel.nw"
TEST_CASE("lhv --accel kvm ends at once, one way or the other",
          "[integration]") {
    const int kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
    if (kvm < 0) {
        WARN("/dev/kvm cannot be opened here: nothing to test");
        return;
    }
    close(kvm);
    const auto start = Clock::now();
    const Outcome run = run_lhv(
        {"--accel", "kvm", path_from_environment("LHV_GUEST")});
    INFO(describe(run));
    CHECK(Clock::now() - start < 20s);
    if (run.exit_code == 0) {
        CHECK_THAT(run.out, Contains(kGuestBanner));
    } else {
        CHECK(run.exit_code == 1);
        CHECK_THAT(run.err, Contains("lhv: the Host died: ") &&
                                Contains("--accel tcg will)\n"));
        CHECK(run.err.find("lhv: ") == run.err.rfind("lhv: "));
    }
}
