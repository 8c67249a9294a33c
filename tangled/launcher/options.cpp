// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 493 "chapters/04-launcher.nw"
#include "launcher/options.hpp"
#include <charconv>
#include <optional>
#include <filesystem>
#include "abi/boot.hpp"
#include "abi/layout.hpp"
#include "launcher/boot_info.hpp"
#include "launcher/errors.hpp"

namespace lhv::launcher {

static_assert(std::uint64_t{kMaxMemoryMib} * (1 << 20) +
                  kDevicePages * abi::kPageSize <=
              abi::kSwitcherAddress - abi::kPageOffset);

#line 521 "chapters/04-launcher.nw"
static std::uint32_t parse_memory(std::string_view text) {
    std::uint32_t mib = 0;
    auto [end, error] =
        std::from_chars(text.data(), text.data() + text.size(), mib);
    if (error != std::errc{} || end != text.data() + text.size() ||
        mib < kMinMemoryMib || mib > kMaxMemoryMib)
        throw UsageError("memory must be " +
                         std::to_string(kMinMemoryMib) + " to " +
                         std::to_string(kMaxMemoryMib) +
                         " MiB, not '" + std::string(text) + "'");
    return mib;
}
#line 536 "chapters/04-launcher.nw"
static Accelerator parse_accelerator(std::string_view text) {
    if (text == "tcg") return Accelerator::Tcg;
    if (text == "kvm") return Accelerator::Kvm;
    throw UsageError("--accel takes tcg or kvm, not '" +
                     std::string(text) + "'");
}
#line 549 "chapters/04-launcher.nw"
Options parse_options(std::span<const std::string_view> arguments) {
    Options options;
    size_t i = 0;
    for (; i < arguments.size(); ++i) {
        std::string_view word = arguments[i];
        if (word == "--") { ++i; break; }
        if (word.size() < 2 || word[0] != '-') break;
        
#line 569 "chapters/04-launcher.nw"
std::string_view name = word;
std::optional<std::string_view> value;
if (word[1] != '-' && word.size() > 2) {
    name = word.substr(0, 2);
    value = word.substr(2);
} else if (auto equals = word.find('='); equals != word.npos) {
    name = word.substr(0, equals);
    value = word.substr(equals + 1);
}
auto take_value = [&]() -> std::string_view {
    if (value) return *value;
    if (i + 1 == arguments.size())
        throw UsageError("option " + std::string(name) +
                         " needs a value");
    return arguments[++i];
};
#line 557 "chapters/04-launcher.nw"
        
#line 588 "chapters/04-launcher.nw"
if (name == "-m" || name == "--memory")
    options.memory_mib = parse_memory(take_value());
else if (name == "--accel")
    options.accelerator = parse_accelerator(take_value());
else if (name == "--trace")
    options.trace_file = take_value();
else if (name == "--host")
    options.host_image = take_value();
else if (value)
    throw UsageError("option " + std::string(name) +
                     " takes no value");
else if (name == "--gdb")
    options.wait_for_debugger = true;
else if (name == "-h" || name == "--help")
    options.help = true;
else if (name == "--version")
    options.version = true;
else
    throw UsageError("unknown option '" + std::string(word) +
                     "' (try lhv --help)");
#line 558 "chapters/04-launcher.nw"
    }
    
#line 615 "chapters/04-launcher.nw"
if (options.help || options.version) return options;
if (i == arguments.size())
    throw UsageError("no Guest file given (try lhv --help)");
options.guest_file = arguments[i++];
for (; i < arguments.size(); ++i) {
    if (!options.guest_command_line.empty())
        options.guest_command_line += ' ';
    options.guest_command_line += arguments[i];
}
if (options.guest_command_line.size() >= abi::kCommandLineBytes)
    throw UsageError("the Guest's command line is longer than " +
                     std::to_string(abi::kCommandLineBytes - 1) +
                     " bytes");
#line 560 "chapters/04-launcher.nw"
    return options;
}
#line 631 "chapters/04-launcher.nw"
std::string usage_text() {
    return "usage: lhv [options] GUEST.elf [GUEST COMMAND LINE...]\n"
           "Run a Guest kernel on the Little Hypervisor.\n\n"
           "  -m, --memory MIB  Guest memory in MiB (2-1019; 32)\n"
           "  --accel tcg|kvm   QEMU accelerator (tcg)\n"
           "  --gdb             wait for a debugger on :1234\n"
           "  --trace FILE      log traps and resets to FILE\n"
           "  --host PATH       the Host image (default: $LHV_HOST,\n"
           "                    else host/host.elf beside lhv)\n"
           "  -h, --help        this text\n"
           "  --version         the version\n\n"
           "QEMU: $LHV_QEMU, else qemu-system-i386.\n"
           "Exit status: 0 power-off, 1 the Guest died or the\n"
           "machine failed, 2 bad usage or bad Guest file.\n";
}
#line 656 "chapters/04-launcher.nw"
std::string resolve_host_image(const std::string& from_option,
                               const char* from_environment,
                               const std::string& launcher_path) {
    if (!from_option.empty()) return from_option;
    if (from_environment && *from_environment) return from_environment;
    std::filesystem::path launcher{launcher_path};
    return (launcher.parent_path() / "host" / "host.elf").string();
}

#line 514 "chapters/04-launcher.nw"
} // namespace lhv::launcher
