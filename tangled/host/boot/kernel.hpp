// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 847 "chapters/A-kernel.nw"
#pragma once
#include <stdint.h>
#include "host/addresses.hpp"

namespace lhv::host {

inline constexpr uint32_t kStubBytes = 16;

struct InterruptFrame {
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax;
    uint32_t vector, error_code, eip, cs, eflags;
};

#line 961 "chapters/A-kernel.nw"
inline constexpr uint32_t kTimerIrq = 0;
void init_timer();
void timer_start(uint32_t nanoseconds);
void timer_stop();
bool timer_expired();
bool timer_armed();
void timer_interrupt();
uint32_t tsc_khz();
uint64_t wall_clock_nanoseconds();
#line 1181 "chapters/A-kernel.nw"
void load_descriptor_tables();
inline constexpr uint32_t kIrqBase = 0x20;
inline constexpr uint32_t kDoorbellIrq = 3;
void init_pics();
void unmask_irq(uint32_t irq);
void handle_irq(uint32_t vector);
void doorbell_interrupt();
bool doorbell_rang();
#line 1208 "chapters/A-kernel.nw"
class PageAllocator {
public:
    void init(MachinePhysical first, MachinePhysical limit);
    MachinePhysical allocate();  // zeroed; {0} when memory runs out
    void free(MachinePhysical page);
private:
    uint32_t next_ = 0, limit_ = 0, free_list_ = 0;
};
extern PageAllocator page_allocator;
#line 1305 "chapters/A-kernel.nw"
inline constexpr uint32_t kPresent = abi::kPagePresent,
                          kWritable = abi::kPageWritable,
                          kUser = abi::kPageUser;
inline constexpr uint32_t kPageAddressMask = abi::kPageFrameMask;
void init_paging(MachinePhysical ram_end);
void map_host_page(uint32_t virtual_address, MachinePhysical page,
                   uint32_t flags);
uint32_t host_cr3();

#line 862 "chapters/A-kernel.nw"
} // namespace lhv::host
