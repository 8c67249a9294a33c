// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 3007 "chapters/E-guest-kernel.nw"
#include "guest/process.hpp"
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "guest/console.hpp"
#include "guest/elf.hpp"
#include "guest/files.hpp"
#include "guest/hypercall.hpp"
#include "guest/kernel.hpp"
#include "guest/linux.hpp"
#include "guest/memory.hpp"
#include "guest/programs.hpp"
#include "guest/strings.hpp"

extern "C" void switch_context(uint32_t* save, uint32_t resume);

namespace lhv::guest {

Process processes[kMaxProcesses];
Process* current = nullptr;

#line 2334 "chapters/E-guest-kernel.nw"
void copy_name(char* to, const char* from) {
    uint32_t i = 0;
    for (; i + 1 < sizeof(Process::name) && from[i]; ++i)
        to[i] = from[i];
    to[i] = '\0';
}
#line 2301 "chapters/E-guest-kernel.nw"
extern "C" char trap_return[];

Process* new_process(const char* name, uint32_t parent) {
    static uint32_t next_pid = 1;
    for (Process& p : processes) {
        if (p.state != State::Free)
            continue;
        p.kernel_stack = static_cast<uint8_t*>(page_allocator.take());
        if (!p.kernel_stack)
            return nullptr;
        p.pid = next_pid++;
        p.parent = parent;
        copy_name(p.name, name);
        p.waiting = false;
        p.wake_at = p.status = 0;
        p.channel = nullptr;
        for (auto& descriptor : p.tls)
            descriptor[0] = descriptor[1] = 0;
        clear_files(p);
        auto switch_frame = reinterpret_cast<uint32_t*>(&p.frame()) - 5;
        switch_frame[0] = switch_frame[1] = 0;  // edi, esi
        switch_frame[2] = switch_frame[3] = 0;  // ebx, ebp
        switch_frame[4] = reinterpret_cast<uint32_t>(trap_return);
        p.saved_esp = reinterpret_cast<uint32_t>(switch_frame);
        return &p;  // still Free: the caller makes it Runnable
    }
    return nullptr;
}
#line 2860 "chapters/E-guest-kernel.nw"
uint32_t boot_stack_pointer;  // the boot stack, left for good

void switch_to(Process& next) {
    Process* previous = current;
    current = &next;
    if (previous == &next)
        return;
    hypercall(abi::LHCALL_NEW_PGTABLE, next.space.directory_physical());
    hypercall(abi::LHCALL_SET_STACK, abi::kGuestKernelDs,
              reinterpret_cast<uint32_t>(next.kernel_stack) +
                  abi::kPageSize, 1);
    hypercall(abi::LHCALL_LOAD_TLS, physical_address_of(next.tls).value);
    switch_context(previous ? &previous->saved_esp : &boot_stack_pointer,
                   next.saved_esp);
}
#line 2718 "chapters/E-guest-kernel.nw"
bool need_resched = false;

Process* pick_next() {
    uint32_t start = current ? uint32_t(current - processes) : 0;
    for (uint32_t i = 1; i <= kMaxProcesses; ++i) {
        Process& p = processes[(start + i) % kMaxProcesses];
        if (p.state == State::Runnable)
            return &p;
    }
    return nullptr;
}

void schedule() {
    need_resched = false;
    for (;;) {
        if (Process* next = pick_next()) {
            switch_to(*next);
            return;
        }
        idle();
    }
}
#line 2745 "chapters/E-guest-kernel.nw"
void scheduler_tick() {
    for (Process& p : processes)
        if (p.state == State::Sleeping && p.wake_at &&
            int32_t(ticks - p.wake_at) >= 0) {
            p.wake_at = 0;
            p.state = State::Runnable;
        }
    need_resched = true;
}

void return_to_program() {
    if (need_resched || current->state != State::Runnable)
        schedule();
}
#line 2801 "chapters/E-guest-kernel.nw"
void sleep_on(const void* channel) {
    if (!current) {
        idle();
        return;
    }
    current->channel = channel;
    current->state = State::Sleeping;
    schedule();
    current->channel = nullptr;
}

void wake_up(const void* channel) {
    for (Process& p : processes)
        if (p.state == State::Sleeping && p.channel == channel) {
            p.channel = nullptr;
            p.state = State::Runnable;
            need_resched = true;
        }
}
#line 2388 "chapters/E-guest-kernel.nw"
bool elf_headers_in_head(const ProgramImage& file) {
    if (file.head_size == file.size)
        return true;  // all of it is there: check_elf needs no help
    if (file.head_size < elf::kHeaderBytes)
        return false;
    const uint32_t table = elf::read32(file.head + elf::kPhoffAt);
    const uint32_t count = elf::read16(file.head + elf::kPhnumAt);
    return table <= file.head_size &&
           count * elf::kProgramHeaderBytes <= file.head_size - table;
}

bool copy_from_image(const void* context, uint32_t offset, uint8_t* to,
                     uint32_t n) {
    const uint8_t* from = static_cast<const UstarFile*>(context)->data;
    for (uint32_t i = 0; i < n; ++i)
        to[i] = from[offset + i];
    return true;
}
#line 2474 "chapters/E-guest-kernel.nw"
int32_t load_segments(AddressSpace& space, const ProgramImage& file,
                      const ElfProgram& program, uint32_t& heap_start) {
    for (uint32_t s = 0; s < program.count; ++s) {
        const ElfSegment& segment = program.segments[s];
        uint32_t first = segment.vaddr & ~(abi::kPageSize - 1);
        uint32_t end = segment.vaddr + segment.memsz;
        for (uint32_t page = first; page < end; page += abi::kPageSize)
            if (!space.map_new_page(page, segment.writable))
                return -kENOMEM;
        for (uint32_t done = 0; done < segment.filesz;) {
            uint32_t at = segment.vaddr + done;
            uint32_t n = abi::kPageSize - at % abi::kPageSize;
            n = n < segment.filesz - done ? n : segment.filesz - done;
            uint8_t* to = space.page_of(at, false) + at % abi::kPageSize;
            if (!file.copy(file.context, segment.offset + done, to, n))
                return -kEIO;
            done += n;
        }
        uint32_t top = (end + abi::kPageSize - 1) & ~(abi::kPageSize - 1);
        if (top > heap_start)
            heap_start = top;
    }
    return 0;
}
#line 2521 "chapters/E-guest-kernel.nw"
bool build_stack(AddressSpace& space, const char* const* argv,
                 uint32_t argc, uint32_t& sp) {
    uint32_t top_page = kUserStackTop - abi::kPageSize;
    if (!space.map_new_page(top_page, true))
        return false;
    uint8_t* page = space.page_of(top_page, true);
    auto put = [&](uint32_t at, const void* bytes, uint32_t n) {
        for (uint32_t i = 0; i < n; ++i)
            page[at - top_page + i] = static_cast<const uint8_t*>(bytes)[i];
    };
    uint32_t pointers[kMaxArguments];
    uint32_t at = kUserStackTop;
    for (uint32_t i = argc; i-- > 0;) {
        uint32_t n = string_length(argv[i]) + 1;
        at -= n;
        put(at, argv[i], n);
        pointers[i] = at;
    }
    at &= ~15u;
    uint32_t words[kMaxArguments + 5], n = 0;
    words[n++] = argc;
    for (uint32_t i = 0; i < argc; ++i)
        words[n++] = pointers[i];
    words[n++] = 0;                    // the end of argv
    words[n++] = 0;                    // envp: empty
    words[n++] = 0;                    // auxv: AT_NULL
    words[n++] = 0;
    at -= n * 4;
    put(at, words, n * 4);
    sp = at;
    return true;
}
#line 2411 "chapters/E-guest-kernel.nw"
int32_t load_image(Process& process, const char* name,
                   const ProgramImage& file, const char* const* argv,
                   uint32_t argc) {
    ElfProgram program;
    if (!elf_headers_in_head(file) ||
        check_elf(file.head, file.size, program))
        return -kENOEXEC;
    AddressSpace space;
    if (!space.create())
        return -kENOMEM;
    uint32_t heap_start = 0, sp = 0;
    int32_t error = load_segments(space, file, program, heap_start);
    if (!error && !build_stack(space, argv, argc, sp))
        error = -kENOMEM;
    if (error) {
        space.destroy();
        return error;
    }
    
#line 2458 "chapters/E-guest-kernel.nw"
AddressSpace old = process.space;
process.space = space;
if (&process == current)
    hypercall(abi::LHCALL_NEW_PGTABLE, space.directory_physical());
old.destroy();
#line 2430 "chapters/E-guest-kernel.nw"
    TrapFrame& f = process.frame();
    f = TrapFrame{};
    f.eip = program.entry;
    f.cs = kUserCs;
    f.eflags = kEflagsIf;
    f.esp = sp;
    f.ss = f.ds = f.es = kUserDs;
    process.heap_start = process.brk = heap_start;
    copy_name(process.name, name);
    return 0;
}

int32_t load_program(Process& process, const char* name,
                     const char* const* argv, uint32_t argc) {
    UstarFile file;
    if (!find_program(name, file))
        return -kENOENT;
    const ProgramImage image = {file.data, file.size, file.size,
                                copy_from_image, &file};
    return load_image(process, name, image, argv, argc);
}
#line 2568 "chapters/E-guest-kernel.nw"
bool may_have(const Process& process, uint32_t address) {
    bool heap = address >= process.heap_start && address < process.brk;
    bool stack = address >= kUserStackBottom && address < kUserStackTop;
    return heap || stack;
}

bool fault_in(Process& process, uint32_t address) {
    return may_have(process, address) &&
           process.space.map_new_page(address & ~(abi::kPageSize - 1),
                                      true);
}
#line 2689 "chapters/E-guest-kernel.nw"
bool has_zombie_child(const Process& parent) {
    for (const Process& p : processes)
        if (p.state == State::Zombie && p.parent == parent.pid)
            return true;
    return false;
}
#line 2657 "chapters/E-guest-kernel.nw"
void exit_process(uint32_t status) {
    Process& me = *current;
    if (me.pid == 1) {
        if (status & 0x7F)
            panic("init was killed");
        Line().text("Little Hypervisor Guest: init exited with status ")
            .decimal(status >> 8).text("\n").print();
        power_off();
    }
    hypercall(abi::LHCALL_NEW_PGTABLE,
              physical_address_of(kernel_directory).value);
    me.space.destroy();
    close_files(me);
    for (Process& p : processes)
        if (p.state != State::Free && p.parent == me.pid)
            p.parent = 1;
    me.status = status;
    me.state = State::Zombie;
    for (Process& p : processes)
        if ((p.pid == me.parent || (p.pid == 1 && has_zombie_child(p))) &&
            p.state == State::Sleeping && p.waiting)
            p.state = State::Runnable;
    schedule();
    panic("a process ran after its end");
}
#line 2599 "chapters/E-guest-kernel.nw"
namespace {
struct TrapKind { const char* name; uint32_t signal; };

TrapKind trap_kind(uint32_t vector) {
    switch (vector) {
    case 0:  return {"divide error", kSIGFPE};
    case 1:  return {"debug", kSIGTRAP};
    case 3:  return {"breakpoint", kSIGTRAP};
    case 4:  return {"overflow", kSIGSEGV};
    case 5:  return {"bound range", kSIGSEGV};
    case 6:  return {"invalid opcode", kSIGILL};
    case 7:  return {"no coprocessor", kSIGSEGV};
    case 12: return {"stack fault", kSIGBUS};
    case 13: return {"general protection", kSIGSEGV};
    case 14: return {"page fault", kSIGSEGV};
    case 16: case 19: return {"floating point", kSIGFPE};
    case 17: return {"alignment check", kSIGBUS};
    }
    return {"trap", kSIGSEGV};
}
}

void program_fault(TrapFrame& frame, uint32_t cr2) {
    bool page_missing = frame.vector == 14 && !(frame.error & 1);
    if (page_missing && fault_in(*current, cr2))
        return;
    if (page_missing && may_have(*current, cr2)) {
        Line().text("Little Hypervisor Guest: process ")
            .decimal(current->pid).text(" (").text(current->name)
            .text(") killed: out of memory at ").hex(cr2).text("\n")
            .print();
        exit_process(kSIGKILL);
    }
    TrapKind kind = trap_kind(frame.vector);
    Line line;
    line.text("Little Hypervisor Guest: process ").decimal(current->pid)
        .text(" (").text(current->name).text(") killed: ")
        .text(kind.name);
    if (frame.vector == 14)
        line.text(" at ").hex(cr2);
    line.text(", eip ").hex(frame.eip).text("\n").print();
    exit_process(kind.signal);
}
#line 2946 "chapters/E-guest-kernel.nw"
void copy_command_line(char* to, const char* from) {
    uint32_t i = 0;
    for (; i + 1 < abi::kCommandLineBytes && from[i]; ++i)
        to[i] = from[i];
    to[i] = '\0';
}
#line 2931 "chapters/E-guest-kernel.nw"
void list_programs() {
    ProgramList programs;
    const char* name;
    UstarFile file;
    while (programs.next(name, file))
        Line().text("  ").text(name).text("\n").print();
}
#line 2890 "chapters/E-guest-kernel.nw"
void start_kernel(const abi::BootInfo& boot) {
    static char words[abi::kCommandLineBytes];
    const char* argv[kMaxArguments];
    uint32_t argc = 1;
    argv[0] = "hello";
    copy_command_line(words, boot.command_line);
    for (char* word = words; *word;) {
        char* end = word;
        while (*end && *end != ' ')
            ++end;
        bool last = !*end;
        *end = '\0';
        if (starts_with(word, "init="))
            argv[0] = word + 5;
        else if (*word && !contains(word, '=') && argc < kMaxArguments)
            argv[argc++] = word;
        word = last ? end : end + 1;
    }
    page_allocator.add_range(abi::kPageOffset + boot_pages_used_up_to(),
                             abi::kPageOffset + boot.memory_bytes);
    mount_files();
    Process* init = new_process(argv[0], 0);
    int32_t error = init ? load_program(*init, argv[0], argv, argc)
                         : -kENOMEM;
    if (error) {
        Line().text("Little Hypervisor Guest: cannot start ").text(argv[0])
            .text("; the programs are:\n").print();
        list_programs();
        panic("no first program");
    }
    init->state = State::Runnable;
    schedule();
    panic("the boot stack came back");
}

#line 3044 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
