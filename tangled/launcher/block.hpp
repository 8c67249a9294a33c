// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 3761 "chapters/03-drivers.nw"
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>
#include "abi/virtio.hpp"
#include "launcher/posix.hpp"
#include "launcher/virtqueue.hpp"

namespace lhv::launcher {

#line 3790 "chapters/03-drivers.nw"
class BlockDevice {
  public:
    BlockDevice(UniqueFd disk, std::uint64_t file_bytes, bool read_only);

    std::uint64_t capacity() const { return capacity_; }  // sectors
    bool read_only() const { return read_only_; }

    std::uint32_t handle(const Chain& request);
    bool serve(Virtqueue& queue);

  private:
    using Buffers = std::span<const std::span<std::byte>>;
    struct Answer {
        std::uint8_t status;
        std::uint32_t written;  // bytes put in the Guest's data buffers
    };

    enum class Work : std::uint8_t { none, read, write, flush };
    struct Job {                   // a request checked and decided
        Work work;
        std::uint64_t offset;      // in the image, in bytes
        Buffers data;              // the buffers to read into or write
        Answer answer;             // already known when work is none
    };
    static constexpr std::size_t kBatch = 32;

    Job prepare(const Chain& request) const;
    Job decide(const abi::BlkRequestHeader& header, Buffers readable,
               Buffers writable) const;
    bool on_disk(std::uint64_t sector, Buffers buffers) const;
    Answer perform(const Job& job);
    Answer read(std::uint64_t offset, Buffers into);
    Answer write(std::uint64_t offset, Buffers from);
    static std::uint32_t report(const Chain& request, Answer answer);
    void finish(Virtqueue& queue, std::size_t taken);

    UniqueFd disk_;
    std::uint64_t capacity_;
    bool read_only_;
    std::vector<Chain> batch_ = std::vector<Chain>(kBatch);  // reused
    std::vector<Job> jobs_ = std::vector<Job>(kBatch);
};

#line 3774 "chapters/03-drivers.nw"
BlockDevice open_disk(const std::string& path, bool read_only);

} // namespace lhv::launcher
