// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 8353 "chapters/03-drivers.nw"
#include "guest/drivers.hpp"
#include "guest/linux.hpp"
#include "guest/memory.hpp"
#include "guest/virtio.hpp"

namespace lhv::guest {

namespace {
constinit VirtioDevice rng;
constinit Virtqueue rng_requests;
constinit bool rng_up = false;

void rng_interrupt() { finish_transfers(rng_requests, "entropy device"); }
}

int32_t get_random(void* buffer, uint32_t bytes) {
    if (!rng_up)
        return -kENOSYS;
    auto at = static_cast<uint8_t*>(buffer);
    for (uint32_t done = 0; done < bytes;) {
        RingBuffer piece{physical_address_of(at + done).value,
                         bytes - done, true};
        Transfer transfer;
        send_and_wait(rng, 0, rng_requests, &piece, 1, transfer);
        if (transfer.written == 0)
            return -kEIO;
        done += transfer.written;
    }
    return int32_t(bytes);
}

void start_rng(const abi::BootInfo& boot) {
    if (!find_device(boot, abi::kDeviceRng, rng))
        return;
    if (!accept_features(rng, 0) ||
        !attach_queue(boot, rng, 0, rng_requests) ||
        !take_interrupt(rng, rng_interrupt)) {
        fail_device(rng);
        return;
    }
    driver_ok(rng);
    rng_up = true;
}

} // namespace lhv::guest
