// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 1131 "chapters/01-preparation.nw"
#pragma once

namespace lhv::abi {

inline constexpr char kVersion[] = "1.0";

} // namespace lhv::abi
