// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 3613 "chapters/E-guest-kernel.nw"
#include "guest/stats.hpp"

namespace lhv::guest {

KernelStats kernel_stats;

} // namespace lhv::guest
