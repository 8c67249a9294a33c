// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 2147 "chapters/E-guest-kernel.nw"
#include <cstddef>
#include <cstdint>
#include <cstring>
#include "abi/layout.hpp"
#include "guest/elf.hpp"

using namespace lhv::guest;

namespace {
#line 2176 "chapters/E-guest-kernel.nw"
bool loadable(const ElfProgram& program, std::uint64_t file_bytes) {
    constexpr std::uint64_t kPage = lhv::abi::kPageSize;
    if (program.count < 1 || program.count > kMaxElfSegments)
        return false;
    bool entry_found = false;
    std::uint64_t free_from = kUserLow;  // the first page still unused
    for (std::uint32_t i = 0; i < program.count; ++i) {
        const ElfSegment& s = program.segments[i];
        const std::uint64_t start = s.vaddr, end = start + s.memsz;
        if (s.filesz > s.memsz ||
            std::uint64_t{s.offset} + s.filesz > file_bytes ||
            start / kPage * kPage < free_from || end > kUserHigh ||
            start % kPage != s.offset % kPage)
            return false;
        free_from = (end + kPage - 1) / kPage * kPage;
        if (s.executable && program.entry >= start && program.entry < end)
            entry_found = true;
    }
    return entry_found;
}
#line 2157 "chapters/E-guest-kernel.nw"
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
    if (size > 0xFFFFFFFFu) return 0;
    ElfProgram program;
    std::memset(&program, 0xA5, sizeof program);
    const char* problem =
        check_elf(data, static_cast<std::uint32_t>(size), program);
    if (problem == nullptr && !loadable(program, size)) __builtin_trap();
    return 0;
}
