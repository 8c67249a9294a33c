// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 1102 "chapters/04-launcher.nw"
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>
#include "launcher/addresses.hpp"

namespace lhv::launcher {

class GuestMemory;

#line 1139 "chapters/04-launcher.nw"
struct Segment {
    GuestPhysical physical;   // where in Guest memory it goes
    GuestVirtual virtual_address;
    std::uint32_t file_offset;
    std::uint32_t file_bytes;
    std::uint32_t memory_bytes;  // file_bytes, then zeros
};

struct GuestImage {
    GuestVirtual entry;
    std::vector<Segment> segments;
};

#line 1116 "chapters/04-launcher.nw"
GuestImage parse_guest_elf(std::span<const std::byte> file,
                           std::uint32_t memory_bytes);
GuestImage read_guest_elf(const std::string& path,
                          std::uint32_t memory_bytes,
                          std::vector<std::byte>& contents);
void load_guest_image(const GuestImage& image,
                      std::span<const std::byte> contents,
                      GuestMemory& memory);
void check_host_elf(std::span<const std::byte> start,
                    std::uint64_t file_size);
void check_host_image(const std::string& path);

} // namespace lhv::launcher
