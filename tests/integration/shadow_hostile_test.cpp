// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 7089 "chapters/05-host.nw"
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
#line 7095 "chapters/05-host.nw"
}

TEST_CASE("a Guest's hostile page tables kill only the Guest",
          "[integration]") {
    const std::vector<std::pair<std::string, std::string>> rogues = {
        {"pt_pte_limit", "page fault at 0x10001000 (eip @): page-table "
         "entry 0x02010003 maps a page beyond the Guest's memory"},
        {"pt_pte_top", "page fault at 0x10001000 (eip @): page-table "
         "entry 0xfffff003 maps a page beyond the Guest's memory"},
        {"pt_pde_beyond", "page fault at 0x10400000 (eip @): "
         "page-directory entry 0x02010003 maps a page beyond the "
         "Guest's memory"},
        {"pt_pde_large", "page fault at 0x10400000 (eip @): "
         "page-directory entry 0x00000083 asks for a large page"},
        {"pt_rewrite", "page fault at 0x10000000 (eip @): page-table "
         "entry 0x02010001 maps a page beyond the Guest's memory"},
        {"pt_switcher", "trap 14 (page fault) at eip @, error code 0x0: "
         "the Guest has no handler for it"},
        {"pt_switcher_write", "trap 14 (page fault) at eip @, error code "
         "0x2: the Guest has no handler for it"},
        {"pt_self_map", "trap 14 (page fault) at eip @, error code 0x3: "
         "the Guest has no handler for it"},
    };
    std::vector<std::string> paths;
    for (const auto& rogue : rogues)
        paths.push_back(test_guest(rogue.first));
    const Survived survived = run_then_healthy(paths);
    REQUIRE(survived.deaths.size() == rogues.size());
    for (std::size_t i = 0; i < rogues.size(); ++i) {
        const std::string& reason = rogues[i].second;
        const std::size_t at = reason.find('@');
        INFO(rogues[i].first);
        CHECK_THAT(survived.deaths[i],
                   Catch::StartsWith(
                       "lhv: guest died: " + reason.substr(0, at) +
                       eip_text(elf_symbol(paths[i], "misdeed"))));
        CHECK_THAT(survived.deaths[i], Contains(reason.substr(at + 1)));
    }
    CHECK_THAT(survived.run.out,
               Contains("pt_rewrite: the old shadow entry serves until "
                        "SET_PTE\n"));
    CHECK_THAT(survived.run.out,
               Contains("pt_self_map: the changed entry was followed\n"
                        "pt_self_map: read its directory's entry through "
                        "itself\n"
                        "pt_self_map: wrote its table through the "
                        "self-map\n"));
}
