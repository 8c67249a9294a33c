// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 9050 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <cstdint>
#include <vector>
#include "guest/ip.hpp"

using namespace lhv::guest::ip;

namespace {

struct Pair {
    Stack one, two;
    std::uint8_t out[kEthMaxFrame];
    Pair() {
        one.configure({{2, 0, 0, 0, 0, 1}}, ipv4(10, 0, 0, 1));
        two.configure({{2, 0, 0, 0, 0, 2}}, ipv4(10, 0, 0, 2));
    }
    std::vector<std::uint8_t> frame(std::uint32_t length) const {
        return std::vector<std::uint8_t>(out, out + length);
    }
};

} // namespace

TEST_CASE("guest ip: a ping finds its neighbour and is answered",
          "[guest][net]") {
    Pair pair;
    const std::uint32_t two = ipv4(10, 0, 0, 2);
    CHECK_FALSE(pair.one.knows(two));
    std::uint32_t n = pair.one.ping_frame(two, 7, 1, pair.out);
    REQUIRE(n == kEthHeader + kArpBytes);
    CHECK(get16(pair.out + 12) == kTypeArp);
    CHECK(pair.out[0] == 0xFF);
    auto request = pair.frame(n);
    n = pair.two.receive(request.data(), request.size(), pair.out);
    REQUIRE(n == kEthHeader + kArpBytes);
    CHECK(get16(pair.out + kEthHeader + 6) == kArpReply);
    CHECK(pair.two.knows(ipv4(10, 0, 0, 1)));
    auto reply = pair.frame(n);
    CHECK(pair.one.receive(reply.data(), reply.size(), pair.out) == 0);
    CHECK(pair.one.knows(two));

    n = pair.one.ping_frame(two, 7, 1, pair.out);
    REQUIRE(n == kPingFrame);
    auto echo = pair.frame(n);
    n = pair.two.receive(echo.data(), echo.size(), pair.out);
    REQUIRE(n == kPingFrame);
    CHECK(pair.out[kEthHeader + kIpHeader] == kEchoReply);
    CHECK(checksum(pair.out + kEthHeader, kIpHeader) == 0);
    CHECK(checksum(pair.out + kEthHeader + kIpHeader,
                   kIcmpHeader + kPingData) == 0);
    auto answer = pair.frame(n);
    CHECK_FALSE(pair.one.take_reply(7, 1));
    CHECK(pair.one.receive(answer.data(), answer.size(), pair.out) == 0);
    CHECK_FALSE(pair.one.take_reply(7, 2));
    CHECK(pair.one.take_reply(7, 1));
    CHECK_FALSE(pair.one.take_reply(7, 1));
    CHECK(pair.two.counts.echoes_answered == 1);
    CHECK(pair.two.counts.arp_answered == 1);
}

TEST_CASE("guest ip: the Internet checksum", "[guest][net]") {
    const std::uint8_t header[20] = {0x45, 0x00, 0x00, 0x73, 0x00, 0x00,
                                     0x40, 0x00, 0x40, 0x11, 0x00, 0x00,
                                     0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8,
                                     0x00, 0xc7};
    CHECK(checksum(header, 20) == 0xb861);
    const std::uint8_t odd[3] = {0x01, 0x02, 0x03};
    CHECK(checksum(odd, 3) == std::uint16_t(~(0x0102 + 0x0300)));
}

TEST_CASE("guest ip: frames that deserve no answer", "[guest][net]") {
    Pair pair;
    const std::uint32_t two = ipv4(10, 0, 0, 2);
    std::uint8_t arp[kEthMaxFrame];
    // Teach one the MAC of two with a reply to a request.
    std::uint32_t n = pair.one.ping_frame(two, 1, 1, arp);
    n = pair.two.receive(arp, n, pair.out);
    pair.one.receive(pair.out, n, arp);
    n = pair.one.ping_frame(two, 1, 1, pair.out);
    REQUIRE(n == kPingFrame);
    const auto good = pair.frame(n);

    for (std::uint32_t length = 0; length < good.size(); ++length) {
        INFO("a prefix of " << length << " bytes");
        CHECK(pair.two.receive(good.data(), length, pair.out) == 0);
    }
    auto refused = [&](std::uint32_t at, std::uint8_t value) {
        auto bad = good;
        bad[at] = value;
        if (at != 24 && at != 25) {  // keep the header's checksum right
            put16(&bad[24], 0);
            put16(&bad[24], checksum(&bad[14], kIpHeader));
        }
        if (at >= 34 && at != 36 && at != 37) {  // and the message's
            put16(&bad[36], 0);
            put16(&bad[36], checksum(&bad[34], bad.size() - 34));
        }
        INFO("byte " << at << " set to " << int(value));
        CHECK(pair.two.receive(bad.data(), bad.size(), pair.out) == 0);
    };
    refused(0, 0x12);                 // another card's frame
    refused(14, 0x65);                // IP version 6
    refused(14, 0x44);                // a header of 16 bytes
    refused(16, 0xFF);                // a total length past the frame
    refused(17, 0x10);                // a total length below the header
    refused(20, 0x20);                // a first fragment
    refused(21, 0x01);                // a later fragment
    refused(23, 17);                  // UDP, not ICMP
    refused(24, good[24] ^ 0xFF);     // a header checksum that fails
    refused(33, 3);                   // to 10.0.0.3
    refused(34, 13);                  // a timestamp request
    refused(35, 1);                   // ICMP code 1
    refused(36, good[36] ^ 0xFF);     // a message checksum that fails
    CHECK(pair.two.counts.echoes_answered == 0);

    auto options = good;  // four bytes of options (No Operation)
    options.insert(options.begin() + 34, {1, 1, 1, 0});
    options[14] = 0x46;
    put16(&options[16], get16(&options[16]) + 4);
    put16(&options[24], 0);
    put16(&options[24], checksum(&options[14], 24));
    n = pair.two.receive(options.data(), options.size(), pair.out);
    CHECK(n == kPingFrame);
    CHECK(checksum(pair.out + kEthHeader, kIpHeader) == 0);
    CHECK(pair.out[kEthHeader + kIpHeader] == kEchoReply);
}
