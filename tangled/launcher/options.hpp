// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 299 "chapters/04-launcher.nw"
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lhv::launcher {

enum class Accelerator { Tcg, Kvm };

#line 339 "chapters/04-launcher.nw"
struct Options {
    std::uint32_t memory_mib = 32;
    Accelerator accelerator = Accelerator::Tcg;
    bool wait_for_debugger = false;  // --gdb[=PORT]
    std::uint16_t gdb_port = 1234;   // gdb's port, QEMU's default
    std::string qemu_log;            // --qemu-log FILE; empty: none
    bool show_exits = false;         // --show-exits
    std::string host_image;          // --host PATH; empty: the default
    std::string guest_file;
    std::vector<std::string> then_files;  // --then FILE, in order
    std::string block_file;          // --block FILE[,ro]; empty: none
    bool block_read_only = false;    // ,ro after the file
    std::string net_cable;           // --net socket:PATH; empty: none
    std::string net_tap;             // --net tap:NAME; empty: none
    std::string guest_command_line;  // the words after the Guest file
    bool help = false;
    bool version = false;
};
#line 370 "chapters/04-launcher.nw"
inline constexpr std::uint32_t kMinMemoryMib = 2;
inline constexpr std::uint32_t kMaxMemoryMib = 1019;

#line 314 "chapters/04-launcher.nw"
inline constexpr std::array<std::string_view, 13> kOptionNames = {
    "-m", "--memory", "--accel", "--qemu-log", "--show-exits", "--host",
    "--gdb", "--then", "--block", "--net", "-h", "--help", "--version"};

Options parse_options(std::span<const std::string_view> arguments);
std::string usage_text();
std::string version_text();
std::string resolve_host_image(const std::string& from_option,
                               const char* from_environment,
                               const std::string& launcher_path);

} // namespace lhv::launcher
