// generated from chapters/A-kernel.nw -- edit the chapter, not this file
#line 1408 "chapters/A-kernel.nw"
#include "host/boot/link.hpp"
#include "host/boot/kernel.hpp"
#include "host/boot/uart.hpp"
#include "host/boot/cpu.hpp"

namespace lhv::host {
namespace {
constexpr Uart doorbell(kCom2);
HostLink* open_link = nullptr;
}

#line 1435 "chapters/A-kernel.nw"
void HostLink::init() {
    mailbox_ = reinterpret_cast<volatile abi::Mailbox*>(
        abi::kMailboxAddress);
    auto bytes = reinterpret_cast<volatile char*>(mailbox_);
    for (uint32_t i = 0; i < sizeof(abi::Mailbox); ++i)
        bytes[i] = 0;
    mailbox_->magic = abi::kMailboxMagic;
    mailbox_->version = abi::kLinkVersion;
    seen_request_seq_ = mailbox_->request_seq;
    doorbell.init(true);
    unmask_irq(kDoorbellIrq);
    open_link = this;
}
#line 1459 "chapters/A-kernel.nw"
LinkRequest HostLink::wait_for_request() {
    for (;;) {
        asm volatile("cli" : : : "memory");
        uint32_t seq = mailbox_->request_seq;
        if (seq != seen_request_seq_) {
            seen_request_seq_ = seq;
            compiler_barrier();
            return {abi::Request(mailbox_->request),
                    {mailbox_->request_arg[0], mailbox_->request_arg[1],
                     mailbox_->request_arg[2],
                     mailbox_->request_arg[3]}};
        }
        asm volatile("sti; hlt" : : : "memory");
    }
}
#line 1480 "chapters/A-kernel.nw"
void HostLink::post(abi::Event event, uint32_t arg0,
                    const char* reason) {
    mailbox_->event = uint32_t(event);
    mailbox_->event_arg[0] = arg0;
    mailbox_->event_arg[1] = 0;
    uint32_t i = 0;
    for (; reason[i] && i + 1 < abi::kReasonBytes; ++i)
        mailbox_->reason[i] = reason[i];
    mailbox_->reason[i] = '\0';
    compiler_barrier();
    mailbox_->event_seq = mailbox_->event_seq + 1;
    doorbell.put('!');
}
#line 1506 "chapters/A-kernel.nw"
void link_nudge() { doorbell.put('!'); }
#line 1520 "chapters/A-kernel.nw"
static volatile bool rang = false;

void doorbell_interrupt() {
    doorbell.drain();
    rang = true;
}

bool doorbell_rang() {
    if (!rang)
        return false;
    rang = false;
    return true;
}
#line 1541 "chapters/A-kernel.nw"
void link_last_words(const char* reason) {
    if (open_link)
        open_link->post(abi::Event::HostDied, 0, reason);
}

#line 1426 "chapters/A-kernel.nw"
} // namespace lhv::host
