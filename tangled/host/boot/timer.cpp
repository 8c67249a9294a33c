// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 986 "chapters/A-kernel.nw"
#include "host/boot/kernel.hpp"
#include "host/boot/cpu.hpp"

namespace lhv::host {
namespace {
constexpr uint32_t kPitHz = 1193182;
constexpr uint64_t kTicksPerNanosecond32 =  // 2^32 * Hz / 1e9, rounded
    ((uint64_t(kPitHz) << 32) + 500000000) / 1000000000;
static_assert(kTicksPerNanosecond32 == 5124678);
constexpr uint32_t kLongestShot = 0xFFFF;
uint64_t remaining_ticks = 0;
volatile bool armed = false, expired = false;
uint32_t tsc_per_ms = 0;
uint64_t boot_tsc = 0, boot_wall_ns = 0;
}

#line 1015 "chapters/A-kernel.nw"
static void pit_shot(uint32_t ticks) {
    outb(0x43, 0x30);  // channel 0, low then high byte, mode 0
    outb(0x40, uint8_t(ticks));
    outb(0x40, uint8_t(ticks >> 8));
}
#line 1029 "chapters/A-kernel.nw"
void timer_start(uint32_t nanoseconds) {
    uint64_t ticks = (nanoseconds * kTicksPerNanosecond32) >> 32;
    remaining_ticks = ticks ? ticks : 1;
    uint32_t shot = remaining_ticks < kLongestShot
                        ? uint32_t(remaining_ticks) : kLongestShot;
    remaining_ticks -= shot;
    armed = true;
    expired = false;
    pit_shot(shot);
}

void timer_stop() {
    armed = false;
    expired = false;
}

bool timer_armed() { return armed; }
#line 1053 "chapters/A-kernel.nw"
void timer_interrupt() {
    if (!armed)
        return;
    if (remaining_ticks) {
        uint32_t shot = remaining_ticks < kLongestShot
                            ? uint32_t(remaining_ticks) : kLongestShot;
        remaining_ticks -= shot;
        pit_shot(shot);
        return;
    }
    armed = false;
    expired = true;
}

bool timer_expired() {
    if (!expired)
        return false;
    expired = false;
    return true;
}
#line 1090 "chapters/A-kernel.nw"
static uint64_t read_tsc() {
    uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return uint64_t(high) << 32 | low;
}

static uint32_t measure_tsc_per_ms() {
    constexpr uint32_t kMilliseconds = 5;
    uint64_t start = read_tsc();
    timer_start(kMilliseconds * 1000000);
    while (!timer_expired())
        asm volatile("sti; hlt; cli" : : : "memory");
    return uint32_t((read_tsc() - start) / kMilliseconds);
}

uint32_t tsc_khz() { return tsc_per_ms; }
#line 1119 "chapters/A-kernel.nw"
static uint32_t cmos(uint8_t index) {
    outb(0x70, index);
    return inb(0x71);
}

static uint64_t days_from_civil(uint32_t y, uint32_t m, uint32_t d) {
    y -= m <= 2;
    uint32_t era = y / 400, year_of_era = y - era * 400;
    uint32_t day_of_year = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    uint32_t day_of_era = year_of_era * 365 + year_of_era / 4 -
                          year_of_era / 100 + day_of_year;
    return uint64_t(era) * 146097 + day_of_era - 719468;
}

static uint64_t cmos_seconds_since_1970() {
    while (cmos(0x0A) & 0x80) {
    }
    uint32_t v[6] = {cmos(0x00), cmos(0x02), cmos(0x04),
                     cmos(0x07), cmos(0x08), cmos(0x09)};
    if (!(cmos(0x0B) & 0x04))
        for (uint32_t& x : v)
            x = (x & 0x0F) + (x >> 4) * 10;
    auto [second, minute, hour, day, month, year] = v;
    uint64_t days = days_from_civil(2000 + year, month, day);
    return ((days * 24 + hour) * 60 + minute) * 60 + second;
}

uint64_t wall_clock_nanoseconds() {
    if (!tsc_per_ms)
        return boot_wall_ns;
    uint64_t cycles = read_tsc() - boot_tsc;
    return boot_wall_ns + cycles * 1000000 / tsc_per_ms;
}
#line 1162 "chapters/A-kernel.nw"
void init_timer() {
    boot_wall_ns = cmos_seconds_since_1970() * 1000000000ull;
    boot_tsc = read_tsc();
    unmask_irq(kTimerIrq);
    tsc_per_ms = measure_tsc_per_ms();
}

#line 1009 "chapters/A-kernel.nw"
} // namespace lhv::host
