// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 903 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>
#include "guest/ustar.hpp"

namespace lhv::guest {

class ProgramList {
public:
    ProgramList();
    bool next(const char*& name, UstarFile& file);
    const char* problem() const { return archive_.problem(); }

private:
    UstarReader archive_;
};

bool find_program(const char* name, UstarFile& out);

} // namespace lhv::guest
