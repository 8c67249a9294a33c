// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 7831 "chapters/05-host.nw"
#include <cstdio>
#include "harness.hpp"

using namespace lhv::test;

namespace {
#line 3586 "chapters/05-host.nw"
std::uint32_t elf_symbol(const std::string& path,
                         const std::string& name) {
    std::ifstream file(path, std::ios::binary);
    const std::vector<char> elf{std::istreambuf_iterator<char>(file),
                                std::istreambuf_iterator<char>()};
    auto read = [&](auto& into, std::size_t offset) {
        REQUIRE(offset + sizeof into <= elf.size());
        std::memcpy(&into, elf.data() + offset, sizeof into);
    };
    Elf32_Ehdr header;
    read(header, 0);
    for (unsigned i = 0; i < header.e_shnum; ++i) {
        Elf32_Shdr symbols, strings;
        read(symbols, header.e_shoff + i * sizeof symbols);
        if (symbols.sh_type != SHT_SYMTAB)
            continue;
        read(strings, header.e_shoff + symbols.sh_link * sizeof strings);
        for (std::size_t at = 0; at + sizeof(Elf32_Sym) <= symbols.sh_size;
             at += sizeof(Elf32_Sym)) {
            Elf32_Sym symbol;
            read(symbol, symbols.sh_offset + at);
            std::size_t text = strings.sh_offset + symbol.st_name;
            if (text + name.size() < elf.size() &&
                std::memcmp(elf.data() + text, name.c_str(),
                            name.size() + 1) == 0)
                return symbol.st_value;
        }
    }
    FAIL("no symbol " << name << " in " << path);
    return 0;
}

#line 7839 "chapters/05-host.nw"
struct ShadowCost {
    unsigned filled = 0, high_water = 0, pool = 0, evictions = 0;
    std::string line;
};

ShadowCost shadow_cost(const std::string& out) {
    ShadowCost cost;
    const std::string prefix = "host: shadow page tables: ";
    auto at = out.find(prefix);
    REQUIRE(at != std::string::npos);
    cost.line = out.substr(at, out.find('\n', at) - at);
    REQUIRE(std::sscanf(cost.line.c_str() + prefix.size(),
                        "%u entries filled, at most %u of %u pages, "
                        "%u evictions", &cost.filled, &cost.high_water,
                        &cost.pool, &cost.evictions) == 4);
    return cost;
}

std::string fault_line(uint32_t address, uint32_t eip, uint32_t error) {
    char line[80];
    std::snprintf(line, sizeof line, "ptg: page fault at 0x%08x (eip "
                  "0x%08x), error code 0x%08x\n", address, eip, error);
    return line;
}

ShadowCost cost_of(const std::vector<std::string>& arguments,
                   const std::string& said, const std::string& what) {
    const Outcome run = run_lhv(arguments);
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains(said));
    ShadowCost cost = shadow_cost(run.out);
    WARN(what + ": " + cost.line);
    return cost;
}

std::string checksum_line(uint32_t words) {
    uint32_t sum = 0;
    for (uint32_t i = 0; i < words; ++i)
        sum += i * 0x9E3779B9u;
    char line[64];
    std::snprintf(line, sizeof line,
                  "ptg: every page read back, checksum 0x%08x\n", sum);
    return line;
}
}
#line 7891 "chapters/05-host.nw"
TEST_CASE("a Guest finds true accessed and dirty bits in its entries",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("ptg_accessed")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("ptg: page r: accessed 1, dirty 0\n"
                                 "ptg: page w: accessed 1, dirty 0\n"
                                 "ptg: page w: accessed 1, dirty 1\n"
                                 "ptg: page u: accessed 0, dirty 0\n"));
}
#line 7909 "chapters/05-host.nw"
TEST_CASE("a Guest pages in on demand from its own fault handler",
          "[integration]") {
    const std::string guest = test_guest("ptg_demand");
    const Outcome run = run_lhv({guest});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out,
               Contains(fault_line(0x10000000,
                                   elf_symbol(guest, "demand_read"), 0) +
                        fault_line(0x10000004,
                                   elf_symbol(guest, "demand_write"), 3) +
                        "ptg: both accesses retried and done\n"));
}
#line 7934 "chapters/05-host.nw"
TEST_CASE("a program at ring 3 makes a direct system call",
          "[integration]") {
    const std::string guest = test_guest("ptg_ring3");
    const uint32_t page = elf_symbol(guest, "user_page");
    auto user = [&](const char* label) {
        return 0x08048000u + elf_symbol(guest, label) - page;
    };
    const Outcome run = run_lhv({"--show-exits", guest});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    const std::string said = "ptg: int $0x80 from ring 3 ran the ring-1 "
                             "handler\n";
    CHECK_THAT(run.out,
               Contains(said +
                        fault_line(elf_symbol(guest, "kernel_word"),
                                   user("user_reads_kernel"), 5) +
                        fault_line(0x08100000,
                                   user("user_reads_unmapped"), 4) +
                        fault_line(0x00001000,
                                   user("user_reads_low"), 5) +
                        said));
    CHECK_THAT(run.err, Contains("lhv: exit: trap 14 at eip " +
                                 eip_text(user("user_reads_kernel"))));
    CHECK_THAT(run.err, !Contains("exit records lost"));
    CHECK_THAT(run.err, !Contains(" at eip " +
                                  eip_text(user("user_syscall"))));

    const Outcome gated = run_lhv({"--show-exits", guest, "i"});
    INFO(describe(gated));
    CHECK_THAT(gated.err, Contains("lhv: exit: trap 13 at eip " +
                                   eip_text(user("user_syscall")) +
                                   ", error code 0x00000402"));
}
#line 7979 "chapters/05-host.nw"
TEST_CASE("16 MiB, or 700 windows of 4 MiB, keep the pool bounded",
          "[integration]") {
    const std::string guest = test_guest("ptg_big");
    const ShadowCost region = cost_of({"--show-exits", guest, "m"},
                                      checksum_line(4096), "16 MiB");
    CHECK(region.pool == 512);
    CHECK(region.high_water <= 6);
    CHECK(region.evictions == 0);
    CHECK(region.filled >= 4096);

    const ShadowCost windows = cost_of({"--show-exits", guest, "w"},
                                       checksum_line(700), "700 windows");
    CHECK(windows.high_water <= windows.pool);
    CHECK(windows.evictions > 0);
    CHECK(windows.filled >= 1400);
}
#line 8001 "chapters/05-host.nw"
TEST_CASE("switches among 50 directories keep the pool bounded",
          "[integration]") {
    const ShadowCost cost =
        cost_of({"--show-exits", test_guest("ptg_switch")},
                "ptg: switches done, counter 0x00002710\n",
                "10000 switches");
    CHECK(cost.high_water <= 9);
    CHECK(cost.evictions == 0);
}
