// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 543 "chapters/04-launcher.nw"
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lhv::launcher {

enum class Accelerator { Tcg, Kvm };

#line 578 "chapters/04-launcher.nw"
struct Options {
    std::uint32_t memory_mib = 32;
    Accelerator accelerator = Accelerator::Tcg;
    bool wait_for_debugger = false;  // --gdb[=PORT]
    std::uint16_t gdb_port = 1234;   // gdb's port, QEMU's default
    std::string trace_file;          // --trace FILE; empty: no trace
    std::string host_image;          // --host PATH; empty: the default
    std::string guest_file;
    std::vector<std::string> then_files;  // --then FILE, in order
    std::string guest_command_line;  // the words after the Guest file
    bool help = false;
    bool version = false;
};
#line 601 "chapters/04-launcher.nw"
inline constexpr std::uint32_t kMinMemoryMib = 2;
inline constexpr std::uint32_t kMaxMemoryMib = 1019;

#line 558 "chapters/04-launcher.nw"
inline constexpr std::array<std::string_view, 10> kOptionNames = {
    "-m", "--memory", "--accel", "--trace", "--host",
    "--gdb", "--then", "-h", "--help", "--version"};

Options parse_options(std::span<const std::string_view> arguments);
std::string usage_text();
std::string version_text();
std::string resolve_host_image(const std::string& from_option,
                               const char* from_environment,
                               const std::string& launcher_path);

} // namespace lhv::launcher
