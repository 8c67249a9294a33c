// generated from chapters/04-launcher.nw -- edit the chapter, not this file
#line 6561 "chapters/04-launcher.nw"
#include "harness.hpp"
#include <regex>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace lhv::test;

#line 6586 "chapters/04-launcher.nw"
Outcome refused_run(const std::vector<std::string>& arguments) {
    struct NoQemu {
        std::string saved;
        bool had = false;
        NoQemu() {
            if (const char* qemu = std::getenv("LHV_QEMU"))
                saved = qemu, had = true;
            setenv("LHV_QEMU", "/nonexistent/qemu-must-not-run", 1);
        }
        ~NoQemu() {
            if (had) setenv("LHV_QEMU", saved.c_str(), 1);
            else unsetenv("LHV_QEMU");
        }
    } no_qemu;
    return run_lhv(arguments);
}

void expect_refused_with(const std::vector<std::string>& arguments,
                    const std::string& message) {
    const Outcome run = refused_run(arguments);
    INFO(describe(run));
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK(run.err == "lhv: " + message + "\n");
}
#line 6618 "chapters/04-launcher.nw"
TEST_CASE("lhv's options go before the Guest file",
          "[integration][launcher]") {
    const std::string guest = path_from_environment("LHV_GUEST");
    expect_refused_with({guest, "-m", "64"},
                   "-m after the Guest file: put lhv's options before "
                   "it, or use -- to pass it to the Guest "
                   "(try lhv --help)");
    const Outcome run = run_lhv({"-m", "16M", guest, "--", "-m", "64"});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK_THAT(run.out, Contains(kGuestBanner +
                                 "booted at ring 1 with 16 MiB\n"));
}
#line 6638 "chapters/04-launcher.nw"
TEST_CASE("a bad --then file is refused before any Guest runs",
          "[integration][launcher]") {
    expect_refused_with({"--then", "/nonexistent/next.elf",
                         path_from_environment("LHV_GUEST")},
                        "/nonexistent/next.elf: No such file or "
                        "directory");
}
#line 6652 "chapters/04-launcher.nw"
TEST_CASE("the next Guest finds no leftovers of the one before",
          "[integration][launcher]") {
    const std::string guest = test_guest("leftovers");
    const Outcome run = run_lhv({"--then", guest, guest});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    const auto first = run.out.find("memory clean\n");
    CHECK(first != std::string::npos);
    CHECK(run.out.find("memory clean\n", first + 1) != std::string::npos);
    CHECK_THAT(run.out, !Contains("left over"));
}
#line 6670 "chapters/04-launcher.nw"
TEST_CASE("lhv --version and the Host's banner agree",
          "[integration][launcher]") {
    const Outcome version = run_lhv({"--version"});
    INFO(describe(version));
    REQUIRE(version.exit_code == 0);
    REQUIRE_THAT(version.out, Catch::StartsWith("lhv "));
    const std::string number =
        version.out.substr(4, version.out.find(' ', 4) - 4);
    CHECK_FALSE(number.empty());
    const Outcome run = run_lhv({path_from_environment("LHV_GUEST")});
    INFO(describe(run));
    CHECK_THAT(run.out,
               Contains(kHostBanner + ", lhv " + number + "\n"));
}
#line 6702 "chapters/04-launcher.nw"
TEST_CASE("a FIFO or a huge Guest file is refused at once",
          "[integration][launcher]") {
    int pipe_ends[2];
    REQUIRE(pipe2(pipe_ends, O_CLOEXEC) == 0);
    const std::string fifo = "/proc/" + std::to_string(getpid()) +
                             "/fd/" + std::to_string(pipe_ends[0]);
    MemoryFile huge("");
    REQUIRE(truncate(huge.path().c_str(), off_t{3} << 30) == 0);
    for (const auto& [file, why] :
         {std::pair{fifo, "not a regular file (a FIFO)"},
          std::pair{huge.path(), "not an ELF file"}}) {
        const auto start = Clock::now();
        expect_refused_with({file}, file + ": " + why);
        CHECK(Clock::now() - start < 2s);
    }
    close(pipe_ends[0]);
    close(pipe_ends[1]);
    rusage usage{};
    REQUIRE(getrusage(RUSAGE_CHILDREN, &usage) == 0);
    CHECK(usage.ru_maxrss < 1024 * 1024);  // KiB: under 1 GiB
}
#line 6731 "chapters/04-launcher.nw"
TEST_CASE("a bad Host image or QEMU log file is one line from lhv",
          "[integration][launcher]") {
    const std::string guest = path_from_environment("LHV_GUEST");
    MemoryFile words("not a kernel, just some words\n");
    const std::string text = words.path();
    const std::string hint = " (build it, or use --host or LHV_HOST)";
    expect_refused_with({"--host", text, guest},
                   "cannot use the Host image " + text +
                       ": not an ELF file" + hint);
    expect_refused_with({"--host", guest, guest},
                   "cannot use the Host image " + guest +
                       ": no Multiboot header in its first 8 KiB" + hint);
    expect_refused_with({"--host", "/nonexistent/host.elf", guest},
                   "cannot use the Host image /nonexistent/host.elf: "
                   "No such file or directory" + hint);
    const std::string nowhere = "/nonexistent/no-such-dir/qemu.log";
    expect_refused_with({"--qemu-log", nowhere, guest},
                   "cannot write the QEMU log file " + nowhere +
                       ": No such file or directory");

    MemoryFile log("");
    const Outcome run = run_lhv({"--qemu-log", log.path(), guest});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
    CHECK(fs::file_size(log.path()) > 0);
}
#line 6767 "chapters/04-launcher.nw"
TEST_CASE("a bad disk is one line from lhv", "[integration][launcher]") {
    const std::string guest = path_from_environment("LHV_GUEST");
    int pipe_ends[2];
    REQUIRE(pipe2(pipe_ends, O_CLOEXEC) == 0);
    const std::string fifo = "/proc/" + std::to_string(getpid()) +
                             "/fd/" + std::to_string(pipe_ends[0]);
    const std::string disk = "cannot use the disk ";
    expect_refused_with({"--block", "/nonexistent/disk.img", guest},
                        disk + "/nonexistent/disk.img: "
                               "No such file or directory");
    expect_refused_with({"--block", "/proc", guest},
                        disk + "/proc: Is a directory");
    expect_refused_with({"--block", "/proc,ro", guest},
                        disk + "/proc: not a regular file (a directory)");
    expect_refused_with({"--block", fifo + ",ro", guest},
                        disk + fifo + ": not a regular file (a FIFO)");
    close(pipe_ends[0]);
    close(pipe_ends[1]);

    MemoryFile image(std::string(4096, 'd'));
    const Outcome run = run_lhv({"--block", image.path(), guest});
    INFO(describe(run));
    CHECK(run.exit_code == 0);
}
#line 6801 "chapters/04-launcher.nw"
TEST_CASE("a Guest's death names its function and chapter line",
          "[integration][launcher]") {
    const auto [name, instruction] =
        GENERATE(table<std::string, std::string>({
            {"ud2", "ud2"},
            {"null_pointer", "mov 0, %eax"},
        }));
    const std::string guest = test_guest(name);
    const Outcome run = run_lhv({guest});
    INFO(name << ": " << describe(run));
    CHECK(run.exit_code == 1);
    const std::regex place("at eip " + eip_text(elf_entry(guest)) +
                           " in _start, (chapters/[^:]+\\.nw):([0-9]+)");
    std::smatch found;
    REQUIRE(std::regex_search(run.err, found, place));
    const fs::path book =  // the repository: build/lhv's grandparent
        fs::path(path_from_environment("LHV")).parent_path().parent_path();
    std::ifstream chapter(book / found[1].str());
    REQUIRE(chapter);
    std::string line;
    for (int n = std::stoi(found[2].str()); n > 0; --n)
        REQUIRE(std::getline(chapter, line));
    CHECK_THAT(line, Contains(instruction));
}
