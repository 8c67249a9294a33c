// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2144 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <cstring>
#include <vector>
#include "abi/boot.hpp"
#include "abi/layout.hpp"
#include "launcher/boot_info.hpp"
#include "launcher/guest_memory.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;

#line 2165 "chapters/04-launcher.nw"
TEST_CASE("memory: early-console strings are bounded",
          "[launcher][memory]") {
    constexpr std::uint32_t ram = 4 * kPageSize;
    std::vector<std::byte> bytes(ram + kPageSize, std::byte{'x'});
    std::memcpy(bytes.data() + 100, "hello\0world", 12);
    GuestMemory memory(bytes, ram);

    CHECK(memory.string_at(GuestPhysical{100}, 4096) == "hello");
    CHECK(memory.string_at(GuestPhysical{106}, 4096) == "world");
    CHECK(memory.string_at(GuestPhysical{ram - 3}, 4096) == "xxx");
    CHECK(memory.string_at(GuestPhysical{200}, 4096)->size() == 4096);
    CHECK(memory.string_at(GuestPhysical{200}, 10)->size() == 10);
    CHECK_FALSE(memory.string_at(GuestPhysical{ram}, 4096));
    CHECK_FALSE(memory.string_at(GuestPhysical{ram + 8}, 4096));
    CHECK_FALSE(memory.string_at(GuestPhysical{0xFFFFFFFF}, 4096));
}

TEST_CASE("memory: ranges are checked", "[launcher][memory]") {
    std::vector<std::byte> bytes(2 * kPageSize);
    GuestMemory memory(bytes, kPageSize);
    CHECK(memory.bytes(GuestPhysical{kPageSize}, kPageSize).size() ==
          kPageSize);
    CHECK_THROWS_AS(memory.bytes(GuestPhysical{kPageSize}, kPageSize + 1),
                    std::out_of_range);
    CHECK_THROWS_AS(memory.bytes(GuestPhysical{0xFFFFFFFF}, 2),
                    std::out_of_range);
    MachineMemory machine(bytes);
    CHECK_THROWS_AS(machine.guest(kPageSize, 0), std::out_of_range);
}
#line 2200 "chapters/04-launcher.nw"
TEST_CASE("memory: the boot information", "[launcher][memory]") {
    constexpr std::uint32_t ram = 1 << 20;
    std::vector<std::byte> bytes(ram + kDevicePages * kPageSize,
                                 std::byte{0x55});
    GuestMemory memory(bytes, ram);
    write_boot_info(memory, "console=early quiet");
    clear_device_pages(memory);

    BootInfo info;
    std::memcpy(&info, bytes.data() + kBootInfoAddress, sizeof info);
    CHECK(info.magic == kBootInfoMagic);
    CHECK(info.memory_bytes == ram);
    CHECK(info.device_page == ram);
    CHECK(info.device_pages == kDevicePages);
    CHECK(std::string(info.command_line) == "console=early quiet");
    CHECK(bytes[ram] == std::byte{0});
    CHECK(bytes.back() == std::byte{0});
    CHECK(bytes[ram - 1] == std::byte{0x55});
}
