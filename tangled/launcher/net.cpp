// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 5191 "chapters/03-drivers.nw"
#include "launcher/net.hpp"
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <system_error>
#include <utility>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>
#include "launcher/errors.hpp"

namespace lhv::launcher {

#line 5229 "chapters/03-drivers.nw"
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
#line 5256 "chapters/03-drivers.nw"
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
#line 5279 "chapters/03-drivers.nw"
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

#line 5309 "chapters/03-drivers.nw"
NetCable::NetCable(UniqueFd fd, int side, std::string partner)
    : fd_(std::move(fd)), side_(side), partner_(std::move(partner)) {
    const int flags = ::fcntl(fd_.get(), F_GETFL);
    if (flags < 0 || ::fcntl(fd_.get(), F_SETFL, flags | O_NONBLOCK) < 0)
        throw std::system_error(errno, std::generic_category(),
                                "making the network cable non-blocking");
}
#line 5331 "chapters/03-drivers.nw"
bool NetCable::send(std::span<const std::byte> frame) const {
    ssize_t n;
    do {
        if (partner_.empty()) {
            n = ::write(fd_.get(), frame.data(), frame.size());
        } else {
            const Address to = abstract_address(partner_);
            n = ::sendto(fd_.get(), frame.data(), frame.size(),
                         MSG_DONTWAIT | MSG_NOSIGNAL,
                         reinterpret_cast<const sockaddr*>(&to.un),
                         to.length);
        }
    } while (n < 0 && errno == EINTR);
    return n == static_cast<ssize_t>(frame.size());
}
#line 5359 "chapters/03-drivers.nw"
std::optional<NetCable::Datagram>
NetCable::receive(std::span<std::byte> into) const {
    if (partner_.empty()) return read_frame(into);
    sockaddr_un from{};
    socklen_t from_length = sizeof from;
    ssize_t n;
    do {
        n = ::recvfrom(fd_.get(), into.data(), into.size(),
                       MSG_DONTWAIT | MSG_TRUNC,
                       reinterpret_cast<sockaddr*>(&from), &from_length);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return std::nullopt;
    const Address partner = abstract_address(partner_);
    const bool from_partner =
        from_length == partner.length &&
        std::memcmp(&from, &partner.un, partner.length) == 0;
    return Datagram{std::size_t(n), from_partner};
}
#line 5396 "chapters/03-drivers.nw"
std::optional<NetCable::Datagram>
NetCable::read_frame(std::span<std::byte> into) const {
    std::array<std::byte, 64 * 1024> spill;
    iovec parts[2] = {{into.data(), into.size()},
                      {spill.data(), spill.size()}};
    ssize_t n;
    do {
        n = ::readv(fd_.get(), parts, 2);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return std::nullopt;
    return Datagram{std::size_t(n), true};
}
#line 6641 "chapters/03-drivers.nw"
std::string tap_name_problem(std::string_view name) {
    if (name.empty()) return "is empty";
    if (name.size() >= IFNAMSIZ)
        return "has " + std::to_string(name.size()) +
               " bytes; an interface's name has at most " +
               std::to_string(IFNAMSIZ - 1);
    if (name == "." || name == "..") return "is not a name";
    for (char c : name) {
        if (c == '/' || c == ':')
            return std::string("has a '") + c + "', which Linux refuses";
        if (c == '%')
            return "has a '%', which Linux reads as a pattern";
        if (c == ' ' || (c >= '\t' && c <= '\r'))
            return "has white space, which Linux refuses";
    }
    return "";
}
#line 6678 "chapters/03-drivers.nw"
NetCable open_tap(const std::string& name) {
    const std::string what = "--net tap:" + name + ": ";
    const std::string problem = tap_name_problem(name);
    if (!problem.empty()) throw UsageError(what + "the name " + problem);
    UniqueFd tun{::open("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC)};
    if (!tun) {
        const int error = errno;
        if (error == ENOENT || error == ENODEV || error == ENXIO)
            throw FileError(what + "no /dev/net/tun: this Linux has no "
                            "TAP devices (module tun), or they were not "
                            "given to this container");
        throw FileError(what + "cannot open /dev/net/tun: " +
                        std::strerror(error) +
                        (error == EACCES || error == EPERM
                             ? " (its permissions keep you out)"
                             : ""));
    }
    ifreq request{};
    std::memcpy(request.ifr_name, name.data(), name.size());
    request.ifr_flags = IFF_TAP | IFF_NO_PI;
    if (::ioctl(tun.get(), TUNSETIFF, &request) < 0) {
        const int error = errno;
        if (error == EPERM)
            throw FileError(what + "making or using a TAP needs "
                            "CAP_NET_ADMIN (root has it), or a TAP of "
                            "yours made beforehand by root with 'ip "
                            "tuntap add " + name + " mode tap user USER'");
        if (error == EBUSY)
            throw FileError(what + "the TAP is in use by another program");
        if (error == EINVAL)
            throw FileError(what + "Linux has an interface of that name, "
                            "and it is not a TAP");
        throw FileError(what + "TUNSETIFF: " + std::strerror(error));
    }
    return NetCable(std::move(tun), 0, "");
}
#line 5419 "chapters/03-drivers.nw"
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
#line 5446 "chapters/03-drivers.nw"
void NetDevice::accept(std::uint32_t) { receive_buffers_.clear(); }
#line 5455 "chapters/03-drivers.nw"
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
#line 5486 "chapters/03-drivers.nw"
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
#line 5520 "chapters/03-drivers.nw"
bool NetDevice::transmit(Virtqueue& queue) {
    bool used = false;
    while (auto chain = queue.pop()) {
        const std::string which = "net transmit chain at descriptor " +
                                  std::to_string(chain->head);
        if (!chain->writable.empty())
            throw VirtqueueError(which + " has a buffer for the device "
                                 "to write");
        
#line 5553 "chapters/03-drivers.nw"
std::array<std::byte, abi::kNetBufferBytes + 1> frame;
std::uint64_t total = 0;
std::size_t copied = 0;
for (auto buffer : chain->readable) {
    total += buffer.size();
    const std::size_t take = std::min(buffer.size(), frame.size() - copied);
    std::memcpy(frame.data() + copied, buffer.data(), take);
    copied += take;
}
#line 5529 "chapters/03-drivers.nw"
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
#line 5574 "chapters/03-drivers.nw"
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
#line 5596 "chapters/03-drivers.nw"
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
    
#line 5624 "chapters/03-drivers.nw"
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
#line 5614 "chapters/03-drivers.nw"
    ++counts_.received;
    return true;
}
#line 5647 "chapters/03-drivers.nw"
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

#line 5220 "chapters/03-drivers.nw"
} // namespace lhv::launcher
