// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 1810 "chapters/04-launcher.nw"
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include "abi/layout.hpp"
#include "launcher/elf_loader.hpp"
#include "launcher/errors.hpp"
#include "launcher/guest_memory.hpp"

using namespace lhv::launcher;

namespace {
#line 1856 "chapters/04-launcher.nw"
bool keeps_its_promises(const GuestImage& image, std::uint64_t file_bytes,
                        std::uint64_t memory_bytes) {
    if (image.segments.empty()) return false;
    bool entry_found = false;
    for (const Segment& segment : image.segments) {
        const std::uint64_t start = segment.physical.value;
        const std::uint64_t virtual_start = segment.virtual_address.value;
        if (segment.file_bytes > segment.memory_bytes ||
            std::uint64_t{segment.file_offset} + segment.file_bytes >
                file_bytes ||
            start < lhv::abi::kGuestLoadAddress ||
            start + segment.memory_bytes > memory_bytes)
            return false;
        if (image.entry.value >= virtual_start &&
            image.entry.value < virtual_start + segment.memory_bytes)
            entry_found = true;
    }
    return entry_found;
}
#line 1824 "chapters/04-launcher.nw"
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
    if (size == 0) return 0;
    constexpr std::uint32_t kStep = 16 * 1024;
    constexpr std::uint32_t kMostMemory = (1 + 4) * 1024 * 1024;
    static const auto ram = std::make_unique<std::byte[]>(kMostMemory);
    const std::uint32_t memory_bytes = 1024 * 1024 + (data[0] + 1) * kStep;
    std::span<const std::byte> file(
        reinterpret_cast<const std::byte*>(data + 1), size - 1);
    try {
        check_host_elf(file.first(std::min<std::size_t>(file.size(), 8192)),
                       file.size());
    } catch (const GuestFileError&) {
    }
    try {
        GuestImage image = parse_guest_elf(file, memory_bytes);
        if (!keeps_its_promises(image, file.size(), memory_bytes))
            __builtin_trap();
        GuestMemory memory(std::span(ram.get(), memory_bytes),
                           memory_bytes);
        load_guest_image(image, file, memory);
    } catch (const GuestFileError&) {
    }
    return 0;
}
