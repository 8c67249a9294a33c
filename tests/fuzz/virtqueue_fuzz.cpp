// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 1301 "chapters/03-drivers.nw"
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include "launcher/guest_memory.hpp"
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
#line 1357 "chapters/03-drivers.nw"
struct FuzzedGuest {
    std::uint32_t memory_bytes;
    std::unique_ptr<std::byte[]> memory;
    VirtqueueConfig config;

    explicit FuzzedGuest(Input& input) {
        std::uint32_t shape = input.take(1);
        config.size = shape & 0x80 ? input.take(2) : 1u << (shape & 15);
        memory_bytes = 64 + input.take(2) % 8192;
        std::uint32_t misalign = input.take(1);
        auto place = [&](std::uint32_t align, int bit) {
            std::uint32_t at = input.take(2) % (memory_bytes + 64);
            return GuestPhysical{misalign & (1u << bit) ? at
                                                      : at & ~(align - 1)};
        };
        config.descriptors = place(16, 0);
        config.available = place(2, 1);
        config.used = place(4, 2);
        memory.reset(new std::byte[memory_bytes]);
        input.copy(memory.get(), memory_bytes);
    }
};
#line 1390 "chapters/03-drivers.nw"
void serve(FuzzedGuest& guest, Input& input) {
    try {
        std::span<std::byte> bytes(guest.memory.get(),
                                   guest.memory_bytes);
        Virtqueue queue("fuzzed virtqueue",
                        GuestMemory(bytes, guest.memory_bytes),
                        guest.config);
        int chains = 0;
        do {
            while (auto chain = queue.pop()) {
                unsigned sum = 0;
                for (auto buffer : chain->readable)
                    for (std::byte b : buffer) sum += unsigned(b);
                for (auto buffer : chain->writable)
                    std::memset(buffer.data(), sum & 0xFF, buffer.size());
                queue.push(*chain, chain->writable_bytes);
                if (++chains == 1024) return;
            }
            
#line 1420 "chapters/03-drivers.nw"
std::uint32_t at = (input.take(2) % guest.memory_bytes) & ~1u;
std::uint32_t value = input.take(2);
if (at + 2 <= guest.memory_bytes)
    std::memcpy(&guest.memory[at], &value, 2);
#line 1409 "chapters/03-drivers.nw"
        } while (input.size >= 4);
    } catch (const VirtqueueError&) {
    }
}
#line 1314 "chapters/03-drivers.nw"
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
    Input input{data, size};
    FuzzedGuest guest(input);
    serve(guest, input);
    return 0;
}
