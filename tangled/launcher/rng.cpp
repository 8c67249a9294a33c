// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 6945 "chapters/03-drivers.nw"
#include "launcher/rng.hpp"
#include <cerrno>
#include <cstring>
#include <sys/random.h>
#include "launcher/errors.hpp"

namespace lhv::launcher {

void fill_random(std::span<std::byte> buffer) {
    while (!buffer.empty()) {
        ssize_t n = ::getrandom(buffer.data(), buffer.size(), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw RuntimeFailure("getrandom: " +
                                 std::string(std::strerror(errno)));
        buffer = buffer.subspan(static_cast<std::size_t>(n));
    }
}

bool EntropyDevice::serve(std::uint32_t, std::span<Virtqueue> queues) {
    bool used = false;
    while (auto request = queues[0].pop()) {
        for (std::span<std::byte> buffer : request->writable)
            fill_random(buffer);
        queues[0].push(*request, request->writable_bytes);
        used = true;
    }
    return used;
}

} // namespace lhv::launcher
