// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 6365 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "harness.hpp"

using namespace lhv::test;
using Catch::Contains;

#line 6387 "chapters/03-drivers.nw"
static int bound_end(const std::string& path, int side) {
    const std::string name =
        "lhv-net:" + path + ":" + std::to_string(side);
    int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path + 1, name.data(), name.size());
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address),
                   socklen_t(offsetof(sockaddr_un, sun_path) + 1 +
                             name.size())) == 0);
    return fd;
}

static std::string cable_path(const char* what) {
    return "/tmp/lhv-" + std::string(what) + "-" +
           std::to_string(::getpid()) + ".net";
}
#line 6411 "chapters/03-drivers.nw"
TEST_CASE("a Guest's frames cross the cable, runts and oversize ones "
          "do not", "[integration][net]") {
    const std::string path = cable_path("frames");
    const int partner = bound_end(path, 1);
    const Outcome run =
        run_lhv({"--net", "socket:" + path, test_guest("device_net")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("the card's MAC is side 0's\n"));
    CHECK_THAT(run.out,
               Contains("three frames given back, and the interrupt\n"));
    CHECK_THAT(run.err, Contains("lhv: net: 1 frames sent, 0 received; "
                                 "dropped: 1 runt and 1 oversize from "
                                 "the Guest"));
    char bytes[2048];
    ssize_t n = ::recv(partner, bytes, sizeof bytes, MSG_DONTWAIT);
    REQUIRE(n == 60);
    CHECK(std::string(bytes + 14, 14) == "lhv test frame");
    CHECK(::recv(partner, bytes, sizeof bytes, MSG_DONTWAIT) < 0);
    CHECK_FALSE(std::filesystem::exists(path));
    ::close(partner);
}
#line 6440 "chapters/03-drivers.nw"
TEST_CASE("a cable takes two Launchers, not three", "[integration][net]") {
    const std::string path = cable_path("three");
    const int first = bound_end(path, 0);
    Outcome run =
        run_lhv({"--net", "socket:" + path, test_guest("device_net")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("the card's MAC is side 1's\n"));
    const int second = bound_end(path, 1);
    run = run_lhv({"--net", "socket:" + path, test_guest("device_net")});
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "lhv: the network cable " + path +
                         " already joins two Launchers\n");
    CHECK_FALSE(std::filesystem::exists(path));
    ::close(first);
    ::close(second);
}
#line 9259 "chapters/03-drivers.nw"
TEST_CASE("two Guests ping each other over the cable",
          "[integration][net]") {
    const std::string path = cable_path("ping");
    const std::string guest = path_from_environment("LHV_GUEST");
    Lhv one({"--net", "socket:" + path, guest, "init=ping", "10.0.0.2",
             "10"});
    REQUIRE(one.wait_until([&] { return !one.qemu().empty(); }, 30s));
    Lhv two({"--net", "socket:" + path, guest, "init=ping", "10.0.0.1",
             "1", "5"});
    const Outcome first = one.finish();
    const Outcome second = two.finish();
    INFO(describe(first));
    INFO(describe(second));
    CHECK(first.exit_code == 0);
    CHECK(second.exit_code == 0);
    CHECK_THAT(first.out, Contains("network card 02:00:00:00:00:01, "
                                   "address 10.0.0.1\n"));
    CHECK_THAT(second.out, Contains("network card 02:00:00:00:00:02, "
                                    "address 10.0.0.2\n"));
    CHECK_THAT(first.out, Contains("64 bytes from 10.0.0.2: icmp_seq=10 "));
    CHECK_THAT(first.out, Contains("10 sent, 10 received, median "));
    CHECK_THAT(second.out, Contains("1 sent, 1 received, median "));
    CHECK_FALSE(std::filesystem::exists(path));
}
