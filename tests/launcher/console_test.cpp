// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 2997 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>
#include "abi/virtio.hpp"
#include "launcher/console.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/posix.hpp"
#include "launcher/virtqueue.hpp"
#include "test_driver.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;
using Catch::Contains;

namespace {
#line 3046 "chapters/03-drivers.nw"
struct ConsoleGuest : TestMemory {
    static constexpr std::uint32_t kRing[2] = {0x1000, 0x3000};
    std::uint16_t published[2] = {0, 0};
    std::uint16_t descriptors[2] = {0, 0};
    std::uint16_t seen = 0;
    std::uint32_t next_free = 0x8000;
    std::vector<Virtqueue> queues;

    ConsoleGuest() {
        for (std::uint32_t q : {0u, 1u})
            queues.emplace_back(
                "console queue " + std::to_string(q),
                GuestMemory(bytes, bytes.size()),
                VirtqueueConfig{8, GuestPhysical{kRing[q]},
                                GuestPhysical{kRing[q] + 0x80},
                                GuestPhysical{kRing[q] + 0x1000}});
    }
    std::uint16_t describe(std::uint32_t q, std::uint32_t bytes,
                           std::uint16_t flags, std::uint16_t next) {
        const std::uint16_t index = descriptors[q]++ % 8;
        put(kRing[q] + 16 * index,
            VirtqDesc{next_free, bytes, flags, next});
        next_free += bytes;
        return index;
    }
    void publish(std::uint32_t q, std::uint16_t head) {
        const std::uint32_t available = kRing[q] + 0x80;
        put<std::uint16_t>(available + avail_slot(published[q] % 8), head);
        put<std::uint16_t>(available + kRingIdx, ++published[q]);
    }
    void offer(std::uint32_t bytes) {
        publish(0, describe(0, bytes, kDescWrite, 0));
    }
    void say(const std::vector<std::string>& parts) {
        const std::uint16_t head = descriptors[1] % 8;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            std::memcpy(&bytes[next_free], parts[i].data(),
                        parts[i].size());
            const bool more = i + 1 < parts.size();
            describe(1, std::uint32_t(parts[i].size()),
                     more ? kDescNext : 0,
                     std::uint16_t((descriptors[1] + 1) % 8));
        }
        publish(1, head);
    }
    std::uint16_t used_idx(std::uint32_t q) const {
        return get<std::uint16_t>(kRing[q] + 0x1000 + kRingIdx);
    }
    std::vector<std::string> received() {
        std::vector<std::string> buffers;
        for (; seen != used_idx(0); ++seen) {
            auto used = get<VirtqUsedElem>(kRing[0] + 0x1000 +
                                           used_slot(seen % 8));
            auto desc = get<VirtqDesc>(kRing[0] + 16 * used.id);
            REQUIRE(used.len <= desc.len);
            buffers.emplace_back(
                reinterpret_cast<const char*>(&bytes[desc.addr]),
                used.len);
        }
        return buffers;
    }
};
#line 3120 "chapters/03-drivers.nw"
struct Pipe {
    UniqueFd read, write;
    Pipe() {
        int fds[2];
        REQUIRE(::pipe2(fds, O_CLOEXEC) == 0);
        read = UniqueFd{fds[0]};
        write = UniqueFd{fds[1]};
    }
    void send(const std::string& text) {
        write_all(write.get(), std::as_bytes(std::span(text)));
    }
    std::string take() {
        char bytes[512];
        ssize_t n = ::read(read.get(), bytes, sizeof bytes);
        return n > 0 ? std::string(bytes, std::size_t(n)) : "";
    }
};

struct Terminal {
    UniqueFd master, slave;
    Terminal() {
        master = UniqueFd{::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)};
        REQUIRE(master);
        REQUIRE(::grantpt(master.get()) == 0);
        REQUIRE(::unlockpt(master.get()) == 0);
        slave = UniqueFd{::open(::ptsname(master.get()),
                                O_RDWR | O_NOCTTY | O_CLOEXEC)};
        REQUIRE(slave);
    }
    termios mode() const {
        termios mode;
        REQUIRE(::tcgetattr(slave.get(), &mode) == 0);
        return mode;
    }
    void type(const std::string& keys) {
        write_all(master.get(), std::as_bytes(std::span(keys)));
    }
};

