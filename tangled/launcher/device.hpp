// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 4101 "chapters/04-launcher.nw"
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
    virtual std::uint8_t type() const = 0;  // abi::kDevice...
    virtual std::uint32_t queue_count() const = 0;
    virtual std::uint32_t features() const { return 0; }  // offered
    virtual std::vector<std::byte> config() const { return {}; }
    virtual void accept(std::uint32_t /*features*/) {}
    virtual bool serve(std::uint32_t kicked,
                       std::span<Virtqueue> queues) = 0;
    virtual int input_fd() const { return -1; }
    virtual bool wants_input() const { return false; }
    virtual bool input(std::span<Virtqueue> /*queues*/) { return false; }
};

const char* device_name(std::uint8_t type);

} // namespace lhv::launcher
