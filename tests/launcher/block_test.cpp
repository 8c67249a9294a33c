// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 4216 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <vector>
#include <fcntl.h>
#include <unistd.h>
#include "../support.hpp"
#include "abi/virtio.hpp"
#include "launcher/block.hpp"
#include "launcher/errors.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/virtqueue.hpp"
#include "test_driver.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;
using Catch::Contains;

#line 4253 "chapters/03-drivers.nw"
static std::string scratch_disk() {
    std::string bytes;
    for (char sector = 0; sector < 8; ++sector)
        bytes += std::string(kBlkSectorBytes, sector);
    return bytes + "tail";  // not a whole sector: never seen
}

struct Request {
    std::vector<std::byte> header = std::vector<std::byte>(16);
    std::vector<std::vector<std::byte>> data;
    std::vector<std::byte> status{std::byte{0xFF}};
    bool data_writable;

    Request(std::uint32_t type, std::uint64_t sector,
            std::vector<std::size_t> sizes = {}, char fill = 0)
        : data_writable(type == kBlkIn) {
        BlkRequestHeader h{type, 0, sector};
        std::memcpy(header.data(), &h, sizeof h);
        for (std::size_t size : sizes)
            data.emplace_back(size, std::byte(data_writable ? 0xEE : fill));
    }
    Chain chain() {
        Chain chain;
        chain.readable.push_back(header);
        for (auto& buffer : data)
            (data_writable ? chain.writable : chain.readable)
                .push_back(buffer);
        chain.writable.push_back(status);
        for (auto buffer : chain.writable)
            chain.writable_bytes += std::uint32_t(buffer.size());
        return chain;
    }
    int status_byte() const { return int(status[0]); }
};

