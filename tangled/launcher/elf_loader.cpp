// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 837 "chapters/04-launcher.nw"
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

#line 872 "chapters/04-launcher.nw"
static Elf32_Ehdr read_elf_header(std::span<const std::byte> file) {
    Elf32_Ehdr header;
    if (file.size() < SELFMAG ||
        std::memcmp(file.data(), ELFMAG, SELFMAG) != 0)
        reject_elf("not an ELF file");
    if (file.size() < sizeof header)
        reject_elf("too short to be an ELF file (truncated?)");
    std::memcpy(&header, file.data(), sizeof header);
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
    
#line 896 "chapters/04-launcher.nw"
if (header.e_phnum > 0 && header.e_phentsize != sizeof(Elf32_Phdr))
    reject_elf("program headers of an unexpected size");
std::uint64_t table_end =
    std::uint64_t{header.e_phoff} +
    std::uint64_t{header.e_phnum} * sizeof(Elf32_Phdr);
if (table_end > file.size())
    reject_elf("program headers run past the end of the file "
               "(truncated?)");
#line 891 "chapters/04-launcher.nw"
    return header;
}
#line 907 "chapters/04-launcher.nw"
static Elf32_Phdr read_program_header(std::span<const std::byte> file,
                                      const Elf32_Ehdr& header,
                                      std::uint32_t index) {
    Elf32_Phdr segment;
    std::memcpy(&segment,
                file.data() + header.e_phoff +
                    std::size_t{index} * sizeof segment,
                sizeof segment);
    return segment;
}
#line 927 "chapters/04-launcher.nw"
static Segment check_segment(std::span<const std::byte> file,
                             const Elf32_Phdr& segment,
                             std::uint32_t index,
                             std::uint32_t memory_bytes) {
    std::string name = "segment " + std::to_string(index);
    std::uint64_t start = segment.p_paddr;
    std::uint64_t end = start + segment.p_memsz;
    if (segment.p_filesz > segment.p_memsz)
        reject_elf(name + ": file size " + in_hex(segment.p_filesz) +
               " exceeds memory size " + in_hex(segment.p_memsz));
    if (std::uint64_t{segment.p_offset} + segment.p_filesz > file.size())
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
#line 961 "chapters/04-launcher.nw"
GuestImage parse_guest_elf(std::span<const std::byte> file,
                           std::uint32_t memory_bytes) {
    Elf32_Ehdr header = read_elf_header(file);
    GuestImage image{GuestVirtual{header.e_entry}, {}};
    for (std::uint32_t i = 0; i < header.e_phnum; ++i) {
        Elf32_Phdr segment = read_program_header(file, header, i);
        if (segment.p_type == PT_LOAD)
            image.segments.push_back(
                check_segment(file, segment, i, memory_bytes));
    }
    if (image.segments.empty()) reject_elf("no loadable segments");
    
#line 978 "chapters/04-launcher.nw"
auto holds_entry = [&](const Segment& segment) {
    std::uint64_t start = segment.virtual_address.value;
    return image.entry.value >= start &&
           image.entry.value < start + segment.memory_bytes;
};
if (std::none_of(image.segments.begin(), image.segments.end(),
                 holds_entry))
    reject_elf("entry point " + in_hex(image.entry.value) +
           " is not inside any loadable segment");
#line 973 "chapters/04-launcher.nw"
    return image;
}
#line 995 "chapters/04-launcher.nw"
GuestImage read_guest_elf(const std::string& path,
                          std::uint32_t memory_bytes,
                          std::vector<std::byte>& file) {
    try {
        file = read_file(path);
        return parse_guest_elf(file, memory_bytes);
    } catch (const GuestFileError& error) {
        throw GuestFileError(path + ": " + error.what());
    } catch (const std::runtime_error& error) {
        throw GuestFileError(error.what());  // it names the file
    }
}
#line 1015 "chapters/04-launcher.nw"
void load_guest_image(const GuestImage& image,
                      std::span<const std::byte> file,
                      GuestMemory& memory) {
    for (const Segment& segment : image.segments) {
        auto target = memory.bytes(segment.physical,
                                   segment.memory_bytes);
        auto source = file.subspan(segment.file_offset,
                                   segment.file_bytes);
        auto zeros = std::copy(source.begin(), source.end(),
                               target.begin());
        std::fill(zeros, target.end(), std::byte{0});
    }
}

#line 860 "chapters/04-launcher.nw"
} // namespace lhv::launcher
