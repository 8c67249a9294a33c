// generated from chapters/C-posix.nw -- edit the chapter, not this file
#line 143 "chapters/C-posix.nw"
#include "launcher/posix.hpp"
#include <cerrno>
#include <system_error>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include "launcher/errors.hpp"

namespace lhv::launcher {

#line 171 "chapters/C-posix.nw"
Mapping::Mapping(int fd, std::size_t bytes) {
    void* address = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                           MAP_SHARED, fd, 0);
    if (address == MAP_FAILED)
        throw std::system_error(errno, std::generic_category(), "mmap");
    bytes_ = {static_cast<std::byte*>(address), bytes};
}

Mapping& Mapping::operator=(Mapping&& other) noexcept {
    if (this != &other) {
        if (!bytes_.empty()) ::munmap(bytes_.data(), bytes_.size());
        bytes_ = std::exchange(other.bytes_, {});
    }
    return *this;
}

Mapping::~Mapping() {
    if (!bytes_.empty()) ::munmap(bytes_.data(), bytes_.size());
}
#line 213 "chapters/C-posix.nw"
static const char* kind_of_file(mode_t mode) {
    if (S_ISDIR(mode)) return "a directory";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "something else";
}

UniqueFd open_regular_file(const std::string& path,
                           std::uint64_t& size, bool writable) {
    UniqueFd fd{::open(path.c_str(), (writable ? O_RDWR : O_RDONLY) |
                                         O_CLOEXEC | O_NONBLOCK |
                                         O_NOCTTY)};
    struct stat status;
    if (!fd || ::fstat(fd.get(), &status) != 0)
        throw std::system_error(errno, std::generic_category(), path);
    if (!S_ISREG(status.st_mode))
        throw std::runtime_error(std::string("not a regular file (") +
                                 kind_of_file(status.st_mode) + ")");
    size = static_cast<std::uint64_t>(status.st_size);
    return fd;
}
#line 246 "chapters/C-posix.nw"
void read_at(int fd, std::uint64_t offset, std::span<std::byte> into) {
    while (!into.empty()) {
        ssize_t n = ::pread(fd, into.data(), into.size(),
                            static_cast<off_t>(offset));
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw std::system_error(errno, std::generic_category(),
                                    "read");
        if (n == 0)
            throw std::runtime_error("the file shrank while being read");
        into = into.subspan(static_cast<size_t>(n));
        offset += static_cast<std::uint64_t>(n);
    }
}
#line 271 "chapters/C-posix.nw"
void write_all(int fd, std::span<const std::byte> bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw std::system_error(errno, std::generic_category(),
                                    "write");
        bytes = bytes.subspan(static_cast<size_t>(n));
    }
}
#line 289 "chapters/C-posix.nw"
void send_byte(int fd) {
    const char ding = 1;  // the value means nothing: "look"
    while (::send(fd, &ding, 1, MSG_NOSIGNAL) < 0) {
        if (errno != EINTR)
            throw RuntimeFailure("cannot ring the Host's doorbell: " +
                                 std::system_category()
                                     .message(errno));
    }
}

#line 160 "chapters/C-posix.nw"
} // namespace lhv::launcher
