// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 6924 "chapters/03-drivers.nw"
#pragma once
#include "launcher/device.hpp"

namespace lhv::launcher {

class EntropyDevice final : public Device {
  public:
    std::uint8_t type() const override { return abi::kDeviceRng; }
    std::uint32_t queue_count() const override { return 1; }
    bool serve(std::uint32_t, std::span<Virtqueue> queues) override;
};

void fill_random(std::span<std::byte> buffer);

} // namespace lhv::launcher
