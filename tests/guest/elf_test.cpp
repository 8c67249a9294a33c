// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 2097 "chapters/E-guest-kernel.nw"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <utility>
#include <vector>
#include <elf.h>
#include "../support.hpp"
#include "guest/elf.hpp"
#include "user_programs.hpp"

using namespace lhv::guest;
using namespace lhv::test;

namespace {
#line 1844 "chapters/E-guest-kernel.nw"
struct TestProgram {
    Elf32_Ehdr header{};
    std::vector<Elf32_Phdr> segments;
    std::uint32_t file_bytes = 0x3000;

    TestProgram() {
        std::memcpy(header.e_ident, ELFMAG, SELFMAG);
        header.e_ident[EI_CLASS] = ELFCLASS32;
        header.e_ident[EI_DATA] = ELFDATA2LSB;
        header.e_ident[EI_VERSION] = EV_CURRENT;
        header.e_type = ET_EXEC;
        header.e_machine = EM_386;
        header.e_version = EV_CURRENT;
        header.e_entry = 0x08048010;
        header.e_phoff = sizeof(Elf32_Ehdr);
        header.e_ehsize = sizeof(Elf32_Ehdr);
        header.e_phentsize = sizeof(Elf32_Phdr);
        segments.push_back(load(0x08048000, 0x1000, 0x800, 0x800,
                                PF_R | PF_X));
        segments.push_back(load(0x0804A000, 0x2000, 0x100, 0x5000,
                                PF_R | PF_W));
    }
    
#line 1877 "chapters/E-guest-kernel.nw"
static Elf32_Phdr load(std::uint32_t vaddr, std::uint32_t offset,
                       std::uint32_t filesz, std::uint32_t memsz,
                       std::uint32_t flags) {
    Elf32_Phdr segment{};
    segment.p_type = PT_LOAD;
    segment.p_vaddr = segment.p_paddr = vaddr;
    segment.p_offset = offset;
    segment.p_filesz = filesz;
    segment.p_memsz = memsz;
    segment.p_flags = flags;
    segment.p_align = 0x1000;
    return segment;
}

std::vector<std::uint8_t> bytes() {
    header.e_phnum = static_cast<Elf32_Half>(segments.size());
    const std::size_t table = segments.size() * sizeof(Elf32_Phdr);
    std::vector<std::uint8_t> image(
        std::max<std::size_t>(file_bytes, sizeof header + table));
    std::memcpy(image.data(), &header, sizeof header);
    std::memcpy(image.data() + sizeof header, segments.data(), table);
    image.resize(file_bytes);  // a short file is cut, not overrun
    return image;
}

std::string check(ElfProgram& program) {
    const auto image = bytes();
    const char* problem = check_elf(
        image.data(), static_cast<std::uint32_t>(image.size()), program);
    return problem ? problem : "";
}

std::string check() {
    ElfProgram program{};
    return check(program);
}

#line 1867 "chapters/E-guest-kernel.nw"
};
#line 2115 "chapters/E-guest-kernel.nw"
} // namespace

