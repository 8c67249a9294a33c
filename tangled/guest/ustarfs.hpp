// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 4018 "chapters/E-guest-kernel.nw"
#pragma once
#include <stdint.h>
#include "guest/ustar.hpp"

namespace lhv::guest {

#line 3725 "chapters/E-guest-kernel.nw"
namespace ustarfs {
inline constexpr int32_t kENOENT = 2, kEIO = 5, kENOTDIR = 20,
                         kEISDIR = 21;
inline constexpr uint32_t kSector = 512;
} // namespace ustarfs
#line 3699 "chapters/E-guest-kernel.nw"
struct SectorSource {
    uint64_t sectors;
    // Reads whole sectors; 0 or a negative errno.  May sleep.
    int32_t (*read)(void* context, uint64_t sector, void* buffer,
                    uint32_t bytes);
    void* context;
};

struct DiskNode {      // what a lookup finds
    uint64_t data;     // the sector where its bytes start
    uint32_t size;     // in bytes; 0 for a directory
    bool directory;
};

struct DiskEntry {     // what a walk finds
    char name[ustar::kNameBytes];  // NUL-terminated, no final '/'
    DiskNode node;
    uint64_t header;   // the sector of its header
};
#line 3958 "chapters/E-guest-kernel.nw"
inline bool is_inside(const char* name, const char* directory,
                      uint32_t length) {
    for (uint32_t i = 0; i < length; ++i)
        if (name[i] != directory[i])
            return false;
    return name[length] == '/';
}
#line 3743 "chapters/E-guest-kernel.nw"
class UstarFs {
public:
    int32_t mount(const SectorSource& disk, uint8_t* sector);
    bool mounted() const { return mounted_; }
    uint32_t files() const { return files_; }
    const char* problem() const { return problem_; }  // nullptr: none
    int32_t step(uint64_t& at, DiskEntry& entry, uint8_t* sector);
    int32_t lookup(const char* path, DiskNode& node, uint8_t* sector);
    int32_t read(const DiskNode& file, uint32_t offset, uint8_t* to,
                 uint32_t bytes, uint8_t* sector);
    void forget() { cached_ = 0; }  // the disk was written

private:
    
#line 3903 "chapters/E-guest-kernel.nw"
static constexpr uint32_t kCached = 8;
struct Cached { char name[ustar::kNameBytes]; DiskNode node; };
Cached cache_[kCached];
uint32_t cached_ = 0;  // names put in the cache so far
#line 3757 "chapters/E-guest-kernel.nw"
    SectorSource disk_{};
    uint64_t end_ = 0;  // where the archive ends; never past the disk
    bool mounted_ = false;
    uint32_t files_ = 0;
    const char* problem_ = nullptr;
};
#line 3776 "chapters/E-guest-kernel.nw"
inline int32_t UstarFs::step(uint64_t& at, DiskEntry& entry,
                             uint8_t* sector) {
    for (;;) {
        if (at >= end_)
            return 0;
        if (disk_.read(disk_.context, at, sector, ustarfs::kSector) < 0)
            return -ustarfs::kEIO;
        if (ustar::is_zero_block(sector))
            return 0;
        uint32_t size;
        if (!ustar::checksum_matches(sector) ||
            !ustar::is_posix_ustar(sector) ||
            !ustar::read_octal(sector + ustar::kSizeAt,
                               ustar::kSizeBytes, size))
            return -ustarfs::kEIO;
        const uint8_t type = sector[ustar::kTypeAt];
        const uint64_t data_sectors =
            ustar::has_data_blocks(type)
                ? (uint64_t(size) + ustarfs::kSector - 1) / ustarfs::kSector
                : 0;
        if (data_sectors > end_ - at - 1)
            return -ustarfs::kEIO;  // runs past the end of the disk
        const uint64_t header = at;
        at += 1 + data_sectors;
        
#line 3812 "chapters/E-guest-kernel.nw"
const char* name = ustar::usable_name(sector);
const bool directory = type == '5';
if (name && (ustar::is_regular_file(type) || directory)) {
    uint32_t n = 0;
    for (; name[n] != '\0'; ++n)
        entry.name[n] = name[n];
    if (n > 0 && entry.name[n - 1] == '/')
        --n;
    entry.name[n] = '\0';
    if (n > 0) {
        entry.node = {header + 1, directory ? 0 : size, directory};
        entry.header = header;
        return 1;
    }
}
#line 3801 "chapters/E-guest-kernel.nw"
    }
}
#line 3840 "chapters/E-guest-kernel.nw"
inline int32_t UstarFs::mount(const SectorSource& disk, uint8_t* sector) {
    disk_ = disk;
    end_ = disk.sectors;
    files_ = 0;
    problem_ = nullptr;
    cached_ = 0;
    uint64_t at = 0;
    DiskEntry entry;
    int32_t found;
    while ((found = step(at, entry, sector)) > 0)
        files_ += entry.node.directory ? 0 : 1;
    if (found < 0) {
        problem_ = "a header is damaged, or runs past the end of the disk";
        end_ = at;
    }
    mounted_ = at > 0 || found == 0;
    return mounted_ ? int32_t(files_) : found;
}
#line 3872 "chapters/E-guest-kernel.nw"
inline int32_t UstarFs::lookup(const char* path, DiskNode& node,
                               uint8_t* sector) {
    while (*path == '/')
        ++path;
    char wanted[ustar::kNameBytes];
    uint32_t n = 0;
    for (; path[n] != '\0'; ++n) {
        if (n + 1 == sizeof wanted)
            return -ustarfs::kENOENT;  // longer than any name here
        wanted[n] = path[n];
    }
    if (n > 0 && wanted[n - 1] == '/')
        --n;
    wanted[n] = '\0';
    if (n == 0) {
        node = {0, 0, true};
        return 0;
    }
    
#line 3912 "chapters/E-guest-kernel.nw"
const uint32_t in_cache = cached_ < kCached ? cached_ : kCached;
for (uint32_t i = 0; i < in_cache; ++i)
    if (ustar::same_name(cache_[i].name, wanted)) {
        node = cache_[i].node;
        return 0;
    }
#line 3891 "chapters/E-guest-kernel.nw"
    
#line 3930 "chapters/E-guest-kernel.nw"
uint64_t at = 0;
DiskEntry entry;
int32_t found;
bool implied = false;
while ((found = step(at, entry, sector)) > 0) {
    if (ustar::same_name(entry.name, wanted)) {
        node = entry.node;
        break;
    }
    implied = implied || is_inside(entry.name, wanted, n);
}
if (found < 0)
    return found;
if (found == 0 && !implied)
    return -ustarfs::kENOENT;
if (found == 0)
    node = {0, 0, true};
Cached& slot = cache_[cached_++ % kCached];
for (uint32_t i = 0; i <= n; ++i)
    slot.name[i] = wanted[i];
slot.node = node;
return 0;
#line 3892 "chapters/E-guest-kernel.nw"
}
#line 3980 "chapters/E-guest-kernel.nw"
inline int32_t UstarFs::read(const DiskNode& file, uint32_t offset,
                             uint8_t* to, uint32_t bytes,
                             uint8_t* sector) {
    if (file.directory)
        return -ustarfs::kEISDIR;
    if (offset >= file.size)
        return 0;
    if (bytes > file.size - offset)
        bytes = file.size - offset;
    uint32_t done = 0;
    while (done < bytes) {
        const uint32_t at = offset + done;
        const uint64_t where = file.data + at / ustarfs::kSector;
        const uint32_t within = at % ustarfs::kSector;
        const uint32_t left = bytes - done;
        if (within == 0 && left >= ustarfs::kSector) {
            const uint32_t whole = left - left % ustarfs::kSector;
            if (disk_.read(disk_.context, where, to + done, whole) < 0)
                return -ustarfs::kEIO;
            done += whole;
            continue;
        }
        if (disk_.read(disk_.context, where, sector, ustarfs::kSector) < 0)
            return -ustarfs::kEIO;
        uint32_t n = ustarfs::kSector - within;
        n = n < left ? n : left;
        for (uint32_t i = 0; i < n; ++i)
            to[done + i] = sector[within + i];
        done += n;
    }
    return int32_t(done);
}

#line 4033 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
