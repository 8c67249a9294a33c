// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 2647 "chapters/03-drivers.nw"
#include "launcher/console.hpp"
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <unistd.h>
#include "launcher/errors.hpp"
#include "launcher/posix.hpp"

namespace lhv::launcher {

#line 2696 "chapters/03-drivers.nw"
namespace {

constexpr int kCrashSignals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE,
                                 SIGABRT};
constexpr std::size_t kCrashSignalCount = std::size(kCrashSignals);

bool guarding = false;
int guarded_fd = -1;
termios guarded_mode;
struct sigaction replaced[kCrashSignalCount];

void restore_terminal_and_crash(int signal) {
    ::tcsetattr(guarded_fd, TCSANOW, &guarded_mode);
    for (std::size_t i = 0; i < kCrashSignalCount; ++i)
        if (kCrashSignals[i] == signal)
            ::sigaction(signal, &replaced[i], nullptr);
    ::raise(signal);
}

void guard_against_crashes(int fd, const termios& mode) {
    guarded_fd = fd;
    guarded_mode = mode;
    struct sigaction action {};
    action.sa_handler = restore_terminal_and_crash;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_NODEFER;
    for (std::size_t i = 0; i < kCrashSignalCount; ++i)
        ::sigaction(kCrashSignals[i], &action, &replaced[i]);
}

void stop_guarding() {
    for (std::size_t i = 0; i < kCrashSignalCount; ++i)
        ::sigaction(kCrashSignals[i], &replaced[i], nullptr);
}

} // namespace
#line 2759 "chapters/03-drivers.nw"
RawTerminal::RawTerminal(int fd) : fd_(fd) {
    if (guarding)
        throw std::logic_error("one raw terminal at a time");
    if (::tcgetattr(fd, &saved_) != 0)
        throw std::system_error(errno, std::generic_category(),
                                "cannot read the terminal's mode");
    termios raw = saved_;
    raw.c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR |
                     ICRNL | IXON);
    raw.c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    raw.c_cflag &= ~(CSIZE | PARENB);
    raw.c_cflag |= CS8;
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    guard_against_crashes(fd, saved_);
    if (::tcsetattr(fd, TCSANOW, &raw) != 0) {
        const int error = errno;
        stop_guarding();
        throw std::system_error(error, std::generic_category(),
                                "cannot make the terminal raw");
    }
    guarding = true;
}

RawTerminal::~RawTerminal() {
    ::tcsetattr(fd_, TCSANOW, &saved_);
    stop_guarding();
    guarding = false;
}
#line 2804 "chapters/03-drivers.nw"
ConsoleDevice::ConsoleDevice(int in_fd, int out_fd,
                             std::function<void()> quit)
    : in_fd_(in_fd), out_fd_(out_fd), from_terminal_(::isatty(in_fd)),
      quit_(std::move(quit)) {}

void ConsoleDevice::accept(std::uint32_t) {
    if (from_terminal_ && !terminal_) terminal_.emplace(in_fd_);
}

void ConsoleDevice::interrupt_launcher() { ::kill(::getpid(), SIGINT); }

std::unique_ptr<Device> make_console(int in_fd, int out_fd) {
    return std::make_unique<ConsoleDevice>(in_fd, out_fd);
}
#line 2830 "chapters/03-drivers.nw"
bool ConsoleDevice::serve(std::uint32_t kicked,
                          std::span<Virtqueue> queues) {
    if (queues.size() != 2)
        throw std::logic_error("the console has two queues");
    if (kicked == kReceiveQueue) return deliver(queues[kReceiveQueue]);
    if (kicked == kTransmitQueue) return transmit(queues[kTransmitQueue]);
    throw std::logic_error("the console has no queue " +
                           std::to_string(kicked));
}

bool ConsoleDevice::transmit(Virtqueue& queue) {
    bool used = false;
    while (auto chain = queue.pop()) {
        for (auto buffer : chain->readable) {
            if (output_lost_) break;
            try {
                write_all(out_fd_, buffer);
            } catch (const std::system_error&) {
                output_lost_ = true;
            }
        }
        queue.push(*chain, 0);
        used = true;
    }
    return used;
}
#line 2865 "chapters/03-drivers.nw"
bool ConsoleDevice::wants_input() const {
    if (input_ended_ || quitting_) return false;
    return from_terminal_ || waiting_.size() < kWaitingMost;
}
#line 2883 "chapters/03-drivers.nw"
bool ConsoleDevice::input(std::span<Virtqueue> queues) {
    char bytes[256];
    std::size_t room = sizeof bytes;
    if (!from_terminal_)
        room = std::min(room, kWaitingMost - std::min(kWaitingMost,
                                                      waiting_.size()));
    if (!input_ended_ && !quitting_ && room > 0) {
        ssize_t n = ::read(in_fd_, bytes, room);
        if (n > 0)
            take({bytes, static_cast<std::size_t>(n)});
        else if (n == 0 || (errno != EINTR && errno != EAGAIN))
            input_ended_ = true;
    }
    if (queues.size() <= kReceiveQueue) return false;
    return deliver(queues[kReceiveQueue]);
}
#line 2906 "chapters/03-drivers.nw"
void ConsoleDevice::take(std::string_view bytes) {
    for (char byte : bytes) {
        if (from_terminal_) {
            interrupts_ = byte == kCtrlC ? interrupts_ + 1 : 0;
            if (interrupts_ == kInterruptsToQuit) {
                quitting_ = true;
                quit_();
                return;
            }
            if (waiting_.size() >= kWaitingMost) continue;  // dropped
        }
        waiting_ += byte;
    }
}
#line 2936 "chapters/03-drivers.nw"
bool ConsoleDevice::deliver(Virtqueue& queue) {
    bool used = false;
    while (!end_delivered_ && (!waiting_.empty() || input_ended_)) {
        auto chain = queue.pop();
        if (!chain) break;
        if (chain->writable_bytes == 0)
            throw VirtqueueError("console receive buffer at descriptor " +
                                 std::to_string(chain->head) +
                                 " has no room for input");
        const std::uint32_t written = fill(*chain);
        queue.push(*chain, written);
        used = true;
        if (written == 0) end_delivered_ = true;
    }
    return used;
}
#line 2961 "chapters/03-drivers.nw"
std::uint32_t ConsoleDevice::fill(const Chain& chain) {
    std::size_t count =
        std::min<std::size_t>(waiting_.size(), chain.writable_bytes);
    if (!from_terminal_) {
        const std::size_t newline = waiting_.find('\n');
        if (newline != std::string::npos)
            count = std::min(count, newline + 1);
    }
    std::size_t done = 0;
    for (auto buffer : chain.writable) {
        const std::size_t n = std::min(buffer.size(), count - done);
        std::memcpy(buffer.data(), waiting_.data() + done, n);
        done += n;
    }
    waiting_.erase(0, count);
    return static_cast<std::uint32_t>(count);
}

#line 2669 "chapters/03-drivers.nw"
} // namespace lhv::launcher
