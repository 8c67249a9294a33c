// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 2680 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <csignal>
#include "launcher/errors.hpp"
#include "launcher/machine.hpp"

using namespace lhv::launcher;

static bool has(const std::vector<std::string>& argv,
                std::initializer_list<std::string> run) {
    return std::search(argv.begin(), argv.end(), run.begin(),
                       run.end()) != argv.end();
}

#line 2703 "chapters/04-launcher.nw"
TEST_CASE("machine: RAM size and QEMU's command line",
          "[launcher][machine]") {
    CHECK(machine_ram_mib(32) == 97);
    CHECK(machine_ram_mib(2) == 67);
    MachineConfig config;
    config.host_image = "/b/host.elf";
    config.runtime_dir = "/run/lhv-a,b";
    config.ram_mib = 97;
    auto argv = qemu_command_line(config);
    CHECK(argv[0] == "qemu-system-i386");
    CHECK(has(argv, {"-object", "memory-backend-file,id=ram,share=on,"
                                "mem-path=/run/lhv-a,,b/ram,size=97M"}));
    CHECK(has(argv, {"-m", "97M"}));
    CHECK(has(argv, {"-kernel", "/b/host.elf"}));
    CHECK(has(argv, {"-serial", "chardev:con", "-serial", "chardev:bell"}));
    CHECK(has(argv, {"-accel", "tcg"}));
    CHECK_FALSE(has(argv, {"-S"}));
    config.accelerator = Accelerator::Kvm;
    config.wait_for_debugger = true;
    config.gdb_port = 4321;
    config.trace_file = "t.log";
    argv = qemu_command_line(config);
    CHECK(has(argv, {"-accel", "kvm"}));
    CHECK(has(argv, {"-gdb", "tcp::4321", "-S"}));
    CHECK(has(argv, {"-d", "int,cpu_reset", "-D", "t.log"}));
}
#line 2732 "chapters/04-launcher.nw"
TEST_CASE("machine: the runtime directory", "[launcher][machine]") {
    CHECK(choose_runtime_base("/a", "/b") == "/a");
    CHECK(choose_runtime_base("", "/b") == "/b");
    CHECK(choose_runtime_base(nullptr, nullptr) ==
          (std::filesystem::is_directory("/dev/shm") ? "/dev/shm"
                                                     : "/tmp"));
    std::string path;
    {
        RuntimeDir dir(std::filesystem::temp_directory_path());
        path = dir.path();
        std::ofstream(dir.file("ram")) << "memory";
        UniqueFd socket = listen_on(dir.file("console"));
        CHECK(std::filesystem::exists(path + "/ram"));
        CHECK(std::filesystem::exists(path + "/console"));
    }
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_THROWS_AS(RuntimeDir("/nonexistent/dir"), RuntimeFailure);
}
#line 2757 "chapters/04-launcher.nw"
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
