// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 8113 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/frame.hpp"
#include "host/boot/kernel.hpp"

namespace lhv::host {
namespace {
uint32_t exits_written = 0;
uint32_t exits_lost = 0;
}

void Guest::record_exit(uint32_t frame) {
    const Registers& r = *reinterpret_cast<const Registers*>(frame);
    if (!check_frame(frame, r).ok())
        return;
    auto& log = *reinterpret_cast<volatile abi::ExitLog*>(
        abi::kExitLogAddress);
    const uint32_t head = exits_written;
    const uint32_t tail = log.tail;
    if (head - tail >= abi::kExitLogRecords) {
        log.lost = ++exits_lost;
        return;
    }
    volatile abi::ExitRecord& record =
        log.records[head % abi::kExitLogRecords];
    
#line 8164 "chapters/05-host.nw"
uint32_t kind = uint32_t(abi::ExitKind::Trap);
uint32_t args[4] = {r.errcode, 0, 0, 0};
uint32_t eip = r.eip;
if (r.trapnum == abi::kHypercallVector) {
    kind = uint32_t(abi::ExitKind::Hypercall);
    args[0] = r.ebx, args[1] = r.ecx, args[2] = r.edx, args[3] = r.esi;
    eip = r.eip - 2;
} else if (r.trapnum >= kIrqBase && r.trapnum < kIrqBase + 16) {
    kind = uint32_t(abi::ExitKind::Interrupt);
    args[0] = 0;
}
record.kind = kind;
record.number = kind == uint32_t(abi::ExitKind::Hypercall) ? r.eax
                                                          : r.trapnum;
for (uint32_t i = 0; i < 4; ++i)
    record.arg[i] = args[i];
record.eip = eip;
#line 8138 "chapters/05-host.nw"
    exits_written = head + 1;
    log.head = head + 1;
    if (head + 1 - tail == abi::kExitLogRecords / 2)
        link_nudge();
}

} // namespace lhv::host
