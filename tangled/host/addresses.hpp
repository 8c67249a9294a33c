// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 64 "chapters/05-host.nw"
#pragma once
#include "abi/addresses.hpp"
#include "abi/layout.hpp"

namespace lhv::host {

using abi::kPageSize;
using abi::GuestPhysical;
using abi::GuestVirtual;
using abi::MachinePhysical;

} // namespace lhv::host
