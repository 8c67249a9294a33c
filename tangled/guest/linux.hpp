// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 2813 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

#line 7783 "chapters/03-drivers.nw"
inline constexpr int32_t kEIO = 5, kENODEV = 19, kEROFS = 30;
#line 2921 "chapters/E-guest-kernel.nw"
inline constexpr int32_t kENOENT = 2, kESRCH = 3, kENOEXEC = 8,
    kEBADF = 9, kECHILD = 10, kENOMEM = 12, kEFAULT = 14, kEINVAL = 22,
    kENOSYS = 38;
inline constexpr uint32_t kSIGILL = 4, kSIGTRAP = 5, kSIGBUS = 7,
    kSIGFPE = 8, kSIGKILL = 9, kSIGSEGV = 11;
inline constexpr uint32_t kMaxArguments = 16, kMaxArgumentBytes = 1024;

#line 2820 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
