// generated from chapters/03-drivers.nw -- edit the chapter, not this file
#line 7977 "chapters/03-drivers.nw"
#include <catch2/catch.hpp>
#include <string>
#include "guest/line_discipline.hpp"

using lhv::guest::LineDiscipline;

namespace {
std::string echo_of(LineDiscipline& discipline, const std::string& keys) {
    std::string echoed;
    for (char key : keys) {
        char echo[LineDiscipline::kEchoMax];
        echoed.append(echo, discipline.type(key, echo));
    }
    return echoed;
}

std::string read(LineDiscipline& discipline, std::uint32_t bytes = 1000) {
    char into[1000];
    std::int32_t n = discipline.read(into, bytes);
    return n < 0 ? "(nothing)" : std::string(into, std::size_t(n));
}
}

#line 8009 "chapters/03-drivers.nw"
TEST_CASE("line discipline: Enter, Backspace and echo", "[guest-virtio]") {
    LineDiscipline d;
    CHECK(read(d) == "(nothing)");
    CHECK(echo_of(d, "ab\x7f" "c\r") == "ab\b \bc\n");
    CHECK(echo_of(d, "\x7f\x08x\n") == "x\n");
    CHECK(read(d) == "ac\n");
    CHECK(read(d) == "x\n");
    CHECK(read(d) == "(nothing)");
}

TEST_CASE("line discipline: short reads, and one line a read",
          "[guest-virtio]") {
    LineDiscipline d;
    echo_of(d, "hello\nworld\n");
    CHECK(read(d, 2) == "he");
    CHECK(read(d, 2) == "ll");
    CHECK(read(d, 2) == "o\n");
    CHECK(read(d) == "world\n");
}

TEST_CASE("line discipline: Ctrl-D, Ctrl-C and the end of input",
          "[guest-virtio]") {
    LineDiscipline d;
    CHECK(echo_of(d, "\x04") == "");
    CHECK(read(d) == "");
    CHECK(read(d) == "(nothing)");
    CHECK(echo_of(d, "ab\x04") == "ab");
    CHECK(echo_of(d, "junk\x03") == "junk^C\n");
    echo_of(d, "\x04" "last");
    CHECK(read(d) == "ab");
    CHECK(read(d) == "");
    CHECK(read(d) == "(nothing)");
    d.end_of_input();
    CHECK(read(d) == "last");
    CHECK(read(d) == "");
    CHECK(read(d) == "");
}

TEST_CASE("line discipline: a line longer than its buffer loses nothing",
          "[guest-virtio]") {
    LineDiscipline d;
    std::string line(LineDiscipline::kLineBytes * 2 + 10, 'x');
    echo_of(d, line + "\n");
    std::string got;
    for (std::string piece; (piece = read(d)) != "(nothing)";)
        got += piece;
    CHECK(got == line + "\n");
}
