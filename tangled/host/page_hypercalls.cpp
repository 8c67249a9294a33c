// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 5019 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/hypercall_name.hpp"
#include "host/page_entries.hpp"

namespace lhv::host {

#line 5037 "chapters/05-host.nw"
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
#line 5053 "chapters/05-host.nw"
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
#line 5069 "chapters/05-host.nw"
bool Guest::new_page_table(HostLink& link, uint32_t directory,
                           Origin from) {
    constexpr uint32_t call = abi::LHCALL_NEW_PGTABLE;
    if (!page_directory_ok(link, call, directory, from))
        return false;
    kill_call(link, from, "hypercall %u (%s): page directory 0x%08x: "
              "this Host has no shadow page tables yet and cannot run a "
              "Guest on its own", call, hypercall_name(call), directory);
    return false;
}
#line 5084 "chapters/05-host.nw"
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
    return guest_entry_ok(link, call, "page-table entry", entry, from);
}
#line 5104 "chapters/05-host.nw"
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
    return guest_entry_ok(link, call, "page-directory entry", entry,
                          from);
}

#line 5031 "chapters/05-host.nw"
} // namespace lhv::host
