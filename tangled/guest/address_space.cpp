// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 464 "chapters/E-guest-kernel.nw"
#include "guest/address_space.hpp"
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "guest/hypercall.hpp"
#include "guest/kernel.hpp"
#include "guest/memory.hpp"
#include "guest/pages.hpp"

namespace lhv::guest {

PageAllocator page_allocator;

#line 267 "chapters/E-guest-kernel.nw"
namespace {
constexpr uint32_t kUserTable =
    abi::kPagePresent | abi::kPageWritable | abi::kPageUser;
constexpr uint32_t kUserIndexes = abi::kPageOffset >> 22;  // 768

template <typename T = uint32_t>
T* to_kernel(uint32_t entry) {
    return reinterpret_cast<T*>(abi::kPageOffset +
                                (entry & abi::kPageFrameMask));
}
}
#line 283 "chapters/E-guest-kernel.nw"
bool AddressSpace::create() {
    directory_ = static_cast<uint32_t*>(page_allocator.take_zeroed());
    if (!directory_)
        return false;
    for (uint32_t i = kUserIndexes; i < 1024; ++i)
        directory_[i] = kernel_directory[i];
    return true;
}

uint32_t AddressSpace::directory_physical() const {
    return physical_address_of(directory_).value;
}
#line 314 "chapters/E-guest-kernel.nw"
void AddressSpace::destroy() {
    if (!directory_)
        return;
    for (uint32_t i = 0; i < kUserIndexes; ++i) {
        if (!(directory_[i] & abi::kPagePresent))
            continue;
        uint32_t* table = to_kernel(directory_[i]);
        for (uint32_t j = 0; j < 1024; ++j)
            if (table[j] & abi::kPagePresent)
                page_allocator.give(to_kernel<void>(table[j]));
        page_allocator.give(table);
        directory_[i] = 0;
        queue_hypercall(abi::LHCALL_SET_PGD, directory_physical(), i);
    }
    hypercall(abi::LHCALL_FLUSH_ASYNC);
    page_allocator.give(directory_);
    directory_ = nullptr;
}
#line 340 "chapters/E-guest-kernel.nw"
uint32_t* AddressSpace::table_of(uint32_t address, bool make) {
    if (address >= abi::kPageOffset)
        return nullptr;
    uint32_t& entry = directory_[address >> 22];
    if (!(entry & abi::kPagePresent)) {
        if (!make)
            return nullptr;
        void* table = page_allocator.take_zeroed();
        if (!table)
            return nullptr;
        entry = physical_address_of(table).value | kUserTable;
    }
    return to_kernel(entry);
}

bool AddressSpace::map_new_page(uint32_t address, bool writable) {
    uint32_t* table = table_of(address, true);
    if (!table)
        return false;
    uint32_t& entry = table[(address >> 12) & 1023];
    if (entry & abi::kPagePresent) {  // already there: widen, never narrow
        if (writable && !(entry & abi::kPageWritable))
            entry |= abi::kPageWritable;  // only while a program loads
        return true;
    }
    void* page = page_allocator.take_zeroed();
    if (!page)
        return false;
    entry = physical_address_of(page).value | abi::kPagePresent |
            abi::kPageUser | (writable ? abi::kPageWritable : 0);
    return true;
}

void AddressSpace::unmap(uint32_t address) {
    uint32_t* table = table_of(address, false);
    if (!table)
        return;
    uint32_t& entry = table[(address >> 12) & 1023];
    if (!(entry & abi::kPagePresent))
        return;
    page_allocator.give(to_kernel<void>(entry));
    entry = 0;
    hypercall(abi::LHCALL_SET_PTE, directory_physical(),
              address & ~(abi::kPageSize - 1), 0);
}
#line 399 "chapters/E-guest-kernel.nw"
uint8_t* AddressSpace::page_of(uint32_t address, bool for_writing) const {
    if (address >= abi::kPageOffset)
        return nullptr;
    uint32_t pde = directory_[address >> 22];
    if (!(pde & abi::kPagePresent))
        return nullptr;
    uint32_t pte = to_kernel(pde)[(address >> 12) & 1023];
    uint32_t needed = abi::kPagePresent | abi::kPageUser |
                      (for_writing ? abi::kPageWritable : 0);
    if ((pte & needed) != needed)
        return nullptr;
    return to_kernel<uint8_t>(pte);
}
#line 423 "chapters/E-guest-kernel.nw"
bool AddressSpace::copy_of(const AddressSpace& parent) {
    if (!create())
        return false;
    for (uint32_t i = 0; i < kUserIndexes; ++i) {
        if (!(parent.directory_[i] & abi::kPagePresent))
            continue;
        const uint32_t* from = to_kernel(parent.directory_[i]);
        for (uint32_t j = 0; j < 1024; ++j) {
            if (!(from[j] & abi::kPagePresent))
                continue;
            uint32_t address = i << 22 | j << 12;
            bool writable = from[j] & abi::kPageWritable;
            if (!map_new_page(address, writable)) {
                destroy();
                return false;
            }
            const uint32_t* source = to_kernel(from[j]);
            auto target = reinterpret_cast<uint32_t*>(
                page_of(address, false));
            for (uint32_t k = 0; k < abi::kPageSize / 4; ++k)
                target[k] = source[k];
        }
    }
    return true;
}

#line 481 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
