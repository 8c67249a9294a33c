// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 5677 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <sstream>
#include <string>
#include <utility>
#include <vector>
#include <fcntl.h>
#include <linux/capability.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>
#include "abi/virtio.hpp"
#include "launcher/errors.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/net.hpp"
#include "launcher/virtqueue.hpp"
#include "test_driver.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;
using Catch::Contains;

#line 5731 "chapters/03-drivers.nw"
struct NetDriver : TestMemory {
    VirtqueueConfig configs[2] = {
        {16, GuestPhysical{0x1000}, GuestPhysical{0x1100},
         GuestPhysical{0x2000}},
        {16, GuestPhysical{0x3000}, GuestPhysical{0x3100},
         GuestPhysical{0x4000}}};
    std::uint16_t published[2] = {0, 0};
    std::vector<Virtqueue> queues;

    NetDriver() {
        for (auto& config : configs)
            queues.emplace_back("net queue",
                                GuestMemory(bytes, bytes.size()), config);
    }
    std::uint32_t buffer_at(int queue) const {
        return (queue == 0 ? 0xA000 : 0x8000) +
               (published[queue] % 4) * 0x800;
    }
    std::uint16_t publish(int queue,
                          std::vector<std::pair<std::uint32_t,
                                                std::uint32_t>> buffers,
                          std::uint16_t flags) {
        const VirtqueueConfig& config = configs[queue];
        const std::uint16_t head = (published[queue] % 4) * 4;
        for (std::size_t i = 0; i < buffers.size(); ++i) {
            std::uint16_t more = i + 1 < buffers.size() ? kDescNext : 0;
            put(config.descriptors.value + 16 * (head + i),
                VirtqDesc{buffers[i].first, buffers[i].second,
                          std::uint16_t(flags | more),
                          std::uint16_t(head + i + 1)});
        }
        put<std::uint16_t>(config.available.value +
                               avail_slot(published[queue] % 16),
                           head);
        put<std::uint16_t>(config.available.value + kRingIdx,
                           ++published[queue]);
        return head;
    }
    void transmit(const std::vector<std::byte>& frame,
                  std::uint32_t split = sizeof(NetHeader)) {
        const std::uint32_t at = buffer_at(1);
        const std::uint32_t total = sizeof(NetHeader) + frame.size();
        std::memset(&bytes[at], 0, sizeof(NetHeader));
        if (!frame.empty())
            std::memcpy(&bytes[at + sizeof(NetHeader)], frame.data(),
                        frame.size());
        if (split >= total)
            publish(1, {{at, total}}, 0);
        else
            publish(1, {{at, split}, {at + split, total - split}}, 0);
    }
    std::uint16_t give(std::vector<std::uint32_t> sizes) {
        std::uint32_t at = buffer_at(0);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> buffers;
        for (std::uint32_t size : sizes) {
            buffers.emplace_back(at, size);
            at += size;
        }
        return publish(0, buffers, kDescWrite);
    }
    std::uint16_t used_idx(int queue) const {
        return get<std::uint16_t>(configs[queue].used.value + kRingIdx);
    }
    VirtqUsedElem used(int queue, std::uint32_t slot) const {
        return get<VirtqUsedElem>(configs[queue].used.value +
                                  used_slot(slot));
    }
};
#line 5808 "chapters/03-drivers.nw"
static std::vector<std::byte> frame(std::size_t length, int seed = 0) {
    std::vector<std::byte> bytes(length);
    for (std::size_t i = 0; i < length; ++i)
        bytes[i] = std::byte((i + seed) % 251);
    return bytes;
}

struct NetPair {
    UniqueFd partner;
    NetDevice card;

