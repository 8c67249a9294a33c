// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 3785 "chapters/03-drivers.nw"
#include "launcher/block.hpp"
#include <bit>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <utility>
#include <unistd.h>
#include "launcher/errors.hpp"

namespace lhv::launcher {

static_assert(std::endian::native == std::endian::little,
              "virtio-blk's numbers are little-endian, read as they lie");

#line 3814 "chapters/03-drivers.nw"
BlockDevice::BlockDevice(UniqueFd disk, std::uint64_t file_bytes,
                         bool read_only)
    : disk_(std::move(disk)), capacity_(file_bytes / abi::kBlkSectorBytes),
      read_only_(read_only) {}

BlockDevice open_disk(const std::string& path, bool read_only) {
    try {
        std::uint64_t bytes = 0;
        UniqueFd fd = open_regular_file(path, bytes, !read_only);
        return BlockDevice(std::move(fd), bytes, read_only);
    } catch (const std::system_error& error) {
        throw FileError(std::string("cannot use the disk ") +
                        error.what());
    } catch (const std::runtime_error& error) {
        throw FileError("cannot use the disk " + path + ": " +
                        error.what());
    }
}
#line 3843 "chapters/03-drivers.nw"
std::uint32_t BlockDevice::handle(const Chain& request) {
    
#line 3870 "chapters/03-drivers.nw"
auto which = [&] {
    return "block request at descriptor " + std::to_string(request.head);
};
if (request.readable.empty() ||
    request.readable.front().size() != sizeof(abi::BlkRequestHeader))
    throw VirtqueueError(which() + " does not start with a header of " +
                         "16 bytes in a buffer of its own");
if (request.writable.empty() || request.writable.back().size() != 1)
    throw VirtqueueError(which() + " does not end with a status byte " +
                         "in a buffer of its own");
#line 3845 "chapters/03-drivers.nw"
    abi::BlkRequestHeader header;
    std::memcpy(&header, request.readable.front().data(), sizeof header);
    Buffers readable = std::span(request.readable).subspan(1);
    Buffers writable = std::span(request.writable)
                           .first(request.writable.size() - 1);
    const Answer result = answer(header, readable, writable);
    request.writable.back()[0] = std::byte{result.status};
    return result.written + 1;
}

bool BlockDevice::serve(Virtqueue& queue) {
    bool used = false;
    while (queue.pop(request_)) {
        queue.push(request_, handle(request_));
        used = true;
    }
    return used;
}
#line 3901 "chapters/03-drivers.nw"
BlockDevice::Answer
BlockDevice::answer(const abi::BlkRequestHeader& header,
                    Buffers readable, Buffers writable) {
    switch (header.type) {
    case abi::kBlkIn:
        if (!readable.empty()) return {abi::kBlkIoErr, 0};
        return read(header.sector, writable);
    case abi::kBlkOut:
        if (!writable.empty() || read_only_) return {abi::kBlkIoErr, 0};
        return write(header.sector, readable);
    case abi::kBlkFlush:
        if (::fdatasync(disk_.get()) != 0) return {abi::kBlkIoErr, 0};
        return {abi::kBlkOk, 0};
    default:
        return {abi::kBlkUnsupp, 0};
    }
}
#line 3934 "chapters/03-drivers.nw"
bool BlockDevice::on_disk(std::uint64_t sector, Buffers buffers) const {
    std::uint64_t bytes = 0;
    for (auto buffer : buffers) bytes += buffer.size();
    if (bytes % abi::kBlkSectorBytes != 0) return false;
    const std::uint64_t sectors = bytes / abi::kBlkSectorBytes;
    return sector <= capacity_ && sectors <= capacity_ - sector;
}
#line 3955 "chapters/03-drivers.nw"
BlockDevice::Answer BlockDevice::read(std::uint64_t sector,
                                      Buffers into) {
    if (!on_disk(sector, into)) return {abi::kBlkIoErr, 0};
    std::uint64_t offset = sector * abi::kBlkSectorBytes;
    std::uint32_t written = 0;
    for (auto buffer : into) {
        for (std::size_t done = 0; done < buffer.size();) {
            ssize_t n = ::pread(disk_.get(), buffer.data() + done,
                                buffer.size() - done,
                                static_cast<off_t>(offset));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return {abi::kBlkIoErr, written};
            done += static_cast<std::size_t>(n);
            offset += static_cast<std::uint64_t>(n);
            written += static_cast<std::uint32_t>(n);
        }
    }
    return {abi::kBlkOk, written};
}
#line 3985 "chapters/03-drivers.nw"
BlockDevice::Answer BlockDevice::write(std::uint64_t sector,
                                       Buffers from) {
    if (!on_disk(sector, from)) return {abi::kBlkIoErr, 0};
    std::uint64_t offset = sector * abi::kBlkSectorBytes;
    for (auto buffer : from) {
        for (std::size_t done = 0; done < buffer.size();) {
            ssize_t n = ::pwrite(disk_.get(), buffer.data() + done,
                                 buffer.size() - done,
                                 static_cast<off_t>(offset));
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return {abi::kBlkIoErr, 0};
            done += static_cast<std::size_t>(n);
            offset += static_cast<std::uint64_t>(n);
        }
    }
    return {abi::kBlkOk, 0};
}

#line 3806 "chapters/03-drivers.nw"
} // namespace lhv::launcher
