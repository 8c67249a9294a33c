// generated from chapters/D-harness.nw -- edit the chapter, not this file
#line 59 "chapters/D-harness.nw"
#pragma once
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace lhv::test {

#line 84 "chapters/D-harness.nw"
inline std::string path_from_environment(const std::string& name) {
    namespace fs = std::filesystem;
    if (const char* value = std::getenv(name.c_str()); value && *value)
        return value;
    const fs::path build =
        fs::read_symlink("/proc/self/exe").parent_path().parent_path();
    const std::map<std::string, fs::path> beside_us = {
        {"LHV", build / "lhv"},
        {"LHV_HOST", build / "host" / "host.elf"},
        {"LHV_GUEST", build / "guest" / "guest.elf"},
        {"LHV_TEST_GUESTS", build / "tests" / "guests"},
    };
    const auto found = beside_us.find(name);
    REQUIRE(found != beside_us.end());
    if (!fs::exists(found->second))
        FAIL(found->second.string() << " does not exist: build it with"
             " `make test`, or set " << name);
    return found->second.string();
}

inline std::string test_guest(const std::string& name) {
    return path_from_environment("LHV_TEST_GUESTS") + "/" + name + ".elf";
}
#line 117 "chapters/D-harness.nw"
class MemoryFile {
public:
    explicit MemoryFile(const std::string& contents)
        : fd_(memfd_create("lhv-test", MFD_CLOEXEC)) {
        REQUIRE(fd_ >= 0);
        REQUIRE(write(fd_, contents.data(), contents.size()) ==
                static_cast<ssize_t>(contents.size()));
    }
    ~MemoryFile() { close(fd_); }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;

    std::string path() const {
        return "/proc/" + std::to_string(getpid()) + "/fd/" +
               std::to_string(fd_);
    }

private:
    int fd_;
};
#line 145 "chapters/D-harness.nw"
class NamelessFifo {
public:
    NamelessFifo() { REQUIRE(pipe2(ends_, O_CLOEXEC) == 0); }
    ~NamelessFifo() {
        close(ends_[0]);
        close(ends_[1]);
    }
    NamelessFifo(const NamelessFifo&) = delete;
    NamelessFifo& operator=(const NamelessFifo&) = delete;

    std::string path() const {
        return "/proc/" + std::to_string(getpid()) + "/fd/" +
               std::to_string(ends_[0]);
    }

private:
    int ends_[2];
};

#line 75 "chapters/D-harness.nw"
} // namespace lhv::test
