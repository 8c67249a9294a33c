// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 6449 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <thread>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include "guest/ip.hpp"
#include "harness.hpp"

namespace ip = lhv::guest::ip;

using namespace lhv::test;
using Catch::Contains;

#line 6485 "chapters/03-drivers.nw"
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
#line 6509 "chapters/03-drivers.nw"
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
#line 6538 "chapters/03-drivers.nw"
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
#line 6887 "chapters/03-drivers.nw"
TEST_CASE("a TAP that cannot be had is one line, before QEMU",
          "[integration][net][tap]") {
    Outcome run =
        run_lhv({"--net", "tap:bad/name", test_guest("device_net")});
    INFO(describe(run));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "lhv: --net tap:bad/name: the name has a '/', "
                     "which Linux refuses (try lhv --help)\n");
    run = run_lhv({"--net", "tap:lo", test_guest("device_net")});
    INFO(describe(run));
    CHECK(run.exit_code == 2);
    CHECK(run.err.starts_with("lhv: --net tap:lo: "));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    CHECK(std::filesystem::exists("/sys/class/net/lo"));
}
#line 9690 "chapters/03-drivers.nw"
TEST_CASE("two Guests ping each other over the cable",
          "[integration][net]") {
    const std::string path = cable_path("ping");
    const std::string guest = path_from_environment("LHV_GUEST");
    Lhv one({"--net", "socket:" + path, guest, "init=ping", "10.0.0.2",
             "10", "5"});
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
#line 9788 "chapters/03-drivers.nw"
static std::string find_program(const std::string& name) {
    std::istringstream path(std::getenv("PATH") ? std::getenv("PATH") : "");
    for (std::string directory; std::getline(path, directory, ':');)
        if (::access((directory + "/" + name).c_str(), X_OK) == 0)
            return directory + "/" + name;
    return "";
}

#line 9846 "chapters/03-drivers.nw"
static bool reply_arrives(int socket, std::uint32_t from,
                          std::uint16_t sequence) {
    const auto deadline = std::chrono::steady_clock::now() + 2s;
    while (std::chrono::steady_clock::now() < deadline) {
        pollfd ready{socket, POLLIN, 0};
        if (::poll(&ready, 1, 100) <= 0) continue;
        std::uint8_t packet[2048];
        const ssize_t n = ::recv(socket, packet, sizeof packet, 0);
        if (n < ssize_t(ip::kIpHeader)) continue;
        const std::uint32_t header = (packet[0] & 0xF) * 4u;
        const std::uint8_t* icmp = packet + header;
        if (n >= ssize_t(header + ip::kIcmpHeader) &&
            ip::get32(packet + 12) == from && icmp[0] == ip::kEchoReply &&
            ip::get16(icmp + 4) == 0x4C48 &&
            ip::get16(icmp + 6) == sequence)
            return true;
    }
    return false;
}

static int linux_pings(pid_t inside, std::uint32_t to, int count) {
    int socket = -1;
    std::thread enter([&] {
        const std::string net =
            "/proc/" + std::to_string(inside) + "/ns/net";
        const int ns = ::open(net.c_str(), O_RDONLY | O_CLOEXEC);
        if (ns >= 0 && ::setns(ns, CLONE_NEWNET) == 0)
            socket = ::socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC,
                              IPPROTO_ICMP);
        if (ns >= 0) ::close(ns);
    });
    enter.join();
    REQUIRE(socket >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(to);
    int answered = 0;
    for (int sequence = 1; sequence <= count; ++sequence) {
        std::uint8_t request[ip::kIcmpHeader + ip::kPingData] = {
            ip::kEchoRequest};
        ip::put16(request + 4, 0x4C48);
        ip::put16(request + 6, std::uint16_t(sequence));
        ip::put16(request + 2, ip::checksum(request, sizeof request));
        CHECK(::sendto(socket, request, sizeof request, 0,
                       reinterpret_cast<sockaddr*>(&address),
                       sizeof address) == ssize_t(sizeof request));
        answered += reply_arrives(socket, to, std::uint16_t(sequence));
    }
    ::close(socket);
    return answered;
}

#line 9798 "chapters/03-drivers.nw"
TEST_CASE("a Guest on a TAP and Linux ping each other",
          "[integration][net][tap]") {
    const std::string unshare = find_program("unshare"),
                      nsenter = find_program("nsenter"),
                      ip = find_program("ip");
    const int tun = ::open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (tun >= 0) ::close(tun);
    if (::geteuid() != 0 || tun < 0 || unshare.empty() ||
        nsenter.empty() || ip.empty()) {
        WARN("not run: needs root, /dev/net/tun, unshare, nsenter, ip");
        return;
    }
    const std::string name = "lhvtap" + std::to_string(::getpid());
    Lhv lhv(unshare, {"-n", "--", path_from_environment("LHV"), "--net",
                      "tap:" + name, path_from_environment("LHV_GUEST"),
                      "init=ping", "10.0.0.254", "3", "5"});
    REQUIRE(lhv.wait_until([&] { return !lhv.qemu().empty(); }, 30s));
    const pid_t inside = lhv.qemu().front();
    const std::string there =
        nsenter + " -t " + std::to_string(inside) + " -n " + ip + " ";
    REQUIRE(std::system((there + "addr add 10.0.0.254/24 dev " + name)
                            .c_str()) == 0);
    REQUIRE(std::system((there + "link set " + name + " up").c_str()) == 0);
    REQUIRE(lhv.wait_until(
        [&] { return lhv.out().find(" sent, ") != std::string::npos; },
        60s));
    const int answered = linux_pings(inside, ip::ipv4(10, 0, 0, 1), 3);
    const Outcome run = lhv.finish();
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("network card 02:00:00:00:00:01, "
                                 "address 10.0.0.1\n"));
    CHECK_THAT(run.out, Contains("64 bytes from 10.0.0.254: icmp_seq=3 "));
    CHECK_THAT(run.out, Contains("3 sent, 3 received, median "));
    CHECK(answered == 3);
}
