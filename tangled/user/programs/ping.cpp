// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 9532 "chapters/03-drivers.nw"
#include "user/lib.hpp"
#include "user/net.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

namespace {
#line 9565 "chapters/03-drivers.nw"
bool parse_ipv4(const char* text, uint32_t& address) {
    address = 0;
    for (int part = 0; part < 4; ++part) {
        char digits[4] = {};
        int n = 0;
        while (*text >= '0' && *text <= '9' && n < 3) digits[n++] = *text++;
        uint32_t value = 0;
        if (n == 0 || !parse_decimal(digits, value) || value > 255)
            return false;
        address = address << 8 | value;
        if (part < 3 && *text++ != '.') return false;
    }
    return *text == '\0';
}
#line 9584 "chapters/03-drivers.nw"
OutputLine& with_address(OutputLine& line, uint32_t address) {
    for (int shift = 24; shift >= 0; shift -= 8) {
        line.decimal(address >> shift & 0xFF);
        if (shift) line.text(".");
    }
    return line;
}
#line 9599 "chapters/03-drivers.nw"
constexpr uint32_t kMostPings = 100;

uint32_t median(uint32_t* times, uint32_t n) {
    for (uint32_t i = 1; i < n; ++i)
        for (uint32_t j = i; j > 0 && times[j - 1] > times[j]; --j) {
            uint32_t t = times[j];
            times[j] = times[j - 1];
            times[j - 1] = t;
        }
    return times[(n - 1) / 2];
}
#line 9542 "chapters/03-drivers.nw"
} // namespace

int main(int argc, char** argv) {
    uint32_t address = 0, count = 4, stay = 0;
    if (argc < 2 || argc > 4 || !parse_ipv4(argv[1], address) ||
        (argc >= 3 && (!parse_decimal(argv[2], count) || count == 0 ||
                       count > kMostPings)) ||
        (argc == 4 && (!parse_decimal(argv[3], stay) || stay > 3600))) {
        print("usage: ping A.B.C.D [COUNT, 1 to 100 [SECONDS TO STAY]]\n");
        return 2;
    }
    
#line 9616 "chapters/03-drivers.nw"
uint32_t times[kMostPings];
uint32_t received = 0;
OutputLine heading;
with_address(heading.text("PING "), address)
    .text(": 56 data bytes\n")
    .print();
for (uint32_t sequence = 1; sequence <= count; ++sequence) {
    int32_t micros =
        lhv_ping(address, sequence, sequence == 1 ? 10'000 : 1000);
    if (micros == -kENETDOWN) {
        print("ping: this Guest has no network card\n");
        return 1;
    }
    OutputLine line;
    if (micros < 0) {
        line.text("no reply for icmp_seq=").decimal(sequence);
    } else {
        times[received++] = uint32_t(micros);
        with_address(line.text("64 bytes from "), address)
            .text(": icmp_seq=").decimal(sequence)
            .text(" time=").decimal(uint32_t(micros)).text(" us");
    }
    line.text("\n").print();
}
#line 9554 "chapters/03-drivers.nw"
    
#line 9646 "chapters/03-drivers.nw"
OutputLine summary;
summary.decimal(count).text(" sent, ").decimal(received)
    .text(" received");
if (received > 0)
    summary.text(", median ").decimal(median(times, received))
        .text(" us (TSC clock, 1 us)");
summary.text("\n").print();
#line 9555 "chapters/03-drivers.nw"
    timespec rest{int32_t(stay), 0};
    if (stay) nanosleep(&rest, nullptr);
    return received == count ? 0 : 1;
}
