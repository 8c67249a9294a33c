// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 5991 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/hypercall_name.hpp"
#include "host/page_entries.hpp"
#include "host/boot/cpu.hpp"
#include "host/boot/kernel.hpp"

namespace lhv::host {

#line 6012 "chapters/05-host.nw"
bool Guest::page_directory_ok(HostLink& link, uint32_t call,
                              uint32_t address, Origin from) {
    if (const char* problem = page_directory_problem(address,
                                                     memory_.pages)) {
        kill_call(link, from, "hypercall %u (%s): page directory "
                  "0x%08x %s", call, hypercall_name(call), address,
                  problem);
        return false;
    }
    return true;
}
#line 6028 "chapters/05-host.nw"
bool Guest::guest_entry_ok(HostLink& link, uint32_t call,
                           const char* kind, uint32_t entry,
                           Origin from) {
    if (const char* problem = guest_entry_problem(entry, memory_.pages)) {
        kill_call(link, from, "hypercall %u (%s): %s 0x%08x %s", call,
                  hypercall_name(call), kind, entry, problem);
        return false;
    }
    return true;
}
#line 6045 "chapters/05-host.nw"
bool Guest::new_page_table(HostLink& link, uint32_t directory,
                           Origin from) {
    constexpr uint32_t call = abi::LHCALL_NEW_PGTABLE;
    if (!page_directory_ok(link, call, directory, from))
        return false;
    if (!page_tables_.switch_to({directory})) {
        kill_call(link, from, "hypercall %u (%s): out of Host memory "
                  "for the shadow page tables", call, hypercall_name(call));
        return false;
    }
    return pin_kernel_stack(link, "NEW_PGTABLE");
}
#line 6062 "chapters/05-host.nw"
bool Guest::set_pte(HostLink& link, uint32_t directory, uint32_t address,
                    uint32_t entry, Origin from) {
    constexpr uint32_t call = abi::LHCALL_SET_PTE;
    if (!page_directory_ok(link, call, directory, from))
        return false;
    if (address >= abi::kSwitcherAddress) {
        kill_call(link, from, "hypercall %u (%s): address 0x%08x is "
                  "the Switcher's", call, hypercall_name(call), address);
        return false;
    }
    if (!guest_entry_ok(link, call, "page-table entry", entry, from))
        return false;
    page_tables_.drop_entry({directory}, {address});
    return !touches_kernel_stack(address, 1) ||
           pin_kernel_stack(link, "SET_PTE");
}
#line 6086 "chapters/05-host.nw"
bool Guest::set_pgd(HostLink& link, uint32_t directory, uint32_t index,
                    Origin from) {
    constexpr uint32_t call = abi::LHCALL_SET_PGD;
    if (!page_directory_ok(link, call, directory, from))
        return false;
    if (index >= kSwitcherDirectoryIndex) {
        kill_call(link, from, "hypercall %u (%s): index %u is %s", call,
                  hypercall_name(call), index,
                  index == kSwitcherDirectoryIndex
                      ? "the Switcher's" : "past the directory's end");
        return false;
    }
    auto entries = memory_.to_host<const volatile uint32_t>({directory});
    uint32_t entry = entries[index];
    if (!guest_entry_ok(link, call, "page-directory entry", entry, from))
        return false;
    page_tables_.drop_table({directory}, index);
    return !touches_kernel_stack(index << 22, 1u << 22) ||
           pin_kernel_stack(link, "SET_PGD");
}
#line 5747 "chapters/05-host.nw"
bool Guest::pin_kernel_stack(HostLink& link, const char* after) {
    uint32_t top = switcher_state().guest_tss.esp1;
    if (!stack_pages_)
        return true;
    uint32_t page = (top - stack_pages_ * kPageSize) & kPageAddressMask;
    for (; page < top; page += kPageSize) {
        if (page_tables_.writable({page}))
            continue;
        ShadowPageTables::Walk w = page_tables_.fill({page}, kWritable);
        if (w.is != ShadowPageTables::Walk::Is::Mapped) {
            kill(link, "%s: the kernel stack page 0x%08x is not mapped "
                 "writable by the Guest's page tables", after, page);
            return false;
        }
    }
    return true;
}

bool Guest::touches_kernel_stack(uint32_t first, uint32_t bytes) const {
    uint32_t top = switcher_state().guest_tss.esp1;
    uint32_t low = (top - stack_pages_ * kPageSize) & kPageAddressMask;
    return stack_pages_ && first < top && first + bytes > low;
}

#line 6006 "chapters/05-host.nw"
} // namespace lhv::host
