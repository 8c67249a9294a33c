// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 86 "chapters/05-host.nw"
#pragma once
#include <stdint.h>
#include "abi/lguest_data.hpp"
#include "host/addresses.hpp"
#include "host/boot/link.hpp"
#include "switcher/switcher.hpp"

namespace lhv::host {

#line 108 "chapters/05-host.nw"
struct [[nodiscard]] Result {
    const char* reason = nullptr;
    bool ok() const { return reason == nullptr; }
};
#line 123 "chapters/05-host.nw"
struct GuestMemory {
    MachinePhysical base{0};
    uint32_t pages = 0;

    uint32_t bytes() const { return pages * kPageSize; }
    bool contains(GuestPhysical address, uint32_t length) const {
        return address.value <= bytes() &&
               length <= bytes() - address.value;
    }
    MachinePhysical to_machine(GuestPhysical address) const {
        return {base.value + address.value};
    }
    template <typename T> T* to_host(GuestPhysical address) const {
        return reinterpret_cast<T*>(to_machine(address).value);
    }
};
#line 5043 "chapters/05-host.nw"
class ShadowPageTables {
public:
    static constexpr uint32_t kTopLevels = 4;
    static constexpr uint32_t kPoolPages = 512;
    static constexpr uint32_t kKernelIndex = abi::kPageOffset >> 22;
    static constexpr uint32_t kMaxGuestPages =
        (abi::kSwitcherAddress - abi::kPageOffset) / kPageSize;
    
#line 5108 "chapters/05-host.nw"
struct Walk {
    enum class Is { Mapped, GuestFault, BadEntry, NoMemory };
    Is is = Is::GuestFault;
    GuestPhysical page{0};          // Mapped: the page
    uint32_t rights = 0;            // Mapped: present, writable, user
    uint32_t entry = 0;             // the Guest's entry, as read
    volatile uint32_t* pte = nullptr;  // where it is; null if linear
    bool present = false;           // GuestFault: refused, not absent
    const char* which = nullptr;    // BadEntry: which kind of entry
    const char* problem = nullptr;  // BadEntry: what is wrong with it
};
#line 5051 "chapters/05-host.nw"
    Result start(const GuestMemory& memory);
    void release();
    Walk resolve(GuestVirtual address, uint32_t access);
    Walk fill(GuestVirtual address, uint32_t access);
    uint32_t* kernel_writable_page(GuestVirtual address);
    bool writable(GuestVirtual address) const;
    void allow_switching_alone(bool allowed);
    void follow(uint32_t cr3);
    bool switch_to(GuestPhysical directory);  // false: out of memory
    void drop_entry(GuestPhysical directory, GuestVirtual address);
    void drop_table(GuestPhysical directory, uint32_t index);
    void drop_user();
    void drop_all();
    void forget_touched_pages();
    uint32_t cr3() const { return top_[current_].shadow.value; }
    uint32_t flushes() const { return flushes_; }
    uint32_t fills() const { return fills_; }
    void report() const;
private:
    struct TopLevel {
        GuestPhysical guest{0};     // the Guest's directory
        MachinePhysical shadow{0};  // its shadow; {0}: the slot is free
    };
    Walk walk(GuestVirtual address) const;
    uint32_t* shadow_entry(GuestVirtual address);
    bool new_directory(TopLevel& top);
    void share_kernel_table(uint32_t index, MachinePhysical table);
    void publish() const;
    void make_current(uint32_t slot);
    void drop_user(TopLevel& top);
    MachinePhysical evict_and_take_page();
    MachinePhysical take_page();
    void give_page(MachinePhysical page);
    static uint32_t* entries(MachinePhysical page) {
        return reinterpret_cast<uint32_t*>(page.value);
    }
    GuestMemory memory_;
    bool linear_ = true, alone_ok_ = true;
    TopLevel top_[kTopLevels];
    uint32_t current_ = 0, next_victim_ = 0;
    MachinePhysical kernel_[1023 - kKernelIndex] = {};
    uint32_t pages_used_ = 0, high_water_ = 0, flushes_ = 0;
    uint32_t fills_ = 0, evictions_ = 0;
    uint32_t touched_[kMaxGuestPages / 32] = {};
};
#line 164 "chapters/05-host.nw"
class Vcpu {
public:
    Registers& regs() const { return guest_registers(); }
    void reset(GuestVirtual entry, GuestVirtual boot_info) const;
};
#line 176 "chapters/05-host.nw"
class Guest {
public:
    Result initialize(const LinkRequest& request,
                      MachinePhysical ram_end);
    void run(HostLink& link);
private:
    enum class State { Empty, Running, Stopped };
    
#line 324 "chapters/05-host.nw"
void give_segments();
#line 486 "chapters/05-host.nw"
bool handle_exit(HostLink& link, uint32_t frame);
bool hypercall(HostLink& link);
void kill(HostLink& link, const char* format, ...)
    __attribute__((format(printf, 3, 4)));
#line 553 "chapters/05-host.nw"
struct Origin {
    bool queued;              // from the ring, not from registers
    uint32_t where;           // the slot if queued, else the eip
};
struct Call {
    abi::HypercallArgs args;  // args.arg0 is the call number
    Origin from;
};
#line 637 "chapters/05-host.nw"
bool dispatch(HostLink& link, const Call& c);
void kill_call(HostLink& link, Origin from, const char* format, ...)
    __attribute__((format(printf, 4, 5)));
bool hypercall_pending_ = false;
#line 763 "chapters/05-host.nw"
bool accept_lguest_data(HostLink& link, GuestPhysical address,
                        Origin from);
#line 824 "chapters/05-host.nw"
uint32_t next_hcall_ = 0;
#line 843 "chapters/05-host.nw"
bool queued_hypercall_waiting() const {
    auto data = memory_.to_host<abi::LguestData>(lguest_data_);
    const volatile uint8_t& status = data->hcall_status[next_hcall_];
    return status != abi::kHypercallSlotFree;
}
bool run_queued_hypercalls(HostLink& link);
#line 1270 "chapters/05-host.nw"
Gate idt_[256] = {};
uint32_t syscall_vector_ = 0;
uint32_t irqs_pending_ = 0;   // bit n: the Guest's interrupt n waits
uint32_t noirq_iret_ = 0;
uint32_t handler_entered_ = 0;
bool halted_ = false;
bool task_switched_ = false, task_switched_loaded_ = false;
#line 1560 "chapters/05-host.nw"
enum class Entry { Done, NoHandler, NoStack, BadStack };
Entry enter_handler(uint32_t vector, bool has_error, uint32_t error,
                    uint32_t& top);
bool load_idt_entry(HostLink& link, const Call& c);
bool set_stack(HostLink& link, const Call& c);
void install_gate(uint32_t vector);
void reset_interrupts();
bool reflect_trap(HostLink& link);
bool deliver_interrupt(HostLink& link);
bool sleep_until_interrupt(HostLink& link);
void write_time() const;
uint32_t deliverable_irqs() const;
static const char* why_not(Entry entry);
#line 1924 "chapters/05-host.nw"
uint32_t raised_seen_[abi::kDeviceIrqs] = {};
bool kick(uint32_t address);
bool devices_live() const;
bool take_device_interrupts(HostLink& link);
void forget_devices();
#line 4044 "chapters/05-host.nw"
bool segment_or_page_call(HostLink& link, uint32_t call, Origin from,
                          const abi::HypercallArgs* queued);
bool load_gdt_entry(HostLink& link, uint32_t index, SegmentDescriptor d,
                    Origin from);
bool load_tls(HostLink& link, GuestPhysical address, Origin from);
void kill_segment(HostLink& link, uint32_t call, Origin from,
                  uint32_t index, const char* problem,
                  SegmentDescriptor d);
#line 4240 "chapters/05-host.nw"
[[gnu::cold, gnu::noinline]] bool kill_switcher_fault(HostLink& link,
                                                     uint32_t frame);
#line 5794 "chapters/05-host.nw"
uint32_t stack_pages_ = 0;  // of the kernel stack; 0: none given
bool pin_kernel_stack(HostLink& link, const char* after);
bool touches_kernel_stack(uint32_t first, uint32_t bytes) const;
bool page_fault(HostLink& link);
#line 5976 "chapters/05-host.nw"
bool page_directory_ok(HostLink& link, uint32_t call, uint32_t address,
                       Origin from);
bool guest_entry_ok(HostLink& link, uint32_t call, const char* kind,
                    uint32_t entry, Origin from);
bool new_page_table(HostLink& link, uint32_t directory, Origin from);
bool set_pte(HostLink& link, uint32_t directory, uint32_t address,
             uint32_t entry, Origin from);
bool set_pgd(HostLink& link, uint32_t directory, uint32_t index,
             Origin from);
#line 8066 "chapters/05-host.nw"
static bool exit_log_wanted() {
    asm goto("cmpl $0, %c0\n\tjne %l1"
             : : "i"(abi::kExitLogAddress) : "cc" : wanted);
    return false;
wanted:
    return true;
}
[[gnu::cold, gnu::noinline]] static void record_exit(uint32_t frame);
#line 8437 "chapters/05-host.nw"
uint32_t switches_[256] = {};  // this Guest's world switches, by vector
bool count_switches(HostLink& link, GuestPhysical address, Origin from);
#line 184 "chapters/05-host.nw"
    GuestMemory memory_;
    ShadowPageTables page_tables_;
    Vcpu vcpu_;
    State state_ = State::Empty;
    GuestPhysical lguest_data_{0};
    bool has_lguest_data_ = false;
    char reason_[abi::kReasonBytes] = {};
};

#line 101 "chapters/05-host.nw"
} // namespace lhv::host
