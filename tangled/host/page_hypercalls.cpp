// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3289 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/hypercall_name.hpp"
#include "host/page_entries.hpp"

namespace lhv::host {

#line 3307 "chapters/05-host.nw"
bool Guest::page_directory_ok(HostLink& link, const Call& c) {
    uint32_t call = c.args.arg0, address = c.args.arg1;
    if (const char* problem = page_directory_problem(address,
                                                     memory_.pages)) {
        kill_call(link, c.from, "hypercall %u (%s): page directory "
                  "0x%08x %s", call, hypercall_name(call), address,
                  problem);
        return false;
    }
    return true;
}
#line 3323 "chapters/05-host.nw"
bool Guest::guest_entry_ok(HostLink& link, const Call& c,
                           const char* kind, uint32_t entry) {
    uint32_t call = c.args.arg0;
    if (const char* problem = guest_entry_problem(entry, memory_.pages)) {
        kill_call(link, c.from, "hypercall %u (%s): %s 0x%08x %s", call,
                  hypercall_name(call), kind, entry, problem);
        return false;
    }
    return true;
}
#line 3339 "chapters/05-host.nw"
bool Guest::new_page_table(HostLink& link, const Call& c) {
    if (!page_directory_ok(link, c))
        return false;
    kill_call(link, c.from, "hypercall %u (%s): page directory 0x%08x: "
              "this Host has no shadow page tables yet and cannot run a "
              "Guest on its own", c.args.arg0, hypercall_name(c.args.arg0),
              c.args.arg1);
    return false;
}
#line 3353 "chapters/05-host.nw"
bool Guest::set_pte(HostLink& link, const Call& c) {
    uint32_t call = c.args.arg0, address = c.args.arg2;
    if (!page_directory_ok(link, c))
        return false;
    if (address >= abi::kSwitcherAddress) {
        kill_call(link, c.from, "hypercall %u (%s): address 0x%08x is "
                  "the Switcher's", call, hypercall_name(call), address);
        return false;
    }
    return guest_entry_ok(link, c, "page-table entry", c.args.arg3);
}
#line 3372 "chapters/05-host.nw"
bool Guest::set_pgd(HostLink& link, const Call& c) {
    uint32_t call = c.args.arg0, index = c.args.arg2;
    if (!page_directory_ok(link, c))
        return false;
    if (index >= kSwitcherDirectoryIndex) {
        kill_call(link, c.from, "hypercall %u (%s): index %u is %s", call,
                  hypercall_name(call), index,
                  index == kSwitcherDirectoryIndex
                      ? "the Switcher's" : "past the directory's end");
        return false;
    }
    auto directory = memory_.to_host<const volatile uint32_t>(
        {c.args.arg1});
    uint32_t entry = directory[index];
    return guest_entry_ok(link, c, "page-directory entry", entry);
}

#line 3301 "chapters/05-host.nw"
} // namespace lhv::host
