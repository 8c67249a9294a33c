// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 741 "chapters/05-host.nw"
#pragma once
#include "host/addresses.hpp"
#include "host/boot/link.hpp"

namespace lhv::host {

[[noreturn]] void host_main(HostLink& link, MachinePhysical ram_end);

} // namespace lhv::host
