// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2078 "chapters/04-launcher.nw"
#pragma once
#include <cstdint>
#include <string_view>

namespace lhv::launcher {

class GuestMemory;

inline constexpr std::uint32_t kDevicePages = 16;

void write_boot_info(GuestMemory& memory,
                     std::string_view command_line);
void clear_device_pages(GuestMemory& memory);

} // namespace lhv::launcher
