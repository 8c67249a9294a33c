// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 4663 "chapters/03-drivers.nw"
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>
#include <sys/mman.h>
#include <unistd.h>
#include "abi/virtio.hpp"
#include "launcher/block.hpp"
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
#line 4699 "chapters/03-drivers.nw"
struct FuzzedDisk {
    static constexpr std::size_t kMostBytes = 16 * 512;
    std::size_t bytes;
    bool read_only;
    std::unique_ptr<BlockDevice> device;

    static int file() {
        static int fd = ::memfd_create("block-fuzz", MFD_CLOEXEC);
        return fd;
    }
    static std::uint8_t pattern(std::size_t at) { return at % 251; }

    explicit FuzzedDisk(Input& input) {
        std::uint32_t shape = input.take(1);
        read_only = shape & 1;
        bytes = (shape >> 1) % 16 * 512 + (shape & 0x20 ? 100 : 0);
        std::vector<std::uint8_t> contents(bytes);
        for (std::size_t i = 0; i < bytes; ++i) contents[i] = pattern(i);
        if (::ftruncate(file(), 0) != 0 ||
            ::pwrite(file(), contents.data(), bytes, 0) != ssize_t(bytes))
            __builtin_trap();
        device = std::make_unique<BlockDevice>(UniqueFd{::dup(file())},
                                               bytes, read_only);
    }
    bool unchanged() const {
        std::vector<std::uint8_t> now(kMostBytes);
        ssize_t n = ::pread(file(), now.data(), now.size(), 0);
        if (n != ssize_t(bytes)) return false;
        for (std::size_t i = 0; i < bytes; ++i)
            if (now[i] != pattern(i)) return false;
        return true;
    }
};
#line 4744 "chapters/03-drivers.nw"
struct FuzzedRequest {
    std::vector<std::unique_ptr<std::byte[]>> owned;
    Chain chain;

    std::span<std::byte> buffer(std::size_t size) {
        owned.emplace_back(new std::byte[size]);
        return {owned.back().get(), size};
    }
    std::size_t data_size(Input& input) {
        std::uint32_t value = input.take(2);
        return value & 0x8000 ? value % 2049 : value % 5 * 512;
    }

    explicit FuzzedRequest(Input& input) {
        std::uint32_t shape = input.take(1);
        std::size_t header = shape & 0x80 ? input.take(1) % 32 : 16;
        std::size_t status = shape & 0x40 ? input.take(1) % 3 : 1;
        chain.head = static_cast<std::uint16_t>(input.take(2));
        chain.readable.push_back(buffer(header));
        for (std::uint32_t i = 0; i < (shape & 3); ++i)
            chain.readable.push_back(buffer(data_size(input)));
        for (std::uint32_t i = 0; i < (shape >> 2 & 3); ++i)
            chain.writable.push_back(buffer(data_size(input)));
        if (!(shape & 0x20)) chain.writable.push_back(buffer(status));
        for (auto part : chain.readable)
            input.copy(part.data(), part.size());
        for (auto part : chain.writable) {
            std::memset(part.data(), 0xEE, part.size());
            chain.writable_bytes += std::uint32_t(part.size());
        }
    }
};
#line 4680 "chapters/03-drivers.nw"
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
    Input input{data, size};
    FuzzedDisk disk(input);
    FuzzedRequest request(input);
    
#line 4782 "chapters/03-drivers.nw"
try {
    std::uint32_t used = disk.device->handle(request.chain);
    std::uint8_t status =
        std::uint8_t(request.chain.writable.back()[0]);
    if (used > request.chain.writable_bytes ||
        status > lhv::abi::kBlkUnsupp)
        __builtin_trap();
} catch (const VirtqueueError&) {
}
if (disk.read_only && !disk.unchanged()) __builtin_trap();
#line 4688 "chapters/03-drivers.nw"
    return 0;
}
