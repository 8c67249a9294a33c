// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2101 "chapters/04-launcher.nw"
#include "launcher/boot_info.hpp"
#include <algorithm>
#include <cstring>
#include "abi/boot.hpp"
#include "abi/layout.hpp"
#include "launcher/guest_memory.hpp"

namespace lhv::launcher {

void write_boot_info(GuestMemory& memory,
                     std::string_view command_line) {
    abi::BootInfo info{};
    info.magic = abi::kBootInfoMagic;
    info.memory_bytes = memory.ram_bytes();
    info.device_page = memory.ram_bytes();
    info.device_pages = kDevicePages;
    std::size_t length = std::min<std::size_t>(
        command_line.size(), abi::kCommandLineBytes - 1);
    std::memcpy(info.command_line, command_line.data(), length);
    auto target = memory.bytes(GuestPhysical{abi::kBootInfoAddress},
                               sizeof info);
    std::memcpy(target.data(), &info, sizeof info);
}

void clear_device_pages(GuestMemory& memory) {
    auto pages = memory.bytes(GuestPhysical{memory.ram_bytes()},
                              kDevicePages * abi::kPageSize);
    std::fill(pages.begin(), pages.end(), std::byte{0});
}

} // namespace lhv::launcher
