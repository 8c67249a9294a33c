// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 1501 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>
#include <elf.h>
#include <sys/stat.h>
#include "../support.hpp"
#include <unistd.h>
#include "abi/layout.hpp"
#include "launcher/elf_loader.hpp"
#include "launcher/errors.hpp"
#include "launcher/guest_memory.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;

namespace {
#line 1537 "chapters/04-launcher.nw"
constexpr std::uint32_t kMemory = 2 << 20;
constexpr std::uint32_t kPayloadOffset = 0x100;
constexpr std::uint32_t kCodeBytes = 16;

struct TestElf {
    Elf32_Ehdr header{};
    Elf32_Phdr segment{};

    TestElf() {
        std::memcpy(header.e_ident, ELFMAG, SELFMAG);
        header.e_ident[EI_CLASS] = ELFCLASS32;
        header.e_ident[EI_DATA] = ELFDATA2LSB;
        header.e_ident[EI_VERSION] = EV_CURRENT;
        header.e_type = ET_EXEC;
        header.e_machine = EM_386;
        header.e_version = EV_CURRENT;
        header.e_entry = kPageOffset + kGuestLoadAddress;
        header.e_phoff = sizeof(Elf32_Ehdr);
        header.e_ehsize = sizeof(Elf32_Ehdr);
        header.e_phentsize = sizeof(Elf32_Phdr);
        header.e_phnum = 1;
        segment.p_type = PT_LOAD;
        segment.p_offset = kPayloadOffset;
        segment.p_vaddr = kPageOffset + kGuestLoadAddress;
        segment.p_paddr = kGuestLoadAddress;
        segment.p_filesz = kCodeBytes;
        segment.p_memsz = kPageSize;
    }

    std::vector<std::byte> bytes() const {
        std::vector<std::byte> file(kPayloadOffset + kCodeBytes);
        std::memcpy(file.data(), &header, sizeof header);
        std::memcpy(file.data() + header.e_phoff, &segment,
                    sizeof segment);
        for (std::uint32_t i = 0; i < kCodeBytes; ++i)
            file[kPayloadOffset + i] = std::byte(0xA0 + i);
        return file;
    }
};

GuestImage parse(const TestElf& elf) {
    return parse_guest_elf(elf.bytes(), kMemory);
}
#line 1521 "chapters/04-launcher.nw"
}

