// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 7306 "chapters/E-guest-kernel.nw"
#include "user/lib.hpp"
#include "user/sha256.hpp"
#include "user/syscall.hpp"

using namespace lhv::user;

namespace {

#line 6931 "chapters/E-guest-kernel.nw"
constexpr uint32_t kLineBytes = 256;
constexpr uint32_t kMaxWords = 16;
#line 6939 "chapters/E-guest-kernel.nw"
class Input {
public:
    // false at the end of input, when no line is left
    bool next_line(char* line) {
        uint32_t n = 0;
        bool too_long = false, any = false;
        for (;;) {
            if (start_ == end_ && !refill())
                break;
            const char c = buffer_[start_++];
            any = true;
            if (c == '\n')
                break;
            if (n + 1 < kLineBytes)
                line[n++] = c;
            else
                too_long = true;
        }
        if (n > 0 && line[n - 1] == '\r')
            --n;
        line[n] = '\0';
        if (too_long) {
            print("sh: the line is too long, and was not run\n");
            line[0] = '\0';
        }
        return any;
    }

private:
    bool refill() {
        const int32_t got = read(0, buffer_, sizeof buffer_);
        start_ = 0;
        end_ = got > 0 ? uint32_t(got) : 0;
        return got > 0;
    }
    char buffer_[kLineBytes];
    uint32_t start_ = 0, end_ = 0;
};
#line 6986 "chapters/E-guest-kernel.nw"
int32_t split_words(char* line, char** words) {
    uint32_t count = 0;
    for (char* c = line; *c;) {
        while (*c == ' ' || *c == '\t')
            *c++ = '\0';
        if (!*c)
            break;
        if (count == kMaxWords)
            return -1;
        words[count++] = c;
        while (*c && *c != ' ' && *c != '\t')
            ++c;
    }
    words[count] = nullptr;
    return int32_t(count);
}
#line 7012 "chapters/E-guest-kernel.nw"
void complain(const char* command, const char* what, int32_t error) {
    const char* text = nullptr;
    switch (-error) {
    case 2: text = "no such file or directory"; break;
    case 5: text = "input/output error"; break;
    case 8: text = "not a program"; break;
    case 13: text = "permission denied"; break;
    case 20: text = "not a directory"; break;
    case 21: text = "is a directory"; break;
    case 30: text = "read-only file system"; break;
    }
    OutputLine line;
    line.text(command).text(": ").text(what).text(": ");
    if (text)
        line.text(text);
    else
        line.text("error ").decimal(uint32_t(-error));
    line.text("\n").print();
}
#line 7042 "chapters/E-guest-kernel.nw"
uint8_t buffer[4096];

int32_t cat_one(const char* command, const char* path) {
    const int32_t fd = open(path, O_RDONLY);
    if (fd < 0) {
        complain(command, path, fd);
        return 1;
    }
    int32_t got;
    while ((got = read(fd, buffer, sizeof buffer)) > 0)
        write(1, buffer, uint32_t(got));
    close(fd);
    if (got < 0)
        complain(command, path, got);
    return got < 0;
}

int32_t cat(char** words, uint32_t count) {
    int32_t result = 0;
    for (uint32_t i = 1; i < count; ++i)
        result |= cat_one("cat", words[i]);
    return result;
}

int32_t ps(char**, uint32_t) { return cat_one("ps", "/proc/ps"); }
int32_t stats(char**, uint32_t) { return cat_one("stats", "/proc/stats"); }
#line 7075 "chapters/E-guest-kernel.nw"
int32_t sha256(char** words, uint32_t count) {
    int32_t result = 0;
    for (uint32_t i = 1; i < count; ++i) {
        const int32_t fd = open(words[i], O_RDONLY);
        if (fd < 0) {
            complain("sha256", words[i], fd);
            result = 1;
            continue;
        }
        Sha256 hash;
        int32_t got;
        while ((got = read(fd, buffer, sizeof buffer)) > 0)
            hash.add(buffer, uint32_t(got));
        close(fd);
        if (got < 0) {
            complain("sha256", words[i], got);
            result = 1;
            continue;
        }
        
#line 7104 "chapters/E-guest-kernel.nw"
uint8_t digest[32];
hash.finish(digest);
char line[64 + 2 + kLineBytes + 1];
uint32_t n = 0;
for (uint8_t byte : digest) {
    line[n++] = "0123456789abcdef"[byte >> 4];
    line[n++] = "0123456789abcdef"[byte & 15];
}
line[n++] = ' ';
line[n++] = ' ';
for (const char* c = words[i]; *c; ++c)
    line[n++] = *c;
line[n++] = '\n';
write(1, line, n);
#line 7095 "chapters/E-guest-kernel.nw"
    }
    return result;
}
#line 7126 "chapters/E-guest-kernel.nw"
int32_t ls(char** words, uint32_t count) {
    const char* path = count > 1 ? words[1] : "/";
    const int32_t fd = open(path, O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        complain("ls", path, fd);
        return 1;
    }
    int32_t got;
    while ((got = getdents64(fd, buffer, sizeof buffer)) > 0) {
        for (int32_t at = 0; at < got;) {
            const auto* entry =
                reinterpret_cast<const linux_dirent64*>(buffer + at);
            at += entry->d_reclen;
            if (strings_equal(entry->d_name, ".") ||
                strings_equal(entry->d_name, ".."))
                continue;
            OutputLine().text(entry->d_name)
                .text(entry->d_type == 4 ? "/\n" : "\n").print();
        }
    }
    close(fd);
    if (got < 0)
        complain("ls", path, got);
    return got < 0;
}

#line 7160 "chapters/E-guest-kernel.nw"
int32_t run(char** words, uint32_t count) {
    if (count == 0) {
        print("run: usage: run PROGRAM [ARGUMENTS]\n");
        return 1;
    }
    char path[kLineBytes + 8] = "/bin/";
    uint32_t n = 0;
    bool slash = false;
    for (const char* c = words[0]; *c; ++c)
        slash |= *c == '/';
    if (!slash)
        n = 5;
    for (const char* c = words[0]; *c; ++c)
        path[n++] = *c;
    path[n] = '\0';
    const int32_t child = fork();
    if (child == 0) {
        const int32_t error = execve(path, words, nullptr);
        complain("sh", words[0], error);
        exit(127);
    }
    int32_t status = 0;
    if (child < 0 || wait4(child, &status, 0, nullptr) != child) {
        print("sh: fork or wait4 failed\n");
        return 1;
    }
    if (status != 0)
        OutputLine().text("sh: ").text(words[0]).text(" ended, status ")
            .hex(uint32_t(status), 4).text("\n").print();
    return status != 0;
}

int32_t run_command(char** words, uint32_t count) {
    return run(words + 1, count - 1);
}
#line 7201 "chapters/E-guest-kernel.nw"
struct Command {
    const char* name;
    int32_t (*run)(char** words, uint32_t count);
    const char* usage;
};

int32_t help(char**, uint32_t);

constexpr Command kCommands[] = {
    {"help", help, "help: this list"},
    {"ls", ls, "ls [DIR]: the names in a directory"},
    {"cat", cat, "cat FILE...: the files' bytes"},
    {"sha256", sha256, "sha256 FILE...: each file's SHA-256"},
    {"ps", ps, "ps: the processes"},
    {"stats", stats, "stats: the kernel's counters"},
    {"run", run_command, "run PROGRAM [ARGS]: run a program, wait"},
    {"halt", nullptr, "halt: end the shell (Ctrl-D too)"},
};

int32_t help(char**, uint32_t) {
    for (const Command& command : kCommands)
        OutputLine().text("  ").text(command.usage).text("\n").print();
    print("  any other word: run the program of that name\n");
    return 0;
}
#line 7234 "chapters/E-guest-kernel.nw"
bool run_line(char* line) {
    for (char* part = line; part;) {
        char* next = part;
        while (*next && *next != ';')
            ++next;
        if (*next)
            *next++ = '\0';
        else
            next = nullptr;
        char* words[kMaxWords + 1];
        const int32_t count = split_words(part, words);
        part = next;
        if (count < 0) {
            print("sh: too many words\n");
            continue;
        }
        if (count == 0)
            continue;
        if (strings_equal(words[0], "halt"))
            return false;
        const Command* found = nullptr;
        for (const Command& command : kCommands)
            if (strings_equal(words[0], command.name))
                found = &command;
        if (found)
            found->run(words, uint32_t(count));
        else
            run(words, uint32_t(count));
    }
    return true;
}

#line 7321 "chapters/E-guest-kernel.nw"
} // namespace

#line 7274 "chapters/E-guest-kernel.nw"
int main(int argc, char** argv) {
    char line[kLineBytes];
    if (argc >= 2 && strings_equal(argv[1], "-c")) {
        uint32_t n = 0;
        for (int i = 2; i < argc; ++i) {
            const uint32_t length = length_of(argv[i]);
            if (n + length + 1 >= kLineBytes) {
                print("sh: the line is too long, and was not run\n");
                return 2;
            }
            for (uint32_t j = 0; j < length; ++j)
                line[n++] = argv[i][j];
            line[n++] = ' ';
        }
        line[n] = '\0';
        run_line(line);
        return 0;
    }
    Input input;
    for (;;) {
        print("lhv$ ");
        if (!input.next_line(line)) {
            print("\n");
            return 0;
        }
        if (!run_line(line))
            return 0;
    }
}
