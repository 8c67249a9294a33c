// generated from chapters/02-guest.nw -- edit the chapter, not this file
#line 923 "chapters/02-guest.nw"
#pragma once
#include <catch2/catch.hpp>
#include <elf.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace lhv::test {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Catch::Matchers::Contains;

inline const std::string kHostBanner = "Little Hypervisor Host";
inline const std::string kGuestBanner = "Little Hypervisor Guest: ";

#line 591 "chapters/02-guest.nw"
inline std::string path_from_environment(const char* name) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0')
        FAIL(name << " is not set: run the integration tests"
                  " with `make test`");
    return value;
}

inline std::string test_guest(const std::string& name) {
    return path_from_environment("LHV_TEST_GUESTS") + "/" + name + ".elf";
}
#line 611 "chapters/02-guest.nw"
class TemporaryDirectory {
public:
    TemporaryDirectory() {
        std::string path =
            (fs::temp_directory_path() / "lhv-test-XXXXXX").string();
        REQUIRE(mkdtemp(path.data()) != nullptr);
        path_ = path;
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    TemporaryDirectory(const TemporaryDirectory&) = delete;
    TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;

    const fs::path& path() const { return path_; }
    
#line 635 "chapters/02-guest.nw"
std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path_))
        names.push_back(entry.path().filename().string());
    return names;
}

#line 629 "chapters/02-guest.nw"
private:
    fs::path path_;
};
#line 653 "chapters/02-guest.nw"
inline std::vector<pid_t> qemu_processes_using(const fs::path& dir) {
    std::vector<pid_t> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator("/proc", error)) {
        const std::string pid = entry.path().filename().string();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream file(entry.path() / "cmdline", std::ios::binary);
        const std::string command_line{
            std::istreambuf_iterator<char>(file), {}};
        if (command_line.find("qemu-system") != std::string::npos &&
            command_line.find(dir.string()) != std::string::npos)
            found.push_back(std::stoi(pid));
    }
    return found;
}
#line 678 "chapters/02-guest.nw"
struct Outcome {
    int exit_code = -1;  // 128 + signal if a signal ended it
    int signal = 0;      // the signal that ended it, or 0
    std::string out;
    std::string err;
};

inline std::string describe(const Outcome& outcome) {
    return "lhv exited with status " +
           std::to_string(outcome.exit_code) + "\n--- stdout:\n" +
           outcome.out + "\n--- stderr:\n" + outcome.err;
}
#line 702 "chapters/02-guest.nw"
class Lhv {
public:
    explicit Lhv(const std::vector<std::string>& arguments);
    ~Lhv();
    Lhv(const Lhv&) = delete;
    Lhv& operator=(const Lhv&) = delete;

    const fs::path& runtime_dir() const { return dir_.path(); }
    const std::string& out() const { return outcome_.out; }
    bool running() const;
    template <class Condition>
    bool wait_until(Condition done, std::chrono::milliseconds limit);
    void signal(int number) { send(pid_, number); }
    void signal_group(int number) { send(-pid_, number); }
    Outcome finish(std::chrono::seconds limit = 60s);

private:
    void send(pid_t to, int number) const {
        if (pid_ > 0)  // never kill(-1) or kill(1): that is everyone
            ::kill(to, number);
    }
    void pump(std::chrono::milliseconds wait);
    void kill_everything();

    TemporaryDirectory dir_;
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    Outcome outcome_;
};

