// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 362 "chapters/05-host.nw"
#include "host/guest.hpp"
#include "host/boot/kernel.hpp"

namespace lhv::host {

#line 391 "chapters/05-host.nw"
bool ShadowPageTables::map(GuestVirtual address, MachinePhysical page) {
    uint32_t& pde = directory()[address.value >> 22];
    if (!(pde & kPresent)) {
        MachinePhysical table = page_allocator.allocate();
        if (!table.value)
            return false;
        pde = table.value | kPresent | kWritable;
    }
    auto table = reinterpret_cast<uint32_t*>(pde & kPageAddressMask);
    table[(address.value >> 12) & 1023] =
        page.value | kPresent | kWritable;
    return true;
}

#line 369 "chapters/05-host.nw"
bool ShadowPageTables::build(const GuestMemory& memory) {
    directory_ = page_allocator.allocate();
    if (!directory_.value)
        return false;
    for (uint32_t offset = 0; offset < memory.bytes();
         offset += kPageSize)
        if (!map({abi::kPageOffset + offset},
                 memory.to_machine({offset})))
            return false;
    directory()[1023] = guest_switcher_page_table().value |
                        kPresent | kWritable;
    return true;
}

#line 410 "chapters/05-host.nw"
void ShadowPageTables::release() {
    if (!directory_.value)
        return;
    for (uint32_t i = 0; i < 1023; ++i)
        if (directory()[i] & kPresent)
            page_allocator.free({directory()[i] & kPageAddressMask});
    page_allocator.free(directory_);
    directory_ = {0};
}

#line 385 "chapters/05-host.nw"
} // namespace lhv::host
