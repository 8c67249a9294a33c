// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 8452 "chapters/03-drivers.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

bool block_present();
uint64_t block_sectors();
bool block_read_only();
int32_t block_read(uint64_t sector, void* buffer, uint32_t bytes);
int32_t block_write(uint64_t sector, const void* buffer, uint32_t bytes);
int32_t block_flush();

} // namespace lhv::guest
