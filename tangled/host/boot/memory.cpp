// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 1222 "chapters/A-kernel.nw"
#include "host/boot/kernel.hpp"
#include "host/boot/console.hpp"
#include "host/boot/cpu.hpp"

extern "C" {
#line 1247 "chapters/A-kernel.nw"
void* memset(void* d, int c, __SIZE_TYPE__ n) {
    void* p = d;
    asm volatile("rep stosb" : "+D"(p), "+c"(n) : "a"(c) : "memory");
    return d;
}
void* memcpy(void* d, const void* s, __SIZE_TYPE__ n) {
    void* p = d;
    asm volatile("rep movsb" : "+D"(p), "+S"(s), "+c"(n) : : "memory");
    return d;
}
#line 1228 "chapters/A-kernel.nw"
}

namespace lhv::host {

PageAllocator page_allocator;

#line 1265 "chapters/A-kernel.nw"
void PageAllocator::init(MachinePhysical first, MachinePhysical limit) {
    next_ = (first.value + kPageSize - 1) & ~(kPageSize - 1);
    limit_ = limit.value & ~(kPageSize - 1);
}

MachinePhysical PageAllocator::allocate() {
    uint32_t page = free_list_;
    if (page)
        free_list_ = *reinterpret_cast<uint32_t*>(page);
    else if (next_ < limit_)
        page = next_, next_ += kPageSize;
    else
        return {0};
    memset(reinterpret_cast<void*>(page), 0, kPageSize);
    return {page};
}

void PageAllocator::free(MachinePhysical page) {
    *reinterpret_cast<uint32_t*>(page.value) = free_list_;
    free_list_ = page.value;
}
#line 1322 "chapters/A-kernel.nw"
namespace {
uint32_t* host_page_directory;
}

uint32_t host_cr3() {
    return reinterpret_cast<uint32_t>(host_page_directory);
}

void map_host_page(uint32_t virtual_address, MachinePhysical page,
                   uint32_t flags) {
    uint32_t& pde = host_page_directory[virtual_address >> 22];
    if (!(pde & kPresent)) {
        MachinePhysical table = page_allocator.allocate();
        if (!table.value)
            panic("out of memory for page tables");
        pde = table.value | kPresent | kWritable;
    }
    auto table = reinterpret_cast<uint32_t*>(pde & kPageAddressMask);
    table[(virtual_address >> 12) & 1023] = page.value | flags;
    asm volatile("invlpg (%0)" : : "r"(virtual_address) : "memory");
}
#line 1353 "chapters/A-kernel.nw"
void init_paging(MachinePhysical ram_end) {
    host_page_directory = reinterpret_cast<uint32_t*>(
        page_allocator.allocate().value);
    for (uint32_t a = kPageSize; a < ram_end.value; a += kPageSize)
        map_host_page(a, {a}, kPresent | kWritable);
    write_cr3(host_cr3());
    write_cr0(read_cr0() | 0x80000000u | 0x00010000u);
}

#line 1237 "chapters/A-kernel.nw"
} // namespace lhv::host
