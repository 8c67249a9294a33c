// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 5164 "chapters/03-drivers.nw"
#include "launcher/net.hpp"
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <sys/socket.h>
#include <sys/un.h>
#include "launcher/errors.hpp"

namespace lhv::launcher {

#line 5194 "chapters/03-drivers.nw"
namespace {

struct Address {
    sockaddr_un un{};
    socklen_t length = 0;
};

Address abstract_address(const std::string& name) {
    Address address;
    address.un.sun_family = AF_UNIX;
    if (name.size() + 1 > sizeof address.un.sun_path)
        throw std::logic_error("abstract name too long: " + name);
    std::memcpy(address.un.sun_path + 1, name.data(), name.size());
    address.length = static_cast<socklen_t>(
        offsetof(sockaddr_un, sun_path) + 1 + name.size());
    return address;
}

} // namespace
#line 5221 "chapters/03-drivers.nw"
std::string cable_name(const std::string& path, int side) {
    const std::string absolute =
        std::filesystem::absolute(path).lexically_normal().string();
    std::string name = "lhv-net:" + absolute + ":" + std::to_string(side);
    if (name.size() + 1 > sizeof(sockaddr_un::sun_path))
        throw UsageError("--net socket:" + path + ": the name is " +
                         std::to_string(absolute.size()) +
                         " bytes long as an absolute path; at most " +
                         std::to_string(sizeof(sockaddr_un::sun_path) -
                                        12) +
                         " fit");
    return name;
}
#line 5244 "chapters/03-drivers.nw"
NetCable join_cable(const std::string& path) {
    UniqueFd socket{::socket(AF_UNIX,
                             SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)};
    if (!socket)
        throw std::system_error(errno, std::generic_category(),
                                "socket for the network cable");
    for (int side : {0, 1}) {
        const Address mine = abstract_address(cable_name(path, side));
        if (::bind(socket.get(),
                   reinterpret_cast<const sockaddr*>(&mine.un),
                   mine.length) == 0)
            return NetCable(std::move(socket), side,
                            cable_name(path, 1 - side));
        if (errno != EADDRINUSE)
            throw std::system_error(errno, std::generic_category(),
                                    "binding the network cable " + path);
    }
    throw FileError("the network cable " + path +
                    " already joins two Launchers");
}

NetCable::NetCable(UniqueFd socket, int side, std::string partner)
    : socket_(std::move(socket)), side_(side),
      partner_(std::move(partner)) {}
#line 5279 "chapters/03-drivers.nw"
bool NetCable::send(std::span<const std::byte> frame) const {
    const int flags = MSG_DONTWAIT | MSG_NOSIGNAL;
    ssize_t n;
    do {
        if (partner_.empty()) {
            n = ::send(socket_.get(), frame.data(), frame.size(), flags);
        } else {
            const Address to = abstract_address(partner_);
            n = ::sendto(socket_.get(), frame.data(), frame.size(), flags,
                         reinterpret_cast<const sockaddr*>(&to.un),
                         to.length);
        }
    } while (n < 0 && errno == EINTR);
    return n == static_cast<ssize_t>(frame.size());
}
#line 5307 "chapters/03-drivers.nw"
std::optional<NetCable::Datagram>
NetCable::receive(std::span<std::byte> into) const {
    sockaddr_un from{};
    socklen_t from_length = sizeof from;
    ssize_t n;
    do {
        n = ::recvfrom(socket_.get(), into.data(), into.size(),
                       MSG_DONTWAIT | MSG_TRUNC,
                       reinterpret_cast<sockaddr*>(&from), &from_length);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return std::nullopt;
    if (partner_.empty()) return Datagram{std::size_t(n), true};
    const Address partner = abstract_address(partner_);
    const bool from_partner =
        from_length == partner.length &&
        std::memcmp(&from, &partner.un, partner.length) == 0;
    return Datagram{std::size_t(n), from_partner};
}
#line 5336 "chapters/03-drivers.nw"
NetDevice::NetDevice(NetCable cable, std::ostream* report_to)
    : cable_(std::move(cable)), report_to_(report_to) {}

NetDevice::~NetDevice() {
    if (report_to_ && !report().empty()) *report_to_ << report() << '\n';
}

std::array<std::uint8_t, abi::kNetMacBytes> NetDevice::mac() const {
    return {0x02, 0, 0, 0, 0, std::uint8_t(cable_.side() + 1)};
}

std::vector<std::byte> NetDevice::config() const {
    const auto address = mac();
    std::vector<std::byte> bytes(address.size());
    std::memcpy(bytes.data(), address.data(), address.size());
    return bytes;
}
#line 5363 "chapters/03-drivers.nw"
void NetDevice::accept(std::uint32_t) { receive_buffers_.clear(); }
#line 5372 "chapters/03-drivers.nw"
bool NetDevice::serve(std::uint32_t kicked, std::span<Virtqueue> queues) {
    if (queues.size() != 2 || kicked >= 2)
        throw std::logic_error("net: kick of queue " +
                               std::to_string(kicked) + " of " +
                               std::to_string(queues.size()));
    if (kicked == abi::kNetTransmitQueue)
        return transmit(queues[abi::kNetTransmitQueue]);
    take_receive_buffers(queues[abi::kNetReceiveQueue]);
    return false;
}
#line 5403 "chapters/03-drivers.nw"
void NetDevice::take_receive_buffers(Virtqueue& queue) {
    while (auto chain = queue.pop()) {
        const std::string which =
            "net receive buffer at descriptor " +
            std::to_string(chain->head);
        if (!chain->readable.empty())
            throw VirtqueueError(which + " has a buffer the device "
                                 "may only read");
        if (chain->writable_bytes < abi::kNetBufferBytes)
            throw VirtqueueError(
                which + " holds " + std::to_string(chain->writable_bytes) +
                " bytes, less than a header and the largest frame (" +
                std::to_string(abi::kNetBufferBytes) + ")");
        receive_buffers_.push_back(std::move(*chain));
    }
}
#line 5437 "chapters/03-drivers.nw"
bool NetDevice::transmit(Virtqueue& queue) {
    bool used = false;
    while (auto chain = queue.pop()) {
        const std::string which = "net transmit chain at descriptor " +
                                  std::to_string(chain->head);
        if (!chain->writable.empty())
            throw VirtqueueError(which + " has a buffer for the device "
                                 "to write");
        
#line 5470 "chapters/03-drivers.nw"
std::array<std::byte, abi::kNetBufferBytes + 1> frame;
std::uint64_t total = 0;
std::size_t copied = 0;
for (auto buffer : chain->readable) {
    total += buffer.size();
    const std::size_t take = std::min(buffer.size(), frame.size() - copied);
    std::memcpy(frame.data() + copied, buffer.data(), take);
    copied += take;
}
#line 5446 "chapters/03-drivers.nw"
        if (total < sizeof(abi::NetHeader))
            throw VirtqueueError(which + " holds " + std::to_string(total) +
                                 " bytes, less than the 12-byte header");
        const std::uint64_t length = total - sizeof(abi::NetHeader);
        if (length < abi::kEthHeaderBytes)
            ++counts_.runts_sent;
        else if (length > abi::kEthMaxFrame)
            ++counts_.oversize_sent;
        else if (cable_.send(std::span(frame).subspan(
                     sizeof(abi::NetHeader), length)))
            ++counts_.sent;
        else
            ++counts_.undelivered;
        queue.push(*chain, 0);
        used = true;
    }
    return used;
}
#line 5491 "chapters/03-drivers.nw"
bool NetDevice::input(std::span<Virtqueue> queues) {
    if (queues.size() != 2)
        throw std::logic_error("net: input with " +
                               std::to_string(queues.size()) + " queues");
    take_receive_buffers(queues[abi::kNetReceiveQueue]);
    const std::uint64_t before = counts_.received;
    while (!receive_buffers_.empty() &&
           deliver(queues[abi::kNetReceiveQueue])) {
    }
    return counts_.received != before;
}
#line 5513 "chapters/03-drivers.nw"
bool NetDevice::deliver(Virtqueue& queue) {
    std::array<std::byte, abi::kNetBufferBytes> bytes{};
    auto received = cable_.receive(
        std::span(bytes).subspan(sizeof(abi::NetHeader)));
    if (!received) return false;
    if (!received->from_partner) {
        ++counts_.strangers;
        return true;
    }
    if (received->length < abi::kEthHeaderBytes) {
        ++counts_.runts_received;
        return true;
    }
    if (received->length > abi::kEthMaxFrame) {
        ++counts_.oversize_received;
        return true;
    }
    
#line 5541 "chapters/03-drivers.nw"
abi::NetHeader header{};
header.num_buffers = 1;
std::memcpy(bytes.data(), &header, sizeof header);
const std::size_t length = sizeof header + received->length;
Chain chain = std::move(receive_buffers_.front());
receive_buffers_.pop_front();
std::size_t done = 0;
for (auto buffer : chain.writable) {
    if (done == length) break;
    const std::size_t take = std::min(buffer.size(), length - done);
    std::memcpy(buffer.data(), bytes.data() + done, take);
    done += take;
}
queue.push(chain, static_cast<std::uint32_t>(length));
#line 5531 "chapters/03-drivers.nw"
    ++counts_.received;
    return true;
}
#line 5564 "chapters/03-drivers.nw"
std::string NetDevice::report() const {
    const NetCounts& c = counts_;
    if (c.runts_sent + c.oversize_sent + c.runts_received +
            c.oversize_received + c.undelivered + c.strangers ==
        0)
        return "";
    return "lhv: net: " + std::to_string(c.sent) + " frames sent, " +
           std::to_string(c.received) + " received; dropped: " +
           std::to_string(c.runts_sent) + " runt and " +
           std::to_string(c.oversize_sent) + " oversize from the Guest, " +
           std::to_string(c.runts_received) + " runt and " +
           std::to_string(c.oversize_received) +
           " oversize from the cable, " + std::to_string(c.undelivered) +
           " undelivered, " + std::to_string(c.strangers) +
           " from strangers";
}

#line 5185 "chapters/03-drivers.nw"
} // namespace lhv::launcher
