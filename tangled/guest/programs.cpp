// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 928 "chapters/E-guest-kernel.nw"
#include "guest/programs.hpp"

extern "C" const uint8_t programs_archive_start[];
extern "C" const uint8_t programs_archive_end[];

namespace lhv::guest {

namespace {

const char* program_name(const char* path) {
    const char prefix[] = "bin/";
    for (uint32_t i = 0; prefix[i] != '\0'; ++i)
        if (path[i] != prefix[i])
            return nullptr;
    return path[4] != '\0' ? path + 4 : nullptr;
}

} // namespace

#line 957 "chapters/E-guest-kernel.nw"
ProgramList::ProgramList()
    : archive_(programs_archive_start,
               static_cast<uint32_t>(programs_archive_end -
                                     programs_archive_start)) {}

bool ProgramList::next(const char*& name, UstarFile& file) {
    UstarEntry entry;
    while (archive_.next(entry)) {
        if (const char* program = program_name(entry.name)) {
            name = program;
            file = entry.file;
            return true;
        }
    }
    return false;
}

bool find_program(const char* name, UstarFile& out) {
    ProgramList programs;
    const char* candidate;
    UstarFile file;
    while (programs.next(candidate, file)) {
        if (ustar::same_name(candidate, name)) {
            out = file;
            return true;
        }
    }
    return false;
}

#line 949 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
