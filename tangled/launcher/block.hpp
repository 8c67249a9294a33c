// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 3708 "chapters/03-drivers.nw"
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include "abi/virtio.hpp"
#include "launcher/posix.hpp"
#include "launcher/virtqueue.hpp"

namespace lhv::launcher {

#line 3735 "chapters/03-drivers.nw"
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

    Answer answer(const abi::BlkRequestHeader& header,
                  Buffers readable, Buffers writable);
    bool on_disk(std::uint64_t sector, Buffers buffers) const;
    Answer read(std::uint64_t sector, Buffers into);
    Answer write(std::uint64_t sector, Buffers from);

    UniqueFd disk_;
    std::uint64_t capacity_;
    bool read_only_;
    Chain request_;  // reused: its vectors keep their capacity
};

#line 3720 "chapters/03-drivers.nw"
BlockDevice open_disk(const std::string& path, bool read_only);

} // namespace lhv::launcher
