// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 1512 "chapters/03-drivers.nw"
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>
#include "launcher/virtqueue.hpp"

namespace lhv::launcher {

class Device {
  public:
    virtual ~Device() = default;
    virtual std::uint8_t type() const = 0;
    virtual std::uint32_t queue_count() const = 0;
    virtual std::uint32_t features() const { return 0; }
    virtual std::vector<std::byte> config() const { return {}; }
    virtual void accept(std::uint32_t) {}
    virtual bool serve(std::uint32_t kicked,
                       std::span<Virtqueue> queues) = 0;
    virtual int input_fd() const { return -1; }
    virtual bool wants_input() const { return false; }
    virtual bool input(std::span<Virtqueue>) { return false; }
};

} // namespace lhv::launcher
