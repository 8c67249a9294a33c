// generated from chapters/D-harness.nw -- edit the chapter, not this file
#line 714 "chapters/D-harness.nw"
#pragma once
#include <catch2/catch.hpp>
#include <elf.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
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
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>
#include "../support.hpp"

namespace lhv::test {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using Catch::Matchers::Contains;

inline const std::string kHostBanner = "Little Hypervisor Host";
inline const std::string kGuestBanner = "Little Hypervisor Guest: ";

#line 190 "chapters/D-harness.nw"
inline std::vector<pid_t> processes_marked(const std::string& mark) {
    std::vector<pid_t> found;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator("/proc", error)) {
        const std::string pid = entry.path().filename().string();
        if (pid.find_first_not_of("0123456789") != std::string::npos)
            continue;
        std::ifstream file(entry.path() / "environ", std::ios::binary);
        const std::string environment =
            '\0' + std::string{std::istreambuf_iterator<char>(file), {}};
        if (environment.find('\0' + mark + '\0') != std::string::npos)
            found.push_back(std::stoi(pid));
    }
    return found;
}

inline bool is_qemu(pid_t pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/cmdline");
    const std::string command_line{std::istreambuf_iterator<char>(file),
                                   {}};
    return command_line.find("qemu-system") != std::string::npos;
}
#line 235 "chapters/D-harness.nw"
inline bool in_a_temporary_place(const std::string& path) {
    const std::string book = fs::current_path().string() + "/";
    if (path.rfind(book, 0) == 0)
        return false;  // the book's own files, such as its disk
    std::vector<std::string> places = {"/tmp/", "/dev/shm/"};
    if (const char* runtime = std::getenv("XDG_RUNTIME_DIR"))
        places.push_back(std::string(runtime) + "/");
    places.push_back(fs::temp_directory_path().string() + "/");
    for (const std::string& place : places)
        if (path.rfind(place, 0) == 0)
            return true;
    return false;
}

inline void notice_files(pid_t pid, std::set<std::string>& seen) {
    std::error_code error;
    const fs::path fds = "/proc/" + std::to_string(pid) + "/fd";
    for (const auto& fd : fs::directory_iterator(fds, error)) {
        const fs::path target = fs::read_symlink(fd.path(), error);
        if (!error && in_a_temporary_place(target.string()))
            seen.insert(target.string());
    }
}
#line 270 "chapters/D-harness.nw"
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
#line 299 "chapters/D-harness.nw"
class Lhv {
public:
    explicit Lhv(const std::vector<std::string>& arguments)
        : Lhv(path_from_environment("LHV"), arguments) {}
    Lhv(const std::string& program,
        const std::vector<std::string>& arguments,
        const std::vector<std::string>& environment = {});
    ~Lhv();
    Lhv(const Lhv&) = delete;
    Lhv& operator=(const Lhv&) = delete;

    const std::string& out() const { return outcome_.out; }
    bool running() const;
    std::vector<pid_t> processes() const { return processes_marked(mark_); }
    std::vector<pid_t> qemu() const;
    template <class Condition>
    bool wait_until(Condition done, std::chrono::milliseconds limit);
    void signal(int number) { send(pid_, number); }
    void signal_group(int number) { send(-pid_, number); }
    Outcome finish(std::chrono::seconds limit = 60s);

private:
    void send(pid_t to, int number) {
        notice_all_files();
        if (pid_ > 0)  // never kill(-1) or kill(1): that is everyone
            ::kill(to, number);
    }
    void pump(std::chrono::milliseconds wait);
    void notice_all_files();
    void check_nothing_is_left(bool allow_a_moment);
    void kill_everything();

    std::string mark_;
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    Outcome outcome_;
    std::set<std::string> files_seen_;
};

#line 362 "chapters/D-harness.nw"
inline Lhv::Lhv(const std::string& program,
                const std::vector<std::string>& arguments,
                const std::vector<std::string>& environment) {
    static int runs = 0;
    mark_ = "LHV_TEST_RUN_" + std::to_string(getpid()) + "_" +
            std::to_string(++runs) + "=1";
    std::vector<std::string> variables = environment;
    variables.push_back(mark_);
    std::vector<char*> envp;
    for (std::string& variable : variables)
        envp.push_back(variable.data());
    for (char** inherited = environ; *inherited; ++inherited)
        envp.push_back(*inherited);
    envp.push_back(nullptr);
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    int out[2], err[2];
    REQUIRE(pipe2(out, O_CLOEXEC) == 0);
    REQUIRE(pipe2(err, O_CLOEXEC) == 0);
    
#line 415 "chapters/D-harness.nw"
sigset_t all, old;
sigfillset(&all);
sigprocmask(SIG_SETMASK, &all, &old);
const pid_t parent = getpid();
pid_ = fork();
if (pid_ == 0) {
    for (int number = 1; number < NSIG; ++number)
        ::signal(number, SIG_DFL);
    prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != parent)
        _exit(127);
    setpgid(0, 0);
    sigprocmask(SIG_SETMASK, &old, nullptr);
    int null = open("/dev/null", O_RDONLY);
    dup2(null, STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    execve(argv[0], argv.data(), envp.data());
    std::perror(argv[0]);
    _exit(127);
}
sigprocmask(SIG_SETMASK, &old, nullptr);
REQUIRE(pid_ > 0);
#line 384 "chapters/D-harness.nw"
    setpgid(pid_, pid_);
    close(out[1]);
    close(err[1]);
    out_fd_ = out[0];
    err_fd_ = err[0];
    fcntl(out_fd_, F_SETFL, O_NONBLOCK);
    fcntl(err_fd_, F_SETFL, O_NONBLOCK);
}
#line 451 "chapters/D-harness.nw"
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

