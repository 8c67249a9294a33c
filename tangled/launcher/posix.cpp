// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 330 "chapters/04-launcher.nw"
#include "launcher/posix.hpp"
#include <cerrno>
#include <system_error>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include "launcher/errors.hpp"

namespace lhv::launcher {

#line 350 "chapters/04-launcher.nw"
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
#line 376 "chapters/04-launcher.nw"
std::vector<std::byte> read_file(const std::string& path) {
    UniqueFd fd{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    struct stat status;
    if (!fd || ::fstat(fd.get(), &status) != 0)
        throw std::system_error(errno, std::generic_category(), path);
    if (!S_ISREG(status.st_mode))
        throw std::runtime_error(path + ": not a regular file");
    std::vector<std::byte> bytes(static_cast<size_t>(status.st_size));
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::read(fd.get(), bytes.data() + done,
                           bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0)
            throw std::system_error(errno, std::generic_category(), path);
        if (n == 0) break;  // the file shrank under us
        done += static_cast<size_t>(n);
    }
    bytes.resize(done);
    return bytes;
}
#line 400 "chapters/04-launcher.nw"
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
#line 413 "chapters/04-launcher.nw"
void send_byte(int fd) {
    const char ding = 1;  // the value means nothing: "look"
    while (::send(fd, &ding, 1, MSG_NOSIGNAL) < 0) {
        if (errno != EINTR)
            throw RuntimeFailure("cannot ring the Host's doorbell: " +
                                 std::system_category()
                                     .message(errno));
    }
}

#line 346 "chapters/04-launcher.nw"
} // namespace lhv::launcher
