// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2232 "chapters/04-launcher.nw"
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include "abi/link.hpp"

namespace lhv::launcher {

#line 2251 "chapters/04-launcher.nw"
struct HostEvent {
    abi::Event event = abi::Event::None;
    std::array<std::uint32_t, 2> arg{};
    std::string reason;
};
#line 2265 "chapters/04-launcher.nw"
class HostLink {
  public:
    explicit HostLink(abi::Mailbox& mailbox) : mailbox_(mailbox) {}

    bool host_speaks_our_language() const;
    void post(abi::Request request,
              std::array<std::uint32_t, 4> args = {});
    std::optional<HostEvent> take_event();

  private:
    abi::Mailbox& mailbox_;
    std::uint32_t events_seen_ = 0;
};

#line 2244 "chapters/04-launcher.nw"
} // namespace lhv::launcher
