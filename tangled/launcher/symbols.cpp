// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 5141 "chapters/04-launcher.nw"
#include "launcher/symbols.hpp"
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <cxxabi.h>
#include <functional>
#include <memory>
#include <string_view>
#include <elf.h>
#include "launcher/posix.hpp"

namespace lhv::launcher {
namespace {

#line 5193 "chapters/04-launcher.nw"
constexpr std::size_t kMaxString = 4096;

class Cursor {
  public:
    explicit Cursor(std::span<const std::byte> bytes) : bytes_(bytes) {}
    bool ok() const { return ok_; }
    std::size_t left() const { return bytes_.size() - at_; }

    std::uint64_t fixed(std::size_t size) {
        if (size > 8 || left() < size) return fail();
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < size; ++i)
            value |= std::uint64_t(bytes_[at_ + i]) << (8 * i);
        at_ += size;
        return value;
    }
    std::uint64_t uleb() { return leb(false); }
    std::int64_t sleb() { return static_cast<std::int64_t>(leb(true)); }
    std::string_view cstring() {
        auto rest = bytes_.subspan(at_, std::min(left(), kMaxString));
        auto nul = std::find(rest.begin(), rest.end(), std::byte{0});
        if (nul == rest.end()) {
            fail();
            return {};
        }
        auto length = static_cast<std::size_t>(nul - rest.begin());
        at_ += length + 1;
        return {reinterpret_cast<const char*>(rest.data()), length};
    }
    Cursor take(std::uint64_t n) {
        if (left() < n) {
            fail();
            return Cursor(std::span<const std::byte>{});
        }
        Cursor part(bytes_.subspan(at_, static_cast<std::size_t>(n)));
        at_ += static_cast<std::size_t>(n);
        return part;
    }
    void skip(std::uint64_t n) { take(n); }

  private:
    std::uint64_t fail() { ok_ = false; at_ = bytes_.size(); return 0; }
    std::uint64_t leb(bool is_signed) {
        std::uint64_t value = 0;
        for (unsigned shift = 0; shift < 70; shift += 7) {
            if (left() == 0) return fail();
            auto byte = std::uint8_t(bytes_[at_++]);
            if (shift < 64) value |= std::uint64_t(byte & 0x7F) << shift;
            if (!(byte & 0x80)) {
                if (is_signed && (byte & 0x40) && shift + 7 < 64)
                    value |= ~std::uint64_t{0} << (shift + 7);
                return value;
            }
        }
        return fail();
    }

