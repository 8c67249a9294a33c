// generated from chapters/E-guest-kernel.nw -- edit the chapter, not this file
#line 7196 "chapters/E-guest-kernel.nw"
#include <cstdio>
#include <string>
#include "harness.hpp"

using namespace lhv::test;

namespace {
std::string sha256sum(const std::string& path) {
    std::string out;
    if (FILE* pipe = popen(("sha256sum " + path).c_str(), "r")) {
        char chunk[256];
        while (std::fgets(chunk, sizeof chunk, pipe))
            out += chunk;
        pclose(pipe);
    }
    return out.substr(0, 64);
}
}

TEST_CASE("the shell runs its commands in the Guest", "[shell]") {
    const std::string guest = path_from_environment("LHV_GUEST");
    const std::string hello =
        (fs::path(guest).parent_path().parent_path() / "user" / "bin" /
         "hello").string();
    const Outcome run = run_lhv({guest, "init=sh", "--", "-c",
                                 "help;ls", "/bin;cat", "/nosuch;sha256",
                                 "/bin/hello;ps;stats;hello;nosuch"});
    INFO(describe(run));
    CHECK_THAT(run.out, Contains("  ls [DIR]: the names in a directory\n"));
    CHECK_THAT(run.out, Contains("\nsh\n"));
    CHECK_THAT(run.out, Contains("\nhello\n"));
    CHECK_THAT(run.out, Contains(
        "cat: /nosuch: no such file or directory\n"));
    CHECK_THAT(run.out, Contains(sha256sum(hello) + "  /bin/hello\n"));
    CHECK_THAT(run.out, Contains("    1     0 running  sh\n"));
    CHECK_THAT(run.out, Contains("\nsystem-calls "));
    CHECK_THAT(run.out, Contains("hello from ring 3: pid 2\n"));
    CHECK_THAT(run.out, Contains(
        "sh: nosuch: no such file or directory\n"
        "sh: nosuch ended, status 0x7f00\n"));
    CHECK_THAT(run.out, Catch::EndsWith("init exited with status 0\n"));
    CHECK(run.exit_code == 0);
}
#line 7247 "chapters/E-guest-kernel.nw"
TEST_CASE("the shell halts the Guest at the end of its input",
          "[shell]") {
    const Outcome run = run_lhv({path_from_environment("LHV_GUEST"),
                                 "init=sh"});
    INFO(describe(run));
    CHECK_THAT(run.out, Catch::EndsWith(
        "lhv$ \n" + kGuestBanner + "init exited with status 0\n"));
    CHECK(run.exit_code == 0);
}