inline void Lhv::notice_all_files() {
    for (pid_t pid : processes())
        notice_files(pid, files_seen_);
}

inline void Lhv::pump(std::chrono::milliseconds wait) {
    pollfd fds[] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}};
    poll(fds, 2, static_cast<int>(wait.count()));
    read_available(out_fd_, outcome_.out);
    read_available(err_fd_, outcome_.err);
    notice_all_files();
}
#line 487 "chapters/D-harness.nw"
inline bool Lhv::running() const {
    siginfo_t info{};
    return pid_ > 0 &&
           waitid(P_PID, static_cast<id_t>(pid_), &info,
                  WEXITED | WNOHANG | WNOWAIT) == 0 &&
           info.si_pid == 0;
}

inline std::vector<pid_t> Lhv::qemu() const {
    std::vector<pid_t> found;
    for (pid_t pid : processes())
        if (is_qemu(pid))
            found.push_back(pid);
    return found;
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
#line 522 "chapters/D-harness.nw"
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
    
#line 551 "chapters/D-harness.nw"
if (WIFEXITED(status)) {
    outcome_.exit_code = WEXITSTATUS(status);
} else if (WIFSIGNALED(status)) {
    outcome_.signal = WTERMSIG(status);
    outcome_.exit_code = 128 + outcome_.signal;
}
#line 538 "chapters/D-harness.nw"
    INFO(describe(outcome_));
    check_nothing_is_left(WIFSIGNALED(status));
    return outcome_;
}
#line 570 "chapters/D-harness.nw"
inline void Lhv::check_nothing_is_left(bool allow_a_moment) {
    const auto deadline = Clock::now() + (allow_a_moment ? 5s : 0s);
    while (!processes().empty() && Clock::now() < deadline)
        std::this_thread::sleep_for(10ms);
    CHECK(processes() == std::vector<pid_t>{});
    for (const std::string& file : files_seen_) {
        INFO("the run held " << file);
        CHECK_FALSE(fs::exists(file));
    }
}
#line 590 "chapters/D-harness.nw"
inline void Lhv::kill_everything() {
    if (pid_ > 0) {
        ::kill(-pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    for (pid_t process : processes())
        ::kill(process, SIGKILL);
}

inline Lhv::~Lhv() {
    kill_everything();
    for (int fd : {out_fd_, err_fd_})
        if (fd >= 0)
            close(fd);
}
#line 612 "chapters/D-harness.nw"
inline Outcome run_lhv(const std::vector<std::string>& arguments) {
    return Lhv(arguments).finish();
}
#line 1717 "chapters/02-guest.nw"
inline uint32_t elf_entry(const std::string& path) {
    Elf32_Ehdr header{};
    std::ifstream file(path, std::ios::binary);
    file.read(reinterpret_cast<char*>(&header), sizeof header);
    REQUIRE(file.gcount() == static_cast<std::streamsize>(sizeof header));
    REQUIRE(std::memcmp(header.e_ident, ELFMAG, SELFMAG) == 0);
    REQUIRE(header.e_ident[EI_CLASS] == ELFCLASS32);
    return header.e_entry;
}
#line 1731 "chapters/02-guest.nw"
inline std::string eip_text(uint32_t eip) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", eip);
    return text;
}
#line 646 "chapters/D-harness.nw"
inline const std::string kHostIntact =
    "lhv: host self-check: code, descriptor tables, page tables and "
    "processor state as at boot";

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::string::size_type at = 0, end;
    while ((end = text.find('\n', at)) != std::string::npos) {
        lines.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    if (at < text.size())
        lines.push_back(text.substr(at));
    return lines;
}

struct Survived {
    Outcome run;
    std::vector<std::string> deaths;  // one line per rogue, in order
};

inline Survived run_then_healthy(
    const std::vector<std::string>& rogues,
    const std::vector<std::string>& words = {},
    const std::vector<std::string>& options = {}) {
    REQUIRE(!rogues.empty());
    std::vector<std::string> arguments = options;
    for (std::size_t i = 1; i < rogues.size(); ++i)
        arguments.insert(arguments.end(), {"--then", rogues[i]});
    arguments.insert(arguments.end(),
                     {"--then", path_from_environment("LHV_GUEST"),
                      rogues.front()});
    arguments.insert(arguments.end(), words.begin(), words.end());
    Survived result{run_lhv(arguments), {}};
    const Outcome& run = result.run;
    INFO(describe(run));
    const std::vector<std::string> lines = lines_of(run.err);
    const std::size_t n = rogues.size();
    REQUIRE(lines.size() == 2 * n + 2);
    for (std::size_t i = 0; i < n; ++i) {
        INFO(rogues[i]);
        CHECK_THAT(lines[2 * i], Catch::StartsWith("lhv: guest died: "));
        CHECK(lines[2 * i + 1] == kHostIntact);
        result.deaths.push_back(lines[2 * i]);
    }
    CHECK(lines[2 * n] == "lhv: guest powered off");
    CHECK(lines[2 * n + 1] == kHostIntact);
    const auto banner = run.out.find(kHostBanner);
    CHECK(banner != std::string::npos);
    CHECK(banner == run.out.rfind(kHostBanner));
    CHECK_THAT(run.out, Contains(kGuestBanner +
                                 "booted at ring 1 with 32 MiB\n"));
    CHECK_THAT(run.out, Catch::EndsWith("hello from ring 3: pid 1\n" +
                                        kGuestBanner +
                                        "init exited with status 0\n"));
    CHECK(run.exit_code == 1);
    return result;
}

#line 759 "chapters/D-harness.nw"
} // namespace lhv::test
