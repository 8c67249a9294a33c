// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 2542 "chapters/03-drivers.nw"
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <termios.h>
#include "abi/virtio.hpp"
#include "launcher/device.hpp"
#include "launcher/virtqueue.hpp"

namespace lhv::launcher {

#line 2572 "chapters/03-drivers.nw"
class RawTerminal {
  public:
    explicit RawTerminal(int fd);
    RawTerminal(const RawTerminal&) = delete;
    RawTerminal& operator=(const RawTerminal&) = delete;
    ~RawTerminal();

  private:
    int fd_;
    termios saved_;
};
#line 2598 "chapters/03-drivers.nw"
class ConsoleDevice : public Device {
  public:
    static constexpr std::uint32_t kReceiveQueue = 0;
    static constexpr std::uint32_t kTransmitQueue = 1;
    static constexpr std::size_t kWaitingMost = 4096;
    static constexpr int kInterruptsToQuit = 3;
    static constexpr char kCtrlC = 0x03;

    ConsoleDevice(int in_fd, int out_fd,
                  std::function<void()> quit = interrupt_launcher);

    std::uint8_t type() const override { return abi::kDeviceConsole; }
    std::uint32_t queue_count() const override { return 2; }
    void accept(std::uint32_t features) override;
    bool serve(std::uint32_t kicked,
               std::span<Virtqueue> queues) override;
    int input_fd() const override { return in_fd_; }
    bool wants_input() const override;
    bool input(std::span<Virtqueue> queues) override;

    bool raw() const { return terminal_.has_value(); }
    std::size_t waiting() const { return waiting_.size(); }

  private:
    static void interrupt_launcher();
    bool transmit(Virtqueue& queue);
    void take(std::string_view bytes);
    bool deliver(Virtqueue& queue);
    std::uint32_t fill(const Chain& chain);

    int in_fd_, out_fd_;
    bool from_terminal_;
    std::optional<RawTerminal> terminal_;
    std::string waiting_;
    bool input_ended_ = false;
    bool end_delivered_ = false;
    bool quitting_ = false;
    int interrupts_ = 0;
    bool output_lost_ = false;
    std::function<void()> quit_;
};

#line 2561 "chapters/03-drivers.nw"
std::unique_ptr<Device> make_console(int in_fd, int out_fd);

} // namespace lhv::launcher
