// generated from chapters/01-preparation.nw -- edit the chapter, not this file
#line 892 "chapters/01-preparation.nw"
#pragma once
#include <stdint.h>

namespace lhv::abi {

inline constexpr uint32_t kMailboxAddress = 0x0008'0000;
inline constexpr uint32_t kMailboxMagic = 0x4C48'564D;  // "LHVM"
inline constexpr uint32_t kLinkVersion = 3;
inline constexpr uint32_t kReasonBytes = 256;

#line 929 "chapters/01-preparation.nw"
enum class Request : uint32_t {
    None = 0,
    Initialize = 1,  // args: guest_base, pfn_limit, entry, boot_info
    Run = 2,         // run the Guest until the next event
    SelfCheck = 4,   // compare the Host with itself at boot
};
#line 949 "chapters/01-preparation.nw"
enum class Event : uint32_t {
    None = 0,
    HostReady = 1,    // the Host has booted and awaits INITIALIZE
    Initialized = 2,  // the Guest is set up; send Run
    Notify = 3,       // arg0: the Guest-physical address
    GuestDied = 4,    // reason: why the Host killed the Guest
    PowerOff = 5,     // the Guest asked to power off
    Restart = 6,      // the Guest asked to restart
    Refused = 7,      // reason: what was wrong with the request
    HostDied = 9,     // reason: why the Host panicked; it has stopped
    SelfChecked = 10, // arg0: 1 if intact; reason: what differs
};
#line 969 "chapters/01-preparation.nw"
struct Mailbox {
    uint32_t magic;        // kMailboxMagic once the Host is up
    uint32_t version;      // kLinkVersion
    // Written by the Launcher.
    uint32_t request_seq;
    uint32_t request;      // a Request
    uint32_t request_arg[4];
    // Written by the Host.
    uint32_t event_seq;
    uint32_t event;        // an Event
    uint32_t event_arg[2];
    char reason[kReasonBytes];  // NUL-terminated
};
static_assert(sizeof(Mailbox) == 48 + kReasonBytes);
#line 1014 "chapters/01-preparation.nw"
inline constexpr uint32_t kExitLogAddress = 0x0008'1000;
inline constexpr uint32_t kExitLogRecords = 128;

enum class ExitKind : uint32_t {
    Hypercall = 1,   // number: the call; arg: %ebx..%esi
    Trap = 2,        // number: the vector; arg[0]: the error code
    Interrupt = 3,   // number: the vector
};

struct ExitRecord {
    uint32_t kind;   // an ExitKind
    uint32_t number;
    uint32_t arg[4];
    uint32_t eip;    // where the Guest was
};

struct ExitLog {
    // Written by the Launcher.
    uint32_t wanted;    // nonzero: record every exit
    uint32_t tail;      // records taken so far
    // Written by the Host.
    uint32_t head;      // records written so far
    uint32_t lost;      // records dropped because the ring was full
    ExitRecord records[kExitLogRecords];
};
static_assert(sizeof(ExitRecord) == 28);
static_assert(sizeof(ExitLog) == 16 + 28 * kExitLogRecords);
#line 1101 "chapters/01-preparation.nw"
inline constexpr uint32_t kDeviceLinkAddress = 0x0008'2000;
inline constexpr uint32_t kKickSlots = 16;
inline constexpr uint32_t kDeviceIrqs = 32;  // = the Guest's lines

struct DeviceLink {
    // Written by the Launcher, only while the Guest is stopped.
    uint32_t kick_address[kKickSlots];  // Guest-physical; 0: unused
    // Written by the Host.
    uint32_t kicks[kKickSlots];         // NOTIFYs of each slot so far
    // Written by the Launcher, one writer per line.
    uint32_t raised[kDeviceIrqs];       // raises of each line so far
    // Written by the Launcher: nonzero asks the Host to stop the Guest.
    uint32_t stop;
};
static_assert(sizeof(DeviceLink) ==
              4 * (2 * kKickSlots + kDeviceIrqs + 1));
#line 1049 "chapters/01-preparation.nw"
constexpr bool trap_has_error_code(uint32_t vector) {
    return vector == 8 || (vector >= 10 && vector <= 14) || vector == 17;
}

#line 909 "chapters/01-preparation.nw"
} // namespace lhv::abi