    static NetDevice make(UniqueFd& partner, int side,
                          std::ostream* report_to) {
        int fds[2];
        REQUIRE(::socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, fds) ==
                0);
        partner = UniqueFd{fds[1]};
        return NetDevice(NetCable(UniqueFd{fds[0]}, side, ""), report_to);
    }
    explicit NetPair(int side = 0, std::ostream* report_to = nullptr)
        : card(make(partner, side, report_to)) {}

    std::vector<std::byte> received() const {
        std::vector<std::byte> bytes(4096);
        ssize_t n = ::recv(partner.get(), bytes.data(), bytes.size(),
                           MSG_DONTWAIT);
        if (n < 0) return {std::byte{0xFF}};  // no frame: not a frame
        bytes.resize(std::size_t(n));
        return bytes;
    }
    void send(const std::vector<std::byte>& bytes) const {
        REQUIRE(::send(partner.get(), bytes.data(), bytes.size(), 0) ==
                ssize_t(bytes.size()));
    }
};
#line 5853 "chapters/03-drivers.nw"
TEST_CASE("net: a frame goes out as one datagram", "[launcher][net]") {
    NetPair pair;
    NetDriver driver;
    driver.transmit(frame(60));
    CHECK(pair.card.serve(kNetTransmitQueue, driver.queues));
    CHECK(pair.received() == frame(60));
    driver.transmit(frame(kEthMaxFrame, 1), 9999);
    driver.transmit(frame(kEthHeaderBytes, 2), 5);
    CHECK(pair.card.serve(kNetTransmitQueue, driver.queues));
    CHECK(pair.received() == frame(kEthMaxFrame, 1));
    CHECK(pair.received() == frame(kEthHeaderBytes, 2));
    CHECK(driver.used_idx(1) == 3);
    CHECK(driver.used(1, 2).len == 0);
    CHECK(pair.card.counts().sent == 3);
    CHECK(pair.card.report().empty());

    std::vector<std::byte> mac(6);
    mac[0] = std::byte{2};
    mac[5] = std::byte{1};
    CHECK(pair.card.config() == mac);
    CHECK(NetPair(1).card.mac()[5] == 2);
    CHECK(pair.card.features() == 1u << kNetFeatureMac);
}
#line 5887 "chapters/03-drivers.nw"
TEST_CASE("net: a datagram fills a receive buffer", "[launcher][net]") {
    NetPair pair;
    NetDriver driver;
    CHECK_FALSE(pair.card.wants_input());
    const std::uint16_t head = driver.give({12, 1514});
    CHECK_FALSE(pair.card.serve(kNetReceiveQueue, driver.queues));
    CHECK(pair.card.wants_input());
    pair.send(frame(100));
    CHECK(pair.card.input(driver.queues));
    CHECK_FALSE(pair.card.wants_input());
    REQUIRE(driver.used_idx(0) == 1);
    CHECK(driver.used(0, 0).id == head);
    CHECK(driver.used(0, 0).len == 112);
    NetHeader expected{};
    expected.num_buffers = 1;
    CHECK(std::memcmp(&driver.bytes[0xA000], &expected, 12) == 0);
    CHECK(std::memcmp(&driver.bytes[0xA000 + 12], frame(100).data(),
                      100) == 0);

    pair.send(frame(kEthMaxFrame, 7));
    CHECK_FALSE(pair.card.wants_input());
    driver.give({700, 826});
    CHECK(pair.card.input(driver.queues));
    CHECK(driver.used(0, 1).len == 1526);
    CHECK(std::memcmp(&driver.bytes[0xA800 + 12],
                      frame(kEthMaxFrame, 7).data(), kEthMaxFrame) == 0);
    CHECK(pair.card.counts().received == 2);
}
#line 5924 "chapters/03-drivers.nw"
TEST_CASE("net: runt and oversize frames are dropped and counted",
          "[launcher][net]") {
    NetPair pair;
    NetDriver driver;
    driver.transmit(frame(13));
    driver.transmit(frame(0));
    driver.transmit(frame(kEthMaxFrame + 1));
    CHECK(pair.card.serve(kNetTransmitQueue, driver.queues));
    CHECK(driver.used_idx(1) == 3);
    CHECK(pair.received() == std::vector<std::byte>{std::byte{0xFF}});
    CHECK(pair.card.counts().runts_sent == 2);
    CHECK(pair.card.counts().oversize_sent == 1);
    CHECK(pair.card.counts().sent == 0);

    driver.give({1526});
    pair.card.serve(kNetReceiveQueue, driver.queues);
    for (std::size_t length : {13, 0, 1515, 9000})
        pair.send(frame(length));
    CHECK_FALSE(pair.card.input(driver.queues));
    CHECK(driver.used_idx(0) == 0);
    CHECK(pair.card.wants_input());
    CHECK(pair.card.counts().runts_received == 2);
    CHECK(pair.card.counts().oversize_received == 2);
    pair.send(frame(60));
    CHECK(pair.card.input(driver.queues));
    CHECK(driver.used(0, 0).len == 72);
    CHECK(pair.card.report() ==
          "lhv: net: 0 frames sent, 1 received; dropped: 2 runt and 1 "
          "oversize from the Guest, 2 runt and 2 oversize from the "
          "cable, 0 undelivered, 0 from strangers");
}
#line 5962 "chapters/03-drivers.nw"
TEST_CASE("net: a card brought up again, and its report at the end",
          "[launcher][net]") {
    std::ostringstream said;
    {
        NetPair pair(0, &said);
        NetDriver driver;
        driver.give({1526});
        pair.card.serve(kNetReceiveQueue, driver.queues);
        CHECK(pair.card.wants_input());
        pair.card.accept(1u << kNetFeatureMac);
        CHECK_FALSE(pair.card.wants_input());
        driver.transmit(frame(5));
        pair.card.serve(kNetTransmitQueue, driver.queues);
        CHECK(said.str().empty());
    }
    CHECK(said.str() ==
          "lhv: net: 0 frames sent, 0 received; dropped: 1 runt and 0 "
          "oversize from the Guest, 0 runt and 0 oversize from the "
          "cable, 0 undelivered, 0 from strangers\n");
}
#line 5990 "chapters/03-drivers.nw"
TEST_CASE("net: chains a Guest must not give the card",
          "[launcher][net]") {
    NetPair pair;
    NetDriver driver;
    SECTION("a receive buffer too small") {
        driver.give({12, 1513});
        CHECK_THROWS_WITH(
            pair.card.serve(kNetReceiveQueue, driver.queues),
            Contains("receive buffer at descriptor 0 holds 1525 bytes, "
                     "less than"));
    }
    SECTION("a receive buffer the device may only read") {
        driver.publish(0, {{0xA000, 1526}}, 0);
        CHECK_THROWS_WITH(
            pair.card.serve(kNetReceiveQueue, driver.queues),
            Contains("may only read"));
    }
    SECTION("a transmit chain with room to write") {
        driver.publish(1, {{0x8000, 100}, {0x9000, 10}}, 0);
        driver.put(0x3000 + 16 + 12, std::uint16_t{kDescWrite});
        CHECK_THROWS_WITH(
            pair.card.serve(kNetTransmitQueue, driver.queues),
            Contains("transmit chain at descriptor 0 has a buffer for "
                     "the device to write"));
    }
    SECTION("a transmit chain shorter than its header") {
        driver.publish(1, {{0x8000, 11}}, 0);
        CHECK_THROWS_WITH(
            pair.card.serve(kNetTransmitQueue, driver.queues),
            Contains("holds 11 bytes, less than the 12-byte header"));
    }
    CHECK(pair.received() == std::vector<std::byte>{std::byte{0xFF}});
}
#line 6033 "chapters/03-drivers.nw"
TEST_CASE("net: a send never waits", "[launcher][net]") {
    NetPair pair;
    NetDriver driver;
    const NetCounts& counts = pair.card.counts();
    int frames = 0;
    for (; frames < 100'000 && counts.undelivered == 0; ++frames) {
        driver.transmit(frame(kEthMaxFrame));
        pair.card.serve(kNetTransmitQueue, driver.queues);
    }
    CHECK(counts.undelivered == 1);
    CHECK(counts.sent == std::uint64_t(frames - 1));
    pair.partner.reset();
    const std::uint64_t before = counts.undelivered;
    driver.transmit(frame(60));
    pair.card.serve(kNetTransmitQueue, driver.queues);
    CHECK(counts.undelivered == before + 1);
    CHECK_THAT(pair.card.report(), Contains(" undelivered"));
}
#line 6066 "chapters/03-drivers.nw"
TEST_CASE("net: the two ends of a cable", "[launcher][net]") {
    const std::string path =
        "/tmp/lhv-net-test-" + std::to_string(::getpid()) + ".sock";
    NetCable first = join_cable(path);
    auto second = std::make_unique<NetCable>(join_cable(path));
    CHECK(first.side() == 0);
    CHECK(second->side() == 1);
    CHECK_THROWS_WITH(join_cable(path),
                      Contains("already joins two Launchers"));
    CHECK_FALSE(std::filesystem::exists(path));

    std::vector<std::byte> bytes(2000);
    CHECK(first.send(frame(60)));
    auto datagram = second->receive(bytes);
    REQUIRE(datagram);
    CHECK(datagram->length == 60);
    CHECK(datagram->from_partner);
    CHECK(second->send(frame(70)));
    CHECK(first.receive(bytes)->length == 70);
    CHECK_FALSE(first.receive(bytes));

    
#line 6128 "chapters/03-drivers.nw"
{
    UniqueFd stranger{::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)};
    sockaddr_un to{};
    to.sun_family = AF_UNIX;
    const std::string name = cable_name(path, 0);
    std::memcpy(to.sun_path + 1, name.data(), name.size());
    const auto length =
        socklen_t(offsetof(sockaddr_un, sun_path) + 1 + name.size());
    REQUIRE(::sendto(stranger.get(), "stranger frame!", 15, 0,
                     reinterpret_cast<sockaddr*>(&to), length) == 15);
}
#line 6088 "chapters/03-drivers.nw"
    CHECK_FALSE(first.receive(bytes)->from_partner);

    int delivered = 0;
    while (delivered < 100'000 && first.send(frame(60))) ++delivered;
    CHECK(delivered >= 1);
    CHECK(delivered < 100'000);

    second.reset();
    CHECK_FALSE(first.send(frame(60)));
    CHECK(join_cable(path).side() == 1);
    CHECK_FALSE(std::filesystem::exists(path));

    CHECK(cable_name("lab.net", 0) == cable_name("./x/../lab.net", 0));
    CHECK(cable_name("/tmp/a", 1) == "lhv-net:/tmp/a:1");
    CHECK_THROWS_AS(cable_name("/" + std::string(100, 'x'), 0),
                    UsageError);
}

TEST_CASE("net: two cards on one cable", "[launcher][net]") {
    const std::string path =
        "/tmp/lhv-net-cards-" + std::to_string(::getpid()) + ".sock";
    NetDevice one(join_cable(path)), two(join_cable(path));
    CHECK(one.mac()[5] == 1);
    CHECK(two.mac()[5] == 2);
    NetDriver sender, receiver;
    receiver.give({1526});
    two.serve(kNetReceiveQueue, receiver.queues);
    sender.transmit(frame(300, 3));
    CHECK(one.serve(kNetTransmitQueue, sender.queues));
    CHECK(two.input(receiver.queues));
    CHECK(receiver.used(0, 0).len == 312);
    CHECK(std::memcmp(&receiver.bytes[0xA000 + 12], frame(300, 3).data(),
                      300) == 0);
}
#line 6151 "chapters/03-drivers.nw"
TEST_CASE("net: a killed Launcher leaves no name behind",
          "[launcher][net]") {
    const std::string path =
        "/tmp/lhv-net-kill-" + std::to_string(::getpid()) + ".sock";
    int ready[2];
    REQUIRE(::pipe(ready) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        NetCable mine = join_cable(path);
        char side = char('0' + mine.side());
        if (::write(ready[1], &side, 1) != 1) ::_exit(1);
        ::pause();
        ::_exit(0);
    }
    char side = 0;
    REQUIRE(::read(ready[0], &side, 1) == 1);
    CHECK(side == '0');
    NetCable survivor = join_cable(path);
    CHECK(survivor.side() == 1);
    CHECK(survivor.send(frame(60)));
    ::kill(child, SIGKILL);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK_FALSE(survivor.send(frame(60)));
    CHECK(join_cable(path).side() == 0);
    CHECK_FALSE(std::filesystem::exists(path));
    ::close(ready[0]);
    ::close(ready[1]);
}
#line 6815 "chapters/03-drivers.nw"
static std::string open_tap_without_admin(const std::string& name) {
    int said[2];
    REQUIRE(::pipe(said) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::string message = "no capset";
        __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
        __user_cap_data_struct sets[2]{};
        if (::syscall(SYS_capget, &header, sets) == 0) {
            sets[0].effective &= ~(1u << CAP_NET_ADMIN);
            sets[0].permitted &= ~(1u << CAP_NET_ADMIN);
            if (::syscall(SYS_capset, &header, sets) == 0) {
                try {
                    open_tap(name);
                    message = "opened";
                } catch (const FileError& error) {
                    message = error.what();
                }
            }
        }
        ::_exit(::write(said[1], message.data(), message.size()) > 0);
    }
    ::close(said[1]);
    char bytes[512];
    const ssize_t n = ::read(said[0], bytes, sizeof bytes);
    ::close(said[0]);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    return std::string(bytes, std::size_t(std::max<ssize_t>(n, 0)));
}
#line 6857 "chapters/03-drivers.nw"
struct PersistentTap {
    std::string name;
    static UniqueFd attach(const std::string& name) {
        UniqueFd tun{::open("/dev/net/tun", O_RDWR | O_CLOEXEC)};
        ifreq request{};
        std::memcpy(request.ifr_name, name.data(), name.size());
        request.ifr_flags = IFF_TAP | IFF_NO_PI;
        if (tun && ::ioctl(tun.get(), TUNSETIFF, &request) < 0) tun.reset();
        return tun;
    }
    explicit PersistentTap(std::string tap) : name(std::move(tap)) {
        UniqueFd tun = attach(name);
        REQUIRE(tun);
        REQUIRE(::ioctl(tun.get(), TUNSETOWNER, ::geteuid()) == 0);
        REQUIRE(::ioctl(tun.get(), TUNSETPERSIST, 1) == 0);
    }
    ~PersistentTap() {
        if (UniqueFd tun = attach(name))
            ::ioctl(tun.get(), TUNSETPERSIST, 0);
    }
};
#line 6722 "chapters/03-drivers.nw"
TEST_CASE("net: the names a TAP may have", "[launcher][net][tap]") {
    for (const char* good : {"tap0", "lhvtap12345", "a", "fifteen-bytes-x"})
        CHECK(tap_name_problem(good).empty());
    CHECK_THAT(tap_name_problem(""), Contains("empty"));
    CHECK_THAT(tap_name_problem("sixteen-bytes-xy"),
               Contains("has 16 bytes; an interface's name has at "
                        "most 15"));
    CHECK_THAT(tap_name_problem("bad/name"), Contains("'/'"));
    CHECK_THAT(tap_name_problem("tap:1"), Contains("':'"));
    CHECK_THAT(tap_name_problem("tap%d"), Contains("pattern"));
    for (const char* spaced : {"a b", "a\tb", "a\nb", " "})
        CHECK_THAT(tap_name_problem(spaced), Contains("white space"));
    CHECK_THAT(tap_name_problem(".."), Contains("not a name"));
    CHECK_THROWS_AS(open_tap("bad/name"), UsageError);
}
#line 6762 "chapters/03-drivers.nw"
static bool tap_possible() {
    if (::geteuid() != 0) return false;
    const int fd = ::open("/dev/net/tun", O_RDWR | O_CLOEXEC);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

TEST_CASE("net: a TAP made, refused and gone", "[launcher][net][tap]") {
    if (!tap_possible()) {
        WARN("not run: making a TAP needs root and /dev/net/tun");
        return;
    }
    const std::string name = "lhvu" + std::to_string(::getpid());
    const std::string listed = "/sys/class/net/" + name;
    {
        NetDevice card(open_tap(name));
        CHECK(std::filesystem::exists(listed));
        CHECK(card.mac()[5] == 1);
        CHECK_THROWS_WITH(open_tap(name),
                          "--net tap:" + name +
                              ": the TAP is in use by another program");
        CHECK_THROWS_WITH(open_tap("lo"),
                          Contains("an interface of that name, and it "
                                   "is not a TAP"));
    }
    CHECK_FALSE(std::filesystem::exists(listed));

    const std::string message = open_tap_without_admin(name);
    INFO(message);
    CHECK(message.starts_with("--net tap:" + name + ": "));
    CHECK(message.find('\n') == std::string::npos);
    CHECK_THAT(message, Contains("needs CAP_NET_ADMIN (root has it)") &&
                            Contains("'ip tuntap add " + name +
                                     " mode tap user USER'"));
    CHECK_FALSE(std::filesystem::exists(listed));
    {
        PersistentTap yours(name);
        CHECK(open_tap_without_admin(name) == "opened");
        CHECK(std::filesystem::exists(listed));
    }
    CHECK_FALSE(std::filesystem::exists(listed));
}
