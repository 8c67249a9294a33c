// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2291 "chapters/04-launcher.nw"
#include "launcher/host_link.hpp"
#include <atomic>
#include <cstring>

namespace lhv::launcher {

#line 2311 "chapters/04-launcher.nw"
void HostLink::post(abi::Request request,
                    std::array<std::uint32_t, 4> args) {
    mailbox_.request = static_cast<std::uint32_t>(request);
    for (std::size_t i = 0; i < args.size(); ++i)
        mailbox_.request_arg[i] = args[i];
    std::atomic_ref sequence(mailbox_.request_seq);
    sequence.store(sequence.load(std::memory_order_relaxed) + 1,
                   std::memory_order_release);
}
#line 2330 "chapters/04-launcher.nw"
std::optional<HostEvent> HostLink::take_event() {
    std::atomic_ref sequence(mailbox_.event_seq);
    std::uint32_t now = sequence.load(std::memory_order_acquire);
    if (now == events_seen_) return std::nullopt;
    events_seen_ = now;
    HostEvent event;
    event.event = static_cast<abi::Event>(mailbox_.event);
    event.arg = {mailbox_.event_arg[0], mailbox_.event_arg[1]};
    event.reason.assign(mailbox_.reason,
                        strnlen(mailbox_.reason, abi::kReasonBytes));
    return event;
}
#line 2349 "chapters/04-launcher.nw"
bool HostLink::host_speaks_our_language() const {
    return mailbox_.magic == abi::kMailboxMagic &&
           mailbox_.version == abi::kLinkVersion;
}

#line 2301 "chapters/04-launcher.nw"
} // namespace lhv::launcher
