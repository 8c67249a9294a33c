// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3712 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "abi/hypercalls.hpp"

namespace lhv::host {

inline const char* hypercall_name(uint32_t call) {
    const char* name = abi::hypercall_info(call).name;
    return name ? name : "no such call";
}

} // namespace lhv::host
