// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 5054 "chapters/03-drivers.nw"
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>
#include "abi/virtio.hpp"
#include "launcher/device.hpp"
#include "launcher/posix.hpp"
#include "launcher/virtqueue.hpp"

namespace lhv::launcher {

#line 5101 "chapters/03-drivers.nw"
class NetCable {
  public:
    NetCable(UniqueFd fd, int side, std::string partner);

    struct Datagram {
        std::size_t length;  // the datagram's, even if cut short
        bool from_partner;
    };
    bool send(std::span<const std::byte> frame) const;
    std::optional<Datagram> receive(std::span<std::byte> into) const;

    int fd() const { return fd_.get(); }
    int side() const { return side_; }  // 0: made the cable; 1: joined

  private:
    std::optional<Datagram> read_frame(std::span<std::byte> into) const;

    UniqueFd fd_;
    int side_;
    std::string partner_;  // its abstract name; empty: fd has one partner
};
#line 5130 "chapters/03-drivers.nw"
struct NetCounts {
    std::uint64_t sent = 0, received = 0;
    std::uint64_t runts_sent = 0, oversize_sent = 0;  // by the Guest
    std::uint64_t runts_received = 0, oversize_received = 0;
    std::uint64_t undelivered = 0, strangers = 0;
};
#line 5154 "chapters/03-drivers.nw"
class NetDevice final : public Device {
  public:
    explicit NetDevice(NetCable cable, std::ostream* report_to = nullptr);
    ~NetDevice() override;

    std::uint8_t type() const override { return abi::kDeviceNet; }
    std::uint32_t queue_count() const override { return 2; }
    std::uint32_t features() const override {
        return 1u << abi::kNetFeatureMac;
    }
    std::vector<std::byte> config() const override;
    void accept(std::uint32_t features) override;
    bool serve(std::uint32_t kicked, std::span<Virtqueue> queues) override;
    int input_fd() const override { return cable_.fd(); }
    bool wants_input() const override { return !receive_buffers_.empty(); }
    bool input(std::span<Virtqueue> queues) override;

    std::array<std::uint8_t, abi::kNetMacBytes> mac() const;
    const NetCounts& counts() const { return counts_; }
    std::string report() const;

  private:
    bool transmit(Virtqueue& queue);
    void take_receive_buffers(Virtqueue& queue);
    bool deliver(Virtqueue& queue);

    NetCable cable_;
    std::ostream* report_to_;
    std::deque<Chain> receive_buffers_;
    NetCounts counts_;
};

#line 5076 "chapters/03-drivers.nw"
std::string cable_name(const std::string& path, int side);
NetCable join_cable(const std::string& path);
std::string tap_name_problem(std::string_view name);
NetCable open_tap(const std::string& name);

} // namespace lhv::launcher
