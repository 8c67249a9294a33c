// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 840 "chapters/A-kernel.nw"
#pragma once
#include <stdint.h>
#include "host/addresses.hpp"

namespace lhv::host {

inline constexpr uint32_t kStubBytes = 16;

struct InterruptFrame {
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
    uint32_t vector, error_code, eip, cs, eflags;
};

#line 944 "chapters/A-kernel.nw"
void load_descriptor_tables();
inline constexpr uint32_t kIrqBase = 0x20;
inline constexpr uint32_t kDoorbellIrq = 3;
void init_pics();
void unmask_irq(uint32_t irq);
void handle_irq(uint32_t vector);
void doorbell_interrupt();
#line 968 "chapters/A-kernel.nw"
class PageAllocator {
public:
    void init(MachinePhysical first, MachinePhysical limit);
    MachinePhysical allocate();  // zeroed; {0} when memory runs out
    void free(MachinePhysical page);
private:
    uint32_t next_ = 0, limit_ = 0, free_list_ = 0;
};
extern PageAllocator page_allocator;
#line 1062 "chapters/A-kernel.nw"
inline constexpr uint32_t kPresent = 0x1, kWritable = 0x2,
                          kUser = 0x4;
inline constexpr uint32_t kPageAddressMask = 0xFFFFF000;
void init_paging(MachinePhysical ram_end);
void map_host_page(uint32_t virtual_address, MachinePhysical page,
                   uint32_t flags);
uint32_t host_cr3();

#line 855 "chapters/A-kernel.nw"
} // namespace lhv::host
