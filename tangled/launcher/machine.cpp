// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2377 "chapters/04-launcher.nw"
#include "launcher/machine.hpp"
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <system_error>
#include <thread>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include "abi/layout.hpp"
#include "launcher/boot_info.hpp"
#include "launcher/errors.hpp"

namespace lhv::launcher {

[[noreturn]] static void fail_with_errno(const std::string& what) {
    throw RuntimeFailure(what + ": " + std::strerror(errno));
}

#line 2418 "chapters/04-launcher.nw"
std::string choose_runtime_base(const char* lhv_runtime_dir,
                                const char* xdg_runtime_dir) {
    if (lhv_runtime_dir && *lhv_runtime_dir) return lhv_runtime_dir;
    if (xdg_runtime_dir && *xdg_runtime_dir) return xdg_runtime_dir;
    struct stat status;
    if (::stat("/dev/shm", &status) == 0 && S_ISDIR(status.st_mode))
        return "/dev/shm";
    return "/tmp";
}
#line 2434 "chapters/04-launcher.nw"
RuntimeDir::RuntimeDir(const std::string& base) {
    std::string pattern = base + "/lhv-XXXXXX";
    if (!::mkdtemp(pattern.data()))
        fail_with_errno("cannot create a directory in " + base);
    path_ = pattern;
}

std::string RuntimeDir::file(const std::string& name) {
    names_.push_back(name);
    return path_ + "/" + name;
}

void RuntimeDir::remove(const std::string& name) {
    ::unlink((path_ + "/" + name).c_str());
}

void RuntimeDir::remove_all() {
    if (path_.empty()) return;
    for (const std::string& name : names_) remove(name);
    ::rmdir(path_.c_str());
    path_.clear();
}
#line 2459 "chapters/04-launcher.nw"
std::uint32_t machine_ram_mib(std::uint32_t guest_memory_mib) {
    std::uint64_t bytes = std::uint64_t{abi::kHostMemoryBytes} +
                          (std::uint64_t{guest_memory_mib} << 20) +
                          kDevicePages * abi::kPageSize;
    return static_cast<std::uint32_t>((bytes + (1 << 20) - 1) >> 20);
}
#line 2473 "chapters/04-launcher.nw"
static std::string qemu_quote(const std::string& path) {
    std::string quoted;
    for (char c : path) {
        quoted += c;
        if (c == ',') quoted += ',';
    }
    return quoted;
}
#line 2497 "chapters/04-launcher.nw"
std::vector<std::string> qemu_command_line(const MachineConfig& config) {
    std::string dir = qemu_quote(config.runtime_dir);
    std::string size = std::to_string(config.ram_mib) + "M";
    std::vector<std::string> argv = {
        config.qemu, "-machine", "pc,memory-backend=ram",
        "-object", "memory-backend-file,id=ram,share=on,mem-path=" +
                       dir + "/ram,size=" + size,
        "-m", size, "-kernel", config.host_image,
        "-display", "none", "-no-reboot", "-monitor", "none",
        "-nodefaults",
        "-chardev", "socket,id=con,path=" + dir + "/console",
        "-chardev", "socket,id=bell,path=" + dir + "/doorbell",
        "-serial", "chardev:con", "-serial", "chardev:bell",
        "-accel",
        config.accelerator == Accelerator::Kvm ? "kvm" : "tcg"};
    if (config.wait_for_debugger)
        argv.insert(argv.end(),
                    {"-gdb", "tcp::" + std::to_string(config.gdb_port),
                     "-S"});
    if (!config.trace_file.empty())
        argv.insert(argv.end(),
                    {"-d", "int,cpu_reset", "-D", config.trace_file});
    return argv;
}
#line 2536 "chapters/04-launcher.nw"
ChildProcess ChildProcess::spawn(const std::vector<std::string>& argv,
                                 int stderr_fd) {
    std::vector<char*> args;
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    int error_pipe[2];
    if (::pipe2(error_pipe, O_CLOEXEC) != 0) fail_with_errno("pipe");
    UniqueFd error_in{error_pipe[0]}, error_out{error_pipe[1]};
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) fail_with_errno("fork");
    if (pid == 0) {
        
#line 2567 "chapters/04-launcher.nw"
::prctl(PR_SET_PDEATHSIG, SIGKILL);
if (::getppid() != parent) ::_exit(127);
::setpgid(0, 0);
sigset_t none;
sigemptyset(&none);
::sigprocmask(SIG_SETMASK, &none, nullptr);
::signal(SIGPIPE, SIG_DFL);
int null = ::open("/dev/null", O_RDONLY);
if (null >= 0) ::dup2(null, STDIN_FILENO);
if (stderr_fd >= 0) ::dup2(stderr_fd, STDERR_FILENO);
::execvp(args[0], args.data());
int error = errno;
[[maybe_unused]] auto n = ::write(error_out.get(), &error, sizeof error);
::_exit(127);
#line 2550 "chapters/04-launcher.nw"
    }
    error_out.reset();
    
#line 2584 "chapters/04-launcher.nw"
int error = 0;
ssize_t n;
do n = ::read(error_in.get(), &error, sizeof error);
while (n < 0 && errno == EINTR);
if (n == sizeof error) {
    ::waitpid(pid, nullptr, 0);
    throw RuntimeFailure("cannot run " + argv[0] + ": " +
                         std::strerror(error));
}
#line 2553 "chapters/04-launcher.nw"
    return ChildProcess(pid);
}
#line 2601 "chapters/04-launcher.nw"
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
#line 2627 "chapters/04-launcher.nw"
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
        return std::string("killed by signal ") +
               strsignal(WTERMSIG(status));
    return "stopped";
}
#line 2654 "chapters/04-launcher.nw"
UniqueFd listen_on(const std::string& path) {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof address.sun_path)
        throw RuntimeFailure("socket path too long: " + path);
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
    UniqueFd fd{::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)};
    if (!fd) fail_with_errno("socket");
    if (::bind(fd.get(), reinterpret_cast<sockaddr*>(&address),
               sizeof address) != 0 ||
        ::listen(fd.get(), 1) != 0)
        fail_with_errno("cannot listen on " + path);
    return fd;
}

#line 2409 "chapters/04-launcher.nw"
} // namespace lhv::launcher
