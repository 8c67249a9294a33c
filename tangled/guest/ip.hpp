// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 8667 "chapters/03-drivers.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest::ip {

#line 8687 "chapters/03-drivers.nw"
inline constexpr uint32_t kEthHeader = 14;
inline constexpr uint32_t kEthMaxFrame = 1514;
inline constexpr uint16_t kTypeIpv4 = 0x0800;
inline constexpr uint16_t kTypeArp = 0x0806;
inline constexpr uint32_t kArpBytes = 28;
inline constexpr uint16_t kArpRequest = 1;
inline constexpr uint16_t kArpReply = 2;
inline constexpr uint32_t kIpHeader = 20;
inline constexpr uint8_t kProtocolIcmp = 1;
inline constexpr uint32_t kIcmpHeader = 8;
inline constexpr uint8_t kEchoReply = 0;
inline constexpr uint8_t kEchoRequest = 8;
inline constexpr uint32_t kPingData = 56;  // as Linux's ping sends
inline constexpr uint32_t kPingFrame =
    kEthHeader + kIpHeader + kIcmpHeader + kPingData;  // 98

struct Mac {
    uint8_t bytes[6];
};
inline constexpr Mac kBroadcast = {{0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF}};

constexpr uint32_t ipv4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
    return uint32_t(a) << 24 | uint32_t(b) << 16 | uint32_t(c) << 8 | d;
}
#line 8719 "chapters/03-drivers.nw"
inline uint16_t get16(const uint8_t* p) {
    return uint16_t(p[0] << 8 | p[1]);
}
inline uint32_t get32(const uint8_t* p) {
    return uint32_t(get16(p)) << 16 | get16(p + 2);
}
inline void put16(uint8_t* p, uint16_t value) {
    p[0] = uint8_t(value >> 8);
    p[1] = uint8_t(value);
}
inline void put32(uint8_t* p, uint32_t value) {
    put16(p, uint16_t(value >> 16));
    put16(p + 2, uint16_t(value));
}
inline void copy(uint8_t* to, const uint8_t* from, uint32_t bytes) {
    for (uint32_t i = 0; i < bytes; ++i) to[i] = from[i];
}
inline bool same(const uint8_t* a, const uint8_t* b, uint32_t bytes) {
    for (uint32_t i = 0; i < bytes; ++i)
        if (a[i] != b[i]) return false;
    return true;
}
#line 8748 "chapters/03-drivers.nw"
inline uint16_t checksum(const uint8_t* bytes, uint32_t length) {
    uint32_t sum = 0;
    for (uint32_t i = 0; i + 1 < length; i += 2) sum += get16(bytes + i);
    if (length & 1) sum += uint32_t(bytes[length - 1]) << 8;
    while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
    return uint16_t(~sum);
}
#line 8769 "chapters/03-drivers.nw"
class Stack {
  public:
    void configure(const Mac& mac, uint32_t address) {
        mac_ = mac;
        address_ = address;
    }
    uint32_t address() const { return address_; }

    uint32_t receive(const uint8_t* frame, uint32_t length, uint8_t* out);
    uint32_t ping_frame(uint32_t to, uint16_t id, uint16_t sequence,
                        uint8_t* out);
    bool knows(uint32_t address) const { return lookup(address); }
    bool take_reply(uint16_t id, uint16_t sequence);

    struct Counts {
        uint32_t arp_answered, echoes_answered, replies, ignored;
    } counts{};

  private:
    uint32_t answer_arp(const uint8_t* arp, uint32_t length, uint8_t* out);
    uint32_t answer_ipv4(const uint8_t* frame, uint32_t length,
                         uint8_t* out);
    uint32_t answer_icmp(const uint8_t* frame, const uint8_t* icmp,
                         uint32_t length, uint32_t from, uint8_t* out);
    uint32_t ethernet(uint8_t* out, const uint8_t* to, uint16_t type) const;
    uint32_t ipv4_header(uint8_t* out, uint32_t to, uint32_t bytes) const;
    void learn(uint32_t address, const uint8_t* mac);
    const uint8_t* lookup(uint32_t address) const;

