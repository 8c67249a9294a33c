// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2957 "chapters/04-launcher.nw"
#include "launcher/machine.hpp"
#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <system_error>
#include <thread>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include "abi/layout.hpp"
#include "launcher/boot_info.hpp"
#include "launcher/errors.hpp"

namespace lhv::launcher {

[[noreturn]] static void fail_with_errno(const std::string& what) {
    throw RuntimeFailure(what + ": " + std::strerror(errno));
}

#line 2997 "chapters/04-launcher.nw"
std::uint32_t machine_ram_mib(std::uint32_t guest_memory_mib) {
    std::uint64_t bytes = std::uint64_t{abi::kHostMemoryBytes} +
                          (std::uint64_t{guest_memory_mib} << 20) +
                          kDevicePages * abi::kPageSize;
    return static_cast<std::uint32_t>((bytes + (1 << 20) - 1) >> 20);
}
#line 333 "chapters/C-posix.nw"
UniqueFd create_ram(std::uint32_t mib) {
    UniqueFd fd{::memfd_create("lhv-ram", MFD_CLOEXEC)};
    if (!fd) fail_with_errno("cannot create the machine's RAM");
    if (::ftruncate(fd.get(), off_t{mib} << 20) != 0)
        fail_with_errno("cannot size the machine's RAM");
    return fd;
}

std::pair<UniqueFd, UniqueFd> socket_pair() {
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        fail_with_errno("socketpair");
    return {UniqueFd{ends[0]}, UniqueFd{ends[1]}};
}
#line 3019 "chapters/04-launcher.nw"
std::vector<std::string> qemu_command_line(const MachineConfig& config) {
    std::string size = std::to_string(config.ram_mib) + "M";
    auto fd = [](int n) { return std::to_string(n); };
    std::vector<std::string> argv = {
        config.qemu, "-name", config.name,
        "-machine", "pc,memory-backend=ram",
        "-object", "memory-backend-file,id=ram,share=on,"
                   "mem-path=/proc/self/fd/" + fd(kQemuRamFd) +
                   ",size=" + size,
        "-m", size, "-kernel", config.host_image,
        "-display", "none", "-no-reboot", "-monitor", "none",
        "-nodefaults",
        "-chardev", "socket,id=con,fd=" + fd(kQemuConsoleFd),
        "-chardev", "socket,id=bell,fd=" + fd(kQemuDoorbellFd),
        "-serial", "chardev:con", "-serial", "chardev:bell",
        "-accel",
        config.accelerator == Accelerator::Kvm ? "kvm" : "tcg"};
    if (config.wait_for_debugger)
        argv.insert(argv.end(),
                    {"-gdb", "tcp::" + std::to_string(config.gdb_port),
                     "-S"});
    if (!config.qemu_log.empty())
        argv.insert(argv.end(),
                    {"-d", "int,cpu_reset", "-D", config.qemu_log});
    return argv;
}
#line 431 "chapters/C-posix.nw"
ChildProcess ChildProcess::spawn(const std::vector<std::string>& argv,
                                 int stderr_fd,
                                 std::span<const int> inherited) {
    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    if (inherited.size() > kMaxInherited)
        throw RuntimeFailure("too many descriptors for a child");
    int keep[kMaxInherited];
    const int count = static_cast<int>(inherited.size());
    std::copy(inherited.begin(), inherited.end(), keep);
    int error_pipe[2];
    if (::pipe2(error_pipe, O_CLOEXEC) != 0) fail_with_errno("pipe");
    UniqueFd error_in{error_pipe[0]}, error_out{error_pipe[1]};
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) fail_with_errno("fork");
    if (pid == 0) {
        
#line 472 "chapters/C-posix.nw"
::prctl(PR_SET_PDEATHSIG, SIGKILL);
if (::getppid() != parent) ::_exit(127);
::setpgid(0, 0);
sigset_t none;
sigemptyset(&none);
::sigprocmask(SIG_SETMASK, &none, nullptr);
::signal(SIGPIPE, SIG_DFL);
int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
if (null > 0) ::dup2(null, STDIN_FILENO);
if (stderr_fd >= 0) ::dup2(stderr_fd, STDERR_FILENO);
#line 508 "chapters/C-posix.nw"
const int first_free = kFirstInheritedFd + count;
int copies[kMaxInherited];
for (int i = 0; i < count; ++i)
    copies[i] = ::fcntl(keep[i], F_DUPFD_CLOEXEC, first_free);
for (int i = 0; i < count; ++i)
    if (copies[i] < 0 || ::dup2(copies[i], kFirstInheritedFd + i) < 0)
        ::_exit(127);
::close_range(static_cast<unsigned>(first_free), ~0U,
              CLOSE_RANGE_CLOEXEC);
#line 483 "chapters/C-posix.nw"
::execvp(args[0], args.data());
int error = errno;
[[maybe_unused]] auto n = ::write(error_out.get(), &error, sizeof error);
::_exit(127);
#line 451 "chapters/C-posix.nw"
    }
    error_out.reset();
    
#line 529 "chapters/C-posix.nw"
int error = 0;
ssize_t n;
do n = ::read(error_in.get(), &error, sizeof error);
while (n < 0 && errno == EINTR);
if (n == sizeof error) {
    ::waitpid(pid, nullptr, 0);
    throw RuntimeFailure("cannot run " + argv[0] + ": " +
                         std::strerror(error));
}
#line 454 "chapters/C-posix.nw"
    return ChildProcess(pid);
}
#line 546 "chapters/C-posix.nw"
std::optional<int> ChildProcess::reap_if_exited() {
    int status = 0;
    if (pid_ <= 0 || ::waitpid(pid_, &status, WNOHANG) != pid_)
        return std::nullopt;
    pid_ = -1;
    return status;
}

void ChildProcess::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        if (reap_if_exited()) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}
#line 572 "chapters/C-posix.nw"
ChildProcess::ChildProcess(ChildProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)) {}

ChildProcess& ChildProcess::operator=(ChildProcess&& other) noexcept {
    if (this != &other) {
        stop();
        pid_ = std::exchange(other.pid_, -1);
    }
    return *this;
}

std::string describe_exit(int status) {
    if (WIFEXITED(status))
        return "exited with status " +
               std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return "was killed by signal " +
               std::to_string(WTERMSIG(status)) + " (SIG" +
               sigabbrev_np(WTERMSIG(status)) + ")";
    return "stopped";
}
#line 3081 "chapters/04-launcher.nw"
std::string qemu_exit_message(int status, std::string_view qemu_said) {
    if (WIFSIGNALED(status))
        return "QEMU was killed from outside by signal " +
               std::to_string(WTERMSIG(status)) + " (SIG" +
               sigabbrev_np(WTERMSIG(status)) + ")";
    constexpr std::string_view kSignalled = "terminating on signal ";
    if (auto at = qemu_said.rfind(kSignalled);
        at != std::string_view::npos) {
        int signal = std::atoi(
            std::string(qemu_said.substr(at + kSignalled.size(), 3))
                .c_str());
        const char* name = signal > 0 ? sigabbrev_np(signal) : nullptr;
        return "QEMU was stopped from outside by signal " +
               std::to_string(signal) + " (SIG" +
               (name ? name : "?") + ")";
    }
    std::string message = "QEMU " + describe_exit(status) +
                          " unexpectedly";
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        message += " (the machine reset: a triple fault in the Host?"
                   " try --qemu-log FILE)";
    return message;
}

#line 2988 "chapters/04-launcher.nw"
} // namespace lhv::launcher
