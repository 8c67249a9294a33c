// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 134 "chapters/E-guest-kernel.nw"
#include <catch2/catch.hpp>
#include <cstdlib>
#include <cstring>
#include <set>
#include "guest/pages.hpp"

using lhv::guest::kPageBytes;
using lhv::guest::PageAllocator;

namespace {
struct Buffer {
    explicit Buffer(std::size_t pages)
        : bytes(static_cast<char*>(
              std::aligned_alloc(kPageBytes, pages * kPageBytes))),
          size(pages * kPageBytes) {}
    ~Buffer() { std::free(bytes); }
    uintptr_t start() const { return reinterpret_cast<uintptr_t>(bytes); }
    char* bytes;
    std::size_t size;
};
}

TEST_CASE("every whole page of a range is free once", "[pages]") {
    Buffer buffer(8);
    PageAllocator pages;
    pages.add_range(buffer.start() + 1, buffer.start() + buffer.size - 1);
    CHECK(pages.free_pages() == 6);  // the partial first and last go
    std::set<void*> seen;
    while (void* page = pages.take()) {
        auto at = reinterpret_cast<uintptr_t>(page);
        CHECK(at % kPageBytes == 0);
        CHECK(at >= buffer.start() + kPageBytes);
        CHECK(at + kPageBytes <= buffer.start() + buffer.size - kPageBytes);
        CHECK(seen.insert(page).second);
    }
    CHECK(seen.size() == 6);
    CHECK(pages.free_pages() == 0);
    CHECK(pages.take() == nullptr);
}

TEST_CASE("a page given back is taken again, zeroed on request",
          "[pages]") {
    Buffer buffer(2);
    PageAllocator pages;
    pages.add_range(buffer.start(), buffer.start() + buffer.size);
    auto page = static_cast<unsigned char*>(pages.take());
    page[100] = 0xAB;
    pages.give(page);
    CHECK(pages.free_pages() == 2);
    auto again = static_cast<unsigned char*>(pages.take_zeroed());
    CHECK(again == page);
    for (std::size_t i = 0; i < kPageBytes; ++i)
        REQUIRE(again[i] == 0);
}

TEST_CASE("a range at the top of the address space does not wrap",
          "[pages]") {
    PageAllocator pages;
    uintptr_t top = ~uintptr_t(0) & ~uintptr_t(kPageBytes - 1);
    pages.add_range(top, ~uintptr_t(0));  // less than one whole page
    CHECK(pages.free_pages() == 0);
    pages.add_range(top + 1, ~uintptr_t(0));  // rounding up wraps to 0
    CHECK(pages.free_pages() == 0);
    CHECK(pages.take() == nullptr);
}

TEST_CASE("no page is touched before it is taken", "[pages]") {
    Buffer buffer(4);
    std::memset(buffer.bytes, 0xAB, buffer.size);
    PageAllocator pages;
    pages.add_range(buffer.start(), buffer.start() + buffer.size);
    CHECK(pages.free_pages() == 4);
    for (std::size_t i = 0; i < buffer.size; ++i)
        REQUIRE(static_cast<unsigned char>(buffer.bytes[i]) == 0xAB);
}
