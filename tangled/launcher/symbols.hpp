// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 5074 "chapters/04-launcher.nw"
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lhv::launcher {

#line 5097 "chapters/04-launcher.nw"
struct SourceLine {
    std::string file;  // as the compiler saw it: chapters/02-guest.nw
    std::uint32_t line = 0;
};
#line 5110 "chapters/04-launcher.nw"
class Symbols {
  public:
    static Symbols from_bytes(std::span<const std::byte> elf);
    static Symbols from_file(const std::string& path) noexcept;

    std::optional<std::string> function_at(std::uint32_t address) const;
    std::optional<SourceLine> line_at(std::uint32_t address) const;
    std::string describe(std::uint32_t address) const;

    struct Function {
        std::uint32_t start, size, section_end;
        bool sized;          // an STT_FUNC with a size, not a bare label
        std::uint32_t name;  // offset in names: as in the file, mangled
    };
    struct Row {
        std::uint32_t address, line, file;
        bool is_stmt;       // a statement starts here
        bool end_sequence;  // the first address past a sequence
    };

    std::vector<Function> functions;
    std::vector<std::byte> names;  // the symbol table's strings
    std::vector<Row> rows;
    std::vector<std::string> files;
};

#line 5087 "chapters/04-launcher.nw"
std::string annotate_eips(const std::string& message,
                          const Symbols& symbols);

} // namespace lhv::launcher
