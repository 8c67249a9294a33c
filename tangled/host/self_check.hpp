// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 8686 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "host/boot/descriptors.hpp"
#include "host/boot/kernel.hpp"
#include "host/boot/link.hpp"

namespace lhv::host {

#line 8710 "chapters/05-host.nw"
class Fnv1a {
public:
    void add(const void* bytes, uint32_t length) {
        auto p = static_cast<const uint8_t*>(bytes);
        for (uint32_t i = 0; i < length; ++i)
            hash_ = (hash_ ^ p[i]) * 16777619u;
    }
    void add_word(uint32_t word) { add(&word, sizeof word); }
    uint32_t value() const { return hash_; }
private:
    uint32_t hash_ = 2166136261u;
};
#line 8729 "chapters/05-host.nw"
inline bool is_tss_descriptor(SegmentDescriptor d) {
    uint32_t type = (d.high >> 8) & 0x1F;  // S bit and type
    return (type & ~2u) == SegmentDescriptor::kTssAvailable;
}

inline void add_descriptors(Fnv1a& sum, const SegmentDescriptor* table,
                            uint32_t entries) {
    for (uint32_t i = 0; i < entries; ++i) {
        SegmentDescriptor d = table[i];
        if (is_tss_descriptor(d))
            d.high &= ~SegmentDescriptor::kTssBusyBit;
        sum.add_word(d.low);
        sum.add_word(d.high);
    }
}
#line 8754 "chapters/05-host.nw"
inline constexpr uint32_t kPageAccessedDirty =
    abi::kPageAccessed | abi::kPageDirty;

inline void add_page_table(Fnv1a& sum, const uint32_t* table) {
    for (uint32_t i = 0; i < 1024; ++i)
        sum.add_word(table[i] & ~kPageAccessedDirty);
}

template <typename TableAt>
void add_page_tables(Fnv1a& sum, const uint32_t* directory,
                     TableAt table_at) {
    add_page_table(sum, directory);
    for (uint32_t i = 0; i < 1024; ++i)
        if (directory[i] & kPresent)
            add_page_table(sum, table_at(directory[i] &
                                         kPageAddressMask));
}
#line 8777 "chapters/05-host.nw"
enum Area : uint32_t {
    kHostCode, kSwitcherCode, kHostGdt, kHostIdt, kHostTss,
    kSwitcherDescriptors, kPageTables, kAreaCount
};
inline constexpr const char* kAreaNames[kAreaCount] = {
    "the Host's code", "the Switcher's code", "the Host's GDT",
    "the Host's IDT", "the Host's TSS",
    "the Switcher's descriptors", "the Host's page tables"};

enum Register : uint32_t {
    kCr0, kCr3, kCr4, kEflags, kDr7, kLdtr, kTr, kGdtrBase,
    kGdtrLimit, kIdtrBase, kIdtrLimit, kSysenterCs, kRegisterCount
};
inline constexpr const char* kRegisterNames[kRegisterCount] = {
    "CR0", "CR3", "CR4", "EFLAGS", "DR7", "LDTR", "TR", "GDTR's base",
    "GDTR's limit", "IDTR's base", "IDTR's limit", "SYSENTER_CS"};

struct Snapshot {
    uint32_t sums[kAreaCount] = {};
    uint32_t registers[kRegisterCount] = {};
};
#line 8805 "chapters/05-host.nw"
struct Difference {
    const char* what = nullptr;  // nullptr: the snapshots agree
    bool is_area = false;
    uint32_t at_boot = 0, now = 0;
};

inline Difference first_difference(const Snapshot& boot,
                                   const Snapshot& now) {
    for (uint32_t i = 0; i < kAreaCount; ++i)
        if (boot.sums[i] != now.sums[i])
            return {kAreaNames[i], true, boot.sums[i], now.sums[i]};
    for (uint32_t i = 0; i < kRegisterCount; ++i)
        if (boot.registers[i] != now.registers[i])
            return {kRegisterNames[i], false, boot.registers[i],
                    now.registers[i]};
    return {};
}
#line 8699 "chapters/05-host.nw"
void record_boot_state();
void self_check(HostLink& link);

} // namespace lhv::host
