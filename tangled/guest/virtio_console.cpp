// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 8319 "chapters/03-drivers.nw"
#include "guest/drivers.hpp"
#include "guest/console.hpp"
#include "guest/line_discipline.hpp"
#include "guest/memory.hpp"
#include "guest/process.hpp"
#include "guest/virtio.hpp"

namespace lhv::guest {

namespace {
#line 8079 "chapters/03-drivers.nw"
constexpr uint32_t kReceiveQueue = 0, kTransmitQueue = 1;
constexpr uint32_t kReceiveBuffers = 16, kReceiveBytes = 64;
static_assert(kReceiveBuffers <= 32);  // one bit each in held

constinit VirtioDevice console;
constinit Virtqueue receive, transmit;
constinit bool console_up = false;
constinit LineDiscipline discipline;
constinit char receive_buffers[kReceiveBuffers][kReceiveBytes] = {};
constinit uint32_t held = (1u << kReceiveBuffers) - 1;
constinit bool input_ended = false;
#line 8101 "chapters/03-drivers.nw"
void give_receive_buffers() {
    if (input_ended)
        return;
    uint32_t out = kReceiveBuffers - __builtin_popcount(held);
    bool gave = false;
    for (uint32_t i = 0; i < kReceiveBuffers; ++i) {
        uint32_t needed = (out + 1) * 2 * kReceiveBytes +
                          LineDiscipline::kLineBytes + 1;
        if (!(held & (1u << i)) || discipline.room() < needed)
            continue;
        RingBuffer buffer{physical_address_of(receive_buffers[i]).value,
                          kReceiveBytes, true};
        if (!receive.add(&buffer, 1, receive_buffers[i]))
            break;
        held &= ~(1u << i);
        ++out;
        gave = true;
    }
    if (gave)
        kick(console, kReceiveQueue);
}
#line 8214 "chapters/03-drivers.nw"
struct EchoSlot {
    bool sent = false;
    Transfer transfer;
    char bytes[kReceiveBytes * LineDiscipline::kEchoMax] = {};
};
constinit EchoSlot echo_slots[16];

void echo(const char* bytes, uint32_t count) {
    for (EchoSlot& slot : echo_slots) {
        if (slot.sent && !slot.transfer.done)
            continue;
        for (uint32_t i = 0; i < count; ++i)
            slot.bytes[i] = bytes[i];
        RingBuffer buffer{physical_address_of(slot.bytes).value, count,
                          false};
        if (!transmit.add(&buffer, 1, &slot.transfer))
            return;
        slot.sent = true;
        slot.transfer.done = false;
        kick(console, kTransmitQueue);
        return;
    }
}
#line 8247 "chapters/03-drivers.nw"
void console_interrupt() {
    void* token = nullptr;
    uint32_t written = 0;
    for (;;) {
        Virtqueue::Used used = receive.take_used(token, written);
        if (used == Virtqueue::Used::None)
            break;
        if (used == Virtqueue::Used::Broken)
            device_broke("console");
        auto buffer = static_cast<char*>(token);
        held |= 1u << ((buffer - receive_buffers[0]) / kReceiveBytes);
        if (written == 0) {
            input_ended = true;
            discipline.end_of_input();
            continue;
        }
        char echoed[kReceiveBytes * LineDiscipline::kEchoMax];
        uint32_t n = 0;
        for (uint32_t i = 0; i < written; ++i)
            n += discipline.type(buffer[i], echoed + n);
        if (n > 0)
            echo(echoed, n);
    }
    give_receive_buffers();
    wake_up(&discipline);
    finish_transfers(transmit, "console");
}
#line 8333 "chapters/03-drivers.nw"
}

#line 8184 "chapters/03-drivers.nw"
void console_output(const char* bytes, uint32_t count) {
    if (count == 0)
        return;
    if (!console_up) {
        char piece[129];
        for (uint32_t done = 0; done < count;) {
            uint32_t n = count - done < 128 ? count - done : 128;
            for (uint32_t i = 0; i < n; ++i)
                piece[i] = bytes[done + i];
            piece[n] = '\0';
            console_write(piece);
            done += n;
        }
        return;
    }
    RingBuffer buffer{physical_address_of(bytes).value, count, false};
    Transfer transfer;
    send_and_wait(console, kTransmitQueue, transmit, &buffer, 1, transfer);
}
#line 8281 "chapters/03-drivers.nw"
int32_t console_input(char* into, uint32_t bytes) {
    if (!console_up)
        return 0;
    int32_t n;
    while ((n = discipline.read(into, bytes)) < 0)
        sleep_on(&discipline);
    give_receive_buffers();
    return n;
}
#line 8299 "chapters/03-drivers.nw"
void start_console(const abi::BootInfo& boot) {
    if (!find_device(boot, abi::kDeviceConsole, console))
        return;
    if (!accept_features(console, 0) ||
        !attach_queue(boot, console, kReceiveQueue, receive) ||
        !attach_queue(boot, console, kTransmitQueue, transmit) ||
        !take_interrupt(console, console_interrupt)) {
        fail_device(console);
        return;
    }
    driver_ok(console);
    console_up = true;
    give_receive_buffers();
}

#line 8339 "chapters/03-drivers.nw"
} // namespace lhv::guest
