// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 4087 "chapters/E-guest-kernel.nw"
#include "guest/block.hpp"
#include "guest/stats.hpp"

namespace lhv::guest {

KernelStats kernel_stats;

bool block_present() { return false; }
uint64_t block_sectors() { return 0; }
bool block_read_only() { return true; }
int32_t block_read(uint64_t, void*, uint32_t) { return -19; }
int32_t block_write(uint64_t, const void*, uint32_t) { return -19; }
int32_t block_flush() { return -19; }

} // namespace lhv::guest
