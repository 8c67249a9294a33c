// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 901 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <cstring>
#include <stdexcept>
#include <vector>
#include "abi/virtio.hpp"
#include "launcher/errors.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/virtqueue.hpp"
#include "test_driver.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;
using Catch::Contains;

#line 1003 "chapters/03-drivers.nw"
TEST_CASE("virtqueue: a chain of three, read then written",
          "[launcher][virtqueue]") {
    TestDriver driver;
    driver.describe(0, 0x4000, 16, kDescNext, 1);
    driver.describe(1, 0x5000, 8, kDescNext, 2);
    driver.describe(2, 0x6000, 1, kDescWrite);
    driver.publish(0);
    Virtqueue queue = driver.queue();

    auto chain = queue.pop();
    REQUIRE(chain);
    CHECK(chain->head == 0);
    REQUIRE(chain->readable.size() == 2);
    CHECK(chain->readable[0].data() == &driver.bytes[0x4000]);
    CHECK(chain->readable[0].size() == 16);
    CHECK(chain->readable[1].data() == &driver.bytes[0x5000]);
    CHECK(chain->readable[1].size() == 8);
    REQUIRE(chain->writable.size() == 1);
    CHECK(chain->writable[0].data() == &driver.bytes[0x6000]);
    CHECK(chain->writable_bytes == 1);
    CHECK_FALSE(queue.pop());

    queue.push(*chain, 1);
    CHECK(driver.used_idx() == 1);
    CHECK(driver.used(0).id == 0);
    CHECK(driver.used(0).len == 1);
    CHECK_THROWS_AS(queue.push(*chain, 1), std::logic_error);

    driver.publish(2);
    auto status = queue.pop();
    REQUIRE(status);
    CHECK(status->readable.empty());
    CHECK_THROWS_AS(queue.push(*status, 2), std::logic_error);
}
#line 1047 "chapters/03-drivers.nw"
TEST_CASE("virtqueue: chains a Guest must not make",
          "[launcher][virtqueue]") {
    TestDriver driver;
    auto refused = [&](const std::string& why) {
        Virtqueue queue = driver.queue();
        CHECK_THROWS_WITH(queue.pop(),
                          Catch::StartsWith("virtqueue 0 of device 1: ") &&
                              Contains(why));
    };
    SECTION("a loop of two") {
        driver.describe(0, 0x4000, 1, kDescNext, 1);
        driver.describe(1, 0x4000, 1, kDescNext, 0);
        driver.publish(0);
        refused("longer than the queue's 8 descriptors");
    }
    SECTION("a chain of the queue's size, and one link more") {
        for (std::uint16_t i = 0; i < 8; ++i)
            driver.describe(i, 0x4000, 1, i < 7 ? kDescNext : 0, i + 1);
        driver.publish(0);
        auto chain = driver.queue().pop();
        REQUIRE(chain);
        CHECK(chain->readable.size() == 8);
        driver.describe(7, 0x4000, 1, kDescNext, 0);
        refused("longer than the queue's 8 descriptors");
    }
    SECTION("a link beyond the table") {
        driver.describe(0, 0x4000, 1, kDescNext, 8);
        driver.publish(0);
        refused("descriptor 0 links to 8, beyond the table of 8");
    }
    SECTION("a head beyond the table") {
        driver.publish(8);
        refused("names descriptor 8, beyond the table of 8");
    }
    SECTION("a buffer to read after one to write") {
        driver.describe(0, 0x4000, 1, kDescWrite | kDescNext, 1);
        driver.describe(1, 0x5000, 1, 0);
        driver.publish(0);
        refused("descriptor 1 is device-readable but follows");
    }
    SECTION("an indirect descriptor") {
        driver.describe(0, 0x4000, 32, kDescIndirect);
        driver.publish(0);
        refused("descriptor 0 is INDIRECT");
    }
}
#line 1101 "chapters/03-drivers.nw"
TEST_CASE("virtqueue: a chain of more than 4 GiB",
          "[launcher][virtqueue]") {
    TestDriver driver;
    driver.bytes.resize(1 << 20);
    driver.config = {8192, GuestPhysical{0}, GuestPhysical{0x20000},
                     GuestPhysical{0x30000}};
    for (std::uint16_t i = 0; i < 4097; ++i)
        driver.describe(i, 0, 1 << 20, kDescNext, i + 1);
    driver.describe(4097, 0, 0, 0);
    driver.publish(0);
    Virtqueue queue = driver.queue();
    CHECK_THROWS_WITH(queue.pop(), Contains("holds more than 4 GiB"));
}
#line 1125 "chapters/03-drivers.nw"
TEST_CASE("virtqueue: buffers must lie in Guest memory",
          "[launcher][virtqueue]") {
    struct Buffer { std::uint64_t addr; std::uint32_t len; };
    const std::uint64_t end = 64 * 1024;
    for (Buffer bad : {Buffer{end - 4, 8}, Buffer{end + 1, 0},
                       Buffer{end, 1}, Buffer{0xFFFF'FFF0, 0x20},
                       Buffer{0xFFFF'FFFF'FFFF'FFF0, 0x20},
                       Buffer{0x1'0000'4000, 16}}) {
        TestDriver driver;
        driver.describe(0, bad.addr, bad.len, kDescWrite);
        driver.publish(0);
        Virtqueue queue = driver.queue();
        CHECK_THROWS_WITH(queue.pop(),
                          Contains("descriptor 0 at " + in_hex(bad.addr)) &&
                              Contains("runs past Guest memory"));
    }
    for (Buffer good : {Buffer{end - 8, 8}, Buffer{end, 0}}) {
        TestDriver driver;
        driver.describe(0, good.addr, good.len, kDescWrite);
        driver.publish(0);
        auto chain = driver.queue().pop();
        REQUIRE(chain);
        CHECK(chain->writable[0].size() == good.len);
    }
}
#line 1160 "chapters/03-drivers.nw"
TEST_CASE("virtqueue: the queue's size and place are checked",
          "[launcher][virtqueue]") {
    TestDriver driver;
    for (std::uint32_t size : {0u, 3u, 12u, 65535u, 65536u}) {
        driver.config.size = size;
        CHECK_THROWS_WITH(driver.queue(),
                          Contains("is not a power of two"));
    }
    driver.config.size = 1;
    CHECK_NOTHROW(driver.queue());

    driver = TestDriver{};
    driver.config.descriptors = GuestPhysical{0x1008};
    CHECK_THROWS_WITH(driver.queue(),
                      Contains("table at 0x1008 is not aligned"));
    driver = TestDriver{};
    driver.config.available = GuestPhysical{0x1081};
    CHECK_THROWS_WITH(driver.queue(), Contains("not aligned to 2 bytes"));
    driver = TestDriver{};
    driver.config.used = GuestPhysical{0x2002};
    CHECK_THROWS_WITH(driver.queue(), Contains("not aligned to 4 bytes"));

    driver = TestDriver{};
    driver.config.used = GuestPhysical{64 * 1024 - 8};
    CHECK_THROWS_WITH(driver.queue(),
                      Contains("used ring at 0xfff8 (70 bytes) runs past"));
    driver = TestDriver{};
    driver.config.descriptors = GuestPhysical{0xFFFF'FFF0};
    CHECK_THROWS_WITH(driver.queue(), Contains("runs past Guest memory"));

    auto odd = std::span(driver.bytes).subspan(1);
    CHECK_THROWS_AS(Virtqueue("odd", GuestMemory(odd, odd.size()),
                              TestDriver{}.config),
                    std::logic_error);
}
#line 1205 "chapters/03-drivers.nw"
TEST_CASE("virtqueue: the available index cannot jump",
          "[launcher][virtqueue]") {
    TestDriver driver;
    driver.describe(0, 0x4000, 1, 0);
    driver.put<std::uint16_t>(0x1080 + kRingIdx, 9);
    CHECK_THROWS_WITH(driver.queue().pop(),
                      Contains("available index jumped from 0 to 9"));
    driver.put<std::uint16_t>(0x1080 + kRingIdx, 65535);
    CHECK_THROWS_WITH(driver.queue().pop(), Contains("jumped from 0"));

    driver.put<std::uint16_t>(0x1080 + kRingIdx, 0);
    Virtqueue queue = driver.queue();
    std::vector<Chain> with_device;
    for (int i = 0; i < 8; ++i) driver.publish(0);
    while (auto chain = queue.pop()) with_device.push_back(*chain);
    CHECK(with_device.size() == 8);
    driver.publish(0);
    CHECK_THROWS_WITH(queue.pop(), Contains("entries free"));
    queue.push(with_device.back(), 0);
    CHECK(queue.pop());
}
#line 1234 "chapters/03-drivers.nw"
TEST_CASE("virtqueue: the used index wraps at 65536",
          "[launcher][virtqueue]") {
    TestDriver driver;
    Virtqueue queue = driver.queue();
    for (std::uint32_t i = 0; i < 70000; ++i) {
        std::uint16_t head = i % 8;
        driver.describe(head, 0x4000 + head, 1, kDescWrite);
        driver.publish(head);
        auto chain = queue.pop();
        REQUIRE(chain);
        REQUIRE(chain->head == head);
        queue.push(*chain, 1);
        REQUIRE(driver.used_idx() == static_cast<std::uint16_t>(i + 1));
        REQUIRE(driver.used(i % 8).id == head);
    }
    CHECK(driver.used_idx() == 70000 - 65536);
    CHECK_FALSE(queue.pop());
}
#line 1260 "chapters/03-drivers.nw"
TEST_CASE("virtqueue: the device page's layouts",
          "[launcher][virtqueue][abi]") {
    CHECK(offsetof(DeviceDesc, status) == 4);
    CHECK(offsetof(VqConfig, pfn) == 4);
    CHECK(device_desc_bytes({kDeviceConsole, 2, 4, 0, 0}) == 29);
    CHECK(device_desc_bytes({kDeviceRng, 1, 0, 0, 0}) == 13);

    std::vector<std::byte> bytes(vring_bytes(kQueueSizeMax));
    GuestMemory memory(bytes, bytes.size());
    for (std::uint32_t num = 1; num <= kQueueSizeMax; num *= 2) {
        VirtqueueConfig config{num, GuestPhysical{0},
                               GuestPhysical{vring_avail_offset(num)},
                               GuestPhysical{vring_used_offset(num)}};
        CHECK_NOTHROW(Virtqueue("lguest layout", memory, config));
    }
}
