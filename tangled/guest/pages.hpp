// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 48 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

inline constexpr uint32_t kPageBytes = 4096;

class PageAllocator {
public:
    // Every whole page in [first, end) becomes free.
    void add_range(uintptr_t first, uintptr_t end) {
        first = (first + kPageBytes - 1) & ~uintptr_t(kPageBytes - 1);
        for (; first + kPageBytes <= end && first + kPageBytes > first;
             first += kPageBytes)
            give(reinterpret_cast<void*>(first));
    }
    void give(void* page) {
        auto free = static_cast<FreePage*>(page);
        free->next = head_;
        head_ = free;
        ++free_;
    }
    void* take() {  // nullptr when none is left
        FreePage* page = head_;
        if (page) {
            head_ = page->next;
            --free_;
        }
        return page;
    }
    void* take_zeroed() {
        auto page = static_cast<uint32_t*>(take());
        if (page)
            for (uint32_t i = 0; i < kPageBytes / 4; ++i)
                page[i] = 0;
        return page;
    }
    uint32_t free_pages() const { return free_; }

private:
    struct FreePage { FreePage* next; };
    FreePage* head_ = nullptr;
    uint32_t free_ = 0;
};

} // namespace lhv::guest
