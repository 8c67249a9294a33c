// generated from chapters/07-mastery.nw -- edit the chapter, not this file
#line 916 "chapters/07-mastery.nw"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
#include <fcntl.h>
#include <unistd.h>
#include "abi/virtio.hpp"
#include "launcher/block.hpp"
#include "launcher/devices.hpp"
#include "launcher/guest_memory.hpp"
#include "launcher/virtqueue.hpp"

using namespace lhv::launcher;
using namespace lhv::abi;

#line 1015 "chapters/07-mastery.nw"
class ReadRing {
  public:
    static constexpr std::uint32_t kRequests = kQueueSize / 3;

    explicit ReadRing(std::uint32_t request)
        : request_(request),
          memory_(kData + std::size_t{kRequests} * request),
          queue_("block queue", GuestMemory(memory_, memory_.size()),
                 {kQueueSize, GuestPhysical{0},
                  GuestPhysical{vring_avail_offset(kQueueSize)},
                  GuestPhysical{vring_used_offset(kQueueSize)}}) {}

    std::uint64_t bytes_per_ring() const {
        return std::uint64_t{kRequests} * request_;
    }
    void read_through(BlockDevice& disk, std::uint64_t at,
                      std::uint32_t type = kBlkIn) {
        for (std::uint32_t i = 0; i < kRequests; ++i) {
            BlkRequestHeader header{type, 0,
                                    (at + i * request_) / kBlkSectorBytes};
            std::memcpy(&memory_[kHeaders + 16 * i], &header, 16);
            describe(3 * i, kHeaders + 16 * i, 16, kDescNext);
            describe(3 * i + 1, data(i), request_, kDescWrite | kDescNext);
            describe(3 * i + 2, kStatus + i, 1, kDescWrite);
            publish(3 * i);
        }
        disk.serve(queue_);
    }
    void read_raw(int fd, std::uint64_t at) {
        for (std::uint32_t i = 0; i < kRequests; ++i)
            if (::pread(fd, &memory_[data(i)], request_,
                        at + i * request_) < 0)
                std::exit(1);
    }

  private:
    static constexpr std::uint32_t kHeaders = 3 * 4096;
    static constexpr std::uint32_t kStatus = kHeaders + 16 * kRequests;
    static constexpr std::uint32_t kData = 4 * 4096;
    std::uint32_t data(std::uint32_t i) const {
        return kData + i * request_;
    }
    void describe(std::uint16_t i, std::uint32_t at, std::uint32_t len,
                  std::uint16_t flags) {
        VirtqDesc d{at, len, flags, static_cast<std::uint16_t>(i + 1)};
        std::memcpy(&memory_[16 * i], &d, sizeof d);
    }
    void publish(std::uint16_t head) {
        std::uint32_t avail = vring_avail_offset(kQueueSize);
        std::memcpy(&memory_[avail + avail_slot(published_ % kQueueSize)],
                    &head, 2);
        ++published_;
        std::memcpy(&memory_[avail + kRingIdx], &published_, 2);
    }

    std::uint32_t request_;
    std::vector<std::byte> memory_;
    Virtqueue queue_;
    std::uint16_t published_ = 0;
};
#line 1087 "chapters/07-mastery.nw"
struct Pass {
    double bytes = 0, device_seconds = 0, raw_seconds = 0;
    std::vector<double> pair_ratios;  // pread's time / the back-end's
};

