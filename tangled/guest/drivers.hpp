// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 9999 "chapters/03-drivers.nw"
#pragma once
#include <stdint.h>
#include "abi/boot.hpp"

namespace lhv::guest {

void start_drivers(const abi::BootInfo& boot);
void console_output(const char* bytes, uint32_t count);
int32_t console_input(char* into, uint32_t bytes);  // 0: end of input
int32_t get_random(void* buffer, uint32_t bytes);   // bytes, or -errno

} // namespace lhv::guest
