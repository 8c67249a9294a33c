// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2361 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <cstring>
#include "abi/layout.hpp"
#include "launcher/host_link.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;

#line 2379 "chapters/04-launcher.nw"
TEST_CASE("mailbox: posting requests", "[launcher][mailbox]") {
    Mailbox mailbox{};
    HostLink link(mailbox);
    link.post(Request::Initialize, {kGuestBase, 8193, 0xC0100000, 0x1000});
    CHECK(mailbox.request_seq == 1);
    CHECK(mailbox.request == static_cast<uint32_t>(Request::Initialize));
    CHECK(mailbox.request_arg[0] == kGuestBase);
    CHECK(mailbox.request_arg[1] == 8193);
    CHECK(mailbox.request_arg[2] == 0xC0100000);
    CHECK(mailbox.request_arg[3] == 0x1000);
    link.post(Request::Run);
    CHECK(mailbox.request_seq == 2);
    CHECK(mailbox.request == static_cast<uint32_t>(Request::Run));
    CHECK(mailbox.request_arg[0] == 0);
    CHECK(mailbox.event_seq == 0);  // the Host's half is untouched
}
#line 2403 "chapters/04-launcher.nw"
TEST_CASE("mailbox: taking events", "[launcher][mailbox]") {
    Mailbox mailbox{};
    HostLink link(mailbox);
    CHECK_FALSE(link.host_speaks_our_language());
    CHECK_FALSE(link.take_event());
    mailbox.magic = kMailboxMagic;
    mailbox.version = kLinkVersion;
    mailbox.event = static_cast<uint32_t>(Event::GuestDied);
    std::strcpy(mailbox.reason, "trap 13 (general protection)");
    mailbox.event_seq = 1;
    CHECK(link.host_speaks_our_language());
    auto event = link.take_event();
    REQUIRE(event);
    CHECK(event->event == Event::GuestDied);
    CHECK(event->reason == "trap 13 (general protection)");
    CHECK_FALSE(link.take_event());  // nothing new

    mailbox.event = static_cast<uint32_t>(Event::Notify);
    mailbox.event_arg[0] = 0x12345;
    std::memset(mailbox.reason, 'x', sizeof mailbox.reason);  // no NUL
    mailbox.event_seq = 2;
    event = link.take_event();
    REQUIRE(event);
    CHECK(event->event == Event::Notify);
    CHECK(event->arg[0] == 0x12345);
    CHECK(event->reason.size() == kReasonBytes);
    mailbox.version = kLinkVersion + 1;
    CHECK_FALSE(link.host_speaks_our_language());
}
