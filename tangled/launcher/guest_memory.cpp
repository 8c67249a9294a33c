// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 1984 "chapters/04-launcher.nw"
#include "launcher/guest_memory.hpp"
#include <algorithm>
#include <stdexcept>
#include "abi/layout.hpp"
#include "launcher/errors.hpp"

namespace lhv::launcher {

#line 2004 "chapters/04-launcher.nw"
GuestMemory::GuestMemory(std::span<std::byte> bytes,
                         std::uint32_t ram_bytes)
    : bytes_(bytes), ram_bytes_(ram_bytes) {
    if (ram_bytes > bytes.size())
        throw std::out_of_range("Guest RAM larger than its memory");
}

std::span<std::byte> GuestMemory::bytes(GuestPhysical start,
                                        std::uint32_t length) const {
    if (std::uint64_t{start.value} + length > bytes_.size())
        throw std::out_of_range("Guest-physical " + in_hex(start.value) +
                                " + " + in_hex(length) +
                                " is outside Guest memory");
    return bytes_.subspan(start.value, length);
}
#line 2028 "chapters/04-launcher.nw"
std::optional<std::string> GuestMemory::string_at(
    GuestPhysical start, std::uint32_t limit) const {
    if (start.value >= ram_bytes_) return std::nullopt;
    std::uint32_t length = std::min(limit, ram_bytes_ - start.value);
    auto text = bytes_.subspan(start.value, length);
    auto nul = std::find(text.begin(), text.end(), std::byte{0});
    return std::string(reinterpret_cast<const char*>(text.data()),
                       static_cast<std::size_t>(nul - text.begin()));
}
#line 2047 "chapters/04-launcher.nw"
std::span<std::byte> MachineMemory::range(MachinePhysical start,
                                          std::uint64_t length) const {
    if (start.value + length > bytes_.size())
        throw std::out_of_range("machine-physical " + in_hex(start.value) +
                                " is outside the machine's RAM");
    return bytes_.subspan(start.value, length);
}

GuestMemory MachineMemory::guest(std::uint32_t ram_bytes,
                                 std::uint32_t device_bytes) const {
    auto bytes = range(MachinePhysical{abi::kGuestBase},
                       std::uint64_t{ram_bytes} + device_bytes);
    return GuestMemory(bytes, ram_bytes);
}

#line 1996 "chapters/04-launcher.nw"
} // namespace lhv::launcher
