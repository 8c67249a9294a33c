// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 4057 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/hypercall_name.hpp"
#include "host/segments.hpp"

namespace lhv::host {

#line 4018 "chapters/05-host.nw"
bool Guest::segment_or_page_call(HostLink& link, uint32_t call,
                                 Origin from,
                                 const abi::HypercallArgs* queued) {
    const Registers& r = vcpu_.regs();
    uint32_t arg1 = queued ? queued->arg1 : r.ebx;
    uint32_t arg2 = queued ? queued->arg2 : r.ecx;
    uint32_t arg3 = queued ? queued->arg3 : r.edx;
    switch (call) {
    case abi::LHCALL_LOAD_GDT_ENTRY:
        return load_gdt_entry(link, arg1, {arg2, arg3}, from);
    case abi::LHCALL_LOAD_TLS:
        return load_tls(link, {arg1}, from);
    
#line 5954 "chapters/05-host.nw"
case abi::LHCALL_NEW_PGTABLE:
    return new_page_table(link, arg1, from);
case abi::LHCALL_FLUSH_TLB:
    if (!arg1) {
        page_tables_.drop_user();
        return !touches_kernel_stack(0, abi::kPageOffset) ||
               pin_kernel_stack(link, "FLUSH_TLB");
    }
    page_tables_.drop_all();
    return pin_kernel_stack(link, "FLUSH_TLB");
case abi::LHCALL_SET_PTE:
    return set_pte(link, arg1, arg2, arg3, from);
case abi::LHCALL_SET_PGD:
    return set_pgd(link, arg1, arg2, from);
#line 4031 "chapters/05-host.nw"
    }
    kill_call(link, from, "hypercall %u (%s) has no handler in this "
              "Host", call, hypercall_name(call));
    return false;
}
#line 4076 "chapters/05-host.nw"
void Guest::kill_segment(HostLink& link, uint32_t call, Origin from,
                         uint32_t index, const char* problem,
                         SegmentDescriptor d) {
    kill_call(link, from, "hypercall %u (%s): entry %u is a %s, "
              "0x%08x%08x", call, hypercall_name(call), index, problem,
              d.high, d.low);
}
#line 4094 "chapters/05-host.nw"
bool Guest::load_gdt_entry(HostLink& link, uint32_t index,
                           SegmentDescriptor d, Origin from) {
    constexpr uint32_t call = abi::LHCALL_LOAD_GDT_ENTRY;
    if (const char* problem = gdt_entry_problem(index)) {
        kill_call(link, from, "hypercall %u (%s): entry %u is %s", call,
                  hypercall_name(call), index, problem);
        return false;
    }
    SegmentCheck s = check_segment(d);
    if (!s.ok()) {
        kill_segment(link, call, from, index, s.problem, d);
        return false;
    }
    switcher_state().guest_gdt[index] = s.fixed;
    return true;
}
#line 4122 "chapters/05-host.nw"
bool Guest::load_tls(HostLink& link, GuestPhysical address,
                     Origin from) {
    constexpr uint32_t call = abi::LHCALL_LOAD_TLS;
    constexpr uint32_t kBytes = abi::kTlsEntries * 8;
    if (!memory_.contains(address, kBytes)) {
        kill_call(link, from, "hypercall %u (%s): descriptors at "
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
            kill_segment(link, call, from, abi::kTlsFirstEntry + i,
                         s.problem, d);
            return false;
        }
        fixed[i] = s.fixed;
    }
    for (uint32_t i = 0; i < abi::kTlsEntries; ++i)
        switcher_state().guest_gdt[abi::kTlsFirstEntry + i] = fixed[i];
    return true;
}

#line 4068 "chapters/05-host.nw"
} // namespace lhv::host
