// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 6908 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::user {

#line 6795 "chapters/E-guest-kernel.nw"
inline constexpr uint32_t kSha256Rounds[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};
inline constexpr uint32_t kSha256Start[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
};
#line 6824 "chapters/E-guest-kernel.nw"
class Sha256 {
public:
    void add(const uint8_t* bytes, uint32_t n) {
        for (uint32_t i = 0; i < n; ++i) {
            block_[used_++] = bytes[i];
            if (used_ == 64) {
                compress();
                used_ = 0;
            }
        }
        length_ += n;
    }
    void finish(uint8_t digest[32]) {
        const uint64_t bits = length_ * 8;
        const uint8_t one = 0x80, zero = 0;
        add(&one, 1);
        while (used_ != 56)
            add(&zero, 1);
        for (int i = 7; i >= 0; --i) {
            const uint8_t byte = uint8_t(bits >> (8 * i));
            add(&byte, 1);
        }
        for (uint32_t i = 0; i < 32; ++i)
            digest[i] = uint8_t(state_[i / 4] >> (24 - 8 * (i % 4)));
    }

private:
    static uint32_t rotate(uint32_t x, uint32_t n) {
        return x >> n | x << (32 - n);
    }
    void compress();

    uint32_t state_[8] = {kSha256Start[0], kSha256Start[1],
                          kSha256Start[2], kSha256Start[3],
                          kSha256Start[4], kSha256Start[5],
                          kSha256Start[6], kSha256Start[7]};
    uint8_t block_[64];
    uint32_t used_ = 0;
    uint64_t length_ = 0;
};
#line 6872 "chapters/E-guest-kernel.nw"
inline void Sha256::compress() {
    uint32_t w[64];
    for (uint32_t i = 0; i < 16; ++i)
        w[i] = uint32_t(block_[4 * i]) << 24 | block_[4 * i + 1] << 16 |
               block_[4 * i + 2] << 8 | block_[4 * i + 3];
    for (uint32_t i = 16; i < 64; ++i) {
        const uint32_t s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^
                            w[i - 15] >> 3;
        const uint32_t s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^
                            w[i - 2] >> 10;
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t v[8];
    for (uint32_t i = 0; i < 8; ++i)
        v[i] = state_[i];
    for (uint32_t i = 0; i < 64; ++i) {
        const uint32_t e = v[4], a = v[0];
        const uint32_t t1 = v[7] + (rotate(e, 6) ^ rotate(e, 11) ^
                                    rotate(e, 25)) +
                            ((e & v[5]) ^ (~e & v[6])) + kSha256Rounds[i] +
                            w[i];
        const uint32_t t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) +
                            ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));
        for (uint32_t j = 7; j > 0; --j)
            v[j] = v[j - 1];
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (uint32_t i = 0; i < 8; ++i)
        state_[i] += v[i];
}

#line 6917 "chapters/E-guest-kernel.nw"
} // namespace lhv::user
