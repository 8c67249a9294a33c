// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3324 "chapters/05-host.nw"
#include "harness.hpp"

using namespace lhv::test;

#line 3273 "chapters/05-host.nw"
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

#line 3330 "chapters/05-host.nw"
TEST_CASE("the processor state is not the Guest's to choose",
          "[integration]") {
    const std::string gp = "trap 13 (general protection)";
    const std::string none = ": the Guest has no handler for it\n";
    const auto [name, trap, tail] =
        GENERATE_REF(table<std::string, std::string, std::string>({
            {"ldt_ds", gp, ", error code 0xc" + none},
            {"ldt_call", gp, ", error code 0xc" + none},
            {"lldt", gp, ", error code 0x0" + none},
            {"popf_iopl", gp, ", error code 0x0" + none},
            {"iret_iopl", gp, ", error code 0x0" + none},
            {"task_jump", gp, ", error code 0x18" + none},
            {"nested_task", "trap 10 (invalid TSS)",
             ", error code 0x0" + none},
            {"out_pic", gp, ", error code 0x0" + none},
            {"write_dr7", gp, ", error code 0x0" + none},
            {"read_dr7", gp, ", error code 0x0" + none},
            {"sysenter", gp, ", error code 0x0" + none},
            {"syscall", "trap 6 (invalid opcode)", none},
        }));
    const std::string guest = test_guest(name);
    const Outcome run = run_lhv({guest});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    // lhv names the function and chapter line after the address
    // (the Launcher's symbol reader); the reason is around them.
    CHECK_THAT(run.err,
               Contains("lhv: guest died: " + trap + " at eip " +
                        eip_text(elf_symbol(guest, "misdeed")) + " in ") &&
                   Catch::EndsWith(tail));
}

TEST_CASE("a virtual-8086 frame kills the Guest, not the Host",
          "[integration]") {
    const std::string guest = test_guest("vm86");
    const Outcome run = run_lhv({guest});
    INFO(describe(run));
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err,
        Contains("lhv: guest died: bad trap frame: virtual-8086 mode, "
                 "EFLAGS 0x") ||
        Contains("lhv: guest died: trap 13 (general protection) at eip " +
                 eip_text(elf_symbol(guest, "misdeed"))));
    const Outcome next = run_lhv({path_from_environment("LHV_GUEST")});
    INFO(describe(next));
    CHECK(next.exit_code == 0);
}
