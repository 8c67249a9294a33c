// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 580 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>

namespace lhv::guest {

#line 604 "chapters/E-guest-kernel.nw"
struct UstarFile {
    const uint8_t* data;  // inside the archive
    uint32_t size;
};

struct UstarEntry {
    const char* name;  // NUL-terminated, inside the archive
    UstarFile file;
};
#line 532 "chapters/E-guest-kernel.nw"
namespace ustar {

inline constexpr uint32_t kBlock = 512;
inline constexpr uint32_t kNameAt = 0, kNameBytes = 100;
inline constexpr uint32_t kSizeAt = 124, kSizeBytes = 12;
inline constexpr uint32_t kChecksumAt = 148, kChecksumBytes = 8;
inline constexpr uint32_t kTypeAt = 156;
inline constexpr uint32_t kMagicAt = 257;  // "ustar\0", then "00"
inline constexpr uint32_t kPrefixAt = 345;

} // namespace ustar
#line 625 "chapters/E-guest-kernel.nw"
namespace ustar {

inline bool read_octal(const uint8_t* field, uint32_t bytes,
                       uint32_t& value) {
    uint32_t at = 0;
    while (at < bytes && field[at] == ' ')
        ++at;
    const uint32_t first_digit = at;
    value = 0;
    for (; at < bytes && field[at] >= '0' && field[at] <= '7'; ++at) {
        if (value > (0xFFFFFFFFu >> 3))
            return false;  // the next digit would not fit
        value = value << 3 | (field[at] - '0');
    }
    if (at == first_digit || at == bytes)
        return false;  // no digits, or no terminator
    for (; at < bytes; ++at)
        if (field[at] != '\0' && field[at] != ' ')
            return false;
    return true;
}

} // namespace ustar
#line 659 "chapters/E-guest-kernel.nw"
namespace ustar {

inline bool checksum_matches(const uint8_t* header) {
    uint32_t stored;
    if (!read_octal(header + kChecksumAt, kChecksumBytes, stored))
        return false;
    uint32_t sum = 0;
    for (uint32_t i = 0; i < kBlock; ++i) {
        const bool own_field =
            i >= kChecksumAt && i < kChecksumAt + kChecksumBytes;
        sum += own_field ? ' ' : header[i];
    }
    return sum == stored;
}

inline bool is_posix_ustar(const uint8_t* header) {
    const char magic[] = "ustar\0" "00";  // magic, then version
    for (uint32_t i = 0; i < 8; ++i)
        if (header[kMagicAt + i] != static_cast<uint8_t>(magic[i]))
            return false;
    return true;
}

inline bool is_zero_block(const uint8_t* block) {
    for (uint32_t i = 0; i < kBlock; ++i)
        if (block[i] != 0)
            return false;
    return true;
}

} // namespace ustar
#line 699 "chapters/E-guest-kernel.nw"
namespace ustar {

inline const char* usable_name(const uint8_t* header) {
    if (header[kNameAt] == '\0' || header[kPrefixAt] != '\0')
        return nullptr;
    for (uint32_t i = 0; i < kNameBytes; ++i)
        if (header[kNameAt + i] == '\0')
            return reinterpret_cast<const char*>(header + kNameAt);
    return nullptr;  // all 100 bytes are name: no NUL to end it
}

inline bool same_name(const char* a, const char* b) {
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}

} // namespace ustar
#line 730 "chapters/E-guest-kernel.nw"
namespace ustar {

inline bool is_regular_file(uint8_t type) {
    return type == '0' || type == '\0';
}

inline bool has_data_blocks(uint8_t type) {
    return type < '1' || type > '6';
}

} // namespace ustar
#line 758 "chapters/E-guest-kernel.nw"
class UstarReader {
public:
    UstarReader(const uint8_t* archive, uint32_t size)
        : archive_(archive), size_(size) {}
    bool next(UstarEntry& entry);
    const char* problem() const { return problem_; }  // nullptr: none

private:
    bool stop(const char* problem) {
        problem_ = problem;
        done_ = true;
        return false;
    }

    const uint8_t* archive_;
    uint32_t size_;
    uint32_t offset_ = 0;  // of the next header; never past size_
    bool done_ = false;
    const char* problem_ = nullptr;
};

#line 788 "chapters/E-guest-kernel.nw"
inline bool UstarReader::next(UstarEntry& entry) {
    while (!done_) {
        if (offset_ == size_)
            return stop(nullptr);
        if (size_ - offset_ < ustar::kBlock)
            return stop("the archive ends inside a header");
        const uint8_t* header = archive_ + offset_;
        if (ustar::is_zero_block(header))
            return stop(nullptr);
        
#line 811 "chapters/E-guest-kernel.nw"
if (!ustar::checksum_matches(header))
    return stop("a header's checksum does not match");
if (!ustar::is_posix_ustar(header))
    return stop("a header is not POSIX ustar");
uint32_t size;
if (!ustar::read_octal(header + ustar::kSizeAt, ustar::kSizeBytes, size))
    return stop("a size is not an octal number below 4 GiB");
#line 798 "chapters/E-guest-kernel.nw"
        
#line 828 "chapters/E-guest-kernel.nw"
const uint8_t type = header[ustar::kTypeAt];
const uint32_t data = offset_ + ustar::kBlock;
const uint32_t stored = ustar::has_data_blocks(type) ? size : 0;
if (stored > size_ - data)
    return stop("a member's data runs past the end of the archive");
const uint32_t end = data + stored;
const uint32_t padding = (ustar::kBlock - stored % ustar::kBlock) %
                         ustar::kBlock;
offset_ = padding > size_ - end ? size_ : end + padding;
#line 799 "chapters/E-guest-kernel.nw"
        
#line 844 "chapters/E-guest-kernel.nw"
const char* name = ustar::usable_name(header);
if (ustar::is_regular_file(type) && name) {
    entry = {name, {archive_ + data, size}};
    return true;
}
#line 800 "chapters/E-guest-kernel.nw"
    }
    return false;
}
#line 858 "chapters/E-guest-kernel.nw"
inline bool ustar_find(const uint8_t* archive, uint32_t size,
                       const char* name, UstarFile& out) {
    UstarReader reader(archive, size);
    UstarEntry entry;
    while (reader.next(entry)) {
        if (ustar::same_name(entry.name, name)) {
            out = entry.file;
            return true;
        }
    }
    return false;
}

#line 594 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
