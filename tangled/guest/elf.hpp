// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 1817 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>
#include "abi/layout.hpp"

namespace lhv::guest {

#line 1567 "chapters/E-guest-kernel.nw"
inline constexpr uint32_t kUserLow = 0x08000000;
inline constexpr uint32_t kUserHigh = 0xB0000000;
static_assert(kUserHigh <= abi::kPageOffset);
#line 1579 "chapters/E-guest-kernel.nw"
struct ElfSegment {
    uint32_t vaddr;   // where it starts in user memory
    uint32_t memsz;   // its bytes in memory: file bytes, then zeros
    uint32_t offset;  // where its file bytes start in the file
    uint32_t filesz;
    bool writable, executable;
};

inline constexpr uint32_t kMaxElfSegments = 8;

struct ElfProgram {
    uint32_t entry;
    uint32_t count;  // of segments, in address order
    ElfSegment segments[kMaxElfSegments];
};
#line 1603 "chapters/E-guest-kernel.nw"
namespace elf {

inline uint32_t read16(const uint8_t* at) {
    return at[0] | static_cast<uint32_t>(at[1]) << 8;
}

inline uint32_t read32(const uint8_t* at) {
    return at[0] | static_cast<uint32_t>(at[1]) << 8 |
           static_cast<uint32_t>(at[2]) << 16 |
           static_cast<uint32_t>(at[3]) << 24;
}

} // namespace elf
#line 1623 "chapters/E-guest-kernel.nw"
namespace elf {

inline constexpr uint32_t kHeaderBytes = 52;         // Elf32_Ehdr
inline constexpr uint32_t kProgramHeaderBytes = 32;  // Elf32_Phdr

inline constexpr uint32_t kClassAt = 4;  // e_ident[EI_CLASS]
inline constexpr uint32_t kDataAt = 5;   // e_ident[EI_DATA]
inline constexpr uint32_t kTypeAt = 16, kMachineAt = 18, kEntryAt = 24;
inline constexpr uint32_t kPhoffAt = 28, kPhentsizeAt = 42;
inline constexpr uint32_t kPhnumAt = 44;

inline constexpr uint32_t kPTypeAt = 0, kPOffsetAt = 4, kPVaddrAt = 8;
inline constexpr uint32_t kPFileszAt = 16, kPMemszAt = 20;
inline constexpr uint32_t kPFlagsAt = 24;

inline constexpr uint32_t kClass32 = 1;       // ELFCLASS32
inline constexpr uint32_t kLittleEndian = 1;  // ELFDATA2LSB
inline constexpr uint32_t kExecutable = 2;    // ET_EXEC
inline constexpr uint32_t kMachine386 = 3;    // EM_386
inline constexpr uint32_t kLoad = 1;          // PT_LOAD
inline constexpr uint32_t kInterpreter = 3;   // PT_INTERP
inline constexpr uint32_t kFlagExecute = 1;   // PF_X
inline constexpr uint32_t kFlagWrite = 2;     // PF_W

} // namespace elf
#line 1665 "chapters/E-guest-kernel.nw"
namespace elf {

inline const char* check_header(const uint8_t* image, uint32_t size) {
    if (size < 4 || image[0] != 0x7F || image[1] != 'E' ||
        image[2] != 'L' || image[3] != 'F')
        return "not an ELF file";
    if (size < kHeaderBytes)
        return "too short for an ELF header (truncated?)";
    if (image[kClassAt] != kClass32 || image[kDataAt] != kLittleEndian ||
        read16(image + kMachineAt) != kMachine386)
        return "not a 32-bit i386 program";
    if (read16(image + kTypeAt) != kExecutable)
        return "not an executable linked at a fixed address";
    const uint32_t count = read16(image + kPhnumAt);
    if (count > 0 && read16(image + kPhentsizeAt) != kProgramHeaderBytes)
        return "program headers of an unexpected size";
    const uint32_t table = read32(image + kPhoffAt);
    if (table > size || count * kProgramHeaderBytes > size - table)
        return "program headers run past the end of the file";
    return nullptr;
}

} // namespace elf
#line 1707 "chapters/E-guest-kernel.nw"
namespace elf {

inline const char* check_user_segment(const uint8_t* header, uint32_t size,
                                 ElfSegment& segment) {
    const uint32_t flags = read32(header + kPFlagsAt);
    segment = {read32(header + kPVaddrAt), read32(header + kPMemszAt),
               read32(header + kPOffsetAt), read32(header + kPFileszAt),
               (flags & kFlagWrite) != 0, (flags & kFlagExecute) != 0};
    if (segment.filesz > segment.memsz)
        return "a segment has more file bytes than memory bytes";
    if (segment.offset > size || segment.filesz > size - segment.offset)
        return "a segment runs past the end of the file";
    if (segment.vaddr < kUserLow || segment.vaddr >= kUserHigh ||
        segment.memsz > kUserHigh - segment.vaddr)
        return "a segment lies outside user memory";
    if (segment.vaddr % abi::kPageSize != segment.offset % abi::kPageSize)
        return "a segment's address and file offset differ within a page";
    return nullptr;
}

} // namespace elf
#line 1782 "chapters/E-guest-kernel.nw"
inline const char* check_elf(const uint8_t* image, uint32_t size,
                             ElfProgram& out) {
    out.count = 0;
    if (const char* problem = elf::check_header(image, size))
        return problem;
    out.entry = elf::read32(image + elf::kEntryAt);
    const uint8_t* table = image + elf::read32(image + elf::kPhoffAt);
    const uint32_t headers = elf::read16(image + elf::kPhnumAt);
    for (uint32_t i = 0; i < headers; ++i) {
        const uint8_t* header = table + i * elf::kProgramHeaderBytes;
        const uint32_t type = elf::read32(header + elf::kPTypeAt);
        if (type == elf::kInterpreter)
            return "needs a dynamic linker";
        if (type != elf::kLoad)
            continue;
        if (out.count == kMaxElfSegments)
            return "more loadable segments than the kernel takes";
        ElfSegment& segment = out.segments[out.count];
        if (const char* problem =
                elf::check_user_segment(header, size, segment))
            return problem;
        
#line 1742 "chapters/E-guest-kernel.nw"
if (out.count > 0) {
    const ElfSegment& before = out.segments[out.count - 1];
    const uint32_t before_end =
        (before.vaddr + before.memsz + abi::kPageSize - 1) &
        ~(abi::kPageSize - 1);
    if ((segment.vaddr & ~(abi::kPageSize - 1)) < before_end)
        return "segments overlap, share a page, or are out of order";
}
#line 1804 "chapters/E-guest-kernel.nw"
        ++out.count;
    }
    if (out.count == 0)
        return "no loadable segments";
    
#line 1757 "chapters/E-guest-kernel.nw"
bool entry_found = false;
for (uint32_t i = 0; i < out.count; ++i) {
    const ElfSegment& segment = out.segments[i];
    if (segment.executable && out.entry >= segment.vaddr &&
        out.entry - segment.vaddr < segment.memsz)
        entry_found = true;
}
if (!entry_found)
    return "the entry point is not in an executable segment";
#line 1809 "chapters/E-guest-kernel.nw"
    return nullptr;
}

#line 1831 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
