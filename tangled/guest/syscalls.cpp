// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 3052 "chapters/E-guest-kernel.nw"
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "guest/console.hpp"
#include "guest/files.hpp"
#include "guest/hypercall.hpp"
#include "guest/kernel.hpp"
#include "guest/linux.hpp"
#include "guest/memory.hpp"
#include "guest/drivers.hpp"
#include "guest/line_discipline.hpp"
#include "guest/net.hpp"
#include "guest/process.hpp"
#include "guest/stats.hpp"
#include "guest/strings.hpp"

namespace lhv::guest {

#line 3175 "chapters/E-guest-kernel.nw"
uint8_t* user_byte(uint32_t address, bool for_writing) {
    uint8_t* page = current->space.page_of(address, for_writing);
    if (!page && fault_in(*current, address))
        page = current->space.page_of(address, for_writing);
    return page ? page + address % abi::kPageSize : nullptr;
}

bool user_range_ok(uint32_t address, uint32_t bytes) {
    return address + bytes >= address &&
           address + bytes <= abi::kPageOffset;
}

bool copy_from_user(void* to, uint32_t from, uint32_t bytes) {
    if (!user_range_ok(from, bytes))
        return false;
    auto out = static_cast<uint8_t*>(to);
    while (bytes) {
        uint8_t* in = user_byte(from, false);
        if (!in)
            return false;
        uint32_t n = abi::kPageSize - from % abi::kPageSize;
        n = n < bytes ? n : bytes;
        for (uint32_t i = 0; i < n; ++i)
            *out++ = in[i];
        from += n;
        bytes -= n;
    }
    return true;
}

bool copy_to_user(uint32_t to, const void* from, uint32_t bytes) {
    if (!user_range_ok(to, bytes))
        return false;
    auto in = static_cast<const uint8_t*>(from);
    while (bytes) {
        uint8_t* out = user_byte(to, true);
        if (!out)
            return false;
        uint32_t n = abi::kPageSize - to % abi::kPageSize;
        n = n < bytes ? n : bytes;
        for (uint32_t i = 0; i < n; ++i)
            out[i] = *in++;
        to += n;
        bytes -= n;
    }
    return true;
}
#line 3229 "chapters/E-guest-kernel.nw"
int32_t copy_string_from_user(char* to, uint32_t from, uint32_t room) {
    for (uint32_t i = 0; i < room; ++i) {
        if (!copy_from_user(&to[i], from + i, 1))
            return -1;
        if (!to[i])
            return int32_t(i);
    }
    return -1;
}
#line 3260 "chapters/E-guest-kernel.nw"
int32_t sys_write(TrapFrame& f) {
    uint32_t fd = f.ebx, buffer = f.ecx, bytes = f.edx;
    if (fd >= kFirstFile)
        return file_write(f);
    if (fd != 1 && fd != 2)
        return -kEBADF;
    if (!user_range_ok(buffer, bytes))
        return -kEFAULT;
    char piece[512];
    for (uint32_t done = 0; done < bytes;) {
        uint32_t n = bytes - done < sizeof piece ? bytes - done
                                                 : sizeof piece;
        if (!copy_from_user(piece, buffer + done, n))
            return done ? int32_t(done) : -kEFAULT;
        console_output(piece, n);
        done += n;
    }
    return int32_t(bytes);
}

int32_t sys_read(TrapFrame& f) {
    uint32_t fd = f.ebx, buffer = f.ecx, bytes = f.edx;
    if (fd >= kFirstFile)
        return file_read(f);
    if (fd != 0)
        return -kEBADF;
    if (!user_range_ok(buffer, bytes))
        return -kEFAULT;
    if (bytes == 0)
        return 0;
    char line[LineDiscipline::kLineBytes];
    int32_t n = console_input(line, bytes < sizeof line ? bytes
                                                        : sizeof line);
    if (n > 0 && !copy_to_user(buffer, line, uint32_t(n)))
        return -kEFAULT;
    return n;
}
#line 3304 "chapters/E-guest-kernel.nw"
int32_t sys_getpid(TrapFrame&) { return int32_t(current->pid); }
int32_t sys_getppid(TrapFrame&) { return int32_t(current->parent); }
int32_t sys_sched_yield(TrapFrame&) {
    need_resched = true;
    return 0;
}
int32_t sys_exit(TrapFrame& f) { exit_process((f.ebx & 0xFF) << 8); }
#line 3320 "chapters/E-guest-kernel.nw"
int32_t sys_fork(TrapFrame& f) {
    Process* child = new_process(current->name, current->pid);
    if (!child)
        return -kENOMEM;
    if (!child->space.copy_of(current->space)) {
        page_allocator.give(child->kernel_stack);
        return -kENOMEM;
    }
    child->heap_start = current->heap_start;
    child->brk = current->brk;
    share_files(*current, *child);
    for (uint32_t i = 0; i < 3; ++i)
        for (uint32_t j = 0; j < 2; ++j)
            child->tls[i][j] = current->tls[i][j];
    child->frame() = f;
    child->frame().eax = 0;
    child->state = State::Runnable;
    return int32_t(child->pid);
}
#line 3351 "chapters/E-guest-kernel.nw"
int32_t sys_wait4(TrapFrame& f) {
    int32_t pid = int32_t(f.ebx);
    uint32_t status_pointer = f.ecx, options = f.edx;
    if (pid < -1)
        return -kEINVAL;  // process groups: this kernel has none
    for (;;) {
        bool any = false;
        for (Process& p : processes) {
            if (p.state == State::Free || p.parent != current->pid ||
                (pid > 0 && p.pid != uint32_t(pid)))
                continue;
            any = true;
            if (p.state != State::Zombie)
                continue;
            if (status_pointer &&
                !copy_to_user(status_pointer, &p.status, 4))
                return -kEFAULT;
            page_allocator.give(p.kernel_stack);
            p.state = State::Free;
            return int32_t(p.pid);
        }
        if (!any)
            return -kECHILD;
        if (options & 1)
            return 0;
        current->waiting = true;
        current->state = State::Sleeping;
        schedule();
        current->waiting = false;
    }
}

int32_t sys_waitpid(TrapFrame& f) { return sys_wait4(f); }
#line 3403 "chapters/E-guest-kernel.nw"
int32_t sys_execve(TrapFrame& f) {
    KernelPage page;
    if (!page.bytes)
        return -kENOMEM;
    char* strings = reinterpret_cast<char*>(page.bytes);
    static_assert(kMaxArgumentBytes + 64 <= abi::kPageSize);
    const char* argv[kMaxArguments];
    int32_t length = copy_string_from_user(strings, f.ebx, 64);
    if (length < 0)
        return -kEFAULT;
    const char* name = starts_with(strings, "/bin/") ? strings + 5
                     : contains(strings, '/')       ? nullptr
                                                    : strings;
    uint32_t used = uint32_t(length) + 1, argc = 0;
    for (uint32_t pointer = 0;; ++argc) {
        if (!f.ecx || !copy_from_user(&pointer, f.ecx + argc * 4, 4))
            return -kEFAULT;
        if (!pointer)
            break;
        if (argc == kMaxArguments)
            return -kEINVAL;
        int32_t n = copy_string_from_user(
            strings + used, pointer, kMaxArgumentBytes + 64 - used);
        if (n < 0)
            return -kEFAULT;
        argv[argc] = strings + used;
        used += uint32_t(n) + 1;
    }
    if (argc == 0)
        argv[argc++] = strings;
    int32_t error = load_program_from_disk(*current, strings, argv, argc);
    if (error == -kENOENT && name && *name)
        error = load_program(*current, name, argv, argc);
    return error;
}
#line 3448 "chapters/E-guest-kernel.nw"
int32_t sys_brk(TrapFrame& f) {
    uint32_t wanted = f.ebx;
    if (wanted >= current->heap_start && wanted <= kHeapLimit) {
        auto page_up = [](uint32_t a) {
            return (a + abi::kPageSize - 1) & ~(abi::kPageSize - 1);
        };
        for (uint32_t page = page_up(wanted); page < page_up(current->brk);
             page += abi::kPageSize)
            current->space.unmap(page);
        current->brk = wanted;
    }
    return int32_t(current->brk);
}
#line 3470 "chapters/E-guest-kernel.nw"
int32_t sys_nanosleep(TrapFrame& f) {
    int32_t request[2];
    if (!copy_from_user(request, f.ebx, sizeof request))
        return -kEFAULT;
    int32_t seconds = request[0], nanoseconds = request[1];
    if (seconds < 0 || nanoseconds < 0 || nanoseconds >= 1'000'000'000)
        return -kEINVAL;
    if (seconds > 100'000)
        seconds = 100'000;
    uint32_t wait = uint32_t(seconds) * kTicksPerSecond +
                    (uint32_t(nanoseconds) + kTickNanoseconds - 1) /
                        kTickNanoseconds;
    current->wake_at = ticks + wait + 1;
    current->state = State::Sleeping;
    schedule();
    int32_t left[2] = {0, 0};
    if (f.ecx && !copy_to_user(f.ecx, left, sizeof left))
        return -kEFAULT;
    return 0;
}
#line 3515 "chapters/E-guest-kernel.nw"
int32_t sys_set_thread_area(TrapFrame& f) {
    uint32_t d[4];  // entry_number, base_addr, limit, flags
    if (!copy_from_user(d, f.ebx, sizeof d))
        return -kEFAULT;
    uint32_t entry = d[0], base = d[1], limit = d[2], flags = d[3];
    bool choose = entry == 0xFFFFFFFF;
    if (choose) {
        for (entry = 6; entry <= 8; ++entry)
            if (!current->tls[entry - 6][1])
                break;
        if (entry > 8)
            return -kESRCH;
    }
    bool is_32bit = flags & 1, contents = (flags >> 1) & 3,
         read_only = flags & 8, in_pages = flags & 16,
         not_present = flags & 32, useable = flags & 64;
    if (entry < 6 || entry > 8 || contents || not_present ||
        base >= abi::kPageOffset || limit > 0xFFFFF)
        return -kEINVAL;
    uint32_t type = read_only ? 0x1 : 0x3;  // data, accessed
    current->tls[entry - 6][0] = base << 16 | (limit & 0xFFFF);
    current->tls[entry - 6][1] =
        (base & 0xFF000000) | (base >> 16 & 0xFF) | (limit & 0xF0000) |
        type << 8 | 1u << 12 | 3u << 13 | 1u << 15 |
        uint32_t(useable) << 20 | uint32_t(is_32bit) << 22 |
        uint32_t(in_pages) << 23;
    if (choose && !copy_to_user(f.ebx, &entry, 4))
        return -kEFAULT;
    hypercall(abi::LHCALL_LOAD_TLS,
              physical_address_of(current->tls).value);
    return 0;
}
#line 8413 "chapters/03-drivers.nw"
int32_t sys_getrandom(TrapFrame& f) {
    uint32_t buffer = f.ebx, bytes = f.ecx, flags = f.edx;
    if (flags & ~7u)
        return -kEINVAL;
    if (!user_range_ok(buffer, bytes))
        return -kEFAULT;
    uint8_t piece[256];
    for (uint32_t done = 0; done < bytes;) {
        uint32_t n = bytes - done < sizeof piece ? bytes - done
                                                 : sizeof piece;
        int32_t got = get_random(piece, n);
        if (got < 0)
            return done ? int32_t(done) : got;
        if (!copy_to_user(buffer + done, piece, n))
            return done ? int32_t(done) : -kEFAULT;
        done += n;
    }
    return int32_t(bytes);
}
#line 1171 "chapters/07-mastery.nw"
int32_t sys_times(TrapFrame& f) {
    const uint32_t none[4] = {};
    if (f.ebx && !copy_to_user(f.ebx, none, sizeof none))
        return -kEFAULT;
    return int32_t(ticks);
}
#line 3126 "chapters/E-guest-kernel.nw"
using SystemCall = int32_t (*)(TrapFrame&);
struct Entry { uint32_t number; SystemCall call; };

constexpr Entry kSystemCalls[] = {
    {1, sys_exit},      {2, sys_fork},           {3, sys_read},
    {4, sys_write},     {7, sys_waitpid},        {11, sys_execve},
    {20, sys_getpid},   {45, sys_brk},           {64, sys_getppid},
    {114, sys_wait4},   {158, sys_sched_yield},  {162, sys_nanosleep},
    {243, sys_set_thread_area},                  {252, sys_exit},
    {355, sys_getrandom},
    
#line 5247 "chapters/E-guest-kernel.nw"
{5, sys_open},      {6, sys_close},          {19, sys_lseek},
{118, sys_fsync},   {220, sys_getdents64},
#line 3137 "chapters/E-guest-kernel.nw"
    
#line 1182 "chapters/07-mastery.nw"
    {43, sys_times},
#line 3138 "chapters/E-guest-kernel.nw"
};

struct Table { SystemCall calls[kSystemCallNumbers]; };

constexpr Table make_table() {
    Table table{};
    for (const Entry& entry : kSystemCalls)
        table.calls[entry.number] = entry.call;
    return table;
}
constexpr Table kTable = make_table();

void system_call(TrapFrame& frame) {
    count(kernel_stats.system_calls, frame.eax);
    SystemCall call =
        frame.eax < kSystemCallNumbers ? kTable.calls[frame.eax] : nullptr;
    if (frame.eax == kSysLhvPing)  // the book's own (Chapter 3)
        call = sys_lhv_ping;
    frame.eax = uint32_t(call ? call(frame) : -kENOSYS);
}

#line 3079 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
