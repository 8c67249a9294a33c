// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 204 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/boot/console.hpp"
#include "host/boot/kernel.hpp"
#include "host/segments.hpp"

namespace lhv::host {

#line 228 "chapters/05-host.nw"
static Result check_request(const LinkRequest& r, char* reason,
                            MachinePhysical ram_end) {
    auto [base, pages, entry, boot_info] = r.arg;
    uint32_t max_pages = (abi::kSwitcherAddress - abi::kPageOffset) /
                         kPageSize;
    if (base % kPageSize || base < abi::kGuestBase)
        format(reason, abi::kReasonBytes, "guest_base 0x%08x is not "
               "page-aligned memory above the Host's", base);
    else if (pages == 0 || pages > max_pages)
        format(reason, abi::kReasonBytes, "pfn_limit %u is out of "
               "range", pages);
    else if (base > ram_end.value ||
             pages > (ram_end.value - base) / kPageSize)
        format(reason, abi::kReasonBytes, "guest memory 0x%08x + %u "
               "pages is beyond the end of RAM", base, pages);
    else if (entry < abi::kPageOffset ||
             entry - abi::kPageOffset >= pages * kPageSize)
        format(reason, abi::kReasonBytes, "entry 0x%08x is outside "
               "the Guest's memory", entry);
    else if (boot_info >= pages * kPageSize)
        format(reason, abi::kReasonBytes, "boot_info 0x%08x is "
               "outside the Guest's memory", boot_info);
    else
        return {};
    return {reason};
}
#line 9210 "chapters/05-host.nw"
void ShadowPageTables::forget_touched_pages() {
    uint32_t words = (memory_.pages + 31) / 32;
    for (uint32_t w = 0; w < words; ++w) {
        for (uint32_t bits = touched_[w]; bits; bits &= bits - 1) {
            uint32_t page = w * 32 + __builtin_ctz(bits);
            auto words_of_page = memory_.to_host<volatile uint32_t>(
                {page * kPageSize});
            for (uint32_t i = 0; i < kPageSize / 4; ++i)
                words_of_page[i] = words_of_page[i];
        }
        touched_[w] = 0;
    }
}
#line 268 "chapters/05-host.nw"
Result Guest::initialize(const LinkRequest& request,
                         MachinePhysical ram_end) {
    if (Result r = check_request(request, reason_, ram_end); !r.ok())
        return r;
    page_tables_.forget_touched_pages();
    memory_ = {{request.arg[0]}, request.arg[1]};
    if (Result r = page_tables_.start(memory_); !r.ok()) {
        state_ = State::Empty;
        return r;
    }
    stack_pages_ = 0;
    reset_guest_tables();
    give_segments();
    reset_interrupts();
    vcpu_.reset({request.arg[2]}, {abi::kPageOffset + request.arg[3]});
    has_lguest_data_ = false;
    next_hcall_ = 0;
    hypercall_pending_ = false;
    
#line 8445 "chapters/05-host.nw"
for (uint32_t& count : switches_)
    count = 0;
#line 287 "chapters/05-host.nw"
    state_ = State::Running;
    return {};
}
#line 309 "chapters/05-host.nw"
void Guest::give_segments() {
    using S = SegmentDescriptor;
    constexpr uint8_t kRing1 = 1 << 5;
    constexpr uint32_t kLimit = (abi::kSwitcherAddress >> 12) - 1;
    SwitcherState& state = switcher_state();
    state.guest_gdt[abi::kGuestKernelCs >> 3] = S::make(0, kLimit,
        S::kPresent | kRing1 | S::kCodeAccessed, S::kPage32);
    state.guest_gdt[abi::kGuestKernelDs >> 3] = S::make(0, kLimit,
        S::kPresent | kRing1 | S::kDataAccessed, S::kPage32);
}
#line 334 "chapters/05-host.nw"
void Vcpu::reset(GuestVirtual entry, GuestVirtual boot_info) const {
    Registers& r = regs();
    r = Registers{};
    r.eip = entry.value;
    r.cs = abi::kGuestKernelCs;
    r.ds = r.es = r.ss = abi::kGuestKernelDs;
    r.eflags = 0x202;  // IF, and bit 1, which is always set
    r.esi = boot_info.value;
}

#line 217 "chapters/05-host.nw"
} // namespace lhv::host
