// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 381 "chapters/04-launcher.nw"
#include "launcher/options.hpp"
#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <filesystem>
#include <vector>
#include "abi/boot.hpp"
#include "abi/layout.hpp"
#include "abi/link.hpp"
#include "abi/version.hpp"
#include "launcher/boot_info.hpp"
#include "launcher/errors.hpp"

namespace lhv::launcher {

static_assert(std::uint64_t{kMaxMemoryMib} * (1 << 20) +
                  kDevicePages * abi::kPageSize <=
              abi::kSwitcherAddress - abi::kPageOffset);

#line 432 "chapters/04-launcher.nw"
static std::uint32_t parse_memory(std::string_view text) {
    auto refuse = [&](const std::string& what) {
        throw UsageError("memory must be " + what + ", not '" +
                         std::string(text) + "'");
    };
    const std::string range =
        std::to_string(kMinMemoryMib) + "M to " +
        std::to_string(kMaxMemoryMib) +
        "M (a number of MiB, or with a suffix K, M or G)";
    std::uint64_t number = 0;
    const char* stop = text.data() + text.size();
    auto [end, error] = std::from_chars(text.data(), stop, number);
    if (error != std::errc{} || end == text.data()) refuse(range);
    std::string_view suffix(end, static_cast<size_t>(stop - end));
    std::uint64_t mib = number;
    if (suffix == "G" || suffix == "g") {
        if (number > kMaxMemoryMib / 1024) refuse(range);
        mib = number * 1024;
    } else if (suffix == "K" || suffix == "k") {
        if (number % 1024 != 0) refuse("a whole number of MiB");
        mib = number / 1024;
    } else if (!suffix.empty() && suffix != "M" && suffix != "m") {
        refuse(range);
    }
    if (mib < kMinMemoryMib || mib > kMaxMemoryMib) refuse(range);
    return static_cast<std::uint32_t>(mib);
}
#line 468 "chapters/04-launcher.nw"
static Accelerator parse_accelerator(std::string_view text) {
    if (text == "tcg") return Accelerator::Tcg;
    if (text == "kvm") return Accelerator::Kvm;
    throw UsageError("--accel takes tcg or kvm, not '" +
                     std::string(text) + "'");
}
#line 483 "chapters/04-launcher.nw"
static std::uint16_t parse_port(std::string_view text) {
    unsigned port = 0;
    auto [end, error] =
        std::from_chars(text.data(), text.data() + text.size(), port);
    if (error != std::errc{} || end != text.data() + text.size() ||
        port < 1 || port > 65535)
        throw UsageError("--gdb=PORT takes a TCP port, 1 to 65535, "
                         "not '" + std::string(text) + "'");
    return static_cast<std::uint16_t>(port);
}
#line 505 "chapters/04-launcher.nw"
static bool is_option_word(std::string_view word) {
    return word.size() >= 2 && word[0] == '-';
}

static std::string_view option_name(std::string_view word) {
    if (word[1] != '-') return word.substr(0, 2);
    return word.substr(0, word.find('='));
}
#line 702 "chapters/04-launcher.nw"
[[noreturn]] static void
refuse_option_after_guest_file(std::string_view word) {
    std::string_view name = option_name(word);
    if (std::find(kOptionNames.begin(), kOptionNames.end(), name) !=
        kOptionNames.end())
        throw UsageError(std::string(name) +
                         " after the Guest file: put lhv's options "
                         "before it, or use -- to pass it to the Guest");
    throw UsageError("'" + std::string(word) +
                     "' after the Guest file is not an lhv option: "
                     "use -- before it to pass it to the Guest");
}
#line 610 "chapters/04-launcher.nw"
[[noreturn]] static void refuse_trace() {
    throw UsageError("--trace is now --qemu-log FILE, QEMU's log of "
                     "every trap and reset; --show-exits prints each "
                     "exit of the Guest to the Host");
}
#line 627 "chapters/04-launcher.nw"
static void parse_block(std::string_view value, Options& options) {
    if (!options.block_file.empty())
        throw UsageError("--block given twice: lhv has one disk");
    constexpr std::string_view read_only = ",ro";
    options.block_read_only = value.ends_with(read_only);
    if (options.block_read_only)
        value.remove_suffix(read_only.size());
    if (value.empty())
        throw UsageError("--block needs a file name");
    options.block_file = value;
}
#line 654 "chapters/04-launcher.nw"
static void parse_net(std::string_view value, Options& options) {
    if (!options.net_cable.empty() || !options.net_tap.empty())
        throw UsageError("--net given twice: lhv has one network card");
    const bool tap = value.starts_with("tap:");
    if (!tap && !value.starts_with("socket:"))
        throw UsageError("--net takes socket:PATH or tap:NAME, not '" +
                         std::string(value) + "'");
    value.remove_prefix(value.find(':') + 1);
    if (value.empty())
        throw UsageError(tap ? "--net tap: needs a NAME"
                             : "--net socket: needs a PATH");
    (tap ? options.net_tap : options.net_cable) = value;
}
#line 522 "chapters/04-launcher.nw"
Options parse_options(std::span<const std::string_view> arguments) {
    Options options;
    size_t i = 0;
    bool options_ended = false;
    for (; i < arguments.size(); ++i) {
        std::string_view word = arguments[i];
        if (word == "--") { options_ended = true; ++i; break; }
        if (!is_option_word(word)) break;
        
#line 543 "chapters/04-launcher.nw"
std::string_view name = option_name(word);
std::optional<std::string_view> value;
if (name.size() < word.size())
    value = word.substr(name.size() + (word[1] == '-' ? 1 : 0));
auto take_value = [&]() -> std::string_view {
    if (value) return *value;
    if (i + 1 == arguments.size())
        throw UsageError("option " + std::string(name) +
                         " needs a value");
    return arguments[++i];
};
#line 531 "chapters/04-launcher.nw"
        
#line 565 "chapters/04-launcher.nw"
if (name == "-m" || name == "--memory")
    options.memory_mib = parse_memory(take_value());
else if (name == "--accel")
    options.accelerator = parse_accelerator(take_value());
else if (name == "--qemu-log")
    options.qemu_log = take_value();
else if (name == "--trace")
    refuse_trace();
else if (name == "--host")
    options.host_image = take_value();
else if (name == "--then")
    options.then_files.emplace_back(take_value());
else if (name == "--block")
    parse_block(take_value(), options);
else if (name == "--net")
    parse_net(take_value(), options);
else if (name == "--gdb") {
    options.wait_for_debugger = true;
    if (value) options.gdb_port = parse_port(*value);
}
else if (value)
    throw UsageError("option " + std::string(name) +
                     " takes no value");
else if (name == "-h" || name == "--help")
    options.help = true;
else if (name == "--version")
    options.version = true;
else if (name == "--show-exits")
    options.show_exits = true;
else
    throw UsageError("unknown option '" + std::string(word) + "'");
#line 532 "chapters/04-launcher.nw"
    }
    
#line 676 "chapters/04-launcher.nw"
if (options.help || options.version) return options;
if (i == arguments.size()) throw UsageError("no Guest file given");
options.guest_file = arguments[i++];
for (; i < arguments.size(); ++i) {
    std::string_view word = arguments[i];
    if (!options_ended && word == "--") {
        options_ended = true;
        continue;
    }
    if (!options_ended && is_option_word(word))
        refuse_option_after_guest_file(word);
    if (!options.guest_command_line.empty())
        options.guest_command_line += ' ';
    options.guest_command_line += word;
}
if (options.guest_command_line.size() >= abi::kCommandLineBytes)
    throw UsageError("the Guest's command line is longer than " +
                     std::to_string(abi::kCommandLineBytes - 1) +
                     " bytes");
#line 534 "chapters/04-launcher.nw"
    return options;
}
#line 726 "chapters/04-launcher.nw"
std::string usage_text() {
    return "usage: lhv [options] GUEST.elf [GUEST WORDS...]"
           " [-- GUEST WORDS...]\n"
           "Run a Guest kernel on the Little Hypervisor.\n\n"
           "  -m, --memory SIZE  Guest memory in MiB, or with a suffix\n"
           "                     K, M or G (2M to 1019M; 32M)\n"
           "  --accel tcg|kvm    QEMU accelerator (tcg)\n"
           "  --gdb[=PORT]       wait for a debugger on PORT (1234)\n"
           "  --qemu-log FILE    have QEMU log every trap and reset\n"
           "                     of the machine to FILE\n"
           "  --show-exits       print each exit of the Guest to the\n"
           "                     Host (hypercall, trap, interrupt)\n"
           "  --host PATH        the Host image (default: $LHV_HOST,\n"
           "                     else host/host.elf beside lhv)\n"
           "  --then FILE        when a Guest ends, check the Host and\n"
           "                     run FILE on it (repeat: in order)\n"
           "  --block FILE[,ro]  a disk image for the block device\n"
           "                     (,ro: read-only)\n"
           "  --net socket:PATH  a network card, cabled to the Guest\n"
           "                     of the other lhv given the same PATH\n"
           "  --net tap:NAME     a network card, cabled to Linux's TAP\n"
           "                     NAME (made for the run if need be)\n"
           "  -h, --help         this text\n"
           "  --version          the version\n\n"
           "Options go before the Guest file.  The words after it\n"
           "are the Guest's command line; one that starts with -\n"
           "must come after --, which passes the rest to the Guest\n"
           "as it is.  QEMU: $LHV_QEMU, else qemu-system-i386.\n\n"
           "Exit status:\n"
           "  0    the Guest (every Guest) powered off\n"
           "  1    a Guest died, or the machine failed\n"
           "  2    bad usage, or a bad Guest, Host or QEMU log file\n"
           "       (QEMU never ran)\n"
           "  130  stopped by Ctrl-C (128 + SIGINT).  Once the Guest's\n"
           "       console driver is up, Ctrl-C goes to the Guest:\n"
           "       type it three times in a row to stop lhv\n"
           "  143  stopped by SIGTERM (128 + SIGTERM)\n";
}
#line 772 "chapters/04-launcher.nw"
std::string version_text() {
    return std::string("lhv ") + abi::kVersion +
           " (Little Hypervisor, link version " +
           std::to_string(abi::kLinkVersion) + ")\n";
}
#line 787 "chapters/04-launcher.nw"
std::string resolve_host_image(const std::string& from_option,
                               const char* from_environment,
                               const std::string& launcher_path) {
    if (!from_option.empty()) return from_option;
    if (from_environment && *from_environment) return from_environment;
    std::filesystem::path launcher{launcher_path};
    return (launcher.parent_path() / "host" / "host.elf").string();
}

#line 414 "chapters/04-launcher.nw"
} // namespace lhv::launcher
