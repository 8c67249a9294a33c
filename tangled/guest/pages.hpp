// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 67 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

inline constexpr uint32_t kPageBytes = 4096;

class PageAllocator {
public:
    // Every whole page in [first, end) becomes free; called once.
    void add_range(uintptr_t first, uintptr_t end) {
        constexpr uintptr_t mask = ~uintptr_t(kPageBytes - 1);
        uintptr_t up = (first + kPageBytes - 1) & mask;
        if (up < first || up >= end)
            return;  // it wrapped, or no whole page is left
        frontier_ = up;
        end_ = up + (end - up) / kPageBytes * kPageBytes;
    }
    void give(void* page) {
        auto free = static_cast<FreePage*>(page);
        free->next = head_;
        head_ = free;
        ++returned_;
    }
    void* take() {  // nullptr when none is left
        if (FreePage* page = head_) {
            head_ = page->next;
            --returned_;
            return page;
        }
        if (frontier_ == end_)
            return nullptr;
        void* page = reinterpret_cast<void*>(frontier_);
        frontier_ += kPageBytes;
        return page;
    }
    void* take_zeroed() {
        auto page = static_cast<uint32_t*>(take());
        if (page)
            for (uint32_t i = 0; i < kPageBytes / 4; ++i)
                page[i] = 0;
        return page;
    }
    uint32_t free_pages() const {
        return returned_ + uint32_t((end_ - frontier_) / kPageBytes);
    }

private:
    struct FreePage { FreePage* next; };
    FreePage* head_ = nullptr;
    uint32_t returned_ = 0;
    uintptr_t frontier_ = 0, end_ = 0;  // never handed out yet
};

} // namespace lhv::guest
