// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 322 "chapters/02-guest.nw"
#pragma once
#include <stdint.h>
#include "abi/addresses.hpp"
#include "abi/layout.hpp"

namespace lhv::guest {

using abi::GuestPhysical;

inline GuestPhysical physical_address_of(const void* object) {
    return {reinterpret_cast<uint32_t>(object) - abi::kPageOffset};
}

} // namespace lhv::guest
