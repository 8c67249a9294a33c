// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5957 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

#line 5911 "chapters/E-guest-kernel.nw"
constexpr uint32_t kBytesPerPage = 4096;

uint32_t page_word(uint32_t page) {
    return page * 2654435761u ^ 0x5A5A5A5Au;
}

#line 5964 "chapters/E-guest-kernel.nw"
int main(int argc, char** argv) {
    uint32_t mib = 1;
    if (argc > 1 && (!parse_decimal(argv[1], mib) || mib > 1024)) {
        print("touch: usage: touch [MiB, at most 1024]\n");
        return 2;
    }
    
#line 5926 "chapters/E-guest-kernel.nw"
const uint32_t start = brk(0);
const uint32_t base = (start + kBytesPerPage - 1) & ~(kBytesPerPage - 1);
const uint32_t pages = mib * (1024 * 1024 / kBytesPerPage);
const uint32_t end = base + pages * kBytesPerPage;
if (brk(end) < end) {
    print("touch: brk failed\n");
    return 1;
}
#line 5971 "chapters/E-guest-kernel.nw"
    
#line 5942 "chapters/E-guest-kernel.nw"
auto word_of_page = [base](uint32_t page) {
    return reinterpret_cast<volatile uint32_t*>(base +
                                                page * kBytesPerPage);
};
for (uint32_t page = 0; page < pages; ++page)
    *word_of_page(page) = page_word(page);
uint32_t checksum = 0;
for (uint32_t page = 0; page < pages; ++page)
    checksum += *word_of_page(page);
#line 5972 "chapters/E-guest-kernel.nw"
    OutputLine().text("touch: ").decimal(mib).text(" MiB, checksum ")
        .hex(checksum).text("\n").print();
    return 0;
}
