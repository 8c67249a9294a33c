// generated from chapters/06-switcher.nw -- edit the chapter, not this file
#line 82 "chapters/06-switcher.nw"
#pragma once
#line 106 "chapters/06-switcher.nw"
#define SWITCHER_ADDRESS 0xFFC00000
#define SWITCHER_TEXT_PAGES 2
#define SWITCHER_REGS_PAGE (SWITCHER_ADDRESS + 0x2000)
#define SWITCHER_STATE_PAGE (SWITCHER_ADDRESS + 0x3000)
#define SWITCHER_PAGES 4
#define SWITCHER_WINDOW (SWITCHER_ADDRESS + 0x4000)
#define SWITCHER_WINDOW_PAGES 2
#line 131 "chapters/06-switcher.nw"
#define LGUEST_CS 0x08
#define LGUEST_DS 0x10
#define LGUEST_TSS 0x18
#define GUEST_GDT_ENTRIES 32
#define HYPERCALL_VECTOR 0x1f
#define HYPERCALL_SLOT_FREE 0xFF
#define LHCALL_FLUSH_ASYNC_NUMBER 0
#define LHCALL_NEW_PGTABLE_NUMBER 4
#define SWITCH_SLOTS 4
#line 184 "chapters/06-switcher.nw"
#define REGISTERS_BYTES 76
#define REGISTERS_ADDRESS (SWITCHER_REGS_PAGE + 4096 - REGISTERS_BYTES)
#line 226 "chapters/06-switcher.nw"
#define STATE_GUEST_GDT_POINTER 2
#define STATE_GUEST_IDT_POINTER 10
#define STATE_HOST_GDT_POINTER 18
#define STATE_HOST_IDT_POINTER 26
#define STATE_GUEST_CR3 32
#define STATE_HOST_CR3 36
#define STATE_HOST_ESP 40
#define STATE_NULL_HYPERCALL 44
#define STATE_ADDRESS_SPACES 48
#define STATE_GUEST_GDT 184
#define STATE(field) (SWITCHER_STATE_PAGE + STATE_##field)
#line 86 "chapters/06-switcher.nw"
#ifndef __ASSEMBLER__
#include <stdint.h>
#include <stddef.h>
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "host/addresses.hpp"
#include "host/boot/descriptors.hpp"

namespace lhv::host {
#line 172 "chapters/06-switcher.nw"
struct Registers {
    uint32_t edi, esi, ebp, esp_unused, ebx, edx, ecx, eax; // pusha
    uint32_t gs, fs, es, ds;         // pushed by the Switcher
    uint32_t trapnum, errcode;       // pushed by the Switcher's stub
    uint32_t eip, cs, eflags, esp, ss;  // pushed by the processor
};
#line 199 "chapters/06-switcher.nw"
struct TablePointerSlot {
    uint16_t padding;
    DescriptorTablePointer pointer;
};

struct AddressSpace {
    uint32_t guest_directory;  // Guest-physical
    uint32_t shadow_cr3;       // 0: this slot is empty
};

struct SwitcherState {
    TablePointerSlot guest_gdt_pointer, guest_idt_pointer;
    TablePointerSlot host_gdt_pointer, host_idt_pointer;
    uint32_t guest_cr3, host_cr3, host_esp, null_hypercall;
    AddressSpace address_spaces[SWITCH_SLOTS];
    Tss guest_tss;
    SegmentDescriptor guest_gdt[GUEST_GDT_ENTRIES];
    Gate guest_idt[256];
};
#line 243 "chapters/06-switcher.nw"
#define LHV_AT(field, offset) \
    static_assert(offsetof(SwitcherState, field) + 2 == (offset))
LHV_AT(guest_gdt_pointer, STATE_GUEST_GDT_POINTER);
LHV_AT(guest_idt_pointer, STATE_GUEST_IDT_POINTER);
LHV_AT(host_gdt_pointer, STATE_HOST_GDT_POINTER);
LHV_AT(host_idt_pointer, STATE_HOST_IDT_POINTER);
#undef LHV_AT
static_assert(offsetof(SwitcherState, guest_cr3) == STATE_GUEST_CR3);
static_assert(offsetof(SwitcherState, host_cr3) == STATE_HOST_CR3);
static_assert(offsetof(SwitcherState, host_esp) == STATE_HOST_ESP);
static_assert(offsetof(SwitcherState, null_hypercall) ==
              STATE_NULL_HYPERCALL);
static_assert(HYPERCALL_VECTOR == abi::kHypercallVector);
static_assert(HYPERCALL_SLOT_FREE == abi::kHypercallSlotFree);
static_assert(LHCALL_FLUSH_ASYNC_NUMBER == abi::LHCALL_FLUSH_ASYNC);
static_assert(LHCALL_NEW_PGTABLE_NUMBER == abi::LHCALL_NEW_PGTABLE);
static_assert(offsetof(SwitcherState, address_spaces) ==
              STATE_ADDRESS_SPACES);
static_assert(offsetof(SwitcherState, guest_gdt) == STATE_GUEST_GDT);
static_assert(sizeof(SwitcherState) <= abi::kPageSize);
static_assert(sizeof(Registers) == REGISTERS_BYTES);
static_assert(LGUEST_CS == kKernelCs && LGUEST_DS == kKernelDs);
static_assert(LGUEST_TSS == kTssSelector);
static_assert(SWITCHER_ADDRESS == abi::kSwitcherAddress);
#line 282 "chapters/06-switcher.nw"
void install_switcher();
Gate switcher_gate(uint32_t vector);
void reset_guest_tables();
MachinePhysical guest_switcher_page_table();
void map_switcher_window(MachinePhysical first, uint32_t pages);
extern "C" uint32_t switch_to_guest();  // where the trap frame starts

inline Registers& guest_registers() {
    return *reinterpret_cast<Registers*>(REGISTERS_ADDRESS);
}
inline SwitcherState& switcher_state() {
    return *reinterpret_cast<SwitcherState*>(SWITCHER_STATE_PAGE);
}
#line 99 "chapters/06-switcher.nw"
} // namespace lhv::host
#endif
