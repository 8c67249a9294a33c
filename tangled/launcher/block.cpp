// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 3854 "chapters/03-drivers.nw"
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

#line 3886 "chapters/03-drivers.nw"
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
#line 4035 "chapters/03-drivers.nw"
namespace {

[[noreturn, gnu::cold, gnu::noinline]] void
refuse_framing(std::uint16_t head, const char* what) {
    throw VirtqueueError("block request at descriptor " +
                         std::to_string(head) + what);
}

} // namespace
#line 3919 "chapters/03-drivers.nw"
std::uint32_t BlockDevice::handle(const Chain& request) {
    return report(request, perform(prepare(request)));
}

BlockDevice::Job BlockDevice::prepare(const Chain& request) const {
    
#line 4019 "chapters/03-drivers.nw"
if (request.readable.empty() ||
    request.readable.front().size() != sizeof(abi::BlkRequestHeader))
    refuse_framing(request.head, " does not start with a header of "
                                 "16 bytes in a buffer of its own");
if (request.writable.empty() || request.writable.back().size() != 1)
    refuse_framing(request.head, " does not end with a status byte "
                                 "in a buffer of its own");
#line 3925 "chapters/03-drivers.nw"
    abi::BlkRequestHeader header;
    std::memcpy(&header, request.readable.front().data(), sizeof header);
    Buffers readable = std::span(request.readable).subspan(1);
    Buffers writable = std::span(request.writable)
                           .first(request.writable.size() - 1);
    return decide(header, readable, writable);
}

std::uint32_t BlockDevice::report(const Chain& request, Answer answer) {
    request.writable.back()[0] = std::byte{answer.status};
    return answer.written + 1;
}
#line 3987 "chapters/03-drivers.nw"
bool BlockDevice::serve(Virtqueue& queue) {
    bool used = false;
    for (;;) {
        std::size_t taken = 0;
        try {
            while (taken < kBatch && queue.pop(batch_[taken])) {
                jobs_[taken] = prepare(batch_[taken]);
                ++taken;
            }
        } catch (...) {
            finish(queue, taken);
            throw;
        }
        finish(queue, taken);
        used = used || taken != 0;
        if (taken < kBatch) return used;
    }
}

void BlockDevice::finish(Virtqueue& queue, std::size_t taken) {
    for (std::size_t i = 0; i < taken; ++i)
        jobs_[i].answer = perform(jobs_[i]);
    for (std::size_t i = 0; i < taken; ++i)
        queue.push(batch_[i], report(batch_[i], jobs_[i].answer));
}
#line 4062 "chapters/03-drivers.nw"
BlockDevice::Job BlockDevice::decide(const abi::BlkRequestHeader& header,
                                     Buffers readable,
                                     Buffers writable) const {
    const Job failed{Work::none, 0, {}, {abi::kBlkIoErr, 0}};
    switch (header.type) {
    case abi::kBlkIn:
        if (!readable.empty() || !on_disk(header.sector, writable))
            return failed;
        return {Work::read, header.sector * abi::kBlkSectorBytes, writable,
                {abi::kBlkOk, 0}};
    case abi::kBlkOut:
        if (!writable.empty() || read_only_ ||
            !on_disk(header.sector, readable))
            return failed;
        return {Work::write, header.sector * abi::kBlkSectorBytes, readable,
                {abi::kBlkOk, 0}};
    case abi::kBlkFlush:
        return {Work::flush, 0, {}, {abi::kBlkOk, 0}};
    default:
        return {Work::none, 0, {}, {abi::kBlkUnsupp, 0}};
    }
}
#line 4100 "chapters/03-drivers.nw"
bool BlockDevice::on_disk(std::uint64_t sector, Buffers buffers) const {
    std::uint64_t bytes = 0;
    for (auto buffer : buffers) bytes += buffer.size();
    if (bytes % abi::kBlkSectorBytes != 0) return false;
    const std::uint64_t sectors = bytes / abi::kBlkSectorBytes;
    return sector <= capacity_ && sectors <= capacity_ - sector;
}
#line 4129 "chapters/03-drivers.nw"
[[gnu::always_inline]] inline BlockDevice::Answer
BlockDevice::perform(const Job& job) {
    switch (job.work) {
    case Work::read:
        return read(job.offset, job.data);
    case Work::write:
        return write(job.offset, job.data);
    case Work::flush:
        if (::fdatasync(disk_.get()) != 0) return {abi::kBlkIoErr, 0};
        return {abi::kBlkOk, 0};
    case Work::none:
        break;
    }
    return job.answer;
}
#line 4158 "chapters/03-drivers.nw"
[[gnu::always_inline]] inline BlockDevice::Answer
BlockDevice::read(std::uint64_t offset, Buffers into) {
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
#line 4186 "chapters/03-drivers.nw"
[[gnu::always_inline]] inline BlockDevice::Answer
BlockDevice::write(std::uint64_t offset, Buffers from) {
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

#line 3878 "chapters/03-drivers.nw"
} // namespace lhv::launcher
