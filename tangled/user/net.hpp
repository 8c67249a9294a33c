// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 9489 "chapters/03-drivers.nw"
#pragma once
#include <stdint.h>
#include "user/syscall.hpp"

namespace lhv::user {

inline constexpr uint32_t SYS_lhv_ping = 0x4C48;  // "LH": not Linux's
inline constexpr int32_t kENETDOWN = 100;
inline constexpr int32_t kETIMEDOUT = 110;

inline int32_t lhv_ping(uint32_t address, uint32_t sequence,
                        uint32_t timeout_ms) {
    return make_system_call(SYS_lhv_ping, address, sequence, timeout_ms);
}

} // namespace lhv::user
