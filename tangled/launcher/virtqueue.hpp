// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 405 "chapters/03-drivers.nw"
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>
#include "abi/virtio.hpp"
#include "launcher/addresses.hpp"
#include "launcher/guest_memory.hpp"

namespace lhv::launcher {

#line 431 "chapters/03-drivers.nw"
struct VirtqueueConfig {
    std::uint32_t size;          // entries: a power of two, <= 32768
    GuestPhysical descriptors;   // the descriptor table
    GuestPhysical available;     // the available ring
    GuestPhysical used;          // the used ring
};
#line 449 "chapters/03-drivers.nw"
struct Chain {
    std::uint16_t head = 0;
    std::vector<std::span<std::byte>> readable;  // device reads these
    std::vector<std::span<std::byte>> writable;  // device writes these
    std::uint32_t writable_bytes = 0;
};
#line 465 "chapters/03-drivers.nw"
class VirtqueueError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};
#line 485 "chapters/03-drivers.nw"
class Virtqueue {
  public:
    Virtqueue(std::string name, GuestMemory memory,
              const VirtqueueConfig& config);

    std::optional<Chain> pop();
    bool pop(Chain& chain);
    void push(const Chain& chain, std::uint32_t written);

  private:
    std::span<std::byte> part(const char* what, GuestPhysical start,
                              std::uint32_t bytes, std::uint32_t align);
    void walk(std::uint16_t head, Chain& chain) const;
    abi::VirtqDesc descriptor(std::uint16_t index) const;
    std::span<std::byte> buffer(std::uint16_t index,
                                const abi::VirtqDesc& desc) const;
    template <class... Parts>
    [[noreturn, gnu::cold, gnu::noinline]] void refuse(Parts... parts)
        const;
    template <class... Parts>
    [[noreturn, gnu::cold, gnu::noinline]] void bug(Parts... parts) const;

    std::string name_;
    GuestMemory memory_;
    std::uint32_t size_ = 0;
    std::span<std::byte> descriptors_, available_, used_;
    std::uint16_t next_available_ = 0;
    std::uint16_t next_used_ = 0;
    std::uint32_t in_flight_ = 0;
};

#line 424 "chapters/03-drivers.nw"
} // namespace lhv::launcher
