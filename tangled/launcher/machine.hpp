// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2245 "chapters/04-launcher.nw"
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <sys/types.h>
#include "launcher/options.hpp"
#include "launcher/posix.hpp"

namespace lhv::launcher {

#line 2282 "chapters/04-launcher.nw"
class RuntimeDir {
  public:
    explicit RuntimeDir(const std::string& base);
    RuntimeDir(const RuntimeDir&) = delete;
    RuntimeDir& operator=(const RuntimeDir&) = delete;
    ~RuntimeDir() { remove_all(); }

    const std::string& path() const { return path_; }
    std::string file(const std::string& name);
    void remove(const std::string& name);
    void remove_all();

  private:
    std::string path_;
    std::vector<std::string> names_;
};

std::string choose_runtime_base(const char* lhv_runtime_dir,
                                const char* xdg_runtime_dir);
#line 2310 "chapters/04-launcher.nw"
std::uint32_t machine_ram_mib(std::uint32_t guest_memory_mib);
#line 2319 "chapters/04-launcher.nw"
struct MachineConfig {
    std::string qemu = "qemu-system-i386";
    std::string host_image;
    std::string runtime_dir;
    std::uint32_t ram_mib = 0;
    Accelerator accelerator = Accelerator::Tcg;
    bool wait_for_debugger = false;
    std::uint16_t gdb_port = 1234;
    std::string trace_file;
};

std::vector<std::string> qemu_command_line(const MachineConfig& config);
#line 2346 "chapters/04-launcher.nw"
class ChildProcess {
  public:
    ChildProcess() = default;
    ChildProcess(ChildProcess&& other) noexcept;
    ChildProcess& operator=(ChildProcess&& other) noexcept;
    ~ChildProcess() { stop(); }

    static ChildProcess spawn(const std::vector<std::string>& argv,
                              int stderr_fd);
    pid_t pid() const { return pid_; }
    bool running() const { return pid_ > 0; }
    std::optional<int> reap_if_exited();
    void stop();

  private:
    explicit ChildProcess(pid_t pid) : pid_(pid) {}
    pid_t pid_ = -1;
};

std::string describe_exit(int status);
#line 2371 "chapters/04-launcher.nw"
UniqueFd listen_on(const std::string& path);

#line 2262 "chapters/04-launcher.nw"
} // namespace lhv::launcher