bool same_mode(const termios& a, const termios& b) {
    return a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag &&
           a.c_cflag == b.c_cflag && a.c_lflag == b.c_lflag &&
           a.c_cc[VMIN] == b.c_cc[VMIN] && a.c_cc[VTIME] == b.c_cc[VTIME];
}

bool readable(int fd, int milliseconds = 1000) {
    pollfd poll_fd{fd, POLLIN, 0};
    return ::poll(&poll_fd, 1, milliseconds) == 1;
}
#line 3024 "chapters/03-drivers.nw"
} // namespace

#line 3179 "chapters/03-drivers.nw"
TEST_CASE("console: what the Guest says is written at once",
          "[launcher][console]") {
    ConsoleGuest guest;
    Pipe in, out;
    ConsoleDevice console(in.read.get(), out.write.get());
    CHECK_FALSE(console.raw());
    guest.say({"hel", "lo, "});
    guest.say({"world\n"});
    CHECK(console.serve(ConsoleDevice::kTransmitQueue, guest.queues));
    CHECK(out.take() == "hello, world\n");
    CHECK(guest.used_idx(1) == 2);
    CHECK(guest.get<VirtqUsedElem>(0x3000 + 0x1000 + used_slot(1)).len
          == 0);
    CHECK_FALSE(console.serve(ConsoleDevice::kTransmitQueue,
                              guest.queues));

    out.read.reset();
    auto old = std::signal(SIGPIPE, SIG_IGN);
    guest.say({"nobody reads this"});
    CHECK(console.serve(ConsoleDevice::kTransmitQueue, guest.queues));
    CHECK(guest.used_idx(1) == 3);
    std::signal(SIGPIPE, old);
}
#line 3213 "chapters/03-drivers.nw"
TEST_CASE("console: a pipe is read a line at a time, then ends",
          "[launcher][console]") {
    ConsoleGuest guest;
    Pipe in, out;
    ConsoleDevice console(in.read.get(), out.write.get());
    guest.offer(16);
    guest.offer(16);
    in.send("one\ntwo\nthree and more");
    in.write.reset();
    CHECK(console.wants_input());
    CHECK(console.input(guest.queues));
    CHECK(guest.received() == std::vector<std::string>{"one\n", "two\n"});
    for (int i = 0; i < 5; ++i) guest.offer(4);
    while (console.wants_input()) console.input(guest.queues);
    CHECK(guest.received() ==
          std::vector<std::string>{"thre", "e an", "d mo", "re", ""});
    guest.offer(4);
    CHECK_FALSE(console.serve(ConsoleDevice::kReceiveQueue, guest.queues));
    CHECK(guest.received().empty());
}
#line 3241 "chapters/03-drivers.nw"
TEST_CASE("console: input waits for the Guest's buffers",
          "[launcher][console]") {
    ConsoleGuest guest;
    Pipe in, out;
    ConsoleDevice console(in.read.get(), out.write.get());
    in.send("early\n");
    CHECK_FALSE(console.input(guest.queues));
    CHECK(console.waiting() == 6);
    guest.offer(64);
    CHECK(console.serve(ConsoleDevice::kReceiveQueue, guest.queues));
    CHECK(guest.received() == std::vector<std::string>{"early\n"});

    in.send(std::string(ConsoleDevice::kWaitingMost + 100, 'x'));
    while (console.wants_input()) console.input(guest.queues);
    CHECK(console.waiting() == ConsoleDevice::kWaitingMost);
    char rest[200];
    CHECK(::read(in.read.get(), rest, sizeof rest) == 100);
}
#line 3264 "chapters/03-drivers.nw"
TEST_CASE("console: a receive buffer with no room is refused",
          "[launcher][console]") {
    ConsoleGuest guest;
    Pipe in, out;
    ConsoleDevice console(in.read.get(), out.write.get());
    in.send("x");
    console.input(guest.queues);
    guest.offer(0);
    CHECK_THROWS_WITH(
        console.serve(ConsoleDevice::kReceiveQueue, guest.queues),
        "console receive buffer at descriptor 0 has no room for input");
}
#line 3289 "chapters/03-drivers.nw"
TEST_CASE("console: a terminal is raw while the console lives",
          "[launcher][console]") {
    Terminal terminal;
    const termios before = terminal.mode();
    REQUIRE((before.c_lflag & ICANON));
    {
        ConsoleGuest guest;
        ConsoleDevice console(terminal.slave.get(), terminal.slave.get());
        CHECK_FALSE(console.raw());
        CHECK(same_mode(terminal.mode(), before));
        console.accept(0);
        CHECK(console.raw());
        const termios raw = terminal.mode();
        CHECK_FALSE((raw.c_lflag & (ICANON | ECHO | ISIG | IEXTEN)));
        CHECK_FALSE((raw.c_iflag & (ICRNL | IXON)));
        CHECK(raw.c_oflag == before.c_oflag);

        guest.say({"a\nb"});
        console.serve(ConsoleDevice::kTransmitQueue, guest.queues);
        REQUIRE(readable(terminal.master.get()));
        char shown[16];
        ssize_t n = ::read(terminal.master.get(), shown, sizeof shown);
        REQUIRE(n > 0);
        CHECK(std::string(shown, std::size_t(n)) == "a\r\nb");

        guest.offer(16);
        terminal.type("ls\r");
        REQUIRE(readable(terminal.slave.get()));
        CHECK(console.input(guest.queues));
        CHECK(guest.received() == std::vector<std::string>{"ls\r"});
        CHECK_FALSE(readable(terminal.master.get(), 100));
    }
    CHECK(same_mode(terminal.mode(), before));

    try {
        ConsoleDevice console(terminal.slave.get(), terminal.slave.get());
        console.accept(0);
        CHECK_FALSE((terminal.mode().c_lflag & ICANON));
        throw std::runtime_error("the Launcher failed");
    } catch (const std::runtime_error&) {
    }
    CHECK(same_mode(terminal.mode(), before));
}
#line 3344 "chapters/03-drivers.nw"
TEST_CASE("console: a crash puts the terminal back",
          "[launcher][console]") {
    Terminal terminal;
    const termios before = terminal.mode();
    Pipe ready, go;
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::signal(SIGABRT, SIG_DFL);
        rlimit no_core{0, 0};
        ::setrlimit(RLIMIT_CORE, &no_core);
        ConsoleDevice console(terminal.slave.get(), terminal.slave.get(),
                              [] {});
        console.accept(0);
        ready.send("r");
        char byte;
        if (::read(go.read.get(), &byte, 1) != 1) ::_exit(3);
        std::abort();
    }
    CHECK(ready.take() == "r");
    CHECK_FALSE((terminal.mode().c_lflag & ICANON));
    go.send("g");
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGABRT);
    CHECK(same_mode(terminal.mode(), before));
}
#line 3381 "chapters/03-drivers.nw"
TEST_CASE("console: three Ctrl-C in a row end the Launcher",
          "[launcher][console]") {
    const std::string keys = "\3\3a\3\3\3b";
    Terminal terminal;
    ConsoleGuest guest;
    int quits = 0;
    ConsoleDevice console(terminal.slave.get(), terminal.slave.get(),
                          [&] { ++quits; });
    console.accept(0);
    guest.offer(32);
    terminal.type(keys);
    while (quits == 0 && readable(terminal.slave.get()))
        console.input(guest.queues);
    CHECK(quits == 1);
    CHECK(guest.received() == std::vector<std::string>{"\3\3a\3\3"});
    CHECK_FALSE(console.wants_input());

    Pipe in, out;
    ConsoleGuest piped;
    ConsoleDevice from_pipe(in.read.get(), out.write.get(),
                            [&] { ++quits; });
    piped.offer(32);
    in.send(keys);
    from_pipe.input(piped.queues);
    CHECK(quits == 1);
    CHECK(piped.received() == std::vector<std::string>{keys});
}
