// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 2220 "chapters/03-drivers.nw"
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>
#include <poll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>
#include "abi/layout.hpp"
#include "abi/link.hpp"
#include "abi/virtio.hpp"
#include "launcher/block_device.hpp"
#include "launcher/boot_info.hpp"
#include "launcher/devices.hpp"
#include "launcher/errors.hpp"
#include "launcher/rng.hpp"

using namespace lhv::launcher;
namespace abi = lhv::abi;
#line 2283 "chapters/03-drivers.nw"
constexpr Devices::Serving kServing = Devices::Serving::OnThreads;
#line 2248 "chapters/03-drivers.nw"
namespace {
#line 1329 "chapters/03-drivers.nw"
struct Input {
    const std::uint8_t* data;
    std::size_t size;

    std::uint32_t take(int bytes) {
        std::uint32_t value = 0;
        for (int i = 0; i < bytes && size > 0; ++i, ++data, --size)
            value |= std::uint32_t{*data} << (8 * i);
        return value;
    }
    void copy(std::byte* to, std::size_t bytes) {
        std::size_t from_input = bytes < size ? bytes : size;
        if (from_input > 0) std::memcpy(to, data, from_input);
        std::memset(to + from_input, 0, bytes - from_input);
        data += from_input;
        size -= from_input;
    }
};
#line 1957 "chapters/03-drivers.nw"
class Watched final : public Device {
  public:
    explicit Watched(std::unique_ptr<Device> inner)
        : inner_(std::move(inner)) {}
    std::uint8_t type() const override { return inner_->type(); }
    std::uint32_t queue_count() const override {
        return inner_->queue_count();
    }
    std::uint32_t features() const override { return inner_->features(); }
    std::vector<std::byte> config() const override {
        return inner_->config();
    }
    void accept(std::uint32_t features) override {
        inner_->accept(features);
    }
    bool serve(std::uint32_t kicked, std::span<Virtqueue> queues) override {
        bool used = false;
        try {
            used = inner_->serve(kicked, queues);
        } catch (const VirtqueueError&) {
            threw = true;
            settle();
            throw;
        } catch (...) {
            __builtin_trap();
        }
        settle();
        return used;
    }
    std::atomic<std::uint32_t> served{0};  // calls that ended, either way
    std::atomic<bool> threw{false};

  private:
    void settle() {
        served.fetch_add(1);
        served.notify_all();
    }
    std::unique_ptr<Device> inner_;
};
#line 2011 "chapters/03-drivers.nw"
struct FuzzedMachine {
    static constexpr std::uint32_t kRam = 64 * 1024;
    static constexpr std::uint32_t kBytes =
        kRam + kDevicePages * abi::kPageSize;
    static constexpr std::uint32_t kDiskBytes = 8 * 512;
    std::unique_ptr<std::byte[]> bytes{new std::byte[kBytes]};
    abi::DeviceLink link{};
    int bell[2] = {-1, -1};
    int disk = ::memfd_create("devices-fuzz", MFD_CLOEXEC);
    Watched* watched[2] = {};
    std::unique_ptr<Devices> devices;
    std::uint32_t header[2] = {};  // Guest-physical, in the page
    std::uint32_t ring[2] = {};    // Guest-physical descriptor tables
    std::uint16_t published[2] = {};

    static FuzzedMachine& get() {
        static FuzzedMachine machine;
        return machine;
    }
    FuzzedMachine() {
        if (disk < 0 || ::ftruncate(disk, kDiskBytes) != 0 ||
            ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, bell) != 0)
            __builtin_trap();
        std::vector<std::unique_ptr<Device>> list;
        list.push_back(std::make_unique<Watched>(
            std::make_unique<EntropyDevice>()));
        list.push_back(std::make_unique<Watched>(
            std::make_unique<BlockBackEnd>(BlockDevice(
                UniqueFd{::dup(disk)}, kDiskBytes, false))));
        for (int d = 0; d < 2; ++d)
            watched[d] = static_cast<Watched*>(list[d].get());
        devices = std::make_unique<Devices>(std::move(list), link, bell[0],
                                            kServing);
    }
    GuestMemory memory() {
        return GuestMemory(std::span(bytes.get(), kBytes), kRam);
    }
    
#line 2058 "chapters/03-drivers.nw"
void start() {
    char rings[256];
    while (::recv(bell[1], rings, sizeof rings, MSG_DONTWAIT) > 0) {
    }
    std::memset(bytes.get(), 0, kBytes);
    std::uint8_t pattern[kDiskBytes];
    for (std::uint32_t i = 0; i < kDiskBytes; ++i) pattern[i] = i % 251;
    if (::pwrite(disk, pattern, kDiskBytes, 0) != kDiskBytes)
        __builtin_trap();
    for (auto& count : link.kicks) count = 0;
    devices->publish(memory());
    std::uint32_t at = 0;
    for (int d = 0; d < 2; ++d) {
        abi::DeviceDesc desc;
        std::memcpy(&desc, &bytes[kRam + at], sizeof desc);
        abi::VqConfig queue;
        std::memcpy(&queue, &bytes[kRam + at + sizeof desc], sizeof queue);
        header[d] = kRam + at;
        ring[d] = queue.pfn * abi::kPageSize;
        published[d] = 0;
        at += abi::device_desc_bytes(desc);
    }
}
#line 2049 "chapters/03-drivers.nw"
};
#line 2187 "chapters/03-drivers.nw"
bool failed(FuzzedMachine& m) {
    const std::string why = m.devices->failure();
    return why.rfind("the entropy device: ", 0) == 0 ||
           why.rfind("the block device: ", 0) == 0;
}

