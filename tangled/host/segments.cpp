// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 2347 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/hypercall_name.hpp"
#include "host/segments.hpp"

namespace lhv::host {

#line 2365 "chapters/05-host.nw"
void Guest::kill_segment(HostLink& link, const Call& c, uint32_t index,
                         const char* problem, SegmentDescriptor d) {
    uint32_t call = c.args.arg0;
    kill_call(link, c.from, "hypercall %u (%s): entry %u is a %s, "
              "0x%08x%08x", call, hypercall_name(call), index, problem,
              d.high, d.low);
}
#line 2383 "chapters/05-host.nw"
bool Guest::load_gdt_entry(HostLink& link, const Call& c) {
    uint32_t call = c.args.arg0, index = c.args.arg1;
    if (const char* problem = gdt_entry_problem(index)) {
        kill_call(link, c.from, "hypercall %u (%s): entry %u is %s",
                  call, hypercall_name(call), index, problem);
        return false;
    }
    SegmentDescriptor d{c.args.arg2, c.args.arg3};
    SegmentCheck s = check_segment(d);
    if (!s.ok()) {
        kill_segment(link, c, index, s.problem, d);
        return false;
    }
    switcher_state().guest_gdt[index] = s.fixed;
    return true;
}
#line 2411 "chapters/05-host.nw"
bool Guest::load_tls(HostLink& link, const Call& c) {
    uint32_t call = c.args.arg0;
    GuestPhysical address{c.args.arg1};
    constexpr uint32_t kBytes = abi::kTlsEntries * 8;
    if (!memory_.contains(address, kBytes)) {
        kill_call(link, c.from, "hypercall %u (%s): descriptors at "
                  "0x%08x are outside the Guest's memory", call,
                  hypercall_name(call), address.value);
        return false;
    }
    auto words = memory_.to_host<const volatile uint32_t>(address);
    SegmentDescriptor fixed[abi::kTlsEntries];
    for (uint32_t i = 0; i < abi::kTlsEntries; ++i) {
        SegmentDescriptor d{words[2 * i], words[2 * i + 1]};
        SegmentCheck s = check_segment(d);
        if (!s.ok()) {
            kill_segment(link, c, abi::kTlsFirstEntry + i, s.problem, d);
            return false;
        }
        fixed[i] = s.fixed;
    }
    for (uint32_t i = 0; i < abi::kTlsEntries; ++i)
        switcher_state().guest_gdt[abi::kTlsFirstEntry + i] = fixed[i];
    return true;
}

#line 2357 "chapters/05-host.nw"
} // namespace lhv::host
