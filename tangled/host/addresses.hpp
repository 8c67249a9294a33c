// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 51 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "abi/layout.hpp"

namespace lhv::host {

using abi::kPageSize;

struct MachinePhysical { uint32_t value; };
struct GuestPhysical { uint32_t value; };
struct GuestVirtual { uint32_t value; };

} // namespace lhv::host
