// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 6340 "chapters/04-launcher.nw"
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>
#include <fcntl.h>
#include <unistd.h>
#include "launcher/block.hpp"
#include "launcher/block_device.hpp"
#include "launcher/console.hpp"
#include "launcher/elf_loader.hpp"
#include "launcher/errors.hpp"
#include "launcher/launcher.hpp"
#include "launcher/net.hpp"
#include "launcher/options.hpp"
#include "launcher/posix.hpp"
#include "launcher/rng.hpp"
#include "launcher/symbols.hpp"

using namespace lhv::launcher;

#line 6459 "chapters/04-launcher.nw"
static std::vector<std::unique_ptr<Device>> make_devices(
    const Options&, std::optional<BlockDevice> disk,
    std::optional<NetCable> cable) {
    std::vector<std::unique_ptr<Device>> devices;
    devices.push_back(make_console(STDIN_FILENO, STDOUT_FILENO));
    devices.push_back(std::make_unique<EntropyDevice>());
    if (disk)
        devices.push_back(std::make_unique<BlockBackEnd>(std::move(*disk)));
    if (cable)
        devices.push_back(
            std::make_unique<NetDevice>(std::move(*cable), &std::cerr));
    return devices;
}
#line 6518 "chapters/04-launcher.nw"
static void check_qemu_log(const std::string& path) {
    if (path.empty()) return;
    UniqueFd log{::open(path.c_str(),
                          O_WRONLY | O_CREAT | O_CLOEXEC | O_NONBLOCK |
                              O_NOCTTY,
                          0666)};
    if (!log)
        throw FileError("cannot write the QEMU log file " + path + ": " +
                        std::strerror(errno));
}
#line 6496 "chapters/04-launcher.nw"
static int report(const LauncherError& error,
                  const std::string& elf_file) {
    std::string message = error.what();
    if (!elf_file.empty())
        message = annotate_eips(message, Symbols::from_file(elf_file));
    std::cerr << "lhv: " << message << '\n';
    return error.status();
}

#line 6368 "chapters/04-launcher.nw"
int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    Options options;
    std::string host_image;
    try {
        std::vector<std::string_view> arguments(argv + 1, argv + argc);
        options = parse_options(arguments);
        
#line 6480 "chapters/04-launcher.nw"
if (options.help) {
    std::cout << usage_text();
    return 0;
}
if (options.version) {
    std::cout << version_text();
    return 0;
}
#line 6376 "chapters/04-launcher.nw"
        host_image = resolve_host_image(
            options.host_image, std::getenv("LHV_HOST"),
            std::filesystem::read_symlink("/proc/self/exe"));
        check_host_image(host_image);
        std::vector<GuestToRun> guests(1 + options.then_files.size());
        for (std::size_t i = 0; i < guests.size(); ++i) {
            guests[i].path =
                i == 0 ? options.guest_file : options.then_files[i - 1];
            guests[i].image =
                read_guest_elf(guests[i].path, options.memory_mib << 20,
                               guests[i].contents);
        }
        
#line 6415 "chapters/04-launcher.nw"
std::optional<BlockDevice> disk;
if (!options.block_file.empty())
    disk.emplace(
        open_disk(options.block_file, options.block_read_only));
#line 6389 "chapters/04-launcher.nw"
        
#line 6436 "chapters/04-launcher.nw"
std::optional<NetCable> cable;
if (!options.net_cable.empty())
    cable.emplace(join_cable(options.net_cable));
else if (!options.net_tap.empty())
    cable.emplace(open_tap(options.net_tap));
#line 6390 "chapters/04-launcher.nw"
        check_qemu_log(options.qemu_log);
        Launcher launcher(options, host_image, guests,
                          make_devices(options, std::move(disk),
                                       std::move(cable)));
        return launcher.run();
    } catch (const GuestDied& death) {
        return report(death, options.guest_file);
    } catch (const HostDied& death) {
        return report(death, host_image);
    } catch (const LauncherError& error) {
        return report(error, "");
    } catch (const std::exception& error) {
        std::cerr << "lhv: " << error.what() << '\n';
        return kExitFailure;
    }
}
