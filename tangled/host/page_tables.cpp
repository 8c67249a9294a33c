// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 5124 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/boot/console.hpp"
#include "host/boot/cpu.hpp"
#include "host/boot/kernel.hpp"
#include "host/page_entries.hpp"

namespace lhv::host {

inline constexpr uint32_t kAccessed = abi::kPageAccessed,
                          kDirty = abi::kPageDirty,
                          kRights = abi::kPageRights;
inline constexpr uint32_t kVirtual8086End = 0x110000;

#line 5162 "chapters/05-host.nw"
MachinePhysical ShadowPageTables::take_page() {
    if (pages_used_ == kPoolPages)
        return {0};
    MachinePhysical page = page_allocator.allocate();  // zeroed
    if (page.value && ++pages_used_ > high_water_)
        high_water_ = pages_used_;
    return page;
}

void ShadowPageTables::give_page(MachinePhysical page) {
    page_allocator.free(page);
    --pages_used_;
}

MachinePhysical ShadowPageTables::evict_and_take_page() {
    MachinePhysical page = take_page();
    if (!page.value) {
        drop_all();
        ++evictions_;
        page = take_page();
    }
    return page;
}
#line 5196 "chapters/05-host.nw"
Result ShadowPageTables::start(const GuestMemory& memory) {
    release();
    memory_ = memory;
    linear_ = true;
    alone_ok_ = true;
    high_water_ = flushes_ = fills_ = evictions_ = 0;
    next_victim_ = 1;
    if (!new_directory(top_[0]))
        return {"out of Host memory for the Guest's page tables"};
    make_current(0);
    publish();
    return {};
}

void ShadowPageTables::release() {
    drop_all();
    for (TopLevel& top : top_) {
        if (top.shadow.value)
            give_page(top.shadow);
        top = {};
    }
    publish();
}

bool ShadowPageTables::new_directory(TopLevel& top) {
    MachinePhysical page = evict_and_take_page();
    if (!page.value)
        return false;
    uint32_t* d = entries(page);
    for (uint32_t i = kKernelIndex; i < 1023; ++i)
        if (MachinePhysical t = kernel_[i - kKernelIndex]; t.value)
            d[i] = t.value | kRights;
    d[1023] = guest_switcher_page_table().value | kPresent | kWritable;
    top.shadow = page;
    return true;
}
#line 5350 "chapters/05-host.nw"
ShadowPageTables::Walk ShadowPageTables::walk(GuestVirtual v) const {
    Walk w;
    if (v.value >= abi::kSwitcherAddress)
        return w;
    if (linear_) {
        uint32_t offset = v.value - abi::kPageOffset;
        if (v.value < abi::kPageOffset || offset >= memory_.bytes())
            return w;
        w.page = {offset & kPageAddressMask};
        w.rights = kPresent | kWritable;
        w.is = Walk::Is::Mapped;
        return w;
    }
    auto read = [this](uint32_t address) -> uint32_t {
        return *memory_.to_host<const volatile uint32_t>({address});
    };
    GuestWalk g = walk_guest_tables(read, top_[current_].guest.value,
                                    v.value, memory_.pages);
    w.entry = g.entry;
    w.which = g.which;
    w.problem = g.problem;
    if (g.read_pte)
        w.pte = memory_.to_host<volatile uint32_t>({g.pte});
    if (g.problem) {
        w.is = Walk::Is::BadEntry;
    } else if (g.mapped) {
        w.page = {g.page};
        w.rights = g.rights;
        if (v.value < kVirtual8086End)
            w.rights &= ~kUser;
        w.is = Walk::Is::Mapped;
    }
    return w;
}
#line 5405 "chapters/05-host.nw"
[[gnu::flatten]] ShadowPageTables::Walk
ShadowPageTables::resolve(GuestVirtual v, uint32_t access) {
    Walk w = walk(v);
    if (w.is != Walk::Is::Mapped)
        return w;
    uint32_t needed = kPresent | (access & (kWritable | kUser));
    if ((w.rights & needed) != needed) {
        w.is = Walk::Is::GuestFault;
        w.present = true;
        return w;
    }
    uint32_t bits = kAccessed | (access & kWritable ? kDirty : 0);
    if (w.pte && (w.entry & bits) != bits) {
        w.entry |= bits;
        *w.pte = w.entry;
    }
    return w;
}
#line 5432 "chapters/05-host.nw"
[[gnu::flatten]] uint32_t* ShadowPageTables::kernel_writable_page(
    GuestVirtual v) {
    Walk w = resolve(v, kWritable);
    if (w.is != Walk::Is::Mapped)
        return nullptr;
    return memory_.to_host<uint32_t>(w.page);
}
#line 5463 "chapters/05-host.nw"
[[gnu::flatten]] ShadowPageTables::Walk
ShadowPageTables::fill(GuestVirtual v, uint32_t access) {
    Walk w = resolve(v, access);
    if (w.is != Walk::Is::Mapped)
        return w;
    uint32_t rights = w.rights & (kPresent | kUser);
    if ((w.rights & kWritable) && (!w.pte || (w.entry & kDirty)))
        rights |= kWritable;
    uint32_t* entry = shadow_entry(v);
    if (!entry) {
        w.is = Walk::Is::NoMemory;
        return w;
    }
    *entry = memory_.to_machine(w.page).value | rights;
    ++fills_;
    uint32_t frame = w.page.value / kPageSize;
    touched_[frame / 32] |= 1u << (frame % 32);
    return w;
}
#line 5492 "chapters/05-host.nw"
uint32_t* ShadowPageTables::shadow_entry(GuestVirtual v) {
    uint32_t index = v.value >> 22;
    bool kernel = index >= kKernelIndex;
    uint32_t* directory = entries(top_[current_].shadow);
    if (!(directory[index] & kPresent)) {
        MachinePhysical table{0};
        if (kernel)
            table = kernel_[index - kKernelIndex];
        if (!table.value) {
            table = evict_and_take_page();
            if (!table.value)
                return nullptr;
            if (kernel)
                share_kernel_table(index, table);
        }
        directory[index] = table.value | kRights;
    }
    auto table = entries({directory[index] & kPageAddressMask});
    return &table[(v.value >> 12) & 1023];
}

void ShadowPageTables::share_kernel_table(uint32_t index,
                                          MachinePhysical table) {
    kernel_[index - kKernelIndex] = table;
    for (TopLevel& top : top_)
        if (top.shadow.value)
            entries(top.shadow)[index] = table.value | kRights;
}
#line 5540 "chapters/05-host.nw"
bool ShadowPageTables::switch_to(GuestPhysical directory) {
    if (linear_) {
        linear_ = false;
        drop_all();
        top_[current_].guest = directory;
        publish();
        return true;
    }
    for (uint32_t i = 0; i < kTopLevels; ++i)
        if (top_[i].shadow.value &&
            top_[i].guest.value == directory.value) {
            make_current(i);
            return true;
        }
    TopLevel& top = top_[next_victim_];
    if (top.shadow.value)
        drop_user(top);
    else if (!new_directory(top))
        return false;
    top.guest = directory;
    make_current(next_victim_);
    next_victim_ = (next_victim_ + 1) % kTopLevels;
    publish();
    return true;
}
#line 5576 "chapters/05-host.nw"
void ShadowPageTables::make_current(uint32_t slot) {
    current_ = slot;
    switcher_state().guest_cr3 = top_[slot].shadow.value;
}
#line 5597 "chapters/05-host.nw"
void ShadowPageTables::publish() const {
    static_assert(kTopLevels == SWITCH_SLOTS);
    bool listed = alone_ok_ && !linear_;
    for (uint32_t i = 0; i < kTopLevels; ++i) {
        AddressSpace& a = switcher_state().address_spaces[i];
        a.guest_directory = top_[i].guest.value;
        a.shadow_cr3 = listed ? top_[i].shadow.value : 0;
    }
}

void ShadowPageTables::allow_switching_alone(bool allowed) {
    alone_ok_ = allowed;
    publish();
}
#line 5619 "chapters/05-host.nw"
void ShadowPageTables::follow(uint32_t cr3) {
    for (uint32_t i = 0; i < kTopLevels; ++i)
        if (top_[i].shadow.value && top_[i].shadow.value == cr3)
            current_ = i;
}
#line 5642 "chapters/05-host.nw"
void ShadowPageTables::drop_entry(GuestPhysical directory,
                                  GuestVirtual v) {
    uint32_t index = v.value >> 22, slot = (v.value >> 12) & 1023;
    if (linear_)
        return;
    if (index >= kKernelIndex) {
        if (MachinePhysical t = kernel_[index - kKernelIndex]; t.value)
            entries(t)[slot] = 0;
        return;
    }
    for (TopLevel& top : top_)
        if (top.shadow.value && top.guest.value == directory.value)
            if (uint32_t pde = entries(top.shadow)[index];
                pde & kPresent)
                entries({pde & kPageAddressMask})[slot] = 0;
}
#line 5665 "chapters/05-host.nw"
void ShadowPageTables::drop_table(GuestPhysical directory,
                                  uint32_t index) {
    if (linear_)
        return;
    if (index >= kKernelIndex) {
        MachinePhysical& t = kernel_[index - kKernelIndex];
        if (!t.value)
            return;
        for (TopLevel& top : top_)
            if (top.shadow.value)
                entries(top.shadow)[index] = 0;
        give_page(t);
        t = {0};
        return;
    }
    for (TopLevel& top : top_)
        if (top.shadow.value && top.guest.value == directory.value)
            if (uint32_t& pde = entries(top.shadow)[index];
                pde & kPresent) {
                give_page({pde & kPageAddressMask});
                pde = 0;
            }
}
#line 5699 "chapters/05-host.nw"
void ShadowPageTables::drop_user(TopLevel& top) {
    uint32_t* d = entries(top.shadow);
    for (uint32_t i = 0; i < kKernelIndex; ++i)
        if (d[i] & kPresent) {
            give_page({d[i] & kPageAddressMask});
            d[i] = 0;
        }
}

void ShadowPageTables::drop_user() { drop_user(top_[current_]); }

void ShadowPageTables::drop_all() {
    for (TopLevel& top : top_) {
        if (!top.shadow.value)
            continue;
        drop_user(top);
        for (uint32_t i = kKernelIndex; i < 1023; ++i)
            entries(top.shadow)[i] = 0;
    }
    for (MachinePhysical& t : kernel_)
        if (t.value) {
            give_page(t);
            t = {0};
        }
    ++flushes_;
}
#line 5779 "chapters/05-host.nw"
bool ShadowPageTables::writable(GuestVirtual v) const {
    uint32_t pde = entries(top_[current_].shadow)[v.value >> 22];
    if (!(pde & kPresent))
        return false;
    uint32_t pte = entries({pde & kPageAddressMask})[
        (v.value >> 12) & 1023];
    return (pte & (kPresent | kWritable)) == (kPresent | kWritable);
}
#line 5853 "chapters/05-host.nw"
void ShadowPageTables::report() const {
    printk("host: shadow page tables: %u entries filled, at most %u of "
           "%u pages, %u evictions\n", fills_, high_water_, kPoolPages,
           evictions_);
}
#line 5815 "chapters/05-host.nw"
[[gnu::flatten]] bool Guest::page_fault(HostLink& link) {
    Registers& r = vcpu_.regs();
    uint32_t address = read_cr2(), flushes = page_tables_.flushes();
    ShadowPageTables::Walk w =
        page_tables_.fill({address}, r.errcode & (kWritable | kUser));
    switch (w.is) {
    case ShadowPageTables::Walk::Is::Mapped:
        return flushes == page_tables_.flushes() ||
               pin_kernel_stack(link, "eviction");
    case ShadowPageTables::Walk::Is::GuestFault:
        r.errcode = (r.errcode & (kWritable | kUser)) |
                    (w.present ? kPresent : 0);
        return reflect_trap(link);
    case ShadowPageTables::Walk::Is::BadEntry:
        kill(link, "page fault at 0x%08x (eip 0x%08x): %s 0x%08x %s",
             address, r.eip, w.which, w.entry, w.problem);
        return false;
    case ShadowPageTables::Walk::Is::NoMemory:
        break;
    }
    kill(link, "page fault at 0x%08x: out of Host memory for the "
         "shadow page tables", address);
    return false;
}

#line 5148 "chapters/05-host.nw"
} // namespace lhv::host
