// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 3352 "chapters/04-launcher.nw"
#include "launcher/launcher.hpp"
#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include "abi/layout.hpp"
#include "abi/link.hpp"
#include "launcher/boot_info.hpp"
#include "launcher/errors.hpp"
#include "launcher/symbols.hpp"

namespace lhv::launcher {

using abi::Event;
using abi::Request;

#line 3399 "chapters/04-launcher.nw"
int Deadline::poll_timeout() const {
    if (!when_) return -1;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        *when_ - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<long long>(0, left.count()));
}
#line 3415 "chapters/04-launcher.nw"
Launcher::Launcher(const Options& options, const std::string& host_image,
                   std::span<const GuestToRun> guests,
                   std::vector<std::unique_ptr<Device>> devices)
    : options_(options), host_image_(host_image), guests_(guests),
      ram_bytes_(options.memory_mib << 20),
      device_list_(std::move(devices)) {}
#line 3429 "chapters/04-launcher.nw"
int Launcher::run() {
    start_machine();
    wait_for_host();
    if (guests_.size() == 1) {
        guest_ = &guests_.front();
        load_guest();
        initialize_guest();
        return run_guest();
    }
    int status = kExitPowerOff;
    for (const GuestToRun& guest : guests_) {
        guest_ = &guest;
        status = std::max(status, run_in_turn());
        check_host();
    }
    return status;
}
#line 3460 "chapters/04-launcher.nw"
void Launcher::start_machine() {
    std::uint32_t ram_mib = machine_ram_mib(options_.memory_mib);
    ram_file_ = create_ram(ram_mib);
    ram_ = Mapping(ram_file_.get(), std::size_t{ram_mib} << 20);
    MachineMemory machine(ram_.bytes());
    link_.emplace(machine.object_at<abi::Mailbox>(
        MachinePhysical{abi::kMailboxAddress}));
    auto [console, qemu_console] = socket_pair();
    auto [doorbell, qemu_doorbell] = socket_pair();
    console_ = std::move(console);
    doorbell_ = std::move(doorbell);
    const int inherited[] = {ram_file_.get(), qemu_console.get(),
                             qemu_doorbell.get()};
    
#line 3500 "chapters/04-launcher.nw"
int error_pipe[2];
if (::pipe2(error_pipe, O_CLOEXEC) != 0)
    throw RuntimeFailure("pipe: " + std::string(std::strerror(errno)));
qemu_errors_ = UniqueFd{error_pipe[0]};
UniqueFd error_out{error_pipe[1]};
MachineConfig config;
if (const char* qemu = std::getenv("LHV_QEMU"); qemu && *qemu)
    config.qemu = qemu;
config.name = "lhv-" + std::to_string(::getpid());
config.host_image = host_image_;
config.ram_mib = ram_mib;
config.accelerator = options_.accelerator;
config.wait_for_debugger = options_.wait_for_debugger;
config.gdb_port = options_.gdb_port;
config.qemu_log = options_.qemu_log;
qemu_ = ChildProcess::spawn(qemu_command_line(config), error_out.get(),
                            inherited);
if (options_.wait_for_debugger)
    std::cerr << "lhv: the machine waits for a debugger; attach with\n"
              << "  gdb " << host_image_
              << " -ex 'target remote localhost:"
              << options_.gdb_port << "'\n";
#line 3474 "chapters/04-launcher.nw"
    devices_.emplace(std::move(device_list_),
                     machine.object_at<abi::DeviceLink>(
                         MachinePhysical{abi::kDeviceLinkAddress}),
                     doorbell_.get());
}
#line 3786 "chapters/04-launcher.nw"
void Launcher::wait_for_host() {
    Deadline deadline = options_.wait_for_debugger
                            ? Deadline::never()
                            : Deadline::after(kStartupTimeout);
    HostEvent event = next_event(deadline, "the Host to come up");
    if (event.event != Event::HostReady)
        throw RuntimeFailure("the Host's first event was " +
                             std::to_string(static_cast<int>(
                                 event.event)) + ", not HostReady");
    if (!link_->host_speaks_our_language())
        throw RuntimeFailure("the Host image speaks another link "
                             "version; rebuild it with this lhv");
}
#line 3810 "chapters/04-launcher.nw"
void Launcher::load_guest() {
    MachineMemory machine(ram_.bytes());
    GuestMemory memory =
        machine.guest(ram_bytes_, kDevicePages * abi::kPageSize);
    
#line 4002 "chapters/04-launcher.nw"
if (guest_ != &guests_.front()) {
    auto all = memory.bytes(GuestPhysical{0},
                            ram_bytes_ + kDevicePages * abi::kPageSize);
    std::fill(all.begin(), all.end(), std::byte{0});
}
#line 3815 "chapters/04-launcher.nw"
    load_guest_image(guest_->image, guest_->contents, memory);
    write_boot_info(memory, options_.guest_command_line);
    clear_device_pages(memory);
    devices_->publish(memory);
    device_failure_.clear();
}
#line 3834 "chapters/04-launcher.nw"
void Launcher::initialize_guest() {
    exits_.emplace(MachineMemory(ram_.bytes())
                       .object_at<abi::ExitLog>(
                           MachinePhysical{abi::kExitLogAddress}));
    exits_->open(options_.show_exits);
    std::uint32_t pfn_limit =
        ram_bytes_ / abi::kPageSize + kDevicePages;
    link_->post(Request::Initialize,
                {abi::kGuestBase, pfn_limit, guest_->image.entry.value,
                 abi::kBootInfoAddress});
    ring_doorbell();
    HostEvent event = next_event(Deadline::after(kStartupTimeout),
                                 "the Host to set up the Guest");
    if (event.event == Event::Refused)
        throw RuntimeFailure("the Host refused the Guest: " +
                             event.reason);
    if (event.event == Event::GuestDied) throw GuestDied(event.reason);
    if (event.event != Event::Initialized)
        throw RuntimeFailure("unexpected answer to Initialize: event " +
                             std::to_string(static_cast<int>(
                                 event.event)));
}
#line 3870 "chapters/04-launcher.nw"
int Launcher::run_guest() {
    for (;;) {
        link_->post(Request::Run);
        ring_doorbell();
        HostEvent event = next_event(Deadline::never(), "the Guest");
        drain_output();
        switch (event.event) {
        case Event::Notify:
            handle_notify(GuestPhysical{event.arg[0]});
            break;
        
#line 3891 "chapters/04-launcher.nw"
case Event::GuestDied:
    throw GuestDied(device_failure_.empty() ? event.reason
                                            : device_failure_);
case Event::PowerOff:
    if (guests_.size() > 1) std::cerr << "lhv: guest powered off\n";
    return kExitPowerOff;
case Event::Restart:
    std::cerr << "lhv: guest asked to restart\n";
    return kExitPowerOff;
case Event::Refused:
    throw RuntimeFailure("the Host refused to run the Guest: " +
                         event.reason);
default:
    throw RuntimeFailure("unexpected event " +
                         std::to_string(static_cast<int>(event.event)) +
                         " from the Host");
#line 3881 "chapters/04-launcher.nw"
        }
    }
}
#line 3925 "chapters/04-launcher.nw"
void Launcher::handle_notify(GuestPhysical address) {
    if (devices_->notified(address))
        return;
    constexpr std::uint32_t kEarlyConsoleLimit = 4096;
    auto text = MachineMemory(ram_.bytes())
                    .guest(ram_bytes_, kDevicePages * abi::kPageSize)
                    .string_at(address, kEarlyConsoleLimit);
    if (!text)
        throw GuestDied("NOTIFY address " + in_hex(address.value) +
                        " outside guest memory");
    write_all(1, std::as_bytes(std::span(*text)));
}
#line 3978 "chapters/04-launcher.nw"
int Launcher::run_in_turn() {
    try {
        load_guest();
        initialize_guest();
        return run_guest();
    } catch (const GuestDied& death) {
        drain_output();
        std::cerr << "lhv: "
                  << annotate_eips(death.what(),
                                   Symbols::from_file(guest_->path))
                  << '\n';
        return kExitFailure;
    }
}
#line 4043 "chapters/04-launcher.nw"
void Launcher::check_host() {
    link_->post(Request::SelfCheck);
    ring_doorbell();
    HostEvent event = next_event(Deadline::after(kStartupTimeout),
                                 "the Host to check itself");
    if (event.event != Event::SelfChecked)
        throw RuntimeFailure("unexpected answer to SelfCheck: event " +
                             std::to_string(static_cast<int>(
                                 event.event)) + " " + event.reason);
    if (event.arg[0] != 1)
        throw RuntimeFailure("host self-check failed: " + event.reason);
    std::cerr << "lhv: host self-check: " << event.reason << '\n';
}
#line 3556 "chapters/04-launcher.nw"
bool Launcher::wait_readable(int fd, Deadline deadline) {
    for (;;) {
        pollfd fds[] = {{signals_.fd(), POLLIN, 0},
                        {console_.get(), POLLIN, 0},
                        {qemu_errors_.get(), POLLIN, 0},
                        {fd, POLLIN, 0},
                        {devices_ ? devices_->failure_fd() : -1, POLLIN,
                         0}};
        int ready = ::poll(fds, 5, deadline.poll_timeout());
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0)
            throw RuntimeFailure("poll: " +
                                 std::string(std::strerror(errno)));
        if (ready == 0) return false;
        if (fds[1].revents) copy_console();
        if (fds[2].revents) copy_qemu_errors();
        if (fds[0].revents) handle_signal();
        if (fds[4].revents) device_failed();
        if (fds[3].revents) return true;
    }
}
#line 3590 "chapters/04-launcher.nw"
static bool copy_available(UniqueFd& from, int to,
                           std::string* keep = nullptr) {
    std::byte buffer[4096];
    ssize_t n = ::read(from.get(), buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
    if (n <= 0) {
        from.reset();
        return false;
    }
    auto bytes = std::span(buffer, static_cast<std::size_t>(n));
    write_all(to, bytes);
    if (keep) {
        keep->append(reinterpret_cast<const char*>(bytes.data()),
                     bytes.size());
        if (keep->size() > 4096) keep->erase(0, keep->size() - 4096);
    }
    return true;
}

void Launcher::copy_console() { copy_available(console_, 1); }
void Launcher::copy_qemu_errors() {
    copy_available(qemu_errors_, 2, &qemu_said_);
}

void Launcher::drain_output() {
    for (UniqueFd* from : {&console_, &qemu_errors_}) {
        pollfd fd = {from->get(), POLLIN, 0};
        while (*from && ::poll(&fd, 1, 0) > 0 &&
               copy_available(*from, from == &console_ ? 1 : 2,
                              from == &console_ ? nullptr
                                                : &qemu_said_)) {
        }
    }
}
#line 3639 "chapters/04-launcher.nw"
void Launcher::handle_signal() {
    while (int signal = signals_.take()) {
        if (signal == SIGCHLD) {
            if (auto status = qemu_.reap_if_exited()) {
                drain_output();
                show_exits();
                throw RuntimeFailure(
                    qemu_exit_message(*status, qemu_said_));
            }
            continue;
        }
        show_exits();
        if (signal == SIGINT)
            throw StoppedBySignal(signal, "stopped by Ctrl-C (SIGINT)");
        throw StoppedBySignal(signal, std::string("stopped by SIG") +
                                          sigabbrev_np(signal));
    }
}

void Launcher::qemu_is_gone() {
    drain_output();
    show_exits();
    for (int i = 0; i < 100 && qemu_.running(); ++i) {
        if (auto status = qemu_.reap_if_exited()) {
            drain_output();
            throw RuntimeFailure(qemu_exit_message(*status, qemu_said_));
        }
        ::usleep(10000);
    }
    throw RuntimeFailure("QEMU closed the doorbell");
}
#line 3682 "chapters/04-launcher.nw"
HostEvent Launcher::next_event(Deadline deadline,
                               const std::string& waiting_for) {
    for (;;) {
        if (auto event = link_->take_event()) {
            show_exits();
            if (event->event == Event::HostDied) host_died(event->reason);
            return *event;
        }
        show_exits();
        if (!wait_readable(doorbell_.get(), deadline))
            throw RuntimeFailure("no answer from the Host after " +
                                 std::to_string(kStartupTimeout.count()) +
                                 " s while waiting for " + waiting_for);
        char rings[64];
        ssize_t n = ::read(doorbell_.get(), rings, sizeof rings);
        if (n == 0 || (n < 0 && errno != EINTR)) qemu_is_gone();
        devices_->take_kicks();
    }
}
#line 3740 "chapters/04-launcher.nw"
void Launcher::show_exits() {
    if (!exits_) return;
    std::string text;
    for (const std::string& line : exits_->take_lines())
        text += line + '\n';
    write_all(2, std::as_bytes(std::span(text)));
}
#line 3769 "chapters/04-launcher.nw"
void Launcher::host_died(const std::string& reason) {
    drain_output();
    if (options_.accelerator == Accelerator::Kvm)
        throw HostDied(reason + " (with --accel kvm: this computer's "
                                "KVM cannot run the machine;"
                                " --accel tcg will)");
    throw HostDied(reason);
}
#line 3718 "chapters/04-launcher.nw"
void Launcher::device_failed() {
    std::string why = devices_->failure();
    if (why.empty() || !device_failure_.empty())
        return;
    device_failure_ = why;
    devices_->stop_guest();
    ring_doorbell();
}

#line 3390 "chapters/04-launcher.nw"
} // namespace lhv::launcher
