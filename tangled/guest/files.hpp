// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5256 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>
#include "guest/kernel.hpp"
#include "guest/process.hpp"

namespace lhv::guest {

inline constexpr uint32_t kFirstFile = 3;

bool user_range_ok(uint32_t address, uint32_t bytes);
bool copy_from_user(void* to, uint32_t from, uint32_t bytes);
bool copy_to_user(uint32_t to, const void* from, uint32_t bytes);
int32_t copy_string_from_user(char* to, uint32_t from, uint32_t room);

#line 4518 "chapters/E-guest-kernel.nw"
struct KernelPage {
    uint8_t* bytes = static_cast<uint8_t*>(page_allocator.take());
    KernelPage() = default;
    KernelPage(const KernelPage&) = delete;
    KernelPage& operator=(const KernelPage&) = delete;
    ~KernelPage() {
        if (bytes)
            page_allocator.give(bytes);
    }
};

#line 5272 "chapters/E-guest-kernel.nw"
void mount_files();
void clear_files(Process& process);
void share_files(const Process& parent, Process& child);
void close_files(Process& process);
int32_t sys_open(TrapFrame& f);
int32_t sys_close(TrapFrame& f);
int32_t sys_lseek(TrapFrame& f);
int32_t sys_getdents64(TrapFrame& f);
int32_t sys_fsync(TrapFrame& f);
int32_t file_read(TrapFrame& f);
int32_t file_write(TrapFrame& f);
int32_t load_program_from_disk(Process& process, const char* path,
                               const char* const* argv, uint32_t argc);

} // namespace lhv::guest