#line 1920 "chapters/E-guest-kernel.nw"
TEST_CASE("elf: a good program is described", "[guest][elf]") {
    TestProgram elf;
    ElfProgram program{};
    REQUIRE(elf.check(program) == "");
    CHECK(program.entry == 0x08048010);
    REQUIRE(program.count == 2);
    CHECK(program.segments[0].vaddr == 0x08048000);
    CHECK(program.segments[0].offset == 0x1000);
    CHECK(program.segments[0].filesz == 0x800);
    CHECK(program.segments[0].memsz == 0x800);
    CHECK(program.segments[0].executable);
    CHECK_FALSE(program.segments[0].writable);
    CHECK(program.segments[1].memsz == 0x5000);
    CHECK(program.segments[1].writable);
    CHECK_FALSE(program.segments[1].executable);

    Elf32_Phdr stack{};
    stack.p_type = PT_GNU_STACK;
    stack.p_flags = PF_R | PF_W;
    elf.segments.insert(elf.segments.begin(), stack);
    elf.segments[2].p_memsz = kUserHigh - elf.segments[2].p_vaddr;
    CHECK(elf.check() == "");
}
#line 1951 "chapters/E-guest-kernel.nw"
TEST_CASE("elf: a program the kernel cannot load is refused",
          "[guest][elf]") {
    using Spoil = std::function<void(TestProgram&)>;
    const auto [spoil, reason] = GENERATE(table<Spoil, std::string>({
        
#line 1968 "chapters/E-guest-kernel.nw"
{[](TestProgram& e) { e.header.e_ident[1] = 'e'; }, "not an ELF file"},
{[](TestProgram& e) { e.file_bytes = 3; }, "not an ELF file"},
{[](TestProgram& e) { e.file_bytes = 51; },
 "too short for an ELF header (truncated?)"},
{[](TestProgram& e) { e.header.e_ident[EI_CLASS] = ELFCLASS64; },
 "not a 32-bit i386 program"},
{[](TestProgram& e) { e.header.e_ident[EI_DATA] = ELFDATA2MSB; },
 "not a 32-bit i386 program"},
{[](TestProgram& e) { e.header.e_machine = EM_X86_64; },
 "not a 32-bit i386 program"},
{[](TestProgram& e) { e.header.e_type = ET_DYN; },
 "not an executable linked at a fixed address"},
{[](TestProgram& e) { e.header.e_phentsize = 56; },
 "program headers of an unexpected size"},
{[](TestProgram& e) { e.header.e_phoff = 0x3000 - 40; },
 "program headers run past the end of the file"},
{[](TestProgram& e) { e.header.e_phoff = 0xFFFFFFF0; },
 "program headers run past the end of the file"},
{[](TestProgram& e) { e.segments.clear(); }, "no loadable segments"},
#line 1956 "chapters/E-guest-kernel.nw"
        
#line 1994 "chapters/E-guest-kernel.nw"
{[](TestProgram& e) { e.segments[1].p_filesz = 0x5001; },
 "a segment has more file bytes than memory bytes"},
{[](TestProgram& e) { e.segments[1].p_filesz = 0x1001; },
 "a segment runs past the end of the file"},
{[](TestProgram& e) { e.segments[1].p_offset = 0xFFFFF000; },
 "a segment runs past the end of the file"},
{[](TestProgram& e) { e.segments[0].p_vaddr = 0x07FFF000; },
 "a segment lies outside user memory"},
{[](TestProgram& e) { e.segments[1].p_vaddr = kUserHigh; },
 "a segment lies outside user memory"},
{[](TestProgram& e) { e.segments[1].p_memsz = kUserHigh - 0x0804A000 + 1; },
 "a segment lies outside user memory"},
{[](TestProgram& e) { e.segments[1].p_memsz = 0xFFFFF000; },
 "a segment lies outside user memory"},
{[](TestProgram& e) { e.segments[1].p_offset = 0x2010; },
 "a segment's address and file offset differ within a page"},
{[](TestProgram& e) { std::swap(e.segments[0], e.segments[1]); },
 "segments overlap, share a page, or are out of order"},
{[](TestProgram& e) { e.segments[1].p_vaddr = 0x08048000; },
 "segments overlap, share a page, or are out of order"},
{[](TestProgram& e) {
     e.segments[1].p_vaddr = 0x08048900;
     e.segments[1].p_offset = 0x2900;
 }, "segments overlap, share a page, or are out of order"},
{[](TestProgram& e) {
     for (std::uint32_t i = 2; i < 9; ++i)
         e.segments.push_back(TestProgram::load(0x08050000 + i * 0x1000,
                                            0, 0, 0x10, PF_R));
 }, "more loadable segments than the kernel takes"},
{[](TestProgram& e) { e.header.e_entry = 0x0804A000; },
 "the entry point is not in an executable segment"},
{[](TestProgram& e) { e.header.e_entry = 0x08048800; },
 "the entry point is not in an executable segment"},
{[](TestProgram& e) {
     Elf32_Phdr interpreter{};
     interpreter.p_type = PT_INTERP;
     e.segments.insert(e.segments.begin(), interpreter);
 }, "needs a dynamic linker"},
#line 1957 "chapters/E-guest-kernel.nw"
    }));
    TestProgram elf;
    spoil(elf);
    CHECK(elf.check() == reason);
}
#line 2037 "chapters/E-guest-kernel.nw"
TEST_CASE("elf: a refusal says which segment", "[guest][elf]") {
    TestProgram elf;
    elf.segments[1].p_vaddr = 0x0804A008;
    ElfProgram program{};
    CHECK(elf.check(program) ==
          "a segment's address and file offset differ within a page");
    CHECK(program.count == 1);
}
#line 2055 "chapters/E-guest-kernel.nw"
TEST_CASE("elf: the book's programs are loadable", "[guest][elf]") {
    int checked = 0;
    for (const auto& file :
         std::filesystem::directory_iterator(user_programs())) {
        INFO(file.path().string());
        const auto image = read_file(file.path());
        ElfProgram program{};
        CHECK(check_elf(image.data(),
                        static_cast<std::uint32_t>(image.size()),
                        program) == nullptr);
        Elf32_Ehdr header;
        std::memcpy(&header, image.data(), sizeof header);
        CHECK(program.entry == header.e_entry);
        CHECK(program.count >= 2);
        CHECK(program.segments[0].executable);
        CHECK_FALSE(program.segments[0].writable);
        ++checked;
    }
    CHECK(checked >= 6);
}

TEST_CASE("elf: kernels and 64-bit programs are refused",
          "[guest][elf]") {
    const auto verdict = [](const std::string& path) {
        const auto image = read_file(path);
        ElfProgram program{};
        const char* problem = check_elf(
            image.data(), static_cast<std::uint32_t>(image.size()),
            program);
        return std::string(problem ? problem : "");
    };
    CHECK(verdict(path_from_environment("LHV_GUEST")) ==
          "a segment lies outside user memory");
    CHECK(verdict("/proc/self/exe") == "not a 32-bit i386 program");
}
