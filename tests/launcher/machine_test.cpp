// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 3117 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "launcher/errors.hpp"
#include "launcher/machine.hpp"

using namespace lhv::launcher;

static bool has(const std::vector<std::string>& argv,
                std::initializer_list<std::string> run) {
    return std::search(argv.begin(), argv.end(), run.begin(),
                       run.end()) != argv.end();
}

#line 3151 "chapters/04-launcher.nw"
TEST_CASE("machine: RAM size and QEMU's command line",
          "[launcher][machine]") {
    CHECK(machine_ram_mib(32) == 97);
    CHECK(machine_ram_mib(2) == 67);
    MachineConfig config;
    config.host_image = "/b/host.elf";
    config.name = "lhv-42";
    config.ram_mib = 97;
    auto argv = qemu_command_line(config);
    CHECK(argv[0] == "qemu-system-i386");
    CHECK(has(argv, {"-name", "lhv-42"}));
    CHECK(has(argv, {"-object", "memory-backend-file,id=ram,share=on,"
                                "mem-path=/proc/self/fd/3,size=97M"}));
    CHECK(has(argv, {"-m", "97M"}));
    CHECK(has(argv, {"-kernel", "/b/host.elf"}));
    CHECK(has(argv, {"-chardev", "socket,id=con,fd=4"}));
    CHECK(has(argv, {"-chardev", "socket,id=bell,fd=5"}));
    CHECK(has(argv, {"-serial", "chardev:con", "-serial", "chardev:bell"}));
    CHECK(has(argv, {"-accel", "tcg"}));
    CHECK_FALSE(has(argv, {"-S"}));
    config.accelerator = Accelerator::Kvm;
    config.wait_for_debugger = true;
    config.gdb_port = 4321;
    config.qemu_log = "t.log";
    argv = qemu_command_line(config);
    CHECK(has(argv, {"-accel", "kvm"}));
    CHECK(has(argv, {"-gdb", "tcp::4321", "-S"}));
    CHECK(has(argv, {"-d", "int,cpu_reset", "-D", "t.log"}));
}
#line 357 "chapters/C-posix.nw"
TEST_CASE("machine: RAM and sockets without names",
          "[launcher][machine]") {
    UniqueFd ram = create_ram(3);
    struct stat status;
    REQUIRE(::fstat(ram.get(), &status) == 0);
    CHECK(S_ISREG(status.st_mode));
    CHECK(status.st_size == 3 << 20);
    CHECK((::fcntl(ram.get(), F_GETFD) & FD_CLOEXEC) != 0);
    Mapping one(ram.get(), 3 << 20), two(ram.get(), 3 << 20);
    CHECK(one.bytes()[12345] == std::byte{0});
    one.bytes()[12345] = std::byte{0x5a};
    CHECK(two.bytes()[12345] == std::byte{0x5a});
    auto [mine, theirs] = socket_pair();
    send_byte(mine.get());
    char byte = 0;
    CHECK(::read(theirs.get(), &byte, 1) == 1);
    CHECK(byte == 1);
}
#line 600 "chapters/C-posix.nw"
TEST_CASE("machine: a child process is stopped", "[launcher][machine]") {
    pid_t pid;
    {
        auto child = ChildProcess::spawn({"sleep", "60"}, -1);
        pid = child.pid();
        REQUIRE(pid > 0);
        CHECK(::kill(pid, 0) == 0);
        CHECK_FALSE(child.reap_if_exited());
    }
    CHECK(::kill(pid, 0) == -1);
    CHECK(errno == ESRCH);
    CHECK_THROWS_WITH(ChildProcess::spawn({"/no/such/qemu"}, -1),
                      Catch::Contains("cannot run /no/such/qemu"));
    auto quick = ChildProcess::spawn({"sh", "-c", "exit 3"}, -1);
    std::optional<int> status;
    for (int i = 0; i < 500 && !status; ++i) {
        status = quick.reap_if_exited();
        ::usleep(10000);
    }
    REQUIRE(status);
    CHECK(describe_exit(*status) == "exited with status 3");
}
#line 635 "chapters/C-posix.nw"
static std::string read_all(int fd) {
    std::string text;
    char buffer[256];
    ssize_t n;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        text.append(buffer, static_cast<std::size_t>(n));
    return text;
}

TEST_CASE("machine: a child inherits exactly what it is given",
          "[launcher][machine]") {
    auto [a_mine, a_theirs] = socket_pair();
    auto [b_mine, b_theirs] = socket_pair();
    UniqueFd leak{::open("/dev/null", O_RDONLY)};  // not close-on-exec
    REQUIRE(leak);
    int out[2];
    REQUIRE(::pipe2(out, O_CLOEXEC) == 0);
    UniqueFd out_in{out[0]}, out_out{out[1]};
    REQUIRE(::write(a_mine.get(), "a", 1) == 1);
    REQUIRE(::write(b_mine.get(), "b", 1) == 1);
    const std::string leaked = std::to_string(leak.get());
    const int given[] = {b_theirs.get(), a_theirs.get()};
    auto child = ChildProcess::spawn(
        {"sh", "-c", "exec 1>&2; for fd in 3 4 5 " + leaked + "; do "
                     "[ -e /proc/self/fd/$fd ] && echo fd $fd; done; "
                     "head -c1 <&3; head -c1 <&4"},
        out_out.get(), given);
    out_out.reset();
    CHECK(read_all(out_in.get()) == "fd 3\nfd 4\nba");
}
#line 3188 "chapters/04-launcher.nw"
static int status_of(const std::string& command) {
    auto child = ChildProcess::spawn({"sh", "-c", command}, -1);
    std::optional<int> status;
    for (int i = 0; i < 500 && !status; ++i) {
        status = child.reap_if_exited();
        ::usleep(10000);
    }
    REQUIRE(status);
    return *status;
}

TEST_CASE("machine: why QEMU ended", "[launcher][machine]") {
    const int killed = status_of("kill -KILL $$");
    const int zero = status_of("exit 0");
    const std::string said = "qemu-system-i386: terminating on signal"
                             " 15 from pid 6502 (kill)\n";
    CHECK(qemu_exit_message(killed, "") ==
          "QEMU was killed from outside by signal 9 (SIGKILL)");
    CHECK(qemu_exit_message(zero, said) ==
          "QEMU was stopped from outside by signal 15 (SIGTERM)");
    CHECK_THAT(qemu_exit_message(zero, "some warning\n"),
               Catch::StartsWith("QEMU exited with status 0 "
                                 "unexpectedly (the machine reset"));
    CHECK(qemu_exit_message(status_of("exit 1"), said.substr(0, 20)) ==
          "QEMU exited with status 1 unexpectedly");
}