#line 749 "chapters/02-guest.nw"
inline Lhv::Lhv(const std::vector<std::string>& arguments) {
    std::string lhv = path_from_environment("LHV");
    int out[2], err[2];
    REQUIRE(pipe2(out, O_CLOEXEC) == 0);
    REQUIRE(pipe2(err, O_CLOEXEC) == 0);
    pid_ = fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
        
#line 775 "chapters/02-guest.nw"
setpgid(0, 0);
dup2(out[1], STDOUT_FILENO);
dup2(err[1], STDERR_FILENO);
setenv("LHV_RUNTIME_DIR", dir_.path().c_str(), 1);
std::vector<char*> argv{lhv.data()};
for (const std::string& argument : arguments)
    argv.push_back(const_cast<char*>(argument.c_str()));
argv.push_back(nullptr);
execv(lhv.c_str(), argv.data());
std::perror(lhv.c_str());
_exit(127);
#line 758 "chapters/02-guest.nw"
    }
    setpgid(pid_, pid_);
    close(out[1]);
    close(err[1]);
    out_fd_ = out[0];
    err_fd_ = err[0];
    fcntl(out_fd_, F_SETFL, O_NONBLOCK);
    fcntl(err_fd_, F_SETFL, O_NONBLOCK);
}
#line 798 "chapters/02-guest.nw"
inline void read_available(int& fd, std::string& into) {
    char buffer[4096];
    ssize_t count;
    while (fd >= 0 && (count = read(fd, buffer, sizeof buffer)) != 0) {
        if (count < 0)
            return;  // nothing more for now
        into.append(buffer, static_cast<std::size_t>(count));
    }
    if (fd >= 0) {
        close(fd);  // end of file
        fd = -1;
    }
}

inline void Lhv::pump(std::chrono::milliseconds wait) {
    pollfd fds[] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    poll(fds, 2, static_cast<int>(wait.count()));
    read_available(out_fd_, outcome_.out);
    read_available(err_fd_, outcome_.err);
}
#line 828 "chapters/02-guest.nw"
inline bool Lhv::running() const {
    siginfo_t info{};
    return pid_ > 0 &&
           waitid(P_PID, static_cast<id_t>(pid_), &info,
                  WEXITED | WNOHANG | WNOWAIT) == 0 &&
           info.si_pid == 0;
}

template <class Condition>
bool Lhv::wait_until(Condition done, std::chrono::milliseconds limit) {
    const auto deadline = Clock::now() + limit;
    while (!done()) {
        if (!running() || Clock::now() > deadline)
            return false;
        pump(50ms);
    }
    return true;
}
#line 859 "chapters/02-guest.nw"
inline Outcome Lhv::finish(std::chrono::seconds limit) {
    const auto deadline = Clock::now() + limit;
    int status = 0;
    pid_t exited;
    while ((exited = waitpid(pid_, &status, WNOHANG)) == 0) {
        if (Clock::now() > deadline) {
            kill_everything();
            FAIL("lhv did not finish within " << limit.count()
                 << " s\n" << describe(outcome_));
        }
        pump(50ms);
    }
    REQUIRE(exited == pid_);
    pid_ = -1;
    pump(0ms);
    
#line 883 "chapters/02-guest.nw"
if (WIFEXITED(status)) {
    outcome_.exit_code = WEXITSTATUS(status);
} else if (WIFSIGNALED(status)) {
    outcome_.signal = WTERMSIG(status);
    outcome_.exit_code = 128 + outcome_.signal;
}
#line 875 "chapters/02-guest.nw"
    INFO(describe(outcome_));
    CHECK(dir_.entries() == std::vector<std::string>{});
    CHECK(qemu_processes_using(dir_.path()) == std::vector<pid_t>{});
    return outcome_;
}
#line 892 "chapters/02-guest.nw"
inline void Lhv::kill_everything() {
    if (pid_ > 0) {
        ::kill(-pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    for (pid_t qemu : qemu_processes_using(dir_.path()))
        ::kill(qemu, SIGKILL);
}

inline Lhv::~Lhv() {
    kill_everything();
    for (int fd : {out_fd_, err_fd_})
        if (fd >= 0)
            close(fd);
}
#line 914 "chapters/02-guest.nw"
inline Outcome run_lhv(const std::vector<std::string>& arguments) {
    return Lhv(arguments).finish();
}
#line 1274 "chapters/02-guest.nw"
inline uint32_t elf_entry(const std::string& path) {
    Elf32_Ehdr header{};
    std::ifstream file(path, std::ios::binary);
    file.read(reinterpret_cast<char*>(&header), sizeof header);
    REQUIRE(file.gcount() == static_cast<std::streamsize>(sizeof header));
    REQUIRE(std::memcmp(header.e_ident, ELFMAG, SELFMAG) == 0);
    REQUIRE(header.e_ident[EI_CLASS] == ELFCLASS32);
    return header.e_entry;
}
#line 1288 "chapters/02-guest.nw"
inline std::string eip_text(uint32_t eip) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", eip);
    return text;
}

#line 962 "chapters/02-guest.nw"
} // namespace lhv::test
