// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 1149 "chapters/01-preparation.nw"
#include <catch2/catch.hpp>
#include <cstddef>
#include <string>
#include <type_traits>
#include "abi/hypercalls.hpp"
#include "abi/lguest_data.hpp"
#include "abi/layout.hpp"
#include "abi/boot.hpp"
#include "abi/link.hpp"
#include "abi/addresses.hpp"

using namespace lhv::abi;

#line 1176 "chapters/01-preparation.nw"
TEST_CASE("lguest_data has lguest's 32-bit layout", "[abi]") {
    CHECK(offsetof(LguestData, irq_enabled) == 0);
    CHECK(offsetof(LguestData, blocked_interrupts) == 4);
    CHECK(offsetof(LguestData, cr2) == 8);
    CHECK(offsetof(LguestData, time_sec) == 12);
    CHECK(offsetof(LguestData, irq_pending) == 20);
    CHECK(offsetof(LguestData, hcall_status) == 24);
    CHECK(offsetof(LguestData, hcalls) == 24 + kHypercallRingSize);
    CHECK(offsetof(LguestData, reserve_mem) ==
          24 + kHypercallRingSize * (1 + sizeof(HypercallArgs)));
    CHECK(offsetof(LguestData, syscall_vec) ==
          offsetof(LguestData, reserve_mem) + 16);
}

TEST_CASE("hypercall numbers are lguest's", "[abi]") {
    CHECK(LHCALL_LGUEST_INIT == 1);
    CHECK(LHCALL_NOTIFY == 17);
    CHECK(LHCALL_SEND_INTERRUPTS == 19);
    CHECK(LHCALL_COUNT_SWITCHES == 20);   // ours, after lguest's last
    CHECK(kHypercallVector == 0x1f);
}

TEST_CASE("every hypercall of the table has a name", "[abi]") {
    int named = 0;
    for (uint32_t call = 0; call < 32; ++call)
        if (hypercall_name(call)) ++named;
    CHECK(named == 17);
    CHECK(std::string(hypercall_name(LHCALL_NOTIFY)) == "NOTIFY");
    CHECK(hypercall_info(LHCALL_SET_PTE).arguments == 3);
    CHECK(hypercall_name(3) == nullptr);      // lguest's gap
    CHECK(hypercall_info(99).arguments == 4);
}
#line 1217 "chapters/01-preparation.nw"
TEST_CASE("the memory map's regions do not overlap", "[abi]") {
    CHECK(kMailboxAddress + sizeof(Mailbox) <= 0x100000);  // below 1 MiB
    CHECK(kMailboxAddress % kPageSize == 0);
    CHECK(kExitLogAddress == kMailboxAddress + kPageSize);
    CHECK(sizeof(ExitLog) <= kPageSize);
    CHECK(offsetof(ExitLog, wanted) == 0);  // the Host tests it there
    CHECK(kExitLogAddress + kPageSize <= 0x9FC00);  // the BIOS's from here
    CHECK(kDeviceLinkAddress == kExitLogAddress + kPageSize);
    CHECK(sizeof(DeviceLink) <= kPageSize);
    CHECK(kDeviceLinkAddress + kPageSize <= 0x9FC00);
    CHECK(kDeviceIrqs == kGuestIrqs);
    CHECK(kGuestBase >= kHostMemoryBytes);
    CHECK(kBootInfoAddress >= kPageSize);           // page 0 stays unmapped
    CHECK(kBootInfoAddress + sizeof(BootInfo) <= kGuestLoadAddress);
    CHECK(kPageOffset + kGuestLoadAddress < kSwitcherAddress);
    CHECK((kGuestKernelCs & 3) == 1);               // ring 1
    CHECK((kGuestKernelDs & 3) == 1);
}
#line 1243 "chapters/01-preparation.nw"
TEST_CASE("the mailbox fits one page", "[abi]") {
    CHECK(sizeof(Mailbox) <= kPageSize);
    CHECK(offsetof(Mailbox, request_seq) < offsetof(Mailbox, event_seq));
}
#line 1260 "chapters/01-preparation.nw"
template <class From, class To>
constexpr bool mixes = std::is_convertible_v<From, To> ||
                       requires(From from) { To{from}; } ||
                       requires(From from, To to) { to == from; };

TEST_CASE("the three kinds of address do not mix", "[abi]") {
    static_assert(mixes<GuestPhysical, GuestPhysical>);
    static_assert(!mixes<GuestPhysical, MachinePhysical>);
    static_assert(!mixes<MachinePhysical, GuestPhysical>);
    static_assert(!mixes<GuestPhysical, GuestVirtual>);
    static_assert(!mixes<GuestVirtual, GuestPhysical>);
    static_assert(!mixes<GuestVirtual, MachinePhysical>);
    static_assert(!mixes<MachinePhysical, GuestVirtual>);
    static_assert(!std::is_convertible_v<uint32_t, GuestPhysical>);
    CHECK(GuestPhysical{kBootInfoAddress}.value == kBootInfoAddress);
    CHECK(MachinePhysical{} == MachinePhysical{0});
}
#line 1285 "chapters/01-preparation.nw"
TEST_CASE("the vectors that push an error code", "[abi]") {
    const uint32_t with[] = {8, 10, 11, 12, 13, 14, 17};
    for (uint32_t vector = 0; vector < 256; ++vector) {
        bool listed = false;
        for (uint32_t v : with) listed = listed || v == vector;
        INFO("vector " << vector);
        CHECK(trap_has_error_code(vector) == listed);
    }
}
