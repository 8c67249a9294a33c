// generated from chapters/05-host.nw -- edit the chapter, not this file
#line 3636 "chapters/05-host.nw"
#include "harness.hpp"

using namespace lhv::test;

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

#line 3642 "chapters/05-host.nw"
TEST_CASE("the processor state is not the Guest's to choose",
          "[integration]") {
    const std::string gp = "trap 13 (general protection)";
    const std::string none = ": the Guest has no handler for it";
    struct Rogue { std::string name, trap, tail; };
    const std::vector<Rogue> rogues = {
        {"ldt_ds", gp, ", error code 0xc" + none},
        {"ldt_call", gp, ", error code 0xc" + none},
        {"lldt", gp, ", error code 0x0" + none},
        {"popf_iopl", gp, ", error code 0x0" + none},
        {"iret_iopl", gp, ", error code 0x0" + none},
        {"task_jump", gp, ", error code 0x18" + none},
        {"nested_task", "trap 10 (invalid TSS)", ", error code 0x0" + none},
        {"out_pic", gp, ", error code 0x0" + none},
        {"write_dr7", gp, ", error code 0x0" + none},
        {"read_dr7", gp, ", error code 0x0" + none},
        {"sysenter", gp, ", error code 0x0" + none},
        {"syscall", "trap 6 (invalid opcode)", none},
    };
    std::vector<std::string> guests;
    for (const Rogue& rogue : rogues)
        guests.push_back(test_guest(rogue.name));
    const Survived survived = run_then_healthy(guests);
    for (std::size_t i = 0; i < rogues.size(); ++i) {
        const Rogue& r = rogues[i];
        INFO(r.name);
        // lhv names the function and chapter line after the address
        // (the Launcher's symbol reader); the reason is around them.
        const std::string start =
            "lhv: guest died: " + r.trap + " at eip " +
            eip_text(elf_symbol(guests[i], "misdeed")) + " in ";
        CHECK_THAT(survived.deaths[i], Catch::StartsWith(start) &&
                                           Catch::EndsWith(r.tail));
        if (r.tail == none)
            CHECK_THAT(survived.deaths[i], !Contains("error code"));
    }
}

TEST_CASE("a virtual-8086 frame kills the Guest, not the Host",
          "[integration]") {
    const std::string guest = test_guest("vm86");
    const Survived survived = run_then_healthy({guest});
    CHECK_THAT(survived.deaths[0],
        Catch::StartsWith("lhv: guest died: bad trap frame: "
                          "virtual-8086 mode, EFLAGS 0x") ||
        Catch::StartsWith("lhv: guest died: trap 13 (general protection)"
                          " at eip " +
                          eip_text(elf_symbol(guest, "misdeed"))));
}
