// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5491 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::user {

#line 1188 "chapters/07-mastery.nw"
inline constexpr uint32_t SYS_times = 43;
#line 5355 "chapters/E-guest-kernel.nw"
enum SyscallNumber : uint32_t {
    SYS_exit = 1,
    SYS_fork = 2,
    SYS_read = 3,
    SYS_write = 4,
    SYS_open = 5,
    SYS_close = 6,
    SYS_waitpid = 7,
    SYS_execve = 11,
    SYS_lseek = 19,
    SYS_getpid = 20,
    SYS_brk = 45,
    SYS_getppid = 64,
    SYS_wait4 = 114,
    SYS_fsync = 118,
    SYS_sched_yield = 158,
    SYS_nanosleep = 162,
    SYS_getdents64 = 220,
    SYS_set_thread_area = 243,
    SYS_exit_group = 252,
};
#line 6367 "chapters/E-guest-kernel.nw"
inline constexpr uint32_t SYS_getrandom = 355;
#line 5391 "chapters/E-guest-kernel.nw"
inline int32_t make_system_call(uint32_t number, uint32_t arg1 = 0,
                                uint32_t arg2 = 0, uint32_t arg3 = 0,
                                uint32_t arg4 = 0) {
    int32_t result;
    asm volatile("int $0x80"
                 : "=a"(result)
                 : "a"(number), "b"(arg1), "c"(arg2), "d"(arg3),
                   "S"(arg4)
                 : "memory");
    return result;
}

template <typename T>
inline uint32_t as_word(T* pointer) {
    return reinterpret_cast<uint32_t>(pointer);
}
#line 5418 "chapters/E-guest-kernel.nw"
struct timespec {
    int32_t tv_sec;
    int32_t tv_nsec;
};

struct user_desc {
    uint32_t entry_number;  // 0xFFFFFFFF: let the kernel choose
    uint32_t base_addr;
    uint32_t limit;
    uint32_t seg_32bit : 1;
    uint32_t contents : 2;
    uint32_t read_exec_only : 1;
    uint32_t limit_in_pages : 1;
    uint32_t seg_not_present : 1;
    uint32_t useable : 1;
};
static_assert(sizeof(user_desc) == 16);
#line 1194 "chapters/07-mastery.nw"
inline uint32_t times() {
    return make_system_call(SYS_times, 0);
}
#line 5446 "chapters/E-guest-kernel.nw"
[[noreturn]] inline void exit(int32_t status) {
    make_system_call(SYS_exit, status);
    __builtin_unreachable();
}
[[noreturn]] inline void exit_group(int32_t status) {
    make_system_call(SYS_exit_group, status);
    __builtin_unreachable();
}
inline int32_t fork() { return make_system_call(SYS_fork); }
inline int32_t read(int32_t fd, void* buffer, uint32_t bytes) {
    return make_system_call(SYS_read, fd, as_word(buffer), bytes);
}
inline int32_t write(int32_t fd, const void* buffer, uint32_t bytes) {
    return make_system_call(SYS_write, fd, as_word(buffer), bytes);
}
inline int32_t waitpid(int32_t pid, int32_t* status, int32_t options) {
    return make_system_call(SYS_waitpid, pid, as_word(status), options);
}
inline int32_t execve(const char* path, char* const argv[],
                      char* const envp[]) {
    return make_system_call(SYS_execve, as_word(path), as_word(argv),
                            as_word(envp));
}
inline int32_t getpid() { return make_system_call(SYS_getpid); }
inline uint32_t brk(uint32_t end) { return make_system_call(SYS_brk, end); }
inline int32_t getppid() { return make_system_call(SYS_getppid); }
inline int32_t wait4(int32_t pid, int32_t* status, int32_t options,
                     void* usage) {
    return make_system_call(SYS_wait4, pid, as_word(status), options,
                            as_word(usage));
}
inline int32_t sched_yield() { return make_system_call(SYS_sched_yield); }
inline int32_t nanosleep(const timespec* request, timespec* left) {
    return make_system_call(SYS_nanosleep, as_word(request), as_word(left));
}
inline int32_t set_thread_area(user_desc* description) {
    return make_system_call(SYS_set_thread_area, as_word(description));
}
#line 6374 "chapters/E-guest-kernel.nw"
inline int32_t getrandom(void* buffer, uint32_t bytes, uint32_t flags) {
    return make_system_call(SYS_getrandom, as_word(buffer), bytes, flags);
}
#line 6756 "chapters/E-guest-kernel.nw"
inline constexpr uint32_t O_RDONLY = 0, O_RDWR = 2,
                          O_DIRECTORY = 0200000;
inline constexpr uint32_t SEEK_SET = 0;

struct linux_dirent64 {
    uint64_t d_ino;
    int64_t d_off;
    uint16_t d_reclen;
    uint8_t d_type;
    char d_name[1];  // NUL-terminated, then padding to d_reclen
} __attribute__((packed));

inline int32_t open(const char* path, uint32_t flags) {
    return make_system_call(SYS_open, as_word(path), flags);
}
inline int32_t close(int32_t fd) { return make_system_call(SYS_close, fd); }
inline int32_t lseek(int32_t fd, int32_t offset, uint32_t whence) {
    return make_system_call(SYS_lseek, fd, offset, whence);
}
inline int32_t fsync(int32_t fd) { return make_system_call(SYS_fsync, fd); }
inline int32_t getdents64(int32_t fd, void* buffer, uint32_t bytes) {
    return make_system_call(SYS_getdents64, fd, as_word(buffer), bytes);
}

#line 5502 "chapters/E-guest-kernel.nw"
} // namespace lhv::user
