// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 7305 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstring>
#include <deque>
#include <vector>
#include "abi/virtio.hpp"
#include "guest/virtqueue.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/virtqueue.hpp"

using lhv::guest::RingBuffer;
using Driver = lhv::guest::Virtqueue;
using Device = lhv::launcher::Virtqueue;
using lhv::launcher::GuestPhysical;

namespace {
#line 7334 "chapters/03-drivers.nw"
constexpr std::uint32_t kSize = 8, kRing = 0x1000;

struct BothEnds {
    std::vector<std::byte> bytes = std::vector<std::byte>(256 * 1024);
    Driver driver;
    Device device{
        "test queue", lhv::launcher::GuestMemory(bytes, bytes.size()),
        {kSize, GuestPhysical{kRing},
         GuestPhysical{kRing + lhv::abi::vring_avail_offset(kSize)},
         GuestPhysical{kRing + lhv::abi::vring_used_offset(kSize)}}};
    BothEnds() { REQUIRE(driver.attach(bytes.data() + kRing, kSize)); }
    std::byte* at(std::uint32_t physical) {
        return bytes.data() + physical;
    }
};
#line 7322 "chapters/03-drivers.nw"
}

#line 7358 "chapters/03-drivers.nw"
TEST_CASE("guest virtqueue: a request reaches the device and comes back",
          "[guest-virtio]") {
    BothEnds ends;
    int token = 0;
    RingBuffer request[] = {{0x4000, 16, false}, {0x5000, 8, false},
                            {0x6000, 1, true}};
    REQUIRE(ends.driver.add(request, 3, &token));
    CHECK(ends.driver.free_descriptors() == kSize - 3);
    void* got = nullptr;
    std::uint32_t written = 0;
    CHECK(ends.driver.take_used(got, written) == Driver::Used::None);

    auto chain = ends.device.pop();
    REQUIRE(chain);
    REQUIRE(chain->readable.size() == 2);
    CHECK(chain->readable[0].data() == ends.at(0x4000));
    CHECK(chain->readable[0].size() == 16);
    CHECK(chain->readable[1].data() == ends.at(0x5000));
    REQUIRE(chain->writable.size() == 1);
    CHECK(chain->writable[0].data() == ends.at(0x6000));
    CHECK_FALSE(ends.device.pop());
    ends.device.push(*chain, 1);

    CHECK(ends.driver.take_used(got, written) == Driver::Used::One);
    CHECK(got == &token);
    CHECK(written == 1);
    CHECK(ends.driver.free_descriptors() == kSize);
    CHECK(ends.driver.take_used(got, written) == Driver::Used::None);
}
#line 7403 "chapters/03-drivers.nw"
TEST_CASE("guest virtqueue: a full queue, then seventy thousand requests",
          "[guest-virtio]") {
    BothEnds ends;
    int tokens[kSize + 1];
    RingBuffer one = {0x4000, 4, true};
    for (std::uint32_t i = 0; i < kSize; ++i)
        REQUIRE(ends.driver.add(&one, 1, &tokens[i]));
    CHECK_FALSE(ends.driver.add(&one, 1, &tokens[kSize]));
    auto first = ends.device.pop();
    REQUIRE(first);
    ends.device.push(*first, 0);
    void* got;
    std::uint32_t written;
    REQUIRE(ends.driver.take_used(got, written) == Driver::Used::One);
    CHECK(got == &tokens[0]);
    REQUIRE(ends.driver.add(&one, 1, &tokens[kSize]));
    while (auto chain = ends.device.pop())
        ends.device.push(*chain, 0);
    while (ends.driver.take_used(got, written) == Driver::Used::One) {}
    CHECK(ends.driver.free_descriptors() == kSize);

    
#line 7434 "chapters/03-drivers.nw"
constexpr std::uint32_t kRequests = 70'000;
std::vector<std::uint32_t> numbers(kRequests);
auto slot = [](std::uint32_t n) { return (n % 64) * 16; };
std::deque<lhv::launcher::Chain> held;
auto answer = [&](bool newest) {
    const auto& chain = newest ? held.back() : held.front();
    std::memcpy(chain.writable[0].data(), chain.readable[0].data(), 4);
    ends.device.push(chain, 4);
    newest ? held.pop_back() : held.pop_front();
};
std::uint32_t sent = 0, answered = 0;
while (answered < kRequests) {
    for (; sent < kRequests; ++sent) {
        numbers[sent] = sent;
        std::memcpy(ends.at(0x8000 + slot(sent)), &sent, 4);
        RingBuffer request[3] = {{0x8000 + slot(sent), 4, false},
                                 {0x4000, 8, false},
                                 {0xA000 + slot(sent), 4, true}};
        if (sent % 2 == 0)
            request[1] = request[2];
        if (!ends.driver.add(request, 2 + sent % 2, &numbers[sent]))
            break;
    }
    while (auto chain = ends.device.pop())
        held.push_back(*chain);
    while (held.size() > (sent < kRequests ? 1u : 0u))
        answer(held.size() % 2 == 0);
    while (ends.driver.take_used(got, written) == Driver::Used::One) {
        std::uint32_t number = *static_cast<std::uint32_t*>(got), back;
        std::memcpy(&back, ends.at(0xA000 + slot(number)), 4);
        REQUIRE(back == number);
        CHECK(written == 4);
        ++answered;
    }
}
#line 7425 "chapters/03-drivers.nw"
    CHECK(ends.driver.free_descriptors() == kSize);
}
#line 7481 "chapters/03-drivers.nw"
TEST_CASE("guest virtqueue: what the driver refuses", "[guest-virtio]") {
    BothEnds ends;
    Driver other;
    CHECK_FALSE(other.attach(ends.at(0x20000), 6));
    CHECK_FALSE(other.attach(ends.at(0x20000), 0));
    CHECK_FALSE(other.attach(ends.at(0x20000), Driver::kMaxSize * 2));
    int token;
    RingBuffer buffer = {0x4000, 16, true};
    CHECK_FALSE(ends.driver.add(&buffer, 0, &token));
    CHECK_FALSE(ends.driver.add(&buffer, 1, nullptr));
    REQUIRE(ends.driver.add(&buffer, 1, &token));

    std::byte* used = ends.at(kRing + lhv::abi::vring_used_offset(kSize));
    auto give_back = [&](std::uint16_t index, std::uint32_t head,
                         std::uint32_t length) {
        lhv::abi::VirtqUsedElem element{head, length};
        std::memcpy(used + lhv::abi::used_slot(index % kSize), &element,
                    sizeof element);
        std::uint16_t idx = index + 1;
        std::memcpy(used + lhv::abi::kRingIdx, &idx, 2);
    };
    void* got;
    std::uint32_t written;
    give_back(0, kSize, 16);
    CHECK(ends.driver.take_used(got, written) == Driver::Used::Broken);
    give_back(0, 0, 1000);
    CHECK(ends.driver.take_used(got, written) == Driver::Used::One);
    CHECK(got == &token);
    CHECK(written == 16);
    give_back(1, 0, 16);
    CHECK(ends.driver.take_used(got, written) == Driver::Used::Broken);
}
