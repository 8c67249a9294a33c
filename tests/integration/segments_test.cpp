// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 4855 "chapters/05-host.nw"
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
#line 4861 "chapters/05-host.nw"
}

TEST_CASE("careless segments are fixed up and the Guest runs on",
          "[integration]") {
    const auto [name, line] = GENERATE(table<std::string, std::string>({
        {"gdt_dpl0", "DPL 0 became 1\n"},
        {"tls_dpl0", "TLS DPL 0 became 1\n"},
        {"gdt_clip", "clipped below the Switcher\n"},
        {"queued_gdt_dpl0", "queued DPL 0 became 1\n"},
    }));
    const Outcome run = run_lhv({test_guest(name)});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 0);
    CHECK(run.err.empty());
    CHECK_THAT(run.out, Contains(line));
}

TEST_CASE("a segment the Guest may not have kills it",
          "[integration]") {
    const std::string gdt = "hypercall 18 (LOAD_GDT_ENTRY): entry ";
    const std::string tls = "hypercall 16 (LOAD_TLS): ";
    const auto [name, reason] =
        GENERATE_REF(table<std::string, std::string>({
            {"gdt_tss", gdt + "9 is a system descriptor, "
                              "0x0000a90010000067"},
            {"gdt_call_gate", gdt + "9 is a system descriptor, "
                                    "0xffc0ac0000080000"},
            {"gdt_conforming", gdt + "9 is a conforming code segment, "
                                     "0x00cfbe000000fbff"},
            {"gdt_switcher_base", gdt + "9 is a segment based in the "
                                        "Switcher, 0xff40b3c000000000"},
            {"gdt_entry_0", gdt + "0 is the null descriptor"},
            {"gdt_entry_1", gdt + "1 is the Switcher's"},
            {"gdt_entry_2", gdt + "2 is the Switcher's"},
            {"gdt_entry_3", gdt + "3 is the Switcher's"},
            {"gdt_entry_4", gdt + "4 is the Guest kernel's own"},
            {"gdt_entry_5", gdt + "5 is the Guest kernel's own"},
            {"gdt_entry_32", gdt + "32 is past the end of the GDT"},
            {"tls_outside", tls + "descriptors at 0x7ffffff0 are "
                                  "outside the Guest's memory"},
            {"tls_call_gate", tls + "entry 7 is a system descriptor, "
                                    "0xffc0ac0000080000"},
        }));
    const Outcome run = run_lhv({test_guest(name)});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err,
               Contains("lhv: guest died: " + reason + " at eip 0x"));
}

TEST_CASE("a queued segment the Guest may not have kills it",
          "[integration]") {
    const Outcome run = run_lhv({test_guest("queued_gdt_tss")});
    INFO(describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains("lhv: guest died: queued hypercall in "
                                 "slot 0: hypercall 18 (LOAD_GDT_ENTRY): "
                                 "entry 9 is a system descriptor, "
                                 "0x0000a90010000067\n"));
}

TEST_CASE("a segment the Switcher cannot load kills the Guest, not "
          "the Host", "[integration]") {
    const std::string np = "trap 11 (segment not present)";
    const auto [name, reason] =
        GENERATE_REF(table<std::string, std::string>({
            {"reload_fs", "%fs: " + np + ", error code 0x30"},
            {"reload_ds", "%ds: trap 13 (general protection), "
                          "error code 0x48"},
            {"reload_cs", "%cs or %ss: " + np + ", error code 0x50"},
        }));
    const Outcome run = run_lhv({test_guest(name)});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Contains("lhv: guest died: the Switcher could "
                                 "not load the Guest's " + reason +
                                 "\n"));
}

TEST_CASE("the Host's selectors are not the Guest's", "[integration]") {
    const auto [name, code] =
        GENERATE_REF(table<std::string, std::string>({
            {"ljmp_lguest_cs", "0x8"},
            {"lcall_lguest_cs", "0x8"},
            {"lcall_tss", "0x18"},
            {"iret_lguest_cs", "0x8"},
            {"ss_lguest_ds", "0x10"},
            {"ds_lguest_tss", "0x18"},
        }));
    const std::string guest = test_guest(name);
    const Outcome run = run_lhv({guest});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err,
               Contains("lhv: guest died: trap 13 (general protection) "
                        "at eip " + eip_text(elf_symbol(guest, "misdeed")) +
                        " in ") &&
                   Catch::EndsWith(", error code " + code +
                                   ": the Guest has no handler for it\n"));
}
