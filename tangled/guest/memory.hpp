// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 309 "chapters/02-guest.nw"
#pragma once
#include <stdint.h>
#include "abi/layout.hpp"

namespace lhv::guest {

struct GuestPhysical {
    uint32_t value;
};

inline GuestPhysical physical_address_of(const void* object) {
    return {reinterpret_cast<uint32_t>(object) - abi::kPageOffset};
}

} // namespace lhv::guest
