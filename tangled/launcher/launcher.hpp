// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 3228 "chapters/04-launcher.nw"
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>
#include "launcher/devices.hpp"
#include "launcher/elf_loader.hpp"
#include "launcher/exit_log.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/host_link.hpp"
#include "launcher/machine.hpp"
#include "launcher/options.hpp"
#include "launcher/signals.hpp"

namespace lhv::launcher {

#line 3260 "chapters/04-launcher.nw"
class Deadline {
  public:
    static Deadline never() { return Deadline{}; }
    static Deadline after(std::chrono::milliseconds wait) {
        Deadline deadline;
        deadline.when_ = std::chrono::steady_clock::now() + wait;
        return deadline;
    }
    int poll_timeout() const;

  private:
    std::optional<std::chrono::steady_clock::time_point> when_;
};

inline constexpr std::chrono::seconds kStartupTimeout{30};
#line 3282 "chapters/04-launcher.nw"
struct GuestToRun {
    std::string path;
    GuestImage image;
    std::vector<std::byte> contents;
};
#line 3295 "chapters/04-launcher.nw"
class Launcher {
  public:
    Launcher(const Options& options, const std::string& host_image,
             std::span<const GuestToRun> guests,
             std::vector<std::unique_ptr<Device>> devices = {});
    int run();

  private:
    
#line 3337 "chapters/04-launcher.nw"
void start_machine();
void wait_for_host();
void load_guest();
void initialize_guest();
int run_guest();
void handle_notify(GuestPhysical address);
int run_in_turn();
void check_host();
#line 3304 "chapters/04-launcher.nw"
    
#line 3537 "chapters/04-launcher.nw"
bool wait_readable(int fd, Deadline deadline);
void copy_console();
void copy_qemu_errors();
void drain_output();
void handle_signal();
[[noreturn]] void qemu_is_gone();
[[noreturn]] void host_died(const std::string& reason);
HostEvent next_event(Deadline deadline, const std::string& waiting_for);
void show_exits();
void device_failed();
void ring_doorbell() { send_byte(doorbell_.get()); }

#line 3306 "chapters/04-launcher.nw"
    const Options& options_;
    std::string host_image_;
    std::span<const GuestToRun> guests_;
    const GuestToRun* guest_ = nullptr;
    std::uint32_t ram_bytes_;
    SignalWatch signals_;
    UniqueFd ram_file_;
    Mapping ram_;
    std::optional<HostLink> link_;
    std::optional<ExitLogReader> exits_;
    UniqueFd qemu_errors_;
    std::string qemu_said_;
    ChildProcess qemu_;
    UniqueFd console_, doorbell_;
    std::vector<std::unique_ptr<Device>> device_list_;
    std::optional<Devices> devices_;
    std::string device_failure_;
};

#line 3251 "chapters/04-launcher.nw"
} // namespace lhv::launcher
