// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 9236 "chapters/05-host.nw"
#pragma once
#include "host/addresses.hpp"
#include "host/boot/link.hpp"

namespace lhv::host {

[[noreturn]] void host_main(HostLink& link, MachinePhysical ram_end);
#line 3066 "chapters/05-host.nw"
void choose_processor_state();

#line 9245 "chapters/05-host.nw"
} // namespace lhv::host
