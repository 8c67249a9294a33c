// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 9197 "chapters/03-drivers.nw"
#pragma once
#include <stdint.h>
#include "abi/boot.hpp"
#include "guest/trap_frame.hpp"

namespace lhv::guest {

void start_net(const abi::BootInfo& boot);
int32_t net_ping(uint32_t address, uint16_t id, uint16_t sequence,
                 uint32_t timeout_ms);  // microseconds, or -errno

inline constexpr uint32_t kSysLhvPing = 0x4C48;  // "LH": not Linux's
int32_t sys_lhv_ping(TrapFrame& frame);

} // namespace lhv::guest
