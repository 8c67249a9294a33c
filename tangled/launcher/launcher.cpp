// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2956 "chapters/04-launcher.nw"
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

namespace lhv::launcher {

using abi::Event;
using abi::Request;

#line 2995 "chapters/04-launcher.nw"
int Deadline::poll_timeout() const {
    if (!when_) return -1;
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        *when_ - std::chrono::steady_clock::now());
    return static_cast<int>(std::max<long long>(0, left.count()));
}
#line 3009 "chapters/04-launcher.nw"
Launcher::Launcher(const Options& options, const std::string& host_image,
                   const GuestImage& image,
                   std::span<const std::byte> file)
    : options_(options), host_image_(host_image), image_(image),
      file_(file), ram_bytes_(options.memory_mib << 20) {}
#line 3020 "chapters/04-launcher.nw"
int Launcher::run() {
    start_machine();
    wait_for_host();
    load_guest();
    initialize_guest();
    return run_guest();
}
#line 3039 "chapters/04-launcher.nw"
void Launcher::start_machine() {
    runtime_.emplace(choose_runtime_base(std::getenv("LHV_RUNTIME_DIR"),
                                         std::getenv("XDG_RUNTIME_DIR")));
    std::uint32_t ram_mib = machine_ram_mib(options_.memory_mib);
    std::string ram_path = runtime_->file("ram");
    ram_file_ = UniqueFd{::open(ram_path.c_str(),
                                O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
                                0600)};
    if (!ram_file_ ||
        ::ftruncate(ram_file_.get(), off_t{ram_mib} << 20) != 0)
        throw RuntimeFailure("cannot create " + ram_path + ": " +
                             std::strerror(errno));
    ram_ = Mapping(ram_file_.get(), std::size_t{ram_mib} << 20);
    MachineMemory machine(ram_.bytes());
    link_.emplace(machine.object_at<abi::Mailbox>(
        MachinePhysical{abi::kMailboxAddress}));
    console_listener_ = listen_on(runtime_->file("console"));
    doorbell_listener_ = listen_on(runtime_->file("doorbell"));
    
#line 3080 "chapters/04-launcher.nw"
int error_pipe[2];
if (::pipe2(error_pipe, O_CLOEXEC) != 0)
    throw RuntimeFailure("pipe: " + std::string(std::strerror(errno)));
qemu_errors_ = UniqueFd{error_pipe[0]};
UniqueFd error_out{error_pipe[1]};
MachineConfig config;
if (const char* qemu = std::getenv("LHV_QEMU"); qemu && *qemu)
    config.qemu = qemu;
config.host_image = host_image_;
config.runtime_dir = runtime_->path();
config.ram_mib = ram_mib;
config.accelerator = options_.accelerator;
config.wait_for_debugger = options_.wait_for_debugger;
config.gdb_port = options_.gdb_port;
config.trace_file = options_.trace_file;
qemu_ = ChildProcess::spawn(qemu_command_line(config), error_out.get());
if (options_.wait_for_debugger)
    std::cerr << "lhv: the machine waits for a debugger; attach with\n"
              << "  gdb " << host_image_
              << " -ex 'target remote localhost:"
              << options_.gdb_port << "'\n";
#line 3058 "chapters/04-launcher.nw"
    console_ = accept_from_qemu(console_listener_, "console");
    doorbell_ = accept_from_qemu(doorbell_listener_, "doorbell");
    runtime_->remove("console");
    runtime_->remove("doorbell");
}
#line 3110 "chapters/04-launcher.nw"
UniqueFd Launcher::accept_from_qemu(const UniqueFd& listener,
                                    const std::string& name) {
    if (!wait_readable(listener.get(), Deadline::after(kStartupTimeout)))
        throw RuntimeFailure("QEMU did not connect to the " + name +
                             " socket");
    UniqueFd connection{::accept4(listener.get(), nullptr, nullptr,
                                  SOCK_CLOEXEC)};
    if (!connection)
        throw RuntimeFailure("accept: " +
                             std::string(std::strerror(errno)));
    return connection;
}
#line 3296 "chapters/04-launcher.nw"
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
    runtime_->remove_all();
}
#line 3321 "chapters/04-launcher.nw"
void Launcher::load_guest() {
    MachineMemory machine(ram_.bytes());
    GuestMemory memory =
        machine.guest(ram_bytes_, kDevicePages * abi::kPageSize);
    load_guest_image(image_, file_, memory);
    write_boot_info(memory, options_.guest_command_line);
    clear_device_pages(memory);
}
#line 3340 "chapters/04-launcher.nw"
void Launcher::initialize_guest() {
    std::uint32_t pfn_limit =
        ram_bytes_ / abi::kPageSize + kDevicePages;
    link_->post(Request::Initialize,
                {abi::kGuestBase, pfn_limit, image_.entry.value,
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
#line 3372 "chapters/04-launcher.nw"
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
        
#line 3393 "chapters/04-launcher.nw"
case Event::GuestDied:
    throw GuestDied(event.reason);
case Event::PowerOff:
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
#line 3383 "chapters/04-launcher.nw"
        }
    }
}
#line 3423 "chapters/04-launcher.nw"
void Launcher::handle_notify(GuestPhysical address) {
    constexpr std::uint32_t kEarlyConsoleLimit = 4096;
    auto text = MachineMemory(ram_.bytes())
                    .guest(ram_bytes_, kDevicePages * abi::kPageSize)
                    .string_at(address, kEarlyConsoleLimit);
    if (!text)
        throw GuestDied("NOTIFY address " + in_hex(address.value) +
                        " outside guest memory");
    write_all(1, std::as_bytes(std::span(*text)));
}
#line 3156 "chapters/04-launcher.nw"
bool Launcher::wait_readable(int fd, Deadline deadline) {
    for (;;) {
        pollfd fds[] = {{signals_.fd(), POLLIN, 0},
                        {console_.get(), POLLIN, 0},
                        {qemu_errors_.get(), POLLIN, 0},
                        {fd, POLLIN, 0}};
        int ready = ::poll(fds, 4, deadline.poll_timeout());
        if (ready < 0 && errno == EINTR) continue;
        if (ready < 0)
            throw RuntimeFailure("poll: " +
                                 std::string(std::strerror(errno)));
        if (ready == 0) return false;
        if (fds[1].revents) copy_console();
        if (fds[2].revents) copy_qemu_errors();
        if (fds[0].revents) handle_signal();
        if (fds[3].revents) return true;
    }
}
#line 3183 "chapters/04-launcher.nw"
static bool copy_available(UniqueFd& from, int to) {
    std::byte buffer[4096];
    ssize_t n = ::read(from.get(), buffer, sizeof buffer);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return true;
    if (n <= 0) {
        from.reset();
        return false;
    }
    write_all(to, std::span(buffer, static_cast<std::size_t>(n)));
    return true;
}

