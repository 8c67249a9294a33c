// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 1916 "chapters/04-launcher.nw"
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include "launcher/addresses.hpp"

namespace lhv::launcher {

#line 1937 "chapters/04-launcher.nw"
class GuestMemory {
  public:
    GuestMemory(std::span<std::byte> bytes, std::uint32_t ram_bytes);

    std::uint64_t size() const { return bytes_.size(); }
    std::uint32_t ram_bytes() const { return ram_bytes_; }
    std::span<std::byte> bytes(GuestPhysical start,
                               std::uint32_t length) const;
    std::optional<std::string> string_at(GuestPhysical start,
                                         std::uint32_t limit) const;

  private:
    std::span<std::byte> bytes_;
    std::uint32_t ram_bytes_;
};
#line 1959 "chapters/04-launcher.nw"
class MachineMemory {
  public:
    explicit MachineMemory(std::span<std::byte> bytes) : bytes_(bytes) {}

    template <class T>
    T& object_at(MachinePhysical address) const {
        return *reinterpret_cast<T*>(range(address, sizeof(T)).data());
    }
    GuestMemory guest(std::uint32_t ram_bytes,
                      std::uint32_t device_bytes) const;

  private:
    std::span<std::byte> range(MachinePhysical start,
                               std::uint64_t length) const;
    std::span<std::byte> bytes_;
};

#line 1929 "chapters/04-launcher.nw"
} // namespace lhv::launcher
