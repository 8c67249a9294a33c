// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 3087 "chapters/04-launcher.nw"
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <vector>
#include <unistd.h>
#include "abi/link.hpp"
#include "launcher/errors.hpp"
#include "launcher/launcher.hpp"
#include "launcher/options.hpp"

using namespace lhv::launcher;

#line 3144 "chapters/04-launcher.nw"
static void check_host_image(const std::string& path) {
    if (::access(path.c_str(), R_OK) != 0)
        throw UsageError("cannot read the Host image " + path +
                         " (build it, or use --host or LHV_HOST)");
}

#line 3102 "chapters/04-launcher.nw"
int main(int argc, char** argv) {
    std::signal(SIGPIPE, SIG_IGN);
    try {
        std::vector<std::string_view> arguments(argv + 1, argv + argc);
        Options options = parse_options(arguments);
        
#line 3128 "chapters/04-launcher.nw"
if (options.help) {
    std::cout << usage_text();
    return 0;
}
if (options.version) {
    std::cout << "lhv (Little Hypervisor) 1.0, link version "
              << lhv::abi::kLinkVersion << '\n';
    return 0;
}
#line 3108 "chapters/04-launcher.nw"
        std::string host_image = resolve_host_image(
            options.host_image, std::getenv("LHV_HOST"),
            std::filesystem::read_symlink("/proc/self/exe"));
        check_host_image(host_image);
        std::vector<std::byte> file;
        GuestImage image = read_guest_elf(
            options.guest_file, options.memory_mib << 20, file);
        Launcher launcher(options, host_image, image, file);
        return launcher.run();
    } catch (const LauncherError& error) {
        std::cerr << "lhv: " << error.what() << '\n';
        return error.status();
    } catch (const std::exception& error) {
        std::cerr << "lhv: " << error.what() << '\n';
        return kExitFailure;
    }
}
