// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3730 "chapters/05-host.nw"
#include <catch2/catch.hpp>
#include <string>
#include "abi/hypercalls.hpp"
#include "host/hypercall_name.hpp"

using namespace lhv;

TEST_CASE("each hypercall has the name the ABI gives it", "[host]") {
    const auto [call, name] =
        GENERATE(table<std::uint32_t, std::string>({
            {abi::LHCALL_FLUSH_ASYNC, "FLUSH_ASYNC"},
            {abi::LHCALL_LGUEST_INIT, "LGUEST_INIT"},
            {abi::LHCALL_SHUTDOWN, "SHUTDOWN"},
            {abi::LHCALL_NEW_PGTABLE, "NEW_PGTABLE"},
            {abi::LHCALL_FLUSH_TLB, "FLUSH_TLB"},
            {abi::LHCALL_LOAD_IDT_ENTRY, "LOAD_IDT_ENTRY"},
            {abi::LHCALL_SET_STACK, "SET_STACK"},
            {abi::LHCALL_TS, "TS"},
            {abi::LHCALL_SET_CLOCKEVENT, "SET_CLOCKEVENT"},
            {abi::LHCALL_HALT, "HALT"},
            {abi::LHCALL_SET_PTE, "SET_PTE"},
            {abi::LHCALL_SET_PGD, "SET_PGD"},
            {abi::LHCALL_LOAD_TLS, "LOAD_TLS"},
            {abi::LHCALL_NOTIFY, "NOTIFY"},
            {abi::LHCALL_LOAD_GDT_ENTRY, "LOAD_GDT_ENTRY"},
            {abi::LHCALL_SEND_INTERRUPTS, "SEND_INTERRUPTS"},
            {3, "no such call"}, {11, "no such call"},
            {13, "no such call"}, {20, "no such call"},
            {0xFFFFFFFF, "no such call"},
        }));
    CHECK(host::hypercall_name(call) == name);
}
