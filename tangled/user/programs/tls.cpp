// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 6110 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

constexpr uint32_t kReads = 5;

#line 6057 "chapters/E-guest-kernel.nw"
uint32_t tls_word;

bool set_up_tls(uint32_t value) {
    tls_word = value;
    user_desc description{};
    description.entry_number = 0xFFFFFFFF;
    description.base_addr = reinterpret_cast<uint32_t>(&tls_word);
    description.limit = sizeof tls_word - 1;  // in bytes
    description.seg_32bit = 1;
    description.useable = 1;
    if (set_thread_area(&description) < 0)
        return false;
    const uint16_t selector = description.entry_number << 3 | 3;
    asm volatile("mov %0, %%gs" : : "r"(selector));
    return true;
}

#line 6119 "chapters/E-guest-kernel.nw"
int main(int, char**) {
    const int32_t child = fork();
    if (child < 0) {
        print("tls: fork failed\n");
        return 1;
    }
    const uint32_t value = child == 0 ? 0x2222 : 0x1111;
    if (!set_up_tls(value)) {
        print("tls: set_thread_area failed\n");
        return 1;
    }
    
#line 6085 "chapters/E-guest-kernel.nw"
uint32_t wrong = 0;
bool all_right = true;
for (uint32_t read = 0; read < kReads; ++read) {
    sched_yield();
    uint32_t seen;
    asm volatile("mov %%gs:0, %0" : "=r"(seen));
    if (seen != value) {
        all_right = false;
        wrong = seen;
    }
}
OutputLine line;
line.text("tls: pid ").decimal(getpid());
if (all_right)
    line.text(" reads ").hex(value, 4);
else
    line.text(" read WRONG ").hex(wrong, 4);
line.text("\n").print();
#line 6131 "chapters/E-guest-kernel.nw"
    if (child == 0)
        return all_right ? 0 : 1;
    int32_t status = 0;
    wait4(child, &status, 0, nullptr);
    print("tls: done\n");
    return all_right && status == 0 ? 0 : 1;
}
