// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 2991 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

#line 10017 "chapters/03-drivers.nw"
inline constexpr int32_t kEIO = 5, kENODEV = 19, kEROFS = 30;
#line 3103 "chapters/E-guest-kernel.nw"
inline constexpr int32_t kENOENT = 2, kESRCH = 3, kENOEXEC = 8,
    kEBADF = 9, kECHILD = 10, kENOMEM = 12, kEFAULT = 14, kEINVAL = 22,
    kENOSYS = 38;
inline constexpr uint32_t kSIGILL = 4, kSIGTRAP = 5, kSIGBUS = 7,
    kSIGFPE = 8, kSIGKILL = 9, kSIGSEGV = 11;
inline constexpr uint32_t kMaxArguments = 16, kMaxArgumentBytes = 1024;
#line 5232 "chapters/E-guest-kernel.nw"
inline constexpr int32_t kENXIO = 6, kEACCES = 13,
    kENOTDIR = 20, kEISDIR = 21, kENFILE = 23, kEMFILE = 24,
    kENOSPC = 28, kESPIPE = 29, kENAMETOOLONG = 36,
    kEOVERFLOW = 75;
inline constexpr uint32_t kO_RDONLY = 0, kO_WRONLY = 1, kO_ACCMODE = 3,
    kO_CREAT = 0100, kO_DIRECTORY = 0200000;
inline constexpr uint8_t kDT_DIR = 4, kDT_REG = 8;

#line 2998 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
