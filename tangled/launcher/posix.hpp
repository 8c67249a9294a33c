// generated from chapters/C-posix.nw -- edit the chapter, not this file
#line 48 "chapters/C-posix.nw"
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>
#include <unistd.h>

namespace lhv::launcher {

#line 75 "chapters/C-posix.nw"
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    UniqueFd(UniqueFd&& other) noexcept
        : fd_(std::exchange(other.fd_, -1)) {}
    UniqueFd& operator=(UniqueFd&& other) noexcept {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    ~UniqueFd() { reset(); }

    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

  private:
    int fd_ = -1;
};
#line 108 "chapters/C-posix.nw"
class Mapping {
  public:
    Mapping() = default;
    Mapping(int fd, std::size_t bytes);
    Mapping(Mapping&& other) noexcept
        : bytes_(std::exchange(other.bytes_, {})) {}
    Mapping& operator=(Mapping&& other) noexcept;
    ~Mapping();

    std::span<std::byte> bytes() const { return bytes_; }

  private:
    std::span<std::byte> bytes_;
};
#line 132 "chapters/C-posix.nw"
UniqueFd open_regular_file(const std::string& path,
                           std::uint64_t& size, bool writable = false);
void read_at(int fd, std::uint64_t offset, std::span<std::byte> into);
void write_all(int fd, std::span<const std::byte> bytes);
void send_byte(int fd);

#line 63 "chapters/C-posix.nw"
} // namespace lhv::launcher
