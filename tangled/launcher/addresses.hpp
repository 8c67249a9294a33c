// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 104 "chapters/04-launcher.nw"
#pragma once
#include <compare>
#include <cstdint>

namespace lhv::launcher {

template <class Tag>
struct Address {
    std::uint32_t value = 0;

    constexpr Address() = default;
    constexpr explicit Address(std::uint32_t v) : value(v) {}
    constexpr auto operator<=>(const Address&) const = default;
};

using GuestPhysical = Address<struct GuestPhysicalTag>;
using GuestVirtual = Address<struct GuestVirtualTag>;
using MachinePhysical = Address<struct MachinePhysicalTag>;

} // namespace lhv::launcher
