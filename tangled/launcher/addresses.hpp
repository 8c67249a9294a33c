// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 110 "chapters/04-launcher.nw"
#pragma once
#include "abi/addresses.hpp"

namespace lhv::launcher {

using abi::GuestPhysical;
using abi::GuestVirtual;
using abi::MachinePhysical;

} // namespace lhv::launcher
