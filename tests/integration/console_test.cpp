// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 3466 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <chrono>
#include <csignal>
#include <string>
#include <thread>
#include <vector>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "harness.hpp"

using namespace lhv::test;
using Catch::Contains;

namespace {
#line 3499 "chapters/03-drivers.nw"
class LhvOnTerminal {
  public:
    explicit LhvOnTerminal(const std::vector<std::string>& arguments);
    ~LhvOnTerminal();
    LhvOnTerminal(const LhvOnTerminal&) = delete;
    LhvOnTerminal& operator=(const LhvOnTerminal&) = delete;

    termios mode() const {
        termios now;
        REQUIRE(::tcgetattr(slave_, &now) == 0);
        return now;
    }
    bool same_mode_as_before() const {
        const termios now = mode();
        return now.c_iflag == before_.c_iflag &&
               now.c_oflag == before_.c_oflag &&
               now.c_cflag == before_.c_cflag &&
               now.c_lflag == before_.c_lflag;
    }
    void type(const std::string& keys) {
        REQUIRE(::write(master_, keys.data(), keys.size()) ==
                ssize_t(keys.size()));
    }
    void signal(int number) { ::kill(pid_, number); }
    bool wait_for(const std::string& text, std::chrono::seconds limit);
    int finish(std::chrono::seconds limit);
    const std::string& screen() const { return screen_; }

  private:
    void read_screen(int milliseconds);

    int master_ = -1, slave_ = -1;
    termios before_;
    pid_t pid_ = -1;
    std::string screen_;
};

#line 3545 "chapters/03-drivers.nw"
LhvOnTerminal::LhvOnTerminal(const std::vector<std::string>& arguments) {
    master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    REQUIRE(master_ >= 0);
    REQUIRE(::grantpt(master_) == 0);
    REQUIRE(::unlockpt(master_) == 0);
    const std::string slave_name = ::ptsname(master_);
    slave_ = ::open(slave_name.c_str(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    REQUIRE(slave_ >= 0);
    REQUIRE(::tcgetattr(slave_, &before_) == 0);
    const std::string program = path_from_environment("LHV");
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const std::string& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    sigset_t all, old;
    sigfillset(&all);
    sigprocmask(SIG_SETMASK, &all, &old);
    const pid_t parent = getpid();
    pid_ = fork();
    if (pid_ == 0) {
        for (int number = 1; number < NSIG; ++number)
            ::signal(number, SIG_DFL);
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent || setsid() < 0 ||
            ioctl(slave_, TIOCSCTTY, 0) < 0)
            _exit(127);
        sigprocmask(SIG_SETMASK, &old, nullptr);
        for (int fd : {0, 1, 2})
            dup2(slave_, fd);
        execv(argv[0], argv.data());
        _exit(127);
    }
    sigprocmask(SIG_SETMASK, &old, nullptr);
    REQUIRE(pid_ > 0);
}
#line 3588 "chapters/03-drivers.nw"
void LhvOnTerminal::read_screen(int milliseconds) {
    pollfd fd{master_, POLLIN, 0};
    if (::poll(&fd, 1, milliseconds) <= 0) return;
    char bytes[4096];
    const ssize_t n = ::read(master_, bytes, sizeof bytes);
    if (n > 0) screen_.append(bytes, std::size_t(n));
}

bool LhvOnTerminal::wait_for(const std::string& text,
                             std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (screen_.find(text) == std::string::npos) {
        if (std::chrono::steady_clock::now() > end) return false;
        read_screen(50);
    }
    return true;
}

int LhvOnTerminal::finish(std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > end) return -1;
        read_screen(50);
    }
    pid_ = -1;
    read_screen(0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

LhvOnTerminal::~LhvOnTerminal() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    ::close(slave_);
    ::close(master_);
}
#line 3486 "chapters/03-drivers.nw"
} // namespace

#line 3637 "chapters/03-drivers.nw"
TEST_CASE("console: a signal or three Ctrl-C give the terminal back",
          "[integration][console]") {
    const bool by_keys = GENERATE(false, true);
    INFO((by_keys ? "three Ctrl-C" : "SIGTERM"));
    LhvOnTerminal lhv({test_guest("console_up")});
    REQUIRE(lhv.wait_for("the console is up", std::chrono::seconds(30)));
    CHECK_FALSE((lhv.mode().c_lflag & (ICANON | ECHO | ISIG)));
    if (by_keys)
        lhv.type("\3\3\3");
    else
        lhv.signal(SIGTERM);
    const int status = lhv.finish(std::chrono::seconds(20));
    INFO(lhv.screen());
    CHECK(status == (by_keys ? 130 : 143));
    CHECK(lhv.same_mode_as_before());
    CHECK_THAT(lhv.screen(), Contains(by_keys ? "lhv: stopped by Ctrl-C"
                                              : "lhv: stopped by SIGTERM"));
}
#line 3662 "chapters/03-drivers.nw"
TEST_CASE("console: a Guest without a console leaves the terminal alone",
          "[integration][console]") {
    LhvOnTerminal lhv({test_guest("spin")});
    REQUIRE(lhv.wait_for(kHostBanner, std::chrono::seconds(30)));
    lhv.wait_for("never printed", std::chrono::seconds(1));
    CHECK(lhv.same_mode_as_before());
    lhv.type("\3");
    const int status = lhv.finish(std::chrono::seconds(20));
    INFO(lhv.screen());
    CHECK(status == 130);
    CHECK(lhv.same_mode_as_before());
}
