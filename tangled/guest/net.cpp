// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 9218 "chapters/03-drivers.nw"
#include "guest/net.hpp"
#include "abi/virtio.hpp"
#include "guest/console.hpp"
#include "guest/ip.hpp"
#include "guest/kernel.hpp"
#include "guest/linux.hpp"
#include "guest/memory.hpp"
#include "guest/process.hpp"
#include "guest/virtio.hpp"

namespace lhv::guest {

namespace {
#line 9250 "chapters/03-drivers.nw"
constexpr int32_t kNetDown = 100;   // Linux's ENETDOWN
constexpr int32_t kTimedOut = 110;  // Linux's ETIMEDOUT
constexpr uint32_t kBuffers = 16;
constexpr uint32_t kHeader = sizeof(abi::NetHeader);
struct Buffer {
    uint8_t bytes[abi::kNetBufferBytes];
};
Buffer receive_buffers[kBuffers];
Buffer transmit_buffers[kBuffers];
bool transmitting[kBuffers];
VirtioDevice card;
Virtqueue receive_queue, transmit_queue;
bool card_up = false;
ip::Stack stack;
uint64_t reply_tsc = 0;
uint32_t transmit_drops = 0;

uint64_t read_tsc() {
    uint32_t low, high;
    asm volatile("rdtsc" : "=a"(low), "=d"(high));
    return uint64_t(high) << 32 | low;
}
#line 9280 "chapters/03-drivers.nw"
void take_transmitted();

void transmit(const uint8_t* frame, uint32_t length) {
    take_transmitted();
    for (uint32_t i = 0; i < kBuffers; ++i) {
        if (transmitting[i]) continue;
        Buffer& buffer = transmit_buffers[i];
        ip::copy(buffer.bytes + kHeader, frame, length);
        RingBuffer piece{physical_address_of(buffer.bytes).value,
                         kHeader + length, false};
        if (!transmit_queue.add(&piece, 1, &buffer)) break;
        transmitting[i] = true;
        kick(card, abi::kNetTransmitQueue);
        return;
    }
    ++transmit_drops;
}
#line 9307 "chapters/03-drivers.nw"
void give_receive_buffer(Buffer& buffer) {
    RingBuffer piece{physical_address_of(buffer.bytes).value,
                     abi::kNetBufferBytes, true};
    receive_queue.add(&piece, 1, &buffer);
}

void take_transmitted() {
    void* token = nullptr;
    uint32_t written = 0;
    for (;;) {
        Virtqueue::Used used = transmit_queue.take_used(token, written);
        if (used == Virtqueue::Used::None) return;
        if (used == Virtqueue::Used::Broken) device_broke("network card");
        transmitting[static_cast<Buffer*>(token) - transmit_buffers] =
            false;
    }
}

void net_interrupt() {
    void* token = nullptr;
    uint32_t written = 0;
    bool gave_back = false;
    static uint8_t answer[ip::kEthMaxFrame];
    for (;;) {
        Virtqueue::Used used = receive_queue.take_used(token, written);
        if (used == Virtqueue::Used::None) break;
        if (used == Virtqueue::Used::Broken) device_broke("network card");
        auto& buffer = *static_cast<Buffer*>(token);
        const uint32_t replies = stack.counts.replies;
        if (written > kHeader) {
            uint32_t n = stack.receive(buffer.bytes + kHeader,
                                       written - kHeader, answer);
            if (stack.counts.replies != replies) {
                reply_tsc = read_tsc();
                wake_up(&stack);
            }
            if (n) transmit(answer, n);
        }
        give_receive_buffer(buffer);
        gave_back = true;
    }
    if (gave_back) kick(card, abi::kNetReceiveQueue);
    take_transmitted();
}
#line 9387 "chapters/03-drivers.nw"
void say_address(const ip::Mac& mac, uint32_t address) {
    const char* digits = "0123456789abcdef";
    char text[18];
    for (uint32_t i = 0; i < 6; ++i) {
        text[3 * i] = digits[mac.bytes[i] >> 4];
        text[3 * i + 1] = digits[mac.bytes[i] & 15];
        text[3 * i + 2] = i < 5 ? ':' : '\0';
    }
    Line line;
    line.text("Little Hypervisor Guest: network card ").text(text)
        .text(", address ");
    for (int shift = 24; shift >= 0; shift -= 8) {
        line.decimal(address >> shift & 0xFF);
        if (shift) line.text(".");
    }
    line.text("\n").print();
}
#line 9235 "chapters/03-drivers.nw"
} // namespace

#line 9359 "chapters/03-drivers.nw"
void start_net(const abi::BootInfo& boot) {
    if (!find_device(boot, abi::kDeviceNet, card))
        return;
    if (!(card.offered & 1u << abi::kNetFeatureMac) ||
        card.config_len < abi::kNetMacBytes ||
        !accept_features(card, 1u << abi::kNetFeatureMac) ||
        !attach_queue(boot, card, abi::kNetReceiveQueue, receive_queue) ||
        !attach_queue(boot, card, abi::kNetTransmitQueue,
                      transmit_queue) ||
        !take_interrupt(card, net_interrupt)) {
        fail_device(card);
        return;
    }
    ip::Mac mac;
    ip::copy(mac.bytes, card.config, abi::kNetMacBytes);
    stack.configure(mac, ip::ipv4(10, 0, 0, mac.bytes[5]));
    driver_ok(card);
    for (Buffer& buffer : receive_buffers) give_receive_buffer(buffer);
    kick(card, abi::kNetReceiveQueue);
    card_up = true;
    say_address(mac, stack.address());
}
#line 9419 "chapters/03-drivers.nw"
int32_t net_ping(uint32_t address, uint16_t id, uint16_t sequence,
                 uint32_t timeout_ms) {
    if (!card_up) return -kNetDown;
    if (timeout_ms > 60'000) timeout_ms = 60'000;
    const uint32_t deadline = ticks + (timeout_ms + 9) / 10 + 1;
    static uint8_t frame[ip::kEthMaxFrame];
    uint64_t sent_tsc = 0;
    uint32_t next_arp = ticks;
    stack.take_reply(id, sequence);  // forget an old reply of this number
    while (int32_t(ticks - deadline) < 0) {
        if (sent_tsc && stack.take_reply(id, sequence)) {
            uint64_t cycles = reply_tsc - sent_tsc;
            uint32_t mhz = lguest_data.tsc_khz / 1000;
            if (mhz == 0 || cycles > 0xFFFFFFFFu) return -kTimedOut;
            return int32_t(uint32_t(cycles) / mhz);
        }
        if (!sent_tsc && stack.knows(address)) {
            uint32_t n = stack.ping_frame(address, id, sequence, frame);
            sent_tsc = read_tsc();
            transmit(frame, n);
        } else if (!sent_tsc && int32_t(ticks - next_arp) >= 0) {
            transmit(frame, stack.ping_frame(address, id, sequence, frame));
            next_arp = ticks + 10;
        }
        current->wake_at = ticks + 1;
        sleep_on(&stack);
        current->wake_at = 0;
    }
    return -kTimedOut;
}
#line 9663 "chapters/03-drivers.nw"
int32_t sys_lhv_ping(TrapFrame& f) {
    return net_ping(f.ebx, uint16_t(current->pid), uint16_t(f.ecx), f.edx);
}

#line 9241 "chapters/03-drivers.nw"
} // namespace lhv::guest