Pass one_pass(std::uint64_t disk_bytes, ReadRing& ring, BlockDevice& disk,
              int fd) {
    using Clock = std::chrono::steady_clock;
    Pass pass;
    const std::uint64_t step = ring.bytes_per_ring();
    bool device_first = true;
    double pair[2] = {0, 0};
    for (std::uint64_t at = 0; at + step <= disk_bytes; at += step) {
        double took[2];  // [1] through the back-end, [0] with pread
        for (int turn = 0; turn < 2; ++turn) {
            const bool device = (turn == 0) == device_first;
            auto start = Clock::now();
            if (device)
                ring.read_through(disk, at);
            else
                ring.read_raw(fd, at);
            took[device] = std::chrono::duration<double>(
                               Clock::now() - start).count();
        }
        pass.device_seconds += took[1];
        pass.raw_seconds += took[0];
        pair[0] += took[0];
        pair[1] += took[1];
        if (!device_first) {  // a pair of rings, one begun each way
            pass.pair_ratios.push_back(pair[0] / pair[1]);
            pair[0] = pair[1] = 0;
        }
        device_first = !device_first;
        pass.bytes += step;
    }
    return pass;
}
#line 1137 "chapters/07-mastery.nw"
double no_io_nanoseconds(std::uint64_t disk_bytes, ReadRing& ring,
                         BlockDevice& disk) {
    using Clock = std::chrono::steady_clock;
    const std::uint64_t step = ring.bytes_per_ring();
    std::vector<double> per_request;
    for (int pass = 0; pass < 7; ++pass) {
        double seconds = 0, requests = 0;
        for (std::uint64_t at = 0; at + step <= disk_bytes; at += step) {
            auto start = Clock::now();
            ring.read_through(disk, at, kBlkGetId);
            seconds += std::chrono::duration<double>(Clock::now() - start)
                           .count();
            requests += ReadRing::kRequests;
        }
        per_request.push_back(seconds / requests * 1e9);
    }
    std::ranges::sort(per_request);
    return per_request[3];
}

#line 938 "chapters/07-mastery.nw"
int main(int argc, char** argv) {
    const std::uint32_t request = argc > 1 ? std::atoi(argv[1]) : 4096;
    constexpr std::uint64_t kDiskBytes = 64 << 20;
    if (request == 0 || request % 512 || request > 65536) {
        std::fprintf(stderr, "block_rate: a request is 512 to 65536 "
                             "bytes, whole sectors\n");
        return 2;
    }
    
#line 983 "chapters/07-mastery.nw"
char path[] = "/tmp/lhv-block-rate-XXXXXX";
int fd = ::mkstemp(path);
if (fd < 0) {
    std::perror("block_rate: mkstemp");
    return 1;
}
std::vector<char> chunk(1 << 20);
for (std::size_t i = 0; i < chunk.size(); ++i)
    chunk[i] = static_cast<char>(i * 7 + 1);
for (std::uint64_t at = 0; at < kDiskBytes; at += chunk.size())
    if (::pwrite(fd, chunk.data(), chunk.size(), at) !=
        static_cast<ssize_t>(chunk.size())) {
        std::perror("block_rate: pwrite");
        ::unlink(path);
        return 1;
    }
BlockDevice disk = open_disk(path, true);
::unlink(path);
for (std::uint64_t at = 0; at < kDiskBytes; at += chunk.size())
    if (::pread(fd, chunk.data(), chunk.size(), at) < 0)
        return 1;
#line 947 "chapters/07-mastery.nw"
    ReadRing ring(request);
    std::vector<double> device, raw, ratio, extra, pairs;
    for (int pass = 0; pass < 7; ++pass) {
        Pass p = one_pass(kDiskBytes, ring, disk, fd);
        pairs.insert(pairs.end(), p.pair_ratios.begin(),
                     p.pair_ratios.end());
        device.push_back(p.bytes / p.device_seconds);
        raw.push_back(p.bytes / p.raw_seconds);
        ratio.push_back(p.raw_seconds / p.device_seconds);
        extra.push_back((p.device_seconds - p.raw_seconds) /
                        (p.bytes / request) * 1e9);
    }
    std::ranges::sort(device);
    std::ranges::sort(raw);
    std::ranges::sort(ratio);
    std::ranges::sort(extra);
    std::ranges::sort(pairs);
    std::printf("block_rate: %u-byte reads: back-end %.0f MB/s, pread "
                "%.0f MB/s, ratio %.1f%%\n", request, device[3] / 1e6,
                raw[3] / 1e6, 100 * ratio[3]);
    std::printf("block_rate: two rings at a time, the median ratio of "
                "%zu: %.1f%%\n", pairs.size(),
                100 * pairs[pairs.size() / 2]);
    std::printf("block_rate: the back-end's own cost: %.0f ns a request "
                "between preads, %.0f ns with no I/O\n", extra[3],
                no_io_nanoseconds(kDiskBytes, ring, disk));
    ::close(fd);
    return 0;
}
