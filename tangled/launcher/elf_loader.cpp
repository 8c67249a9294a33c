// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 1160 "chapters/04-launcher.nw"
#include "launcher/elf_loader.hpp"
#include <algorithm>
#include <cstring>
#include <system_error>
#include <elf.h>
#include "abi/layout.hpp"
#include "launcher/errors.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/posix.hpp"

namespace lhv::launcher {

[[noreturn]] static void reject_elf(const std::string& why) {
    throw GuestFileError(why);
}

#line 1200 "chapters/04-launcher.nw"
static Elf32_Ehdr read_elf_header(std::span<const std::byte> start,
                                  std::uint64_t file_size) {
    Elf32_Ehdr header;
    if (start.size() < SELFMAG ||
        std::memcmp(start.data(), ELFMAG, SELFMAG) != 0)
        reject_elf("not an ELF file");
    if (start.size() < sizeof header)
        reject_elf("too short to be an ELF file (truncated?)");
    std::memcpy(&header, start.data(), sizeof header);
    if (header.e_ident[EI_CLASS] != ELFCLASS32)
        reject_elf("not a 32-bit ELF file");
    if (header.e_ident[EI_DATA] != ELFDATA2LSB)
        reject_elf("not a little-endian ELF file");
    if (header.e_type != ET_EXEC)
        reject_elf("not an executable (ELF type " +
               std::to_string(header.e_type) + ")");
    if (header.e_machine != EM_386)
        reject_elf("not an i386 program (ELF machine " +
               std::to_string(header.e_machine) + ")");
    
#line 1233 "chapters/04-launcher.nw"
if (header.e_phnum > 0 && header.e_phentsize != sizeof(Elf32_Phdr))
    reject_elf("program headers of an unexpected size");
std::uint64_t table_end =
    std::uint64_t{header.e_phoff} +
    std::uint64_t{header.e_phnum} * sizeof(Elf32_Phdr);
if (table_end > file_size)
    reject_elf("program headers run past the end of the file "
               "(truncated?)");
#line 1220 "chapters/04-launcher.nw"
    return header;
}
#line 1247 "chapters/04-launcher.nw"
static Elf32_Phdr read_program_header(std::span<const std::byte> table,
                                      std::uint32_t index) {
    Elf32_Phdr segment;
    std::memcpy(&segment,
                table.data() + std::size_t{index} * sizeof segment,
                sizeof segment);
    return segment;
}
#line 1265 "chapters/04-launcher.nw"
static Segment check_segment(std::uint64_t file_size,
                             const Elf32_Phdr& segment,
                             std::uint32_t index,
                             std::uint32_t memory_bytes) {
    std::string name = "segment " + std::to_string(index);
    std::uint64_t start = segment.p_paddr;
    std::uint64_t end = start + segment.p_memsz;
    if (segment.p_filesz > segment.p_memsz)
        reject_elf(name + ": file size " + in_hex(segment.p_filesz) +
               " exceeds memory size " + in_hex(segment.p_memsz));
    if (std::uint64_t{segment.p_offset} + segment.p_filesz > file_size)
        reject_elf(name + " runs past the end of the file "
                   "(truncated?)");
    if (start < abi::kGuestLoadAddress)
        reject_elf(name + " at " + in_hex(start) + " is below " +
               in_hex(abi::kGuestLoadAddress) + ", where the Guest loads");
    if (end > memory_bytes)
        reject_elf(name + " at " + in_hex(start) + "-" + in_hex(end) +
               " does not fit in " + std::to_string(memory_bytes >> 20) +
               " MiB of Guest memory");
    return Segment{GuestPhysical{segment.p_paddr},
                   GuestVirtual{segment.p_vaddr}, segment.p_offset,
                   segment.p_filesz, segment.p_memsz};
}
#line 1302 "chapters/04-launcher.nw"
static GuestImage check_program_headers(const Elf32_Ehdr& header,
                                        std::span<const std::byte> table,
                                        std::uint64_t file_size,
                                        std::uint32_t memory_bytes) {
    GuestImage image{GuestVirtual{header.e_entry}, {}};
    std::uint64_t total = 0;
    for (std::uint32_t i = 0; i < header.e_phnum; ++i) {
        Elf32_Phdr segment = read_program_header(table, i);
        if (segment.p_type != PT_LOAD) continue;
        image.segments.push_back(
            check_segment(file_size, segment, i, memory_bytes));
        total += segment.p_memsz;
    }
    if (image.segments.empty()) reject_elf("no loadable segments");
    if (total + abi::kGuestLoadAddress > memory_bytes)
        reject_elf("segments add up to " + in_hex(total) +
                   " bytes, more than Guest memory holds "
                   "(do they overlap?)");
    
#line 1349 "chapters/04-launcher.nw"
auto holds_entry = [&](const Segment& segment) {
    std::uint64_t start = segment.virtual_address.value;
    return image.entry.value >= start &&
           image.entry.value < start + segment.memory_bytes;
};
if (std::none_of(image.segments.begin(), image.segments.end(),
                 holds_entry))
    reject_elf("entry point " + in_hex(image.entry.value) +
           " is not inside any loadable segment");
#line 1321 "chapters/04-launcher.nw"
    return image;
}
#line 1329 "chapters/04-launcher.nw"
GuestImage parse_guest_elf(std::span<const std::byte> file,
                           std::uint32_t memory_bytes) {
    auto start = file.first(std::min(file.size(), sizeof(Elf32_Ehdr)));
    Elf32_Ehdr header = read_elf_header(start, file.size());
    std::size_t table_bytes =
        std::size_t{header.e_phnum} * sizeof(Elf32_Phdr);
    auto table = file.subspan(header.e_phoff, table_bytes);
    return check_program_headers(header, table, file.size(),
                                 memory_bytes);
}
#line 1373 "chapters/04-launcher.nw"
GuestImage read_guest_elf(const std::string& path,
                          std::uint32_t memory_bytes,
                          std::vector<std::byte>& contents) {
    try {
        std::uint64_t size = 0;
        UniqueFd fd = open_regular_file(path, size);
        std::vector<std::byte> start(
            std::min<std::uint64_t>(size, sizeof(Elf32_Ehdr)));
        read_at(fd.get(), 0, start);
        Elf32_Ehdr header = read_elf_header(start, size);
        std::vector<std::byte> table(std::size_t{header.e_phnum} *
                                     sizeof(Elf32_Phdr));
        read_at(fd.get(), header.e_phoff, table);
        GuestImage image =
            check_program_headers(header, table, size, memory_bytes);
        
#line 1409 "chapters/04-launcher.nw"
contents.clear();
for (Segment& segment : image.segments) {
    std::size_t at = contents.size();
    contents.resize(at + segment.file_bytes);
    read_at(fd.get(), segment.file_offset,
            std::span(contents).subspan(at));
    segment.file_offset = static_cast<std::uint32_t>(at);
}
#line 1389 "chapters/04-launcher.nw"
        return image;
    } catch (const GuestFileError& error) {
        throw GuestFileError(path + ": " + error.what());
    } catch (const std::system_error& error) {
        throw GuestFileError(error.what());  // it names the file
    } catch (const std::runtime_error& error) {
        throw GuestFileError(path + ": " + error.what());
    }
}
#line 1425 "chapters/04-launcher.nw"
void load_guest_image(const GuestImage& image,
                      std::span<const std::byte> contents,
                      GuestMemory& memory) {
    for (const Segment& segment : image.segments) {
        auto target = memory.bytes(segment.physical,
                                   segment.memory_bytes);
        auto source = contents.subspan(segment.file_offset,
                                       segment.file_bytes);
        auto zeros = std::copy(source.begin(), source.end(),
                               target.begin());
        std::fill(zeros, target.end(), std::byte{0});
    }
}
#line 1454 "chapters/04-launcher.nw"
void check_host_elf(std::span<const std::byte> start,
                    std::uint64_t file_size) {
    read_elf_header(start, file_size);
    constexpr std::uint32_t kMultibootMagic = 0x1BADB002;
    for (std::size_t at = 0; at + 12 <= start.size(); at += 4) {
        std::uint32_t words[3];
        std::memcpy(words, start.data() + at, sizeof words);
        if (words[0] == kMultibootMagic &&
            words[0] + words[1] + words[2] == 0)
            return;
    }
    reject_elf("no Multiboot header in its first 8 KiB");
}
#line 1474 "chapters/04-launcher.nw"
void check_host_image(const std::string& path) {
    constexpr std::uint64_t kMultibootSearch = 8192;
    try {
        std::uint64_t size = 0;
        UniqueFd fd = open_regular_file(path, size);
        std::vector<std::byte> start(
            std::min(size, kMultibootSearch));
        read_at(fd.get(), 0, start);
        check_host_elf(start, size);
    } catch (const std::exception& error) {
        std::string why = error.what();
        if (why.starts_with(path + ": ")) why.erase(0, path.size() + 2);
        throw FileError("cannot use the Host image " + path + ": " +
                        why + " (build it, or use --host or LHV_HOST)");
    }
}

#line 1185 "chapters/04-launcher.nw"
} // namespace lhv::launcher
