// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 1786 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>
#include "harness.hpp"

using namespace lhv::test;
using Catch::Contains;
using Catch::StartsWith;

namespace {
#line 1809 "chapters/03-drivers.nw"
std::string scratch_image() {
    std::string bytes;
    for (char sector = 0; sector < 16; ++sector)
        bytes += std::string(512, char('a' + sector));
    return bytes;
}

std::string image_now(const MemoryFile& image) {
    std::ifstream file(image.path(), std::ios::binary);
    return {std::istreambuf_iterator<char>(file),
            std::istreambuf_iterator<char>()};
}

const std::string kBlockDied =
    "lhv: guest died: the block device: block queue 0: ";
#line 1797 "chapters/03-drivers.nw"
}

#line 1831 "chapters/03-drivers.nw"
TEST_CASE("a rogue ring kills only its Guest and leaves the disk alone",
          "[integration][devices][rogue-rings]") {
    const auto [letter, words] = GENERATE(table<std::string, std::string>({
        {"l", "the chain from descriptor 0 is longer than the queue's "
              "64 descriptors (a loop?)"},
        {"c", "the chain from descriptor 0 is longer than the queue's "
              "64 descriptors (a loop?)"},
        {"n", "descriptor 0 links to 64, beyond the table of 64"},
        {"h", "available slot 0 names descriptor 64, beyond the table "
              "of 64"},
        {"j", "available index jumped from 0 to 65, more than the 64 "
              "entries free in a queue of 64"},
        {"o", "descriptor 1 at 0x2010000 (0x200 bytes) runs past Guest "
              "memory"},
        {"x", "(0xffffffff bytes) runs past Guest memory"},
        {"w", "descriptor 1 at 0xffffff00 (0x200 bytes) runs past Guest "
              "memory"},
        {"W", "descriptor 1 at 0xffffffffffffff00 (0x200 bytes) runs "
              "past Guest memory"},
    }));
    INFO(letter);
    MemoryFile image(scratch_image());
    const Survived survived = run_then_healthy(
        {test_guest("block_rogue")}, {letter}, {"--block", image.path()});
    REQUIRE(survived.deaths.size() == 1);
    CHECK_THAT(survived.deaths[0], StartsWith(kBlockDied) &&
                                       Contains(words));
    CHECK_THAT(survived.run.out, !Contains("the rogue survived"));
    CHECK(image_now(image) == scratch_image());
}
#line 1872 "chapters/03-drivers.nw"
TEST_CASE("a flushed write is in the image when its Guest dies",
          "[integration][devices][rogue-rings]") {
    std::string pattern;
    for (int i = 0; i < 32; ++i) pattern += "durable sector! ";
    std::string expected = scratch_image();
    expected.replace(512, 512, pattern);
    const bool after_rogue = GENERATE(false, true);
    INFO("after a rogue: " << after_rogue);
    MemoryFile image(scratch_image());
    std::vector<std::string> arguments = {"--block", image.path()};
    if (after_rogue)
        arguments.insert(arguments.end(),
                         {"--then", test_guest("block_flush"),
                          test_guest("block_rogue"), "l"});
    else
        arguments.push_back(test_guest("block_flush"));
    const Outcome run = run_lhv(arguments);
    INFO(describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out, Contains("written, flushed and read back\n"));
    const std::vector<std::string> lines = lines_of(run.err);
    REQUIRE(lines.size() == (after_rogue ? 4u : 1u));
    if (after_rogue) {
        CHECK_THAT(lines[0], StartsWith(kBlockDied));
        CHECK(lines[1] == kHostIntact);
    }
    CHECK_THAT(lines[after_rogue ? 2 : 0],
               StartsWith("lhv: guest died: trap 6 (invalid opcode)"));
    CHECK(image_now(image) == expected);
}