static std::string disk_bytes(const lhv::test::MemoryFile& file) {
    std::vector<std::byte> bytes(8 * kBlkSectorBytes + 4);
    UniqueFd fd{::open(file.path().c_str(), O_RDONLY | O_CLOEXEC)};
    read_at(fd.get(), 0, bytes);
    return std::string(reinterpret_cast<const char*>(bytes.data()),
                       bytes.size());
}
#line 4304 "chapters/03-drivers.nw"
TEST_CASE("block: the files a disk may be", "[launcher][block]") {
    lhv::test::MemoryFile file(scratch_disk());
    BlockDevice disk = open_disk(file.path(), false);
    CHECK(disk.capacity() == 8);
    CHECK_FALSE(disk.read_only());
    CHECK(open_disk(file.path(), true).read_only());

    lhv::test::NamelessFifo fifo;
    CHECK_THROWS_WITH(open_disk(fifo.path(), false),
                      Catch::StartsWith("cannot use the disk " +
                                        fifo.path()) &&
                          Catch::EndsWith("not a regular file (a FIFO)"));
    CHECK_THROWS_WITH(open_disk("/proc", true),
                      Contains("(a directory)"));
    CHECK_THROWS_WITH(open_disk("/dev/null", false),
                      Contains("(a character device)"));
    CHECK_THROWS_WITH(open_disk("/nonexistent/disk.img", true),
                      Catch::StartsWith("cannot use the disk "
                                        "/nonexistent/disk.img: No such"));
    try {
        open_disk("/proc", false);
    } catch (const FileError& error) {
        CHECK(error.status() == kExitUsage);
    }
}
#line 4339 "chapters/03-drivers.nw"
TEST_CASE("block: what is written is read back", "[launcher][block]") {
    lhv::test::MemoryFile file(scratch_disk());
    BlockDevice disk = open_disk(file.path(), false);
    Request write(kBlkOut, 3, {512, 512}, 'w');
    write.data[1].assign(512, std::byte{'x'});
    CHECK(disk.handle(write.chain()) == 1);
    CHECK(write.status_byte() == kBlkOk);

    Request read(kBlkIn, 3, {100, 924});
    CHECK(disk.handle(read.chain()) == 1025);
    CHECK(read.status_byte() == kBlkOk);
    CHECK(read.data[0] == std::vector<std::byte>(100, std::byte{'w'}));
    CHECK(read.data[1][411] == std::byte{'w'});
    CHECK(read.data[1][412] == std::byte{'x'});

    std::string expected = scratch_disk();
    expected.replace(3 * 512, 1024, std::string(512, 'w') +
                                        std::string(512, 'x'));
    CHECK(disk_bytes(file) == expected);
}
#line 4374 "chapters/03-drivers.nw"
TEST_CASE("block: requests beyond the disk", "[launcher][block]") {
    lhv::test::MemoryFile file(scratch_disk());
    BlockDevice disk = open_disk(file.path(), false);
    auto refused = [&](Request request) {
        CHECK(disk.handle(request.chain()) == 1);
        CHECK(request.status_byte() == kBlkIoErr);
        if (request.data_writable)
            for (auto& buffer : request.data)
                CHECK(buffer == std::vector<std::byte>(buffer.size(),
                                                       std::byte{0xEE}));
    };
    const std::uint64_t beyond[] = {7, 8, 9, std::uint64_t{1} << 63,
                                    std::uint64_t{1} << 55, ~0ull};
    for (std::uint64_t sector : beyond) {
        INFO("sector " << sector);
        refused(Request(kBlkIn, sector, {1024}));
        refused(Request(kBlkOut, sector, {1024}, 'z'));
    }
    Request nothing(kBlkIn, 8);
    CHECK(disk.handle(nothing.chain()) == 1);
    CHECK(nothing.status_byte() == kBlkOk);
    Request last(kBlkIn, 7, {512});
    CHECK(disk.handle(last.chain()) == 513);
    CHECK(last.data[0][511] == std::byte{7});

    for (std::size_t bytes : {1, 511, 513, 1000})
        for (std::uint32_t type : {kBlkIn, kBlkOut})
            refused(Request(type, 0, {bytes}, 'z'));
    CHECK(disk_bytes(file) == scratch_disk());

    REQUIRE(::truncate(file.path().c_str(), 4 * 512) == 0);
    refused(Request(kBlkIn, 5, {512}));
}
#line 4419 "chapters/03-drivers.nw"
TEST_CASE("block: read-only disks, flushes and unknown types",
          "[launcher][block]") {
    lhv::test::MemoryFile file(scratch_disk());
    BlockDevice disk = open_disk(file.path(), true);
    Request write(kBlkOut, 0, {512}, 'z');
    CHECK(disk.handle(write.chain()) == 1);
    CHECK(write.status_byte() == kBlkIoErr);
    CHECK(disk_bytes(file) == scratch_disk());
    Request read(kBlkIn, 1, {512});
    disk.handle(read.chain());
    CHECK(read.status_byte() == kBlkOk);
    CHECK(read.data[0][0] == std::byte{1});

    for (bool read_only : {true, false}) {
        BlockDevice either = open_disk(file.path(), read_only);
        Request flush(kBlkFlush, 0);
        CHECK(either.handle(flush.chain()) == 1);
        CHECK(flush.status_byte() == kBlkOk);
    }
    for (std::uint32_t type : {kBlkGetId, 2u, 0xFFFF'FFFFu}) {
        Request odd(type, 0, {20});
        CHECK(disk.handle(odd.chain()) == 1);
        CHECK(odd.status_byte() == kBlkUnsupp);
    }
}
#line 4453 "chapters/03-drivers.nw"
TEST_CASE("block: requests that are framed wrong",
          "[launcher][block]") {
    lhv::test::MemoryFile file(scratch_disk());
    BlockDevice disk = open_disk(file.path(), false);
    Request request(kBlkIn, 0, {512});
    Chain chain = request.chain();
    chain.head = 5;
    auto broken = [&](Chain bad, const std::string& why) {
        CHECK_THROWS_WITH(disk.handle(bad),
                          Catch::StartsWith("block request at "
                                            "descriptor 5 ") &&
                              Contains(why));
    };
    Chain bad = chain;
    bad.readable.clear();
    broken(bad, "header of 16 bytes");
    for (std::size_t size : {15, 17}) {
        std::vector<std::byte> header(size);
        bad = chain;
        bad.readable[0] = header;
        broken(bad, "header of 16 bytes");
    }
    bad = chain;
    bad.writable.pop_back();
    broken(bad, "status byte");
    for (std::size_t size : {0, 2}) {
        std::vector<std::byte> status(size);
        bad = chain;
        bad.writable.back() = status;
        broken(bad, "status byte");
    }
    CHECK(request.status_byte() == 0xFF);

    std::vector<std::byte> extra(512);
    chain.readable.push_back(extra);
    CHECK(disk.handle(chain) == 1);
    CHECK(request.status_byte() == kBlkIoErr);
}
#line 4501 "chapters/03-drivers.nw"
TEST_CASE("block: serving a queue", "[launcher][block]") {
    lhv::test::MemoryFile file(scratch_disk());
    BlockDevice disk = open_disk(file.path(), false);
    std::vector<std::byte> memory(64 * 1024);
    auto put = [&](std::uint32_t at, const auto& value) {
        std::memcpy(&memory[at], &value, sizeof value);
    };
    auto describe = [&](std::uint16_t i, std::uint32_t at,
                        std::uint32_t len, std::uint16_t flags) {
        put(0x1000 + 16 * i, VirtqDesc{at, len, flags,
                                       std::uint16_t(i + 1)});
    };
    put(0x4000, BlkRequestHeader{kBlkOut, 0, 2});
    put(0x4010, BlkRequestHeader{kBlkIn, 0, 2});
    std::memset(&memory[0x5000], 'q', 512);
    describe(0, 0x4000, 16, kDescNext);
    describe(1, 0x5000, 512, kDescNext);
    describe(2, 0x4020, 1, kDescWrite);
    describe(3, 0x4010, 16, kDescNext);
    describe(4, 0x6000, 512, kDescWrite | kDescNext);
    describe(5, 0x4021, 1, kDescWrite);
    put(0x1080 + avail_slot(0), std::uint16_t{0});
    put(0x1080 + avail_slot(1), std::uint16_t{3});
    put(0x1080 + kRingIdx, std::uint16_t{2});

    Virtqueue queue("block queue", GuestMemory(memory, memory.size()),
                    {8, GuestPhysical{0x1000}, GuestPhysical{0x1080},
                     GuestPhysical{0x2000}});
    CHECK(disk.serve(queue));
    VirtqUsedElem used[2];
    std::memcpy(used, &memory[0x2000 + used_slot(0)], sizeof used);
    CHECK(used[0].id == 0);
    CHECK(used[0].len == 1);
    CHECK(used[1].id == 3);
    CHECK(used[1].len == 513);
    CHECK(memory[0x4020] == std::byte{kBlkOk});
    CHECK(memory[0x4021] == std::byte{kBlkOk});
    CHECK(memory[0x6000 + 511] == std::byte{'q'});
}
#line 4554 "chapters/03-drivers.nw"
TestDriver block_ring(std::uint16_t size) {
    TestDriver ring;
    ring.config = {size, GuestPhysical{0x1000}, GuestPhysical{0x1800},
                   GuestPhysical{0x2000}};
    return ring;
}
#line 4569 "chapters/03-drivers.nw"
TEST_CASE("block: more requests than one batch", "[launcher][block]") {
    lhv::test::MemoryFile file(scratch_disk());
    BlockDevice disk = open_disk(file.path(), false);
    TestDriver ring = block_ring(128);
    constexpr std::uint16_t kRequests = 40;
    for (std::uint16_t i = 0; i < kRequests; ++i) {
        ring.put(0x3000 + 16 * i, BlkRequestHeader{kBlkIn, 0, i % 8u});
        ring.describe(3 * i, 0x3000 + 16 * i, 16, kDescNext,
                      std::uint16_t(3 * i + 1));
        ring.describe(3 * i + 1, 0x4000 + 512 * i, 512,
                      kDescWrite | kDescNext, std::uint16_t(3 * i + 2));
        ring.describe(3 * i + 2, 0x3800 + i, 1, kDescWrite);
        ring.bytes[0x3800 + i] = std::byte{0xFF};
        ring.publish(3 * i);
    }
    Virtqueue queue = ring.queue();
    CHECK(disk.serve(queue));
    CHECK(ring.used_idx() == kRequests);
    for (std::uint16_t i = 0; i < kRequests; ++i) {
        CHECK(ring.used(i).id == 3u * i);
        CHECK(ring.used(i).len == 513);
        CHECK(ring.bytes[0x3800 + i] == std::byte{kBlkOk});
        CHECK(ring.bytes[0x4000 + 512 * i] == std::byte(i % 8));
        CHECK(ring.bytes[0x4000 + 512 * i + 511] == std::byte(i % 8));
    }
    CHECK_FALSE(disk.serve(queue));
}
#line 4606 "chapters/03-drivers.nw"
TEST_CASE("block: a refusal leaves the requests before it served",
          "[launcher][block]") {
    lhv::test::MemoryFile file(scratch_disk());
    BlockDevice disk = open_disk(file.path(), false);
    TestDriver ring = block_ring(8);
    std::memset(&ring.bytes[0x3800], 0xFF, 3);
    ring.put(0x3000, BlkRequestHeader{kBlkOut, 0, 2});
    std::memset(&ring.bytes[0x4000], 'w', 512);
    ring.describe(0, 0x3000, 16, kDescNext, 1);
    ring.describe(1, 0x4000, 512, kDescNext, 2);
    ring.describe(2, 0x3800, 1, kDescWrite);
    ring.publish(0);
    std::string why;
    SECTION("refused for its framing") {
        ring.describe(3, 0x3010, 15, kDescNext, 4);
        why = "block request at descriptor 3 does not start with a header";
    }
    SECTION("refused by the walker") {
        ring.put(ring.config.descriptors.value + 16 * 3,
                 VirtqDesc{0x3010, 16, kDescNext, 9});
        why = "descriptor 3 links to 9, beyond the table of 8";
    }
    ring.describe(4, 0x3801, 1, kDescWrite);
    ring.publish(3);
    ring.put(0x3020, BlkRequestHeader{kBlkIn, 0, 2});
    ring.describe(5, 0x3020, 16, kDescNext, 6);
    ring.describe(6, 0x5000, 512, kDescWrite | kDescNext, 7);
    ring.describe(7, 0x3802, 1, kDescWrite);
    ring.publish(5);

    Virtqueue queue = ring.queue();
    CHECK_THROWS_WITH(disk.serve(queue), Contains(why));
    CHECK(ring.used_idx() == 1);
    CHECK(ring.used(0).id == 0);
    CHECK(ring.used(0).len == 1);
    CHECK(ring.bytes[0x3800] == std::byte{kBlkOk});
    CHECK(disk_bytes(file).substr(2 * kBlkSectorBytes, 512) ==
          std::string(512, 'w'));
    CHECK(ring.bytes[0x3802] == std::byte{0xFF});
}
