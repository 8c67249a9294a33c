// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 237 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

class AddressSpace {
public:
    bool create();   // an empty user half; false: out of memory
    void destroy();  // every user page, table and the directory go
    bool copy_of(const AddressSpace& parent);
    bool map_new_page(uint32_t address, bool writable);
    void unmap(uint32_t address);
    uint8_t* page_of(uint32_t address, bool for_writing) const;
    uint32_t directory_physical() const;

private:
    uint32_t* table_of(uint32_t address, bool make);
    uint32_t* directory_ = nullptr;
};

} // namespace lhv::guest
