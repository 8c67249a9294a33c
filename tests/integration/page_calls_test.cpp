// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 6442 "chapters/05-host.nw"
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

#line 6449 "chapters/05-host.nw"
std::string directory_of(const std::string& guest) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x",
                  elf_symbol(guest, "directory") - 0xC0000000u);
    return text;
}
}

TEST_CASE("good page-table hypercalls are accepted", "[integration]") {
    const Outcome run = run_lhv({test_guest("page_calls")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK_THAT(run.out, Contains("page-table calls accepted\n"));
}

TEST_CASE("a Guest runs on page tables of its own", "[integration]") {
    const std::string guest = test_guest("own_tables");
    const Outcome run = run_lhv({guest});
    INFO(describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out, Contains("own tables: the alias reads the same"));
    const uint32_t write = elf_symbol(guest, "write_alias");
    CHECK_THAT(run.err, Contains("lhv: guest died: trap 14 (page fault) "
                                 "at eip " + eip_text(write)));
    CHECK_THAT(run.err, Contains("error code 0x3: the Guest has no handler "
                                 "for it"));
}

TEST_CASE("switches between address spaces keep them apart",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("two_spaces")});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains("two address spaces: 200 switches, "
                                 "each read its own page\n"));
}

TEST_CASE("a bad page-table hypercall kills the Guest",
          "[integration]") {
    const auto [name, reason] =
        GENERATE(table<std::string, std::string>({
            {"pgtable_unaligned", "hypercall 4 (NEW_PGTABLE): page "
             "directory 0x00001001 is not a page of the Guest's memory"},
            {"pgtable_outside", "hypercall 4 (NEW_PGTABLE): page "
             "directory 0x7ffff000 is not a page of the Guest's memory"},
            {"set_pte_directory", "hypercall 14 (SET_PTE): page "
             "directory 0x00000123 is not a page of the Guest's memory"},
            {"set_pte_switcher", "hypercall 14 (SET_PTE): address "
             "0xffc02000 is the Switcher's"},
            {"set_pte_beyond", "hypercall 14 (SET_PTE): page-table entry "
             "0x80000003 maps a page beyond the Guest's memory"},
            {"set_pte_large", "hypercall 14 (SET_PTE): page-table entry "
             "0x00000083 asks for a large page"},
            {"set_pgd_switcher", "hypercall 15 (SET_PGD): index 1023 is "
             "the Switcher's"},
            {"set_pgd_index", "hypercall 15 (SET_PGD): index 4096 is "
             "past the directory's end"},
            {"set_pgd_beyond", "hypercall 15 (SET_PGD): page-directory "
             "entry 0x80000001 maps a page beyond the Guest's memory"},
        }));
    const std::string guest = test_guest(name);
    std::string expected = reason;
    if (auto at = expected.find("DIR"); at != std::string::npos)
        expected.replace(at, 3, directory_of(guest));
    const Outcome run = run_lhv({guest});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err,
               Contains("lhv: guest died: " + expected + " at eip 0x"));
}

TEST_CASE("the early reasons name the call", "[integration]") {
    const auto [name, reason] =
        GENERATE(table<std::string, std::string>({
            {"before_init", "hypercall 17 (NOTIFY) before LGUEST_INIT"},
            {"queued_init", "queued hypercall in slot 0: hypercall 1 "
             "(LGUEST_INIT): LGUEST_INIT twice, lguest_data 0x"},
        }));
    const Outcome run = run_lhv({test_guest(name)});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains("lhv: guest died: " + reason));
}