    Mac mac_{};
    uint32_t address_ = 0;
    struct Neighbour {
        uint32_t address;
        Mac mac;
    } neighbours_[4]{};
    uint32_t next_neighbour_ = 0;
    uint16_t reply_id_ = 0, reply_sequence_ = 0;
    bool reply_waiting_ = false;
};
#line 8817 "chapters/03-drivers.nw"
inline uint32_t Stack::receive(const uint8_t* frame, uint32_t length,
                               uint8_t* out) {
    uint32_t answer = 0;
    if (length >= kEthHeader &&
        (same(frame, mac_.bytes, 6) || same(frame, kBroadcast.bytes, 6))) {
        uint16_t type = get16(frame + 12);
        if (type == kTypeArp)
            answer = answer_arp(frame + kEthHeader, length - kEthHeader,
                                out);
        else if (type == kTypeIpv4)
            answer = answer_ipv4(frame, length, out);
        else
            ++counts.ignored;
    } else {
        ++counts.ignored;
    }
    return answer;
}
#line 8845 "chapters/03-drivers.nw"
inline uint32_t Stack::answer_arp(const uint8_t* arp, uint32_t length,
                                  uint8_t* out) {
    if (length < kArpBytes || get16(arp) != 1 ||
        get16(arp + 2) != kTypeIpv4 || arp[4] != 6 || arp[5] != 4 ||
        get32(arp + 24) != address_) {
        ++counts.ignored;
        return 0;
    }
    const uint8_t* sender_mac = arp + 8;
    const uint32_t sender = get32(arp + 14);
    if (sender != 0) learn(sender, sender_mac);
    if (get16(arp + 6) != kArpRequest) return 0;
    uint32_t n = ethernet(out, sender_mac, kTypeArp);
    copy(out + n, arp, 6);                   // the same kinds of address
    put16(out + n + 6, kArpReply);
    copy(out + n + 8, mac_.bytes, 6);        // we are the sender now
    put32(out + n + 14, address_);
    copy(out + n + 18, sender_mac, 6);       // and the asker the target
    put32(out + n + 24, sender);
    ++counts.arp_answered;
    return n + kArpBytes;
}
#line 8881 "chapters/03-drivers.nw"
inline uint32_t Stack::answer_ipv4(const uint8_t* frame, uint32_t length,
                                   uint8_t* out) {
    const uint8_t* ip = frame + kEthHeader;
    const uint32_t room = length - kEthHeader;
    if (room < kIpHeader || ip[0] >> 4 != 4) {
        ++counts.ignored;
        return 0;
    }
    const uint32_t header = (ip[0] & 0xF) * 4u;
    const uint32_t total = get16(ip + 2);
    if (header < kIpHeader || total < header || total > room ||
        checksum(ip, header) != 0 || (get16(ip + 6) & 0x3FFF) != 0 ||
        get32(ip + 16) != address_ || ip[9] != kProtocolIcmp) {
        ++counts.ignored;
        return 0;
    }
    const uint32_t from = get32(ip + 12);
    learn(from, frame + 6);
    return answer_icmp(frame, ip + header, total - header, from, out);
}
#line 8911 "chapters/03-drivers.nw"
inline uint32_t Stack::answer_icmp(const uint8_t* frame,
                                   const uint8_t* icmp, uint32_t length,
                                   uint32_t from, uint8_t* out) {
    if (length < kIcmpHeader || checksum(icmp, length) != 0 ||
        icmp[1] != 0) {
        ++counts.ignored;
        return 0;
    }
    if (icmp[0] == kEchoReply) {
        reply_id_ = get16(icmp + 4);
        reply_sequence_ = get16(icmp + 6);
        reply_waiting_ = true;
        ++counts.replies;
        return 0;
    }
    if (icmp[0] != kEchoRequest) {
        ++counts.ignored;
        return 0;
    }
    uint32_t n = ethernet(out, frame + 6, kTypeIpv4);
    n += ipv4_header(out + n, from, length);
    uint8_t* reply = out + n;
    copy(reply, icmp, length);
    reply[0] = kEchoReply;
    put16(reply + 2, 0);
    put16(reply + 2, checksum(reply, length));
    ++counts.echoes_answered;
    return n + length;
}
#line 8949 "chapters/03-drivers.nw"
inline uint32_t Stack::ethernet(uint8_t* out, const uint8_t* to,
                                uint16_t type) const {
    copy(out, to, 6);
    copy(out + 6, mac_.bytes, 6);
    put16(out + 12, type);
    return kEthHeader;
}

inline uint32_t Stack::ipv4_header(uint8_t* out, uint32_t to,
                                   uint32_t bytes) const {
    const uint8_t fixed[12] = {0x45, 0, 0, 0, 0, 0, 0x40, 0, 64,
                               kProtocolIcmp, 0, 0};
    copy(out, fixed, sizeof fixed);
    put16(out + 2, uint16_t(kIpHeader + bytes));
    put32(out + 12, address_);
    put32(out + 16, to);
    put16(out + 10, checksum(out, kIpHeader));
    return kIpHeader;
}
#line 8976 "chapters/03-drivers.nw"
inline uint32_t Stack::ping_frame(uint32_t to, uint16_t id,
                                  uint16_t sequence, uint8_t* out) {
    const uint8_t* mac = lookup(to);
    if (!mac) {
        uint32_t n = ethernet(out, kBroadcast.bytes, kTypeArp);
        const uint8_t kinds[6] = {0, 1, 0x08, 0, 6, 4};
        copy(out + n, kinds, sizeof kinds);
        put16(out + n + 6, kArpRequest);
        copy(out + n + 8, mac_.bytes, 6);
        put32(out + n + 14, address_);
        for (uint32_t i = 18; i < 24; ++i) out[n + i] = 0;
        put32(out + n + 24, to);
        return n + kArpBytes;
    }
    uint32_t n = ethernet(out, mac, kTypeIpv4);
    n += ipv4_header(out + n, to, kIcmpHeader + kPingData);
    uint8_t* icmp = out + n;
    icmp[0] = kEchoRequest;
    icmp[1] = 0;
    put16(icmp + 2, 0);
    put16(icmp + 4, id);
    put16(icmp + 6, sequence);
    for (uint32_t i = 0; i < kPingData; ++i)
        icmp[kIcmpHeader + i] = uint8_t(i);
    put16(icmp + 2, checksum(icmp, kIcmpHeader + kPingData));
    return n + kIcmpHeader + kPingData;
}
#line 9010 "chapters/03-drivers.nw"
inline void Stack::learn(uint32_t address, const uint8_t* mac) {
    if (address == 0) return;
    for (Neighbour& n : neighbours_)
        if (n.address == address) {
            copy(n.mac.bytes, mac, 6);
            return;
        }
    Neighbour& slot = neighbours_[next_neighbour_++ % 4];
    slot.address = address;
    copy(slot.mac.bytes, mac, 6);
}

inline const uint8_t* Stack::lookup(uint32_t address) const {
    for (const Neighbour& n : neighbours_)
        if (address != 0 && n.address == address) return n.mac.bytes;
    return nullptr;
}

inline bool Stack::take_reply(uint16_t id, uint16_t sequence) {
    if (!reply_waiting_ || reply_id_ != id || reply_sequence_ != sequence)
        return false;
    reply_waiting_ = false;
    return true;
}

#line 8679 "chapters/03-drivers.nw"
} // namespace lhv::guest::ip
