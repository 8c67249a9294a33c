// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 5975 "chapters/04-launcher.nw"
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>
#include <elf.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "launcher/symbols.hpp"
#include "../support.hpp"

using namespace lhv::launcher;

namespace {
#line 6013 "chapters/04-launcher.nw"
std::string program(const char* variable, const char* name = nullptr) {
    const std::string path = lhv::test::path_from_environment(variable);
    return name ? path + "/" + name : path;
}

std::vector<std::byte> bytes_of(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::string text{std::istreambuf_iterator<char>(file), {}};
    REQUIRE(!text.empty());
    std::vector<std::byte> bytes(text.size());
    std::memcpy(bytes.data(), text.data(), text.size());
    return bytes;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>>
code_ranges(const std::vector<std::byte>& elf) {
    Elf32_Ehdr header;
    std::memcpy(&header, elf.data(), sizeof header);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
    for (unsigned i = 0; i < header.e_shnum; ++i) {
        Elf32_Shdr section;
        std::memcpy(&section,
                    elf.data() + header.e_shoff + i * sizeof section,
                    sizeof section);
        if (section.sh_flags & SHF_EXECINSTR)
            ranges.emplace_back(section.sh_addr,
                                section.sh_addr + section.sh_size);
    }
    return ranges;
}

std::string output_of(const std::string& command) {
    std::string output;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
        output.append(buffer, n);
    REQUIRE(::pclose(pipe) == 0);
    return output;
}

std::string hex(std::uint32_t value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", value);
    return text;
}
#line 5998 "chapters/04-launcher.nw"
}

#line 6078 "chapters/04-launcher.nw"
void check_lines_against_gdb(const std::string& path) {
    auto elf = bytes_of(path);
    Symbols symbols = Symbols::from_bytes(elf);
    REQUIRE_FALSE(symbols.rows.empty());
    std::vector<std::uint32_t> asked;
    std::string list;
    for (auto [start, end] : code_ranges(elf))
        for (std::uint32_t a = start; a < end; ++a) {
            list += "info line *" + hex(a) + "\n";
            asked.push_back(a);
        }
    // gdb reads its questions from a file without a name: a memfd,
    // through this process's /proc entry for it.
    int fd = ::memfd_create("gdb-questions", MFD_CLOEXEC);
    REQUIRE(fd >= 0);
    REQUIRE(::write(fd, list.data(), list.size()) ==
            static_cast<ssize_t>(list.size()));
    std::string commands = "/proc/" + std::to_string(::getpid()) +
                           "/fd/" + std::to_string(fd);
    std::istringstream answers(output_of(
        "gdb -batch -nx -x " + commands + " " + path + " 2>/dev/null"));
    ::close(fd);
    std::size_t named = 0;
    for (std::uint32_t a : asked) {
        std::string truth;
        REQUIRE(std::getline(answers, truth));
        auto line = symbols.line_at(a);
        INFO(path << " at " << hex(a) << ": gdb says " << truth);
        if (!truth.starts_with("Line ")) {
            CHECK_FALSE(line);
            continue;
        }
        REQUIRE(line);
        CHECK_THAT(truth, Catch::StartsWith(
                              "Line " + std::to_string(line->line) +
                              " of \"" + line->file + "\""));
        ++named;
    }
    CHECK(named > 0);
}

TEST_CASE("symbols: lines agree with gdb", "[launcher][symbols]") {
    check_lines_against_gdb(program("LHV_GUEST"));
    check_lines_against_gdb(program("LHV_HOST"));
    check_lines_against_gdb(
        program("LHV_TEST_GUESTS", "null_pointer.elf"));
}
#line 6137 "chapters/04-launcher.nw"
void check_functions_against_nm(const std::string& path) {
    auto elf = bytes_of(path);
    Symbols symbols = Symbols::from_bytes(elf);
    auto in_code = [&](std::uint32_t address) {
        for (auto [start, end] : code_ranges(elf))
            if (start <= address && address < end) return true;
        return false;
    };
    std::istringstream listing(
        output_of("nm -C -S --defined-only " + path));
    std::string line;
    int checked = 0;
    while (std::getline(listing, line)) {
        std::istringstream words(line);
        std::string address, size, type;
        words >> address >> size;
        bool sized = size.size() == address.size();
        if (sized) words >> type; else type = size;
        if (type != "T" && type != "t") continue;
        std::string name;
        std::getline(words >> std::ws, name);
        auto start = static_cast<std::uint32_t>(
            std::stoul(address, nullptr, 16));
        INFO(path << ": " << line);
        auto found = symbols.function_at(start);
        if (!sized) {
            if (found && *found != name) continue;  // inside a function
            if (in_code(start)) CHECK(found == name);
            continue;
        }
        auto last = start + std::stoul(size, nullptr, 16) - 1;
        REQUIRE(found);
        CHECK((name == *found || name.starts_with(*found + "(")));
        CHECK(symbols.function_at(static_cast<std::uint32_t>(last)) ==
              found);
        ++checked;
    }
    CHECK(checked > 5);
}

TEST_CASE("symbols: functions agree with nm", "[launcher][symbols]") {
    check_functions_against_nm(program("LHV_GUEST"));
    check_functions_against_nm(program("LHV_HOST"));
    Symbols ud2 = Symbols::from_file(
        program("LHV_TEST_GUESTS", "ud2.elf"));
    Elf32_Ehdr header;
    std::memcpy(&header,
                bytes_of(program("LHV_TEST_GUESTS", "ud2.elf")).data(),
                sizeof header);
    CHECK(ud2.function_at(header.e_entry) == "_start");
}
#line 6198 "chapters/04-launcher.nw"
TEST_CASE("symbols: a death message names the place",
          "[launcher][symbols]") {
    std::string guest = program("LHV_TEST_GUESTS", "ud2.elf");
    Symbols symbols = Symbols::from_file(guest);
    Elf32_Ehdr header;
    std::memcpy(&header, bytes_of(guest).data(), sizeof header);
    auto line = symbols.line_at(header.e_entry);
    REQUIRE(line);
    std::string reason = "trap 6 (invalid opcode) at eip " +
                         hex(header.e_entry) + ", error code 0x0";
    CHECK(annotate_eips(reason, symbols) ==
          "trap 6 (invalid opcode) at eip " + hex(header.e_entry) +
              " in _start, " + line->file + ":" +
              std::to_string(line->line) + ", error code 0x0");
    CHECK(annotate_eips(reason, Symbols{}) == reason);
    for (std::string odd : {"eip 0x1234567", "eip 0x123456789",
                            "eip 0x", "at eip", "EIP 0xc0100000"})
        CHECK(annotate_eips(odd, symbols) == odd);
}

TEST_CASE("symbols: a Host's death names a C++ function",
          "[launcher][symbols]") {
    std::string host = program("LHV_HOST");
    std::istringstream listing(
        output_of("nm -C -S --defined-only " + host));
    std::string line, address, size, type, name;
    while (std::getline(listing, line)) {
        std::istringstream words(line);
        words >> address >> size >> type;
        std::getline(words >> std::ws, name);
        if (type == "T" && name.starts_with("lhv::host::")) break;
    }
    REQUIRE(name.starts_with("lhv::host::"));
    std::string eip = hex(static_cast<std::uint32_t>(
        std::stoul(address, nullptr, 16) + 1));
    std::string annotated = annotate_eips(
        "host: trap 13 at eip " + eip + ", error code 0x0",
        Symbols::from_file(host));
    INFO(line);
    CHECK_THAT(annotated,
               Catch::StartsWith("host: trap 13 at eip " + eip + " in " +
                                 name.substr(0, name.find('(')) +
                                 ", chapters/") &&
                   Catch::EndsWith(", error code 0x0"));
}
#line 6255 "chapters/04-launcher.nw"
TEST_CASE("symbols: a damaged file is read safely",
          "[launcher][symbols]") {
    auto elf = bytes_of(program("LHV_TEST_GUESTS", "null_pointer.elf"));
    auto ranges = code_ranges(elf);
    auto ask_everything = [&](std::span<const std::byte> bytes) {
        Symbols symbols = Symbols::from_bytes(bytes);
        for (auto [start, end] : ranges)
            for (std::uint32_t a = start - 1; a != end + 1; ++a) {
                (void)symbols.function_at(a);
                (void)symbols.line_at(a);
            }
    };
    for (std::size_t length = 0; length < elf.size(); length += 7)
        CHECK_NOTHROW(ask_everything(std::span(elf).first(length)));
    for (std::size_t at = 0; at < elf.size(); ++at)
        for (std::byte value : {std::byte{0x00}, std::byte{0xFF},
                                std::byte{0x80}}) {
            auto damaged = elf;
            damaged[at] = value;
            CHECK_NOTHROW(ask_everything(damaged));
        }
    Symbols whole = Symbols::from_bytes(elf);
    CHECK(whole.line_at(ranges.at(0).first));

    lhv::test::NamelessFifo fifo;
    CHECK(Symbols::from_file(fifo.path()).rows.empty());
    CHECK(Symbols::from_file("/nonexistent/missing").rows.empty());
    CHECK(Symbols::from_file("/proc").functions.empty());
}
#line 6296 "chapters/04-launcher.nw"
TEST_CASE("symbols: DWARF versions 4 and 5", "[launcher][symbols]") {
    const lhv::test::MemoryFile source(
        "#line 41 \"chapters/99-test.nw\"\n"
        "extern \"C\" int twice(int x)\n"
        "{ return x + x; }\n");
    for (std::string version : {"4", "5"}) {
        const lhv::test::MemoryFile object("");
        output_of("g++ -m32 -O2 -c -pipe -gdwarf-" + version +
                  " -x c++ " + source.path() + " -o " + object.path());
        Symbols symbols = Symbols::from_file(object.path());
        auto line = symbols.line_at(0);
        INFO("DWARF " << version);
        REQUIRE(line);
        CHECK(line->file == "chapters/99-test.nw");
        CHECK(line->line == 42);
        CHECK(symbols.function_at(0) == "twice");
    }
}
