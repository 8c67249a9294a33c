// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 1487 "chapters/E-guest-kernel.nw"
#pragma once
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lhv::test {

#line 1379 "chapters/E-guest-kernel.nw"
inline std::filesystem::path user_programs() {
    if (const char* dir = std::getenv("LHV_USER_PROGRAMS"); dir && *dir)
        return dir;
    return std::filesystem::read_symlink("/proc/self/exe")
               .parent_path().parent_path() / "user" / "bin";
}

inline std::string user_program(const std::string& name) {
    const auto path = user_programs() / name;
    if (!std::filesystem::exists(path))
        FAIL(path.string() << " does not exist: build it with "
             "`make programs`, or set LHV_USER_PROGRAMS");
    return path.string();
}

inline std::vector<std::uint8_t> read_file(
        const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        FAIL("cannot read " << path.string() << ": build it with "
             "`make programs`");
    return {std::istreambuf_iterator<char>(in),
            std::istreambuf_iterator<char>()};
}
#line 1418 "chapters/E-guest-kernel.nw"
struct Ran {
    pid_t pid = -1;
    int error = 0;   // why it could not start; 0 if it did
    int status = 0;  // as waitpid reports it
    std::string out;
};

inline Ran run_program(const std::vector<std::string>& argv,
                       const std::vector<std::pair<int, int>>& give = {}) {
    Ran ran;
    int pipe_ends[2];
    REQUIRE(pipe2(pipe_ends, O_CLOEXEC) == 0);
    
#line 1447 "chapters/E-guest-kernel.nw"
posix_spawn_file_actions_t actions;
posix_spawn_file_actions_init(&actions);
posix_spawn_file_actions_adddup2(&actions, pipe_ends[1], 1);
for (const auto& [ours, theirs] : give)
    posix_spawn_file_actions_adddup2(&actions, ours, theirs);
std::vector<char*> args;
for (const std::string& arg : argv)
    args.push_back(const_cast<char*>(arg.c_str()));
args.push_back(nullptr);
rlimit core{};
getrlimit(RLIMIT_CORE, &core);
const rlimit no_core{0, core.rlim_max};
setrlimit(RLIMIT_CORE, &no_core);
ran.error = posix_spawnp(&ran.pid, args[0], &actions, nullptr,
                         args.data(), environ);
setrlimit(RLIMIT_CORE, &core);
posix_spawn_file_actions_destroy(&actions);
#line 1431 "chapters/E-guest-kernel.nw"
    close(pipe_ends[1]);
    if (ran.error == 0) {
        
#line 1470 "chapters/E-guest-kernel.nw"
char buffer[4096];
for (;;) {
    pollfd readable{pipe_ends[0], POLLIN, 0};
    if (poll(&readable, 1, 20000) == 0) {
        kill(ran.pid, SIGKILL);
        FAIL_CHECK(argv[0] << " ran for more than 20 s: killed");
    }
    const ssize_t got = read(pipe_ends[0], buffer, sizeof buffer);
    if (got <= 0)
        break;
    ran.out.append(buffer, static_cast<std::size_t>(got));
}
#line 1434 "chapters/E-guest-kernel.nw"
        REQUIRE(waitpid(ran.pid, &ran.status, 0) == ran.pid);
    }
    close(pipe_ends[0]);
    return ran;
}

#line 1510 "chapters/E-guest-kernel.nw"
} // namespace lhv::test