    std::span<const std::byte> bytes_;
    std::size_t at_ = 0;
    bool ok_ = true;
};

std::string_view string_at(std::span<const std::byte> table,
                           std::uint64_t offset) {
    if (offset >= table.size()) return {};
    Cursor cursor(table.subspan(static_cast<std::size_t>(offset)));
    return cursor.cstring();
}
#line 5277 "chapters/04-launcher.nw"
using ReadAt =
    std::function<bool(std::uint64_t, std::span<std::byte>)>;
constexpr std::uint64_t kMaxSectionBytes = 64 << 20;

struct Sections {
    std::vector<std::byte> symtab, strtab, line, line_str, str;
    std::uint32_t symtab_index = 0;
    std::vector<Elf32_Shdr> headers;
};

std::vector<std::byte> read_section(const Elf32_Shdr& section,
                                    const ReadAt& read_at) {
    if (section.sh_type == SHT_NOBITS ||
        section.sh_size > kMaxSectionBytes)
        return {};
    std::vector<std::byte> bytes(section.sh_size);
    if (!read_at(section.sh_offset, bytes)) return {};
    return bytes;
}

#line 5306 "chapters/04-launcher.nw"
std::optional<Sections> read_sections(const ReadAt& read_at) {
    Elf32_Ehdr header;
    std::span header_bytes(reinterpret_cast<std::byte*>(&header),
                           sizeof header);
    if (!read_at(0, header_bytes) ||
        std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0 ||
        header.e_ident[EI_CLASS] != ELFCLASS32 ||
        header.e_ident[EI_DATA] != ELFDATA2LSB ||
        header.e_shentsize != sizeof(Elf32_Shdr) ||
        header.e_shstrndx >= header.e_shnum)
        return std::nullopt;
    Sections sections;
    sections.headers.resize(header.e_shnum);
    std::span table(reinterpret_cast<std::byte*>(sections.headers.data()),
                    sections.headers.size() * sizeof(Elf32_Shdr));
    if (!read_at(header.e_shoff, table)) return std::nullopt;
    auto names = read_section(sections.headers[header.e_shstrndx],
                              read_at);
    for (std::uint32_t i = 0; i < sections.headers.size(); ++i) {
        const Elf32_Shdr& section = sections.headers[i];
        std::string_view name = string_at(names, section.sh_name);
        if (name == ".symtab" && section.sh_type == SHT_SYMTAB &&
            section.sh_link < sections.headers.size()) {
            sections.symtab = read_section(section, read_at);
            sections.strtab = read_section(
                sections.headers[section.sh_link], read_at);
            sections.symtab_index = i;
        } else if (name == ".debug_line") {
            sections.line = read_section(section, read_at);
        } else if (name == ".debug_line_str") {
            sections.line_str = read_section(section, read_at);
        } else if (name == ".debug_str") {
            sections.str = read_section(section, read_at);
        }
    }
    return sections;
}
#line 5359 "chapters/04-launcher.nw"
std::string plain_name(const std::string& symbol) {
    int status = 0;
    std::unique_ptr<char, decltype(&std::free)> text(
        abi::__cxa_demangle(symbol.c_str(), nullptr, nullptr, &status),
        &std::free);
    if (status != 0 || !text) return symbol;
    std::string name = text.get();
    while (!name.empty() && name.back() == ']') {
        auto clone = name.rfind(" [clone ");
        if (clone == name.npos) break;
        name.erase(clone);
    }
    
#line 5382 "chapters/04-launcher.nw"
auto close = name.rfind(')');
if (close != name.npos) {
    int depth = 0;
    for (std::size_t i = close + 1; i-- > 0;) {
        if (name[i] == ')') ++depth;
        if (name[i] == '(' && --depth == 0) {
            if (i > 0) name.erase(i);
            break;
        }
    }
}
#line 5372 "chapters/04-launcher.nw"
    return name;
}
#line 5413 "chapters/04-launcher.nw"
void read_functions(const Sections& sections, Symbols& symbols) {
    std::size_t count = sections.symtab.size() / sizeof(Elf32_Sym);
    for (std::size_t i = 0; i < count; ++i) {
        Elf32_Sym symbol;
        std::memcpy(&symbol,
                    sections.symtab.data() + i * sizeof symbol,
                    sizeof symbol);
        unsigned type = ELF32_ST_TYPE(symbol.st_info);
        if ((type != STT_FUNC && type != STT_NOTYPE) ||
            symbol.st_shndx == SHN_UNDEF ||
            symbol.st_shndx >= sections.headers.size())
            continue;
        const Elf32_Shdr& section = sections.headers[symbol.st_shndx];
        std::string_view name = string_at(sections.strtab,
                                          symbol.st_name);
        if (!(section.sh_flags & SHF_EXECINSTR) || name.empty())
            continue;
        symbols.functions.push_back(
            {symbol.st_value, symbol.st_size,
             section.sh_addr + section.sh_size,
             type == STT_FUNC && symbol.st_size > 0, symbol.st_name});
    }
    symbols.names = sections.strtab;
}
#line 5802 "chapters/04-launcher.nw"
enum : std::uint8_t {
    DW_LNS_copy = 1, DW_LNS_advance_pc = 2, DW_LNS_advance_line = 3,
    DW_LNS_set_file = 4, DW_LNS_negate_stmt = 6, DW_LNS_const_add_pc = 8,
    DW_LNS_fixed_advance_pc = 9,
    DW_LNE_end_sequence = 1, DW_LNE_set_address = 2,
    DW_LNE_set_discriminator = 4,
};
#line 5533 "chapters/04-launcher.nw"
constexpr std::size_t kMaxFiles = 8192;

std::string join_path(const std::vector<std::string>& directories,
                      std::uint64_t directory, std::string_view name) {
    if (name.starts_with('/') || directory == 0 ||
        directory >= directories.size() ||
        directories[directory].empty())
        return std::string(name);
    return directories[directory] + "/" + std::string(name);
}

void read_file_table_v4(Cursor& fields,
                        std::vector<std::string>& files) {
    std::vector<std::string> directories{""};
    while (fields.ok()) {
        std::string_view directory = fields.cstring();
        if (directory.empty()) break;
        directories.emplace_back(directory);
    }
    files.emplace_back();
    while (fields.ok() && files.size() < kMaxFiles) {
        std::string_view name = fields.cstring();
        if (name.empty()) break;
        std::uint64_t directory = fields.uleb();
        fields.uleb();  // modification time
        fields.uleb();  // length
        files.push_back(join_path(directories, directory, name));
    }
}

#line 5580 "chapters/04-launcher.nw"
struct FormValue {
    std::string_view text;
    std::uint64_t number = 0;
};

bool read_form(Cursor& fields, std::uint64_t form, unsigned offset_size,
               const Sections& sections, FormValue& value) {
    switch (form) {
    case 0x08: value.text = fields.cstring(); break;        // string
    case 0x0e: value.text = string_at(sections.str,         // strp
                                      fields.fixed(offset_size)); break;
    case 0x1f: value.text = string_at(sections.line_str,    // line_strp
                                      fields.fixed(offset_size)); break;
    case 0x0b: value.number = fields.fixed(1); break;       // data1
    case 0x05: value.number = fields.fixed(2); break;       // data2
    case 0x06: value.number = fields.fixed(4); break;       // data4
    case 0x07: value.number = fields.fixed(8); break;       // data8
    case 0x0f: value.number = fields.uleb(); break;         // udata
    case 0x1e: fields.skip(16); break;                      // data16
    case 0x09: fields.skip(fields.uleb()); break;           // block
    default: return false;
    }
    return fields.ok();
}

bool read_entries_v5(Cursor& fields, unsigned offset_size,
                     const Sections& sections,
                     std::vector<std::pair<std::string_view,
                                           std::uint64_t>>& entries) {
    constexpr std::uint64_t kPath = 1, kDirectoryIndex = 2;
    std::vector<std::pair<std::uint64_t, std::uint64_t>> format(
        fields.fixed(1));
    for (auto& [content, form] : format) {
        content = fields.uleb();
        form = fields.uleb();
    }
    std::uint64_t count = fields.uleb();
    if ((format.empty() && count > 0) || count > kMaxFiles) return false;
    for (std::uint64_t i = 0; i < count && fields.ok(); ++i) {
        std::pair<std::string_view, std::uint64_t> entry;
        for (auto [content, form] : format) {
            FormValue value;
            if (!read_form(fields, form, offset_size, sections, value))
                return false;
            if (content == kPath) entry.first = value.text;
            if (content == kDirectoryIndex) entry.second = value.number;
        }
        entries.push_back(entry);
    }
    return fields.ok();
}

void read_file_table_v5(Cursor& fields, unsigned offset_size,
                        const Sections& sections,
                        std::vector<std::string>& files) {
    std::vector<std::pair<std::string_view, std::uint64_t>> entries;
    if (!read_entries_v5(fields, offset_size, sections, entries)) return;
    std::vector<std::string> directories;
    for (auto [path, unused] : entries) directories.emplace_back(path);
    if (!directories.empty()) directories[0].clear();
    entries.clear();
    if (!read_entries_v5(fields, offset_size, sections, entries)) return;
    for (auto [path, directory] : entries)
        files.push_back(join_path(directories, directory, path));
}
#line 5486 "chapters/04-launcher.nw"
struct LineHeader {
    unsigned version = 0;
    std::uint8_t min_instruction_length = 1;
    bool default_is_stmt = true;
    std::int8_t line_base = 0;
    std::uint8_t line_range = 1, opcode_base = 1;
    std::vector<std::uint8_t> opcode_lengths;
    std::vector<std::string> files;  // indexed by the file register
};

std::optional<LineHeader> read_line_header(Cursor& unit,
                                           unsigned offset_size,
                                           const Sections& sections) {
    LineHeader header;
    header.version = static_cast<unsigned>(unit.fixed(2));
    if (header.version < 2 || header.version > 5) return std::nullopt;
    if (header.version >= 5) unit.skip(2);  // address, segment sizes
    Cursor fields = unit.take(unit.fixed(offset_size));
    header.min_instruction_length = std::uint8_t(fields.fixed(1));
    if (header.version >= 4) fields.skip(1);  // VLIW only
    header.default_is_stmt = fields.fixed(1) != 0;
    header.line_base = static_cast<std::int8_t>(fields.fixed(1));
    header.line_range = std::uint8_t(fields.fixed(1));
    header.opcode_base = std::uint8_t(fields.fixed(1));
    for (unsigned i = 1; i < header.opcode_base; ++i)
        header.opcode_lengths.push_back(std::uint8_t(fields.fixed(1)));
    if (header.version >= 5)
        read_file_table_v5(fields, offset_size, sections, header.files);
    else
        read_file_table_v4(fields, header.files);
    if (!fields.ok() || !unit.ok() || header.line_range == 0)
        return std::nullopt;
    return header;
}
#line 5666 "chapters/04-launcher.nw"
constexpr std::size_t kMaxRows = 4 << 20;

void run_line_program(Cursor& program, const LineHeader& header,
                      Symbols& symbols) {
    const std::size_t first_file = symbols.files.size();
    if (first_file + header.files.size() > kMaxFiles) return;
    symbols.files.insert(symbols.files.end(), header.files.begin(),
                         header.files.end());
    std::size_t complete = symbols.rows.size();
    std::uint64_t address = 0, file = 1;
    std::int64_t line = 1;
    bool is_stmt = header.default_is_stmt;
    
#line 5713 "chapters/04-launcher.nw"
std::uint64_t discriminator = 0, last_file = 0;
std::int64_t last_line = 0;
bool line_had_discriminator = false;
auto advance_line = [&](std::int64_t delta) {
    line += delta;
    if (delta != 0)
        line_had_discriminator = discriminator != 0;
};
auto repeats_line = [&] {
    return file == last_file && line == last_line &&
           line_had_discriminator;
};
auto remember_row = [&](bool end) {
    last_file = end ? 0 : file;
    last_line = end ? 0 : line;
    discriminator = 0;
    if (end)
        line_had_discriminator = false;
};
#line 5679 "chapters/04-launcher.nw"
    auto emit = [&](bool end) {
        std::uint32_t index = file < header.files.size()
                                  ? std::uint32_t(first_file + file)
                                  : UINT32_MAX;
        if (end || !repeats_line())
            symbols.rows.push_back({std::uint32_t(address),
                                    std::uint32_t(line), index, is_stmt,
                                    end});
        remember_row(end);
    };
    while (program.left() > 0 && program.ok() &&
           symbols.rows.size() < kMaxRows) {
        auto opcode = std::uint8_t(program.fixed(1));
        
#line 5741 "chapters/04-launcher.nw"
if (opcode >= header.opcode_base) {
    unsigned adjusted = opcode - header.opcode_base;
    address += adjusted / header.line_range *
               header.min_instruction_length;
    advance_line(header.line_base + int(adjusted % header.line_range));
    emit(false);
} else if (opcode == 0) {
    Cursor extended = program.take(program.uleb());
    switch (extended.fixed(1)) {
    case DW_LNE_end_sequence:
        emit(true);
        complete = symbols.rows.size();
        address = 0, file = 1, line = 1;
        is_stmt = header.default_is_stmt;
        break;
    case DW_LNE_set_address:
        address = extended.fixed(std::min<std::size_t>(
            extended.left(), 8));
        break;
    case DW_LNE_set_discriminator:
        discriminator = extended.uleb();
        line_had_discriminator |= discriminator != 0;
        break;
    }
} else {
    
#line 5779 "chapters/04-launcher.nw"
switch (opcode) {
case DW_LNS_copy: emit(false); break;
case DW_LNS_advance_pc:
    address += program.uleb() * header.min_instruction_length;
    break;
case DW_LNS_advance_line: advance_line(program.sleb()); break;
case DW_LNS_set_file: file = program.uleb(); break;
case DW_LNS_negate_stmt: is_stmt = !is_stmt; break;
case DW_LNS_const_add_pc:
    address += (255 - header.opcode_base) / header.line_range *
               header.min_instruction_length;
    break;
case DW_LNS_fixed_advance_pc: address += program.fixed(2); break;
default:
    for (unsigned i = 0; i < header.opcode_lengths[opcode - 1]; ++i)
        program.uleb();
}
#line 5767 "chapters/04-launcher.nw"
}
#line 5693 "chapters/04-launcher.nw"
    }
    symbols.rows.resize(complete);
}

#line 5458 "chapters/04-launcher.nw"
void read_lines(const Sections& sections, Symbols& symbols) {
    Cursor all(sections.line);
    while (all.left() > 0 && all.ok()) {
        std::uint64_t length = all.fixed(4);
        unsigned offset_size = 4;
        if (length == 0xFFFFFFFF) {
            length = all.fixed(8);
            offset_size = 8;
        } else if (length >= 0xFFFFFFF0) {
            break;  // a reserved value: no more units we understand
        }
        Cursor unit = all.take(length);
        if (!all.ok()) break;
        if (auto header = read_line_header(unit, offset_size, sections))
            run_line_program(unit, *header, symbols);
    }
}

#line 5162 "chapters/04-launcher.nw"
} // namespace

