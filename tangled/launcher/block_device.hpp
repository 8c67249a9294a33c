// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 4825 "chapters/03-drivers.nw"
#pragma once
#include <cstring>
#include "launcher/block.hpp"
#include "launcher/device.hpp"

namespace lhv::launcher {

inline constexpr std::uint32_t kBlkFeatureReadOnly = 5;
inline constexpr std::uint32_t kBlkFeatureFlush = 9;

class BlockBackEnd final : public Device {
  public:
    explicit BlockBackEnd(BlockDevice disk) : disk_(std::move(disk)) {}

    std::uint8_t type() const override { return abi::kDeviceBlock; }
    std::uint32_t queue_count() const override { return 1; }
    std::uint32_t features() const override {
        return 1u << kBlkFeatureFlush |
               (disk_.read_only() ? 1u << kBlkFeatureReadOnly : 0);
    }
    std::vector<std::byte> config() const override {
        std::vector<std::byte> bytes(sizeof(std::uint64_t));
        std::uint64_t capacity = disk_.capacity();
        std::memcpy(bytes.data(), &capacity, sizeof capacity);
        return bytes;
    }
    bool serve(std::uint32_t, std::span<Virtqueue> queues) override {
        return disk_.serve(queues[0]);
    }

  private:
    BlockDevice disk_;
};

} // namespace lhv::launcher
