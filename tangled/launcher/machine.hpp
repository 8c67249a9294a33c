// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2885 "chapters/04-launcher.nw"
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <sys/types.h>
#include "launcher/options.hpp"
#include "launcher/posix.hpp"

namespace lhv::launcher {

#line 2915 "chapters/04-launcher.nw"
std::uint32_t machine_ram_mib(std::uint32_t guest_memory_mib);
#line 319 "chapters/C-posix.nw"
UniqueFd create_ram(std::uint32_t mib);
std::pair<UniqueFd, UniqueFd> socket_pair();
#line 2934 "chapters/04-launcher.nw"
inline constexpr int kFirstInheritedFd = 3;
inline constexpr int kQemuRamFd = kFirstInheritedFd;
inline constexpr int kQemuConsoleFd = kFirstInheritedFd + 1;
inline constexpr int kQemuDoorbellFd = kFirstInheritedFd + 2;

struct MachineConfig {
    std::string qemu = "qemu-system-i386";
    std::string name = "lhv";
    std::string host_image;
    std::uint32_t ram_mib = 0;
    Accelerator accelerator = Accelerator::Tcg;
    bool wait_for_debugger = false;
    std::uint16_t gdb_port = 1234;
    std::string qemu_log;
};

std::vector<std::string> qemu_command_line(const MachineConfig& config);
#line 392 "chapters/C-posix.nw"
class ChildProcess {
  public:
    ChildProcess() = default;
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ~ChildProcess() { stop(); }

    static constexpr std::size_t kMaxInherited = 8;
    static ChildProcess spawn(const std::vector<std::string>& argv,
                              int stderr_fd,
                              std::span<const int> inherited = {});
    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0; }
    std::optional<int> reap_if_exited();
    void stop();

  private:
    explicit ChildProcess(pid_t pid) : pid_(pid) {}
    pid_t pid_ = -1;
};

std::string describe_exit(int status);
#line 3070 "chapters/04-launcher.nw"
std::string qemu_exit_message(int status, std::string_view qemu_said);

#line 2905 "chapters/04-launcher.nw"
} // namespace lhv::launcher
