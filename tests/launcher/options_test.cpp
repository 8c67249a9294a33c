// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 807 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>
#include "launcher/errors.hpp"
#include "launcher/options.hpp"

using namespace lhv::launcher;

static Options parse(std::initializer_list<std::string_view> words) {
    std::vector<std::string_view> arguments(words);
    return parse_options(arguments);
}

#line 841 "chapters/04-launcher.nw"
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

TEST_CASE("options: memory sizes with QEMU's suffixes",
          "[launcher][options]") {
    CHECK(parse({"-m", "64M", "g"}).memory_mib == 64);
    CHECK(parse({"-m", "64m", "g"}).memory_mib == 64);
    CHECK(parse({"-m", "1019M", "g"}).memory_mib == 1019);
    CHECK(parse({"-m", "65536K", "g"}).memory_mib == 64);
    CHECK(parse({"-m", "2048k", "g"}).memory_mib == 2);
    CHECK_THROWS_WITH(parse({"-m", "1G", "g"}),
                      Catch::Contains("1019M"));  // 1024 MiB is too big
    CHECK_THROWS_WITH(parse({"-m", "1500K", "g"}),
                      Catch::Contains("whole number of MiB"));
    CHECK_THROWS_WITH(parse({"-m", "64x", "g"}),
                      Catch::Contains("must be 2M to 1019M") &&
                          Catch::Contains("not '64x'"));
    for (auto bad : {"M", "64MB", "64 M", "0G", "1T", "99999999999G",
                     "18446744073709551616", "-1M"})
        CHECK_THROWS_AS(parse({"-m", bad, "g"}), UsageError);
}

TEST_CASE("options: the other options", "[launcher][options]") {
    Options options = parse({"--accel", "kvm", "--gdb",
                             "--qemu-log=t.log", "--show-exits",
                             "--host", "h.elf", "g"});
    CHECK(options.accelerator == Accelerator::Kvm);
    CHECK(options.wait_for_debugger);
    CHECK(options.gdb_port == 1234);
    CHECK(parse({"--gdb=4321", "g"}).gdb_port == 4321);
    CHECK(options.qemu_log == "t.log");
    CHECK(options.show_exits);
    CHECK_FALSE(parse({"g"}).show_exits);
    CHECK(options.host_image == "h.elf");
    CHECK(options.then_files.empty());
    CHECK(parse({"--then", "b.elf", "--then=c.elf", "a.elf"}).then_files ==
          std::vector<std::string>{"b.elf", "c.elf"});
    CHECK(parse({"--help"}).help);
    CHECK(parse({"-h"}).help);
    CHECK(parse({"--version"}).version);
}

TEST_CASE("options: the disk", "[launcher][options]") {
    CHECK(parse({"g"}).block_file.empty());
    Options options = parse({"--block", "d.img", "g"});
    CHECK(options.block_file == "d.img");
    CHECK_FALSE(options.block_read_only);
    options = parse({"--block=d.img,ro", "g"});
    CHECK(options.block_file == "d.img");
    CHECK(options.block_read_only);
    CHECK(parse({"--block", "a,b.img", "g"}).block_file == "a,b.img");
    CHECK(parse({"--block", "a,ro,ro", "g"}).block_file == "a,ro");
    for (auto bad : {"", ",ro"})
        CHECK_THROWS_WITH(parse({"--block", bad, "g"}),
                          Catch::Contains("needs a file name"));
    CHECK_THROWS_WITH(parse({"--block", "a", "--block", "b", "g"}),
                      Catch::Contains("given twice"));
}

TEST_CASE("options: the network cable", "[launcher][options][net]") {
    CHECK(parse({"g"}).net_cable.empty());
    CHECK(parse({"--net", "socket:/tmp/lab", "g"}).net_cable ==
          "/tmp/lab");
    CHECK(parse({"--net=socket:a:b", "g"}).net_cable == "a:b");
    CHECK_THROWS_WITH(parse({"--net", "socket:", "g"}),
                      Catch::Contains("needs a PATH"));
    CHECK_THROWS_WITH(parse({"--net", "/tmp/lab", "g"}),
                      Catch::Contains("takes socket:PATH or tap:NAME"));
    CHECK_THROWS_WITH(
        parse({"--net", "socket:a", "--net", "socket:b", "g"}),
        Catch::Contains("given twice"));
    CHECK(parse({"--net", "tap:lhv0", "g"}).net_tap == "lhv0");
    CHECK(parse({"--net", "tap:lhv0", "g"}).net_cable.empty());
    CHECK(parse({"--net=tap:a/b", "g"}).net_tap == "a/b");  // judged later
    CHECK_THROWS_WITH(parse({"--net", "tap:", "g"}),
                      Catch::Contains("needs a NAME"));
    CHECK_THROWS_WITH(parse({"--net", "tap:a", "--net", "socket:b", "g"}),
                      Catch::Contains("given twice"));
    CHECK_THROWS_WITH(parse({"--net", "tap:a", "--net", "tap:a", "g"}),
                      Catch::Contains("given twice"));
}
#line 944 "chapters/04-launcher.nw"
TEST_CASE("options: plain words after the Guest file are the Guest's",
          "[launcher][options]") {
    Options options = parse({"-m", "16", "g.elf", "quiet",
                             "init=preempt", "-"});
    CHECK(options.memory_mib == 16);
    CHECK(options.guest_command_line == "quiet init=preempt -");
    options = parse({"g.elf", "quiet", "--", "-m", "5", "--", "x"});
    CHECK(options.memory_mib == 32);
    CHECK(options.guest_command_line == "quiet -m 5 -- x");
    options = parse({"--", "-odd-name.elf", "-v"});
    CHECK(options.guest_file == "-odd-name.elf");
    CHECK(options.guest_command_line == "-v");
    std::string long_word(256, 'x');
    CHECK_THROWS_AS(parse({"g.elf", long_word}), UsageError);
}

