// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 825 "chapters/01-preparation.nw"
#pragma once
#include <stdint.h>

namespace lhv::abi {

template <class Tag>
struct Address {
    uint32_t value = 0;

    bool operator==(const Address&) const = default;
};

using GuestPhysical = Address<struct GuestPhysicalTag>;
using GuestVirtual = Address<struct GuestVirtualTag>;
using MachinePhysical = Address<struct MachinePhysicalTag>;

} // namespace lhv::abi