bool kick(FuzzedMachine& m, int d) {
    std::uint32_t slot = abi::kKickSlots;
    for (std::uint32_t k = 0; k < abi::kKickSlots; ++k)
        if (m.link.kick_address[k] == m.ring[d]) slot = k;
    if (slot == abi::kKickSlots) {
        m.devices->notified(GuestPhysical{m.ring[d]});
        return false;
    }
    Watched& device = *m.watched[d];
    const std::uint32_t before = device.served.load();
    ++m.link.kicks[slot];
    m.devices->take_kicks();
    if (kServing == Devices::Serving::OnThreads)
        device.served.wait(before);
    else if (device.served.load() == before)
        __builtin_trap();  // served inline, or not at all
    if (!device.threw.exchange(false)) return false;
    pollfd fd{m.devices->failure_fd(), POLLIN, 0};
    if (::poll(&fd, 1, 5000) != 1 || !failed(m)) __builtin_trap();
    return true;
}

#line 2095 "chapters/03-drivers.nw"
void play(FuzzedMachine& m, Input& input) {
    for (int step = 0; step < 512 && input.size > 0; ++step) {
        const std::uint32_t what = input.take(1);
        const int d = (what >> 4) & 1;  // which device
        switch (what % 8) {
        
#line 2114 "chapters/03-drivers.nw"
case 0:  // a byte of the device page, the Launcher's bytes included
    m.bytes[FuzzedMachine::kRam + input.take(1) % 64] =
        std::byte(input.take(1));
    break;
case 1:  // a status, and its notify
    m.bytes[m.header[d] + offsetof(abi::DeviceDesc, status)] =
        std::byte(input.take(1));
    m.devices->notified(GuestPhysical{m.header[d]});
    break;
case 2: {  // a notify of some address
    const std::uint32_t pick = input.take(1) % 4;
    m.devices->notified(GuestPhysical{
        pick == 0 ? m.ring[d]
        : pick == 1 ? FuzzedMachine::kRam + input.take(2) % 4096
        : pick == 2 ? input.take(4) : m.header[d]});
    break;
}
case 3: {  // a descriptor
    const std::uint32_t index = input.take(1) % kQueueSize;
    const std::uint32_t mode = input.take(1);
    std::uint64_t addr = input.take(mode % 4 == 0 ? 2 : 4);
    if (mode % 4 == 1) addr = FuzzedMachine::kRam - addr % 256;
    if (mode % 4 == 3) addr |= std::uint64_t{input.take(4)} << 32;
    const std::uint32_t len =
        mode & 4 ? input.take(4) : input.take(2) % 1100;
    const abi::VirtqDesc desc{addr, len,
                              std::uint16_t(input.take(1) & 7),
                              std::uint16_t(input.take(1) % 72)};
    std::memcpy(&m.bytes[m.ring[d] + 16 * index], &desc, sizeof desc);
    break;
}
case 4: {  // an available slot, and the index that publishes it
    const std::uint32_t avail =
        m.ring[d] + abi::vring_avail_offset(kQueueSize);
    const std::uint16_t head = input.take(1) % 72;
    const std::uint32_t slot = m.published[d] % kQueueSize;
    std::memcpy(&m.bytes[avail + abi::avail_slot(slot)], &head, 2);
    m.published[d] = std::uint16_t(what & 8 ? input.take(2)
                                            : m.published[d] + 1);
    std::memcpy(&m.bytes[avail + abi::kRingIdx], &m.published[d], 2);
    break;
}
case 5: {  // a block request's header somewhere in RAM
    const std::uint32_t at = input.take(2) % (FuzzedMachine::kRam - 16);
    const std::uint32_t type = input.take(1) % 10;
    const abi::BlkRequestHeader header{
        type, 0, what & 8 ? input.take(4) : input.take(1) % 10};
    std::memcpy(&m.bytes[at], &header, sizeof header);
    break;
}
case 6: {  // four bytes anywhere in RAM
    const std::uint32_t at = input.take(2) % (FuzzedMachine::kRam - 4);
    const std::uint32_t value = input.take(4);
    std::memcpy(&m.bytes[at], &value, 4);
    break;
}
default:
    if (kick(m, d)) return;  // the device failed: the Guest is stopped
#line 2101 "chapters/03-drivers.nw"
        }
    }
}
#line 2253 "chapters/03-drivers.nw"
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
    Input input{data, size};
    FuzzedMachine& machine = FuzzedMachine::get();
    machine.start();
    try {
        play(machine, input);
    } catch (const GuestDied&) {
    }
    return 0;
}
