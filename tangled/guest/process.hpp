// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 2237 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>
#include "guest/address_space.hpp"
#include "guest/trap_frame.hpp"

namespace lhv::guest {

inline constexpr uint32_t kMaxProcesses = 16;
inline constexpr uint32_t kUserStackTop = 0xC0000000;
inline constexpr uint32_t kUserStackBottom = 0xBF800000;  // 8 MiB
inline constexpr uint32_t kHeapLimit = 0xB0000000;

enum class State : uint8_t { Free, Runnable, Sleeping, Zombie };

struct Process {
    State state;
    bool waiting;           // Sleeping in wait4
    uint32_t pid, parent;
    char name[16];
    AddressSpace space;
    uint8_t* kernel_stack;  // one page
    uint32_t saved_esp;
    uint32_t heap_start, brk;
    uint32_t wake_at;       // Sleeping in nanosleep: the tick
    const void* channel;    // Sleeping in sleep_on: what it waits for
    uint32_t status;        // a Zombie's, as wait4 reports it
    uint32_t tls[3][2];     // GDT entries 6-8, for LHCALL_LOAD_TLS
    
#line 4368 "chapters/E-guest-kernel.nw"
static constexpr uint32_t kFiles = 16;
int8_t files[kFiles];   // descriptor 3 + i: an open file, or -1
#line 2265 "chapters/E-guest-kernel.nw"
    TrapFrame& frame() {    // the program's registers, at the top
        return *reinterpret_cast<TrapFrame*>(kernel_stack + 4096 -
                                             sizeof(TrapFrame));
    }
};

extern Process processes[kMaxProcesses];
extern Process* current;
extern bool need_resched;

Process* new_process(const char* name, uint32_t parent);
[[noreturn]] void exit_process(uint32_t status);
void schedule();
void sleep_on(const void* channel);
void wake_up(const void* channel);
bool fault_in(Process& process, uint32_t address);
int32_t load_program(Process& process, const char* name,
                     const char* const* argv, uint32_t argc);
#line 2363 "chapters/E-guest-kernel.nw"
struct ProgramImage {
    const uint8_t* head;  // the file's first head_size bytes
    uint32_t head_size, size;
    // Copies the file's bytes [offset, offset + n) to `to`.
    bool (*copy)(const void* context, uint32_t offset, uint8_t* to,
                 uint32_t n);
    const void* context;
};

int32_t load_image(Process& process, const char* name,
                   const ProgramImage& file, const char* const* argv,
                   uint32_t argc);

#line 2285 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
