// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 675 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <initializer_list>
#include <vector>
#include "launcher/errors.hpp"
#include "launcher/options.hpp"

using namespace lhv::launcher;

static Options parse(std::initializer_list<std::string_view> words) {
    std::vector<std::string_view> arguments(words);
    return parse_options(arguments);
}

#line 695 "chapters/04-launcher.nw"
TEST_CASE("options: defaults", "[launcher][options]") {
    Options options = parse({"guest.elf"});
    CHECK(options.memory_mib == 32);
    CHECK(options.accelerator == Accelerator::Tcg);
    CHECK_FALSE(options.wait_for_debugger);
    CHECK(options.guest_file == "guest.elf");
    CHECK(options.guest_command_line.empty());
}

TEST_CASE("options: memory sizes", "[launcher][options]") {
    CHECK(parse({"-m", "64", "g"}).memory_mib == 64);
    CHECK(parse({"-m8", "g"}).memory_mib == 8);
    CHECK(parse({"--memory=128", "g"}).memory_mib == 128);
    CHECK(parse({"--memory", "2", "g"}).memory_mib == 2);
    CHECK(parse({"-m", "1019", "g"}).memory_mib == 1019);
}

TEST_CASE("options: the other options", "[launcher][options]") {
    Options options = parse({"--accel", "kvm", "--gdb", "--trace=t.log",
                             "--host", "h.elf", "g"});
    CHECK(options.accelerator == Accelerator::Kvm);
    CHECK(options.wait_for_debugger);
    CHECK(options.trace_file == "t.log");
    CHECK(options.host_image == "h.elf");
    CHECK(parse({"--help"}).help);
    CHECK(parse({"--version"}).version);
}
#line 725 "chapters/04-launcher.nw"
TEST_CASE("options: words after the Guest file are the Guest's",
          "[launcher][options]") {
    Options options = parse({"g.elf", "-m", "5", "quiet"});
    CHECK(options.memory_mib == 32);
    CHECK(options.guest_command_line == "-m 5 quiet");
    CHECK(parse({"--", "-odd-name.elf"}).guest_file == "-odd-name.elf");
    std::string long_word(256, 'x');
    CHECK_THROWS_AS(parse({"g.elf", long_word}), UsageError);
}
#line 737 "chapters/04-launcher.nw"
TEST_CASE("options: nonsense is a usage error", "[launcher][options]") {
    for (auto bad : {"0", "1", "1020", "abc", "64x", "", "-5"})
        CHECK_THROWS_AS(parse({"-m", bad, "g"}), UsageError);
    CHECK_THROWS_WITH(parse({"--frobnicate", "g"}),
                      Catch::Contains("--frobnicate"));
    CHECK(parse({"g", "-m"}).guest_command_line == "-m");
    CHECK_THROWS_WITH(parse({"-m"}), Catch::Contains("needs a value"));
    CHECK_THROWS_AS(parse({"--accel", "xen", "g"}), UsageError);
    CHECK_THROWS_AS(parse({"--gdb=yes", "g"}), UsageError);
    CHECK_THROWS_WITH(parse({}), Catch::Contains("no Guest file"));
    UsageError error("x");
    CHECK(error.status() == kExitUsage);
}
#line 753 "chapters/04-launcher.nw"
TEST_CASE("options: the Host image", "[launcher][options]") {
    CHECK(resolve_host_image("", nullptr, "/opt/lhv/lhv") ==
          "/opt/lhv/host/host.elf");
    CHECK(resolve_host_image("", "/e.elf", "/opt/lhv/lhv") == "/e.elf");
    CHECK(resolve_host_image("/o.elf", "/e.elf", "/x/lhv") == "/o.elf");
}