#line 5821 "chapters/04-launcher.nw"
static Symbols read_symbols(const ReadAt& read_at) {
    Symbols symbols;
    if (auto sections = read_sections(read_at)) {
        read_functions(*sections, symbols);
        read_lines(*sections, symbols);
    }
    return symbols;
}

Symbols Symbols::from_bytes(std::span<const std::byte> elf) {
    return read_symbols([&](std::uint64_t offset,
                            std::span<std::byte> into) {
        if (offset > elf.size() || elf.size() - offset < into.size())
            return false;
        std::memcpy(into.data(), elf.data() + offset, into.size());
        return true;
    });
}

Symbols Symbols::from_file(const std::string& path) noexcept {
    try {
        std::uint64_t size = 0;
        UniqueFd fd = open_regular_file(path, size);
        return read_symbols([&](std::uint64_t offset,
                                std::span<std::byte> into) {
            if (offset > size || size - offset < into.size())
                return false;
            read_at(fd.get(), offset, into);
            return true;
        });
    } catch (...) {
        return Symbols{};
    }
}
#line 5866 "chapters/04-launcher.nw"
std::optional<std::string>
Symbols::function_at(std::uint32_t address) const {
    auto name_of = [&](const Function& f) {
        return std::string(string_at(names, f.name));
    };
    const Function* nearest = nullptr;
    for (const Function& f : functions) {
        if (f.sized && address >= f.start &&
            address - f.start < f.size)
            return plain_name(name_of(f));
        if (f.start <= address && address < f.section_end &&
            (!nearest || f.start >= nearest->start))
            nearest = &f;
    }
    if (nearest && !nearest->sized)
        return plain_name(name_of(*nearest));
    return std::nullopt;
}