void Launcher::copy_console() { copy_available(console_, 1); }
void Launcher::copy_qemu_errors() { copy_available(qemu_errors_, 2); }

void Launcher::drain_output() {
    for (UniqueFd* from : {&console_, &qemu_errors_}) {
        pollfd fd = {from->get(), POLLIN, 0};
        while (*from && ::poll(&fd, 1, 0) > 0 &&
               copy_available(*from, from == &console_ ? 1 : 2)) {
        }
    }
}
#line 3221 "chapters/04-launcher.nw"
static std::string qemu_exit_message(int status) {
    std::string message = "QEMU " + describe_exit(status) +
                          " unexpectedly";
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        message += " (the machine reset: a triple fault in the Host?"
                   " try --trace FILE)";
    return message;
}

void Launcher::handle_signal() {
    while (int signal = signals_.take()) {
        if (signal == SIGCHLD) {
            if (auto status = qemu_.reap_if_exited()) {
                drain_output();
                throw RuntimeFailure(qemu_exit_message(*status));
            }
            continue;
        }
        if (signal == SIGINT)
            throw RuntimeFailure("stopped by Ctrl-C (SIGINT)");
        throw RuntimeFailure(std::string("stopped by SIG") +
                             sigabbrev_np(signal));
    }
}

void Launcher::qemu_is_gone() {
    drain_output();
    for (int i = 0; i < 100 && qemu_.running(); ++i) {
        if (auto status = qemu_.reap_if_exited())
            throw RuntimeFailure(qemu_exit_message(*status));
        ::usleep(10000);
    }
    throw RuntimeFailure("QEMU closed the doorbell");
}
#line 3267 "chapters/04-launcher.nw"
HostEvent Launcher::next_event(Deadline deadline,
                               const std::string& waiting_for) {
    for (;;) {
        if (auto event = link_->take_event()) return *event;
        if (!wait_readable(doorbell_.get(), deadline))
            throw RuntimeFailure("no answer from the Host after " +
                                 std::to_string(kStartupTimeout.count()) +
                                 " s while waiting for " + waiting_for);
        char rings[64];
        ssize_t n = ::read(doorbell_.get(), rings, sizeof rings);
        if (n == 0 || (n < 0 && errno != EINTR)) qemu_is_gone();
    }
}

#line 2991 "chapters/04-launcher.nw"
} // namespace lhv::launcher