TEST_CASE("options: lhv's options after the Guest file are refused",
          "[launcher][options]") {
    for (auto late : {"-m", "-m64", "--memory=64", "--accel", "--gdb",
                      "--qemu-log", "--show-exits", "--host=h", "-h",
                      "--help", "--version"})
        CHECK_THROWS_WITH(parse({"g.elf", late, "64"}),
                          Catch::Contains(" after the Guest file: put "
                                          "lhv's options before it"));
    CHECK_THROWS_WITH(parse({"g.elf", "quiet", "-v"}),
                      Catch::Contains("'-v' after the Guest file is "
                                      "not an lhv option"));
    CHECK_THROWS_WITH(parse({"g.elf", "-m", "64"}),
                      Catch::StartsWith("-m after the Guest file"));
}
#line 986 "chapters/04-launcher.nw"
TEST_CASE("options: nonsense is a usage error", "[launcher][options]") {
    for (auto bad : {"0", "1", "1020", "abc", "64x", "", "-5"})
        CHECK_THROWS_AS(parse({"-m", bad, "g"}), UsageError);
    CHECK_THROWS_WITH(parse({"--frobnicate", "g"}),
                      Catch::Contains("--frobnicate"));
    CHECK_THROWS_WITH(parse({"-m"}), Catch::Contains("needs a value"));
    CHECK_THROWS_AS(parse({"--accel", "xen", "g"}), UsageError);
    for (auto bad : {"--gdb=yes", "--gdb=0", "--gdb=65536", "--gdb="})
        CHECK_THROWS_AS(parse({bad, "g"}), UsageError);
    CHECK_THROWS_AS(parse({"--help=yes", "g"}), UsageError);
    CHECK_THROWS_AS(parse({"--show-exits=yes", "g"}), UsageError);
    CHECK_THROWS_WITH(parse({"--trace", "t.log", "g"}),
                      Catch::Contains("--qemu-log FILE") &&
                          Catch::Contains("--show-exits"));
    CHECK_THROWS_WITH(parse({}), Catch::Contains("no Guest file"));
    UsageError error("x");
    CHECK(error.status() == kExitUsage);
}

TEST_CASE("options: the list of option names matches the parser",
          "[launcher][options]") {
    const std::map<std::string_view, std::string_view> values = {
        {"-m", "64"}, {"--memory", "64"}, {"--accel", "tcg"},
        {"--qemu-log", "t.log"}, {"--host", "h.elf"},
        {"--then", "g2.elf"}, {"--block", "d.img"},
        {"--net", "socket:n"}};
    for (std::string_view name : kOptionNames) {
        INFO(name);
        std::vector<std::string_view> words{name};
        if (values.contains(name)) words.push_back(values.at(name));
        words.push_back("g");
        CHECK_NOTHROW(parse_options(words));
        CHECK_THROWS_WITH(parse({"g", name}),
                          Catch::StartsWith(std::string(name) +
                                            " after the Guest file"));
    }
}

TEST_CASE("options: every usage error ends with the hint",
          "[launcher][options]") {
    const std::string long_word(300, 'x');
    std::vector<std::vector<std::string_view>> wrong = {
        {}, {"-m", "64x", "g"}, {"--frobnicate", "g"}, {"-m"},
        {"--accel", "xen", "g"}, {"--gdb=yes", "g"},
        {"g", "--gdb"}, {"g", "-v"}, {"g", long_word}};
    for (const auto& words : wrong) {
        try {
            parse_options(words);
            FAIL("accepted: " << words.size() << " words");
        } catch (const UsageError& error) {
            CHECK_THAT(error.what(),
                       Catch::EndsWith(" (try lhv --help)"));
        }
    }
}
#line 1048 "chapters/04-launcher.nw"
TEST_CASE("options: help names the exit statuses and the rule",
          "[launcher][options]") {
    std::string help = usage_text();
    for (auto status : {"  0 ", "  1 ", "  2 ", "  130 ", "  143 "})
        CHECK_THAT(help, Catch::Contains(status));
    CHECK_THAT(help, Catch::Contains("three times in a row"));
    CHECK_THAT(help, Catch::Contains("before the Guest file"));
    CHECK_THAT(version_text(), Catch::StartsWith("lhv ") &&
                                   Catch::EndsWith(")\n"));
}
#line 1066 "chapters/04-launcher.nw"
TEST_CASE("options: the Host image", "[launcher][options]") {
    CHECK(resolve_host_image("", nullptr, "/opt/lhv/lhv") ==
          "/opt/lhv/host/host.elf");
    CHECK(resolve_host_image("", "/e.elf", "/opt/lhv/lhv") == "/e.elf");
    CHECK(resolve_host_image("/o.elf", "/e.elf", "/x/lhv") == "/o.elf");
}
