// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 5293 "chapters/E-guest-kernel.nw"
#include "guest/files.hpp"
#include "abi/hypercalls.hpp"
#include "abi/layout.hpp"
#include "guest/block.hpp"
#include "guest/console.hpp"
#include "guest/hypercall.hpp"
#include "guest/linux.hpp"
#include "guest/memory.hpp"
#include "guest/stats.hpp"
#include "guest/strings.hpp"
#include "guest/ustarfs.hpp"

extern "C" const uint8_t programs_archive_start[];
extern "C" const uint8_t programs_archive_end[];

namespace lhv::guest {

#line 4380 "chapters/E-guest-kernel.nw"
enum class FileKind : uint8_t { Free, Disk, Directory, RawDisk, Text };

struct OpenFile {
    FileKind kind;
    uint8_t users;        // descriptors that refer to it
    bool readable, writable;
    DiskNode node;        // Disk and Directory
    char path[ustar::kNameBytes];  // Directory: no slashes at the ends
    uint64_t position;
    bool walked;          // Directory: the archive's part is listed
    uint8_t* text;        // Text: a page
    uint32_t text_size;
};

constexpr uint32_t kOpenFiles = 48;
OpenFile open_files[kOpenFiles];
#line 4404 "chapters/E-guest-kernel.nw"
void clear_files(Process& process) {
    for (int8_t& file : process.files)
        file = -1;
}

void share_files(const Process& parent, Process& child) {
    for (uint32_t i = 0; i < Process::kFiles; ++i) {
        child.files[i] = parent.files[i];
        if (child.files[i] >= 0)
            ++open_files[child.files[i]].users;
    }
}

void let_go(int8_t index) {
    OpenFile& file = open_files[index];
    if (--file.users > 0)
        return;
    if (file.kind == FileKind::Text)
        page_allocator.give(file.text);
    file.kind = FileKind::Free;
}

void close_files(Process& process) {
    for (int8_t& file : process.files) {
        if (file >= 0)
            let_go(file);
        file = -1;
    }
}
#line 4440 "chapters/E-guest-kernel.nw"
OpenFile* file_of(uint32_t fd) {
    if (fd < kFirstFile || fd - kFirstFile >= Process::kFiles)
        return nullptr;
    const int8_t index = current->files[fd - kFirstFile];
    return index >= 0 ? &open_files[index] : nullptr;
}
#line 4459 "chapters/E-guest-kernel.nw"
UstarFs disk_fs;

int32_t read_disk(void*, uint64_t sector, void* buffer, uint32_t bytes) {
    return block_read(sector, buffer, bytes);
}

int32_t read_image(void*, uint64_t sector, void* buffer, uint32_t bytes) {
    const uint64_t size = uint64_t(programs_archive_end -
                                   programs_archive_start);
    if (sector > size / 512 || bytes > size - sector * 512)
        return -kEIO;
    const uint8_t* from = programs_archive_start + sector * 512;
    for (uint32_t i = 0; i < bytes; ++i)
        static_cast<uint8_t*>(buffer)[i] = from[i];
    return 0;
}
#line 4484 "chapters/E-guest-kernel.nw"
void mount_files() {
    KernelPage sector;
    if (!sector.bytes)
        panic("no memory to mount the disk");
    const bool disk = block_present();
    const uint64_t image_sectors = uint64_t(programs_archive_end -
                                            programs_archive_start) / 512;
    const SectorSource source =
        disk ? SectorSource{block_sectors(), read_disk, nullptr}
             : SectorSource{image_sectors, read_image, nullptr};
    const int32_t files = disk_fs.mount(source, sector.bytes);
    if (!disk)
        return;
    Line line;
    line.text("Little Hypervisor Guest: disk");
    if (files < 0)
        line.text(" is not a ustar archive");
    else
        line.text(": ").decimal(uint32_t(files)).text(" files");
    if (disk_fs.problem())
        line.text(", then damage");
    line.text("\n").print();
}

bool files_ready() { return disk_fs.mounted(); }
#line 4880 "chapters/E-guest-kernel.nw"
struct KernelEntry {
    const char* directory;
    const char* name;
    bool is_directory;
};

constexpr KernelEntry kKernelEntries[] = {
    {"", "dev", true},     {"", "proc", true},      {"dev", "vda", false},
    {"proc", "ps", false}, {"proc", "stats", false},
};
constexpr uint32_t kKernelEntryCount =
    sizeof kKernelEntries / sizeof kKernelEntries[0];
#line 4968 "chapters/E-guest-kernel.nw"
struct Text {
    uint8_t* page;
    uint32_t size = 0;
    Text& put(const char* s) {
        while (*s && size < abi::kPageSize)
            page[size++] = uint8_t(*s++);
        return *this;
    }
    Text& decimal(uint32_t n, uint32_t width = 0) {
        char digits[10];
        uint32_t count = 0;
        do {
            digits[count++] = char('0' + n % 10);
            n /= 10;
        } while (n);
        for (; width > count; --width)
            put(" ");
        char one[2] = {0, 0};
        while (count) {
            one[0] = digits[--count];
            put(one);
        }
        return *this;
    }
};
#line 5000 "chapters/E-guest-kernel.nw"
void write_ps(Text& text) {
    text.put("  PID  PPID STATE    NAME\n");
    for (const Process& p : processes) {
        if (p.state == State::Free)
            continue;
        const char* state = p.state == State::Zombie ? "zombie  "
                          : p.state == State::Sleeping
                              ? (p.waiting ? "waiting " : "sleeping")
                          : &p == current ? "running " : "ready   ";
        text.decimal(p.pid, 5).put(" ").decimal(p.parent, 5).put(" ")
            .put(state).put(" ").put(p.name).put("\n");
    }
}
#line 5039 "chapters/E-guest-kernel.nw"
void write_counters(Text& text, const char* kind, const uint32_t* counts,
                    uint32_t n, bool hypercalls = false) {
    for (uint32_t i = 0; i < n; ++i) {
        if (!counts[i])
            continue;
        text.put(kind).put(" ");
        const char* name =
            hypercalls ? abi::hypercall_info(i).name : nullptr;
        if (name)
            text.put(name);
        else
            text.decimal(i);
        text.put(" ").decimal(counts[i]).put("\n");
    }
}

void write_world_switches(Text& text) {
    constinit static abi::SwitchCounts counts{};
    hypercall(abi::LHCALL_COUNT_SWITCHES,
              physical_address_of(&counts).value);
    uint32_t total = 0;
    for (uint32_t v = 0; v < abi::kCountedVectors; ++v) {
        if (!counts.by_vector[v])
            continue;
        total += counts.by_vector[v];
        text.put("world-switch ");
        if (v == abi::kHypercallVector)
            text.put("hypercall");
        else if (v < 32)
            text.put("trap-").decimal(v);
        else
            text.put("host-irq-").decimal(v - 32);
        text.put(" ").decimal(counts.by_vector[v]).put("\n");
    }
    text.put("world-switches ").decimal(total).put("\n");
    text.put("shadow-fills ").decimal(counts.shadow_fills).put("\n");
}

void write_stats(Text& text) {
    const KernelStats& k = kernel_stats;
    write_counters(text, "hypercall", k.hypercalls, kHypercallNumbers,
                   true);
    write_counters(text, "queued-hypercall", k.queued_hypercalls,
                   kHypercallNumbers, true);
    write_counters(text, "trap", k.traps, kTrapVectors);
    write_counters(text, "interrupt", k.interrupts, abi::kGuestIrqs);
    write_world_switches(text);
    uint32_t calls = 0;
    for (uint32_t n : k.system_calls)
        calls += n;
    text.put("system-calls ").decimal(calls).put("\n");
    write_counters(text, "system-call", k.system_calls, kSystemCallNumbers);
}
#line 4597 "chapters/E-guest-kernel.nw"
void copy_directory_name(char* to, const char* name) {
    uint32_t n = 0;
    for (; name[n] && n + 1 < ustar::kNameBytes; ++n)
        to[n] = name[n];
    while (n > 0 && to[n - 1] == '/')
        --n;
    to[n] = '\0';
}
#line 4545 "chapters/E-guest-kernel.nw"
int32_t sys_open(TrapFrame& f) {
    char path[ustar::kNameBytes + 28];
    if (copy_string_from_user(path, f.ebx, sizeof path) < 0)
        return copy_from_user(path, f.ebx, sizeof path) ? -kENAMETOOLONG
                                                        : -kEFAULT;
    const uint32_t flags = f.ecx, access = flags & kO_ACCMODE;
    if (access == kO_ACCMODE)
        return -kEINVAL;
    const char* name = path;
    while (*name == '/')
        ++name;
    OpenFile opened{};
    opened.users = 1;
    opened.readable = access != kO_WRONLY;
    
#line 4931 "chapters/E-guest-kernel.nw"
if (ustar::same_name(name, "dev/vda")) {
    if (!block_present())
        return -kENXIO;
    if (access != kO_RDONLY && block_read_only())
        return -kEROFS;
    opened.kind = FileKind::RawDisk;
    opened.writable = access != kO_RDONLY;
} else if (ustar::same_name(name, "proc/ps") ||
           ustar::same_name(name, "proc/stats")) {
    if (access != kO_RDONLY)
        return -kEROFS;
    opened.text = static_cast<uint8_t*>(page_allocator.take());
    if (!opened.text)
        return -kENOMEM;
    Text text{opened.text};
    if (ustar::same_name(name, "proc/ps"))
        write_ps(text);
    else
        write_stats(text);
    opened.kind = FileKind::Text;
    opened.text_size = text.size;
} else {
    for (const KernelEntry& entry : kKernelEntries)
        if (entry.is_directory && starts_with(name, entry.name) &&
            (name[string_length(entry.name)] == '\0' ||
             ustar::same_name(name + string_length(entry.name), "/"))) {
            opened.kind = FileKind::Directory;
            opened.node = {0, 0, true};
            copy_directory_name(opened.path, name);
        }
}
#line 4560 "chapters/E-guest-kernel.nw"
    if (opened.kind == FileKind::Free) {
        
#line 4576 "chapters/E-guest-kernel.nw"
KernelPage sector;
if (!sector.bytes)
    return -kENOMEM;
if (!files_ready())
    return -kENOENT;
const int32_t error = disk_fs.lookup(name, opened.node, sector.bytes);
if (error == -kENOENT && (flags & kO_CREAT))
    return -kEROFS;
if (error)
    return error;
if (access != kO_RDONLY)
    return opened.node.directory ? -kEISDIR : -kEROFS;
opened.kind = opened.node.directory ? FileKind::Directory : FileKind::Disk;
if (opened.node.directory)
    copy_directory_name(opened.path, name);
#line 4562 "chapters/E-guest-kernel.nw"
    }
    if ((flags & kO_DIRECTORY) && opened.kind != FileKind::Directory) {
        if (opened.kind == FileKind::Text)
            page_allocator.give(opened.text);
        return -kENOTDIR;
    }
    
#line 4613 "chapters/E-guest-kernel.nw"
uint32_t fd = 0;
while (fd < Process::kFiles && current->files[fd] >= 0)
    ++fd;
uint32_t slot = 0;
while (slot < kOpenFiles && open_files[slot].kind != FileKind::Free)
    ++slot;
if (fd == Process::kFiles || slot == kOpenFiles) {
    if (opened.kind == FileKind::Text)
        page_allocator.give(opened.text);
    return fd == Process::kFiles ? -kEMFILE : -kENFILE;
}
open_files[slot] = opened;
current->files[fd] = int8_t(slot);
return int32_t(kFirstFile + fd);
#line 4569 "chapters/E-guest-kernel.nw"
}
#line 4634 "chapters/E-guest-kernel.nw"
int32_t sys_close(TrapFrame& f) {
    if (f.ebx < kFirstFile)
        return 0;
    if (!file_of(f.ebx))
        return -kEBADF;
    let_go(current->files[f.ebx - kFirstFile]);
    current->files[f.ebx - kFirstFile] = -1;
    return 0;
}
#line 5108 "chapters/E-guest-kernel.nw"
int32_t raw_disk_transfer(OpenFile& file, uint32_t buffer, uint32_t bytes,
                          bool writing) {
    if (file.position % 512 != 0 || bytes % 512 != 0)
        return -kEINVAL;
    KernelPage data;
    if (!data.bytes)
        return -kENOMEM;
    const uint64_t sectors = block_sectors();
    uint32_t done = 0;
    while (done < bytes) {
        const uint64_t sector = file.position / 512;
        if (sector >= sectors)
            return done ? int32_t(done) : writing ? -kENOSPC : 0;
        uint32_t n = bytes - done < abi::kPageSize ? bytes - done
                                                   : abi::kPageSize;
        if (n / 512 > sectors - sector)
            n = uint32_t(sectors - sector) * 512;
        
#line 5137 "chapters/E-guest-kernel.nw"
int32_t error;
if (writing) {
    if (!copy_from_user(data.bytes, buffer + done, n))
        return done ? int32_t(done) : -kEFAULT;
    error = block_write(sector, data.bytes, n);
    disk_fs.forget();
} else {
    error = block_read(sector, data.bytes, n);
    if (!error && !copy_to_user(buffer + done, data.bytes, n))
        return done ? int32_t(done) : -kEFAULT;
}
if (error < 0)
    return done ? int32_t(done) : error;
#line 5126 "chapters/E-guest-kernel.nw"
        file.position += n;
        done += n;
    }
    return int32_t(done);
}
#line 5159 "chapters/E-guest-kernel.nw"
int32_t sys_fsync(TrapFrame& f) {
    if (f.ebx < kFirstFile)
        return -kEINVAL;
    OpenFile* file = file_of(f.ebx);
    if (!file)
        return -kEBADF;
    return file->kind == FileKind::RawDisk ? block_flush() : 0;
}
#line 4657 "chapters/E-guest-kernel.nw"
int32_t read_archive_file(OpenFile& file, uint32_t buffer, uint32_t bytes) {
    KernelPage data, sector;
    if (!data.bytes || !sector.bytes)
        return -kENOMEM;
    uint32_t done = 0;
    while (done < bytes && file.position < file.node.size) {
        const uint32_t want = bytes - done < abi::kPageSize
                                  ? bytes - done : abi::kPageSize;
        const int32_t got = disk_fs.read(file.node, uint32_t(file.position),
                                         data.bytes, want, sector.bytes);
        if (got < 0)
            return done ? int32_t(done) : got;
        if (got == 0)
            break;
        if (!copy_to_user(buffer + done, data.bytes, uint32_t(got)))
            return done ? int32_t(done) : -kEFAULT;
        file.position += uint32_t(got);
        done += uint32_t(got);
    }
    return int32_t(done);
}
#line 4683 "chapters/E-guest-kernel.nw"
int32_t read_text(OpenFile& file, uint32_t buffer, uint32_t bytes) {
    if (file.position >= file.text_size)
        return 0;
    const uint32_t at = uint32_t(file.position);
    const uint32_t n = bytes < file.text_size - at ? bytes
                                                   : file.text_size - at;
    if (!copy_to_user(buffer, file.text + at, n))
        return -kEFAULT;
    file.position += n;
    return int32_t(n);
}
#line 4702 "chapters/E-guest-kernel.nw"
int32_t file_read(TrapFrame& f) {
    OpenFile* file = file_of(f.ebx);
    if (!file || !file->readable)
        return -kEBADF;
    if (!user_range_ok(f.ecx, f.edx))
        return -kEFAULT;
    switch (file->kind) {
    case FileKind::Disk: return read_archive_file(*file, f.ecx, f.edx);
    case FileKind::Text: return read_text(*file, f.ecx, f.edx);
    case FileKind::RawDisk: return raw_disk_transfer(*file, f.ecx, f.edx,
                                                     false);
    default: return -kEISDIR;
    }
}

int32_t file_write(TrapFrame& f) {
    OpenFile* file = file_of(f.ebx);
    if (!file || !file->writable)
        return -kEBADF;
    if (!user_range_ok(f.ecx, f.edx))
        return -kEFAULT;
    return raw_disk_transfer(*file, f.ecx, f.edx, true);
}
#line 4737 "chapters/E-guest-kernel.nw"
int32_t sys_lseek(TrapFrame& f) {
    if (f.ebx < kFirstFile)
        return -kESPIPE;
    OpenFile* file = file_of(f.ebx);
    if (!file)
        return -kEBADF;
    const int64_t offset = int32_t(f.ecx);
    const uint32_t whence = f.edx;
    if (file->kind == FileKind::Directory) {
        if (whence != 0 || offset != 0)
            return -kEINVAL;
        file->position = 0;
        file->walked = false;
        return 0;
    }
    const uint64_t size = file->kind == FileKind::Disk ? file->node.size
                        : file->kind == FileKind::Text ? file->text_size
                        : block_sectors() * 512;
    const int64_t base = whence == 0 ? 0
                       : whence == 1 ? int64_t(file->position)
                       : whence == 2 ? int64_t(size) : -1;
    if (base < 0 || base + offset < 0)
        return -kEINVAL;
    if (base + offset > 0x7FFFFFFF)
        return -kEOVERFLOW;
    file->position = uint64_t(base + offset);
    return int32_t(file->position);
}
#line 4782 "chapters/E-guest-kernel.nw"
const char* child_name(const char* directory, const char* name) {
    if (*directory) {
        while (*directory && *directory == *name) {
            ++directory;
            ++name;
        }
        if (*directory || *name++ != '/')
            return nullptr;
    }
    return *name && !contains(name, '/') ? name : nullptr;
}

bool put_entry(uint8_t* out, uint32_t& used, uint32_t room,
               const char* name, bool directory, uint64_t inode,
               uint64_t next) {
    const uint32_t length = string_length(name);
    const uint32_t record = (19 + length + 1 + 7) & ~7u;
    if (record > room - used)
        return false;
    uint8_t* at = out + used;
    for (uint32_t i = 0; i < record; ++i)
        at[i] = 0;
    for (uint32_t i = 0; i < 8; ++i) {
        at[i] = uint8_t(inode >> (8 * i));      // d_ino
        at[8 + i] = uint8_t(next >> (8 * i));   // d_off
    }
    at[16] = uint8_t(record);                   // d_reclen
    at[17] = uint8_t(record >> 8);
    at[18] = directory ? kDT_DIR : kDT_REG;     // d_type
    for (uint32_t i = 0; i < length; ++i)
        at[19 + i] = uint8_t(name[i]);
    used += record;
    return true;
}
#line 4823 "chapters/E-guest-kernel.nw"
int32_t sys_getdents64(TrapFrame& f) {
    OpenFile* file = file_of(f.ebx);
    if (!file)
        return -kEBADF;
    if (file->kind != FileKind::Directory)
        return -kENOTDIR;
    KernelPage out, sector;
    if (!out.bytes || !sector.bytes)
        return -kENOMEM;
    if (!files_ready())
        file->walked = true;
    const uint32_t room = f.edx < abi::kPageSize ? f.edx : abi::kPageSize;
    uint32_t used = 0;
    bool full = false;
    
#line 4852 "chapters/E-guest-kernel.nw"
while (!file->walked && !full) {
    uint64_t at = file->position;
    DiskEntry entry;
    const int32_t found = disk_fs.step(at, entry, sector.bytes);
    if (found < 0)
        return used ? int32_t(used) : found;
    if (found == 0) {
        file->walked = true;
        file->position = 0;
        break;
    }
    const char* child = child_name(file->path, entry.name);
    if (child && !put_entry(out.bytes, used, room, child,
                            entry.node.directory, entry.header + 1, at)) {
        full = true;
        break;
    }
    file->position = at;
}
#line 4838 "chapters/E-guest-kernel.nw"
    
#line 4898 "chapters/E-guest-kernel.nw"
while (file->walked && !full && file->position < kKernelEntryCount) {
    const KernelEntry& entry = kKernelEntries[file->position];
    if (ustar::same_name(entry.directory, file->path) &&
        !put_entry(out.bytes, used, room, entry.name, entry.is_directory,
                   0x80000000u + file->position, file->position + 1)) {
        full = true;
        break;
    }
    ++file->position;
}
#line 4839 "chapters/E-guest-kernel.nw"
    if (used == 0 && full)
        return -kEINVAL;
    if (!copy_to_user(f.ecx, out.bytes, used))
        return -kEFAULT;
    return int32_t(used);
}
#line 5179 "chapters/E-guest-kernel.nw"
struct DiskProgram {
    DiskNode node;
    uint8_t* sector;
};

bool copy_from_disk(const void* context, uint32_t offset, uint8_t* to,
                    uint32_t n) {
    const auto& program = *static_cast<const DiskProgram*>(context);
    return disk_fs.read(program.node, offset, to, n, program.sector) ==
           int32_t(n);
}

int32_t load_program_from_disk(Process& process, const char* path,
                               const char* const* argv, uint32_t argc) {
    KernelPage head, sector;
    if (!head.bytes || !sector.bytes)
        return -kENOMEM;
    if (!files_ready())
        return -kENOENT;
    char full[ustar::kNameBytes + 8];
    uint32_t n = 0;
    for (const char* c = contains(path, '/') ? "" : "bin/"; *c; ++c)
        full[n++] = *c;
    for (const char* c = path; *c && n + 1 < sizeof full; ++c)
        full[n++] = *c;
    full[n] = '\0';
    DiskProgram program{{}, sector.bytes};
    if (const int32_t error = disk_fs.lookup(full, program.node,
                                             sector.bytes))
        return error;
    if (program.node.directory)
        return -kEACCES;
    const uint32_t head_size = program.node.size < abi::kPageSize
                                   ? program.node.size : abi::kPageSize;
    if (disk_fs.read(program.node, 0, head.bytes, head_size,
                     sector.bytes) != int32_t(head_size))
        return -kEIO;
    const char* name = full;
    for (const char* c = full; *c; ++c)
        if (*c == '/')
            name = c + 1;
    const ProgramImage image = {head.bytes, head_size, program.node.size,
                                copy_from_disk, &program};
    return load_image(process, name, image, argv, argc);
}

#line 5321 "chapters/E-guest-kernel.nw"
} // namespace lhv::guest
