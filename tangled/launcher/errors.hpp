// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 152 "chapters/04-launcher.nw"
#pragma once
#include <cstdint>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace lhv::launcher {

#line 175 "chapters/04-launcher.nw"
enum ExitStatus : int {
    kExitPowerOff = 0,  // the Guest powered off (or asked to restart)
    kExitFailure = 1,   // the Guest died, or the machine failed
    kExitUsage = 2,     // bad options or Guest file; QEMU never ran
    kExitSignal = 128,  // plus the number of the signal that stopped us
};
#line 193 "chapters/04-launcher.nw"
class LauncherError : public std::runtime_error {
  public:
    LauncherError(int status, const std::string& message)
        : std::runtime_error(message), status_(status) {}
    int status() const { return status_; }

  private:
    int status_;
};

struct UsageError : LauncherError {
    explicit UsageError(const std::string& message)
        : LauncherError(kExitUsage, message + " (try lhv --help)") {}
};

struct FileError : LauncherError {
    explicit FileError(const std::string& message)
        : LauncherError(kExitUsage, message) {}
};

struct GuestFileError : FileError {
    using FileError::FileError;
};

struct RuntimeFailure : LauncherError {
    explicit RuntimeFailure(const std::string& message)
        : LauncherError(kExitFailure, message) {}
};

struct GuestDied : LauncherError {
    explicit GuestDied(const std::string& reason)
        : LauncherError(kExitFailure, "guest died: " + reason) {}
};

struct HostDied : LauncherError {
    explicit HostDied(const std::string& reason)
        : LauncherError(kExitFailure, "the Host died: " + reason) {}
};

struct StoppedBySignal : LauncherError {
    StoppedBySignal(int signal, const std::string& message)
        : LauncherError(kExitSignal + signal, message) {}
};
#line 249 "chapters/04-launcher.nw"
inline std::string in_hex(std::uint64_t value) {
    char text[24];
    std::snprintf(text, sizeof text, "0x%llx",
                  static_cast<unsigned long long>(value));
    return text;
}

#line 164 "chapters/04-launcher.nw"
} // namespace lhv::launcher
