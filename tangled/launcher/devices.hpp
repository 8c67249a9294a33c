// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 4157 "chapters/04-launcher.nw"
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>
#include "abi/link.hpp"
#include "launcher/device.hpp"
#include "launcher/posix.hpp"

namespace lhv::launcher {

inline constexpr std::uint16_t kQueueSize = 64;
inline constexpr std::uint32_t kFeatureBytes = 4;

class Devices {
  public:
    enum class Serving { OnThreads, Inline };
    Devices(std::vector<std::unique_ptr<Device>> devices,
            abi::DeviceLink& link, int doorbell,
            Serving serving = Serving::OnThreads);
    Devices(const Devices&) = delete;
    Devices& operator=(const Devices&) = delete;
    ~Devices();

    void publish(GuestMemory memory);
    bool notified(GuestPhysical address);
    void take_kicks();
    int failure_fd() const { return failed_.get(); }
    std::string failure();
    void stop_guest() { std::atomic_ref(link_.stop).store(1); }

  private:
    
#line 4221 "chapters/04-launcher.nw"
struct Slot {
    std::unique_ptr<Device> device;
    std::uint32_t offset = 0;          // its DeviceDesc in the page
    std::uint32_t irq = 0;             // its interrupt line
    std::uint32_t first_kick = 0;      // its queues' kick slots
    std::vector<VirtqueueConfig> rings;
    std::mutex lock;
    std::vector<Virtqueue> queues;     // live only after DRIVER_OK
    bool features_ok = false;
    bool broken = false;               // it threw; serve it no more
    std::atomic<std::uint32_t> kicked{0};
    UniqueFd wake;                     // an eventfd
    std::thread thread;
};
#line 4194 "chapters/04-launcher.nw"
    
#line 4293 "chapters/04-launcher.nw"
static UniqueFd make_eventfd();
static void wake(Slot& slot);
#line 4536 "chapters/04-launcher.nw"
void run(Slot& slot);
bool serve(Slot& slot, bool input_ready);
void raise(Slot& slot);
void fail(const std::string& why);
void forget_failure();
void check_page() const;
void status_changed(Slot& slot);
void make_live(Slot& slot);
void forget_queues(Slot& slot);
static std::uint32_t features_at(const Slot& slot) {
    return slot.offset + sizeof(abi::DeviceDesc) +
           slot.device->queue_count() * sizeof(abi::VqConfig);
}

#line 4196 "chapters/04-launcher.nw"
    std::vector<std::unique_ptr<Slot>> slots_;
    abi::DeviceLink& link_;
    int doorbell_;
    std::optional<GuestMemory> memory_;
    std::vector<std::byte> page_;       // the device page as written
    std::vector<std::byte> guest_writes_;  // 0xff: the Guest may change
    std::uint32_t list_end_ = 0;        // the first byte after them
    std::uint32_t kicks_seen_[abi::kKickSlots] = {};
    std::atomic<bool> stopping_{false};
    bool inline_ = false;               // Serving::Inline: no threads
    std::mutex failure_lock_;
    std::string failure_;
    UniqueFd failed_;
};

} // namespace lhv::launcher