std::optional<SourceLine>
Symbols::line_at(std::uint32_t address) const {
    const Row* found = nullptr;
    for (std::size_t i = 0; i + 1 < rows.size(); ++i) {
        const Row& row = rows[i];
        if (!row.end_sequence && row.address <= address &&
            address < rows[i + 1].address &&
            (!found || row.address >= found->address))
            found = &row;
    }
    
#line 5910 "chapters/04-launcher.nw"
if (found && !found->is_stmt) {
    for (const Row* row = found; row != rows.data() &&
                                 (row - 1)->address == found->address &&
                                 !(row - 1)->end_sequence;) {
        --row;
        if (row->is_stmt) {
            found = row;
            break;
        }
    }
}
#line 5896 "chapters/04-launcher.nw"
    if (!found || found->file >= files.size()) return std::nullopt;
    return SourceLine{files[found->file], found->line};
}
#line 5932 "chapters/04-launcher.nw"
std::string Symbols::describe(std::uint32_t address) const {
    auto function = function_at(address);
    auto line = line_at(address);
    std::string words;
    if (function) words += " in " + *function;
    if (line)
        words += (function ? ", " : " at ") + line->file + ":" +
                 std::to_string(line->line);
    return words;
}

std::string annotate_eips(const std::string& message,
                          const Symbols& symbols) {
    constexpr std::string_view kToken = "eip 0x";
    std::string annotated;
    std::size_t from = 0, at;
    while ((at = message.find(kToken, from)) != message.npos) {
        std::size_t digits = at + kToken.size(), end = digits;
        while (end < message.size() && end - digits < 9 &&
               std::isxdigit(static_cast<unsigned char>(message[end])))
            ++end;
        annotated.append(message, from, end - from);
        if (end - digits == 8)
            annotated += symbols.describe(static_cast<std::uint32_t>(
                std::stoul(message.substr(digits, 8), nullptr, 16)));
        from = end;
    }
    return annotated + message.substr(from);
}

#line 5168 "chapters/04-launcher.nw"
} // namespace lhv::launcher
