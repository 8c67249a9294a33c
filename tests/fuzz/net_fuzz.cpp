// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 6205 "chapters/03-drivers.nw"
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>
#include <sys/socket.h>
#include "abi/virtio.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/net.hpp"
#include "launcher/virtqueue.hpp"

using namespace lhv::launcher;

namespace {
#line 1329 "chapters/03-drivers.nw"
struct Input {
    const std::uint8_t* data;
    std::size_t size;

    std::uint32_t take(int bytes) {
        std::uint32_t value = 0;
        for (int i = 0; i < bytes && size > 0; ++i, ++data, --size)
            value |= std::uint32_t{*data} << (8 * i);
        return value;
    }
    void copy(std::byte* to, std::size_t bytes) {
        std::size_t from_input = bytes < size ? bytes : size;
        if (from_input > 0) std::memcpy(to, data, from_input);
        std::memset(to + from_input, 0, bytes - from_input);
        data += from_input;
        size -= from_input;
    }
};
#line 6243 "chapters/03-drivers.nw"
constexpr std::uint32_t kMemoryBytes = 4096;

struct FuzzedCable {
    int partner = -1;
    std::unique_ptr<NetDevice> card;

    FuzzedCable() {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC,
                         0, fds) != 0)
            __builtin_trap();
        partner = fds[1];
        card = std::make_unique<NetDevice>(
            NetCable(UniqueFd{fds[0]}, 0, ""));
    }
    ~FuzzedCable() { ::close(partner); }

    void drain() const {
        std::vector<std::byte> bytes(4096);
        ssize_t n;
        while ((n = ::recv(partner, bytes.data(), bytes.size(), 0)) >= 0)
            if (n < 14 || n > 1514) __builtin_trap();
    }
};

std::vector<Virtqueue> make_queues(std::byte* memory) {
    std::span<std::byte> bytes(memory, kMemoryBytes);
    std::vector<Virtqueue> queues;
    for (std::uint32_t q = 0; q < 2; ++q)
        queues.emplace_back(
            "fuzzed net queue", GuestMemory(bytes, kMemoryBytes),
            VirtqueueConfig{8, GuestPhysical{0x200 * q},
                            GuestPhysical{0x200 * q + 0x80},
                            GuestPhysical{0x200 * q + 0x100}});
    return queues;
}
#line 6221 "chapters/03-drivers.nw"
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
    Input input{data, size};
    FuzzedCable cable;
    try {
        
#line 6285 "chapters/03-drivers.nw"
auto memory = std::make_unique<std::byte[]>(kMemoryBytes);
const std::size_t filled = input.take(1) * 16;
input.copy(memory.get(), filled);
std::memset(memory.get() + filled, 0, kMemoryBytes - filled);
std::vector<Virtqueue> queues = make_queues(memory.get());
for (int step = 0; step < 256 && input.size > 0; ++step) {
    switch (input.take(1) % 4) {
    case 0: cable.card->serve(0, queues); break;
    case 1: cable.card->serve(1, queues); cable.drain(); break;
    case 2: {
        std::size_t length = input.take(2) % 2048;
        auto datagram = std::make_unique<std::byte[]>(length + 1);
        input.copy(datagram.get(), length);
        ::send(cable.partner, datagram.get(), length, MSG_DONTWAIT);
        if (cable.card->wants_input()) cable.card->input(queues);
        break;
    }
    default: {
        std::uint32_t at = (input.take(2) % kMemoryBytes) & ~1u;
        std::uint32_t value = input.take(2);
        std::memcpy(&memory[at], &value, 2);
    }
    }
}
#line 6229 "chapters/03-drivers.nw"
    } catch (const VirtqueueError&) {
    }
    return 0;
}