#line 1587 "chapters/04-launcher.nw"
TEST_CASE("elf: a valid Guest is parsed and loaded", "[launcher][elf]") {
    TestElf elf;
    auto file = elf.bytes();
    GuestImage image = parse_guest_elf(file, kMemory);
    CHECK(image.entry == GuestVirtual{kPageOffset + kGuestLoadAddress});
    REQUIRE(image.segments.size() == 1);
    CHECK(image.segments[0].physical == GuestPhysical{kGuestLoadAddress});
    CHECK(image.segments[0].memory_bytes == kPageSize);

    std::vector<std::byte> ram(kMemory, std::byte{0xFF});
    GuestMemory memory(ram, kMemory);
    load_guest_image(image, file, memory);
    CHECK(ram[kGuestLoadAddress] == std::byte{0xA0});
    CHECK(ram[kGuestLoadAddress + kCodeBytes - 1] == std::byte{0xAF});
    CHECK(ram[kGuestLoadAddress + kCodeBytes] == std::byte{0});
    CHECK(ram[kGuestLoadAddress + kPageSize - 1] == std::byte{0});
    CHECK(ram[kGuestLoadAddress + kPageSize] == std::byte{0xFF});
}
#line 1613 "chapters/04-launcher.nw"
TEST_CASE("elf: wrong class, byte order, type, machine",
          "[launcher][elf]") {
    TestElf elf;
    elf.header.e_ident[EI_CLASS] = ELFCLASS64;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("32-bit"));
    elf = TestElf{};
    elf.header.e_ident[EI_DATA] = ELFDATA2MSB;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("little-endian"));
    elf = TestElf{};
    elf.header.e_type = ET_DYN;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("not an executable"));
    elf = TestElf{};
    elf.header.e_machine = EM_X86_64;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("i386"));
    elf = TestElf{};
    elf.segment.p_type = PT_NOTE;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("no loadable"));
    std::string text = "# README\nThis is not a kernel.\n"
                       "Nor is this line, which is long enough.\n";
    std::vector<std::byte> readme(text.size());
    std::memcpy(readme.data(), text.data(), text.size());
    CHECK_THROWS_WITH(parse_guest_elf(readme, kMemory),
                      Catch::Contains("not an ELF file"));
}
#line 1644 "chapters/04-launcher.nw"
TEST_CASE("elf: segments must fit Guest memory", "[launcher][elf]") {
    TestElf elf;
    elf.segment.p_paddr = kMemory - 8;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("does not fit"));
    elf.segment.p_paddr = 0xFFFFF000;
    elf.segment.p_memsz = 2 * kPageSize;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("does not fit"));
    elf = TestElf{};
    elf.segment.p_paddr = kBootInfoAddress;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("is below"));
    elf = TestElf{};
    elf.segment.p_filesz = kPageSize + 1;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("exceeds memory"));
    elf = TestElf{};
    elf.header.e_entry = kPageOffset + kGuestLoadAddress + kPageSize;
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("entry point"));
    elf.header.e_entry = kGuestLoadAddress;  // physical, not virtual
    CHECK_THROWS_WITH(parse(elf), Catch::Contains("entry point"));
}
#line 1692 "chapters/04-launcher.nw"
TEST_CASE("elf: segments together must fit", "[launcher][elf]") {
    TestElf elf;
    elf.segment.p_memsz = 1 << 20;
    auto file = elf.bytes();
    CHECK_NOTHROW(parse_guest_elf(file, kMemory));
    Elf32_Ehdr header = elf.header;
    header.e_phnum = 3;
    std::memcpy(file.data(), &header, sizeof header);
    for (int i = 1; i < 3; ++i)
        std::memcpy(file.data() + header.e_phoff + i * sizeof(Elf32_Phdr),
                    &elf.segment, sizeof elf.segment);
    CHECK_THROWS_WITH(parse_guest_elf(file, kMemory),
                      Catch::Contains("overlap"));
}
#line 1671 "chapters/04-launcher.nw"
TEST_CASE("elf: truncated files are refused", "[launcher][elf]") {
    auto file = TestElf{}.bytes();
    auto cut = [&](std::size_t length) {
        return parse_guest_elf(std::span(file).first(length), kMemory);
    };
    CHECK_THROWS_WITH(cut(3), Catch::Contains("not an ELF"));
    CHECK_THROWS_WITH(cut(40), Catch::Contains("too short"));
    CHECK_THROWS_WITH(cut(60), Catch::Contains("program headers"));
    CHECK_THROWS_WITH(cut(file.size() - 1),
                      Catch::Contains("past the end"));
    for (std::size_t length = 0; length < file.size(); ++length)
        CHECK_THROWS_AS(cut(length), GuestFileError);
    CHECK_NOTHROW(cut(file.size()));
}
#line 1719 "chapters/04-launcher.nw"
TEST_CASE("elf: only regular files, and only what is loaded",
          "[launcher][elf]") {
    using lhv::test::MemoryFile;
    std::vector<std::byte> contents;
    auto read = [&](const std::filesystem::path& path) {
        return read_guest_elf(path, kMemory, contents);
    };
    lhv::test::NamelessFifo fifo;
    CHECK_THROWS_WITH(read(fifo.path()),
                      Catch::EndsWith("not a regular file (a FIFO)"));
    CHECK_THROWS_WITH(read("/proc"), Catch::Contains("a directory"));
    CHECK_THROWS_WITH(read("/dev/null"),
                      Catch::Contains("a character device"));
    CHECK_THROWS_AS(read("/nonexistent/guest.elf"), GuestFileError);

    constexpr off_t k3GiB = off_t{3} << 30;
    MemoryFile zeros("");
    REQUIRE(::truncate(zeros.path().c_str(), k3GiB) == 0);
    CHECK_THROWS_WITH(read(zeros.path()),
                      Catch::Contains("not an ELF file"));

    auto guest = TestElf{}.bytes();
    MemoryFile padded(std::string(
        reinterpret_cast<const char*>(guest.data()), guest.size()));
    REQUIRE(::truncate(padded.path().c_str(), k3GiB) == 0);
    GuestImage image = read(padded.path());
    CHECK(contents.size() == kCodeBytes);
    REQUIRE(image.segments.size() == 1);
    CHECK(image.segments[0].file_offset == 0);
    CHECK(contents[0] == std::byte{0xA0});
}
#line 1759 "chapters/04-launcher.nw"
TEST_CASE("elf: the Host image must be a Multiboot kernel",
          "[launcher][elf]") {
    auto file = TestElf{}.bytes();
    CHECK_THROWS_WITH(check_host_elf(file, file.size()),
                      Catch::Contains("no Multiboot header"));
    std::uint32_t multiboot[3] = {0x1BADB002, 0x3, 0};
    multiboot[2] = 0u - multiboot[0] - multiboot[1];
    std::memcpy(file.data() + kPayloadOffset, multiboot, 12);
    CHECK_NOTHROW(check_host_elf(file, file.size()));
    file[kPayloadOffset + 8] ^= std::byte{1};
    CHECK_THROWS(check_host_elf(file, file.size()));

    const std::string host = lhv::test::path_from_environment("LHV_HOST");
    const std::string guest =
        lhv::test::path_from_environment("LHV_GUEST");
    CHECK_NOTHROW(check_host_image(host));
    CHECK_THROWS_WITH(check_host_image(guest),
                      Catch::Contains("no Multiboot header"));
    CHECK_THROWS_WITH(check_host_image("/nonexistent/host.elf"),
                      Catch::StartsWith("cannot use the Host image "
                                        "/nonexistent/host.elf: No such"));
}
