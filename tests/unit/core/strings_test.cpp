#include "core/strings.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <vector>

#include "core/environment.h"

using ccs::Environment;
using Lines = std::vector<std::string>;
using std::chrono::milliseconds;

TEST_CASE("starts_with and ends_with") {
    CHECK(ccs::starts_with("--json", "--"));
    CHECK(ccs::starts_with("abc", ""));
    CHECK_FALSE(ccs::starts_with("-", "--"));
    CHECK(ccs::ends_with("api.example.com", ".example.com"));
    CHECK(ccs::ends_with("", ""));
    CHECK_FALSE(ccs::ends_with("com", ".com"));
}

TEST_CASE("split keeps every piece, join puts them back") {
    CHECK(ccs::split("/a//b", '/') == Lines{"", "a", "", "b"});
    CHECK(ccs::split("a/", '/') == Lines{"a", ""});
    CHECK(ccs::split("", '/') == Lines{""});
    CHECK(ccs::join({"", "a", "", "b"}, "/") == "/a//b");
    CHECK(ccs::join({}, ", ") == "");
    CHECK(ccs::join({"a"}, ", ") == "a");
    for (const std::string text : {"", "/", "a;b", ";;x;"})
        CHECK(ccs::join(ccs::split(text, ';'), ";") == text);
}

TEST_CASE("split_lines: LF, CRLF and a lone CR each end a line") {
    CHECK(ccs::split_lines("a\nb\r\nc\rd") == Lines{"a", "b", "c", "d"});
    CHECK(ccs::split_lines("") == Lines{""});
    CHECK(ccs::split_lines("a\r\n") == Lines{"a", ""});
    CHECK(ccs::split_lines("\r\r\n") == Lines{"", "", ""});
}

TEST_CASE("blanks are space, tab, CR and LF, as GitHub's getInput trims them") {
    CHECK(ccs::is_blank(""));
    CHECK(ccs::is_blank(" \t\r\n"));
    CHECK_FALSE(ccs::is_blank(" x "));
    CHECK_FALSE(ccs::is_blank("\v"));
    CHECK(ccs::trimmed(" \t\r\na b\n") == "a b");
    CHECK(ccs::trimmed("   ").empty());
    CHECK(ccs::trimmed("\va\f") == "\va\f");
}

TEST_CASE("a measured time: milliseconds, then seconds with one decimal, rounded") {
    CHECK(ccs::format_duration(milliseconds(0)) == "0 ms");
    CHECK(ccs::format_duration(milliseconds(999)) == "999 ms");
    CHECK(ccs::format_duration(milliseconds(1240)) == "1.2 s");
    CHECK(ccs::format_duration(milliseconds(1960)) == "2.0 s");
    CHECK(ccs::format_duration(milliseconds(65000)) == "65.0 s");
}

TEST_CASE("a configured length: whole seconds without decimals, tenths cut") {
    CHECK(ccs::duration_text(milliseconds(500)) == "500 ms");
    CHECK(ccs::duration_text(milliseconds(6000)) == "6 s");
    CHECK(ccs::duration_text(milliseconds(1500)) == "1.5 s");
    CHECK(ccs::duration_text(milliseconds(1960)) == "1.9 s");
}

TEST_CASE("the environment: read from NAME=value entries, looked up with a fallback") {
    const char* entries[] = {"PATH=/bin", "EMPTY=", "NO_EQUALS", "A=b=c", "PATH=/later", nullptr};
    const Environment env = ccs::environment_from(entries);
    CHECK(env == Environment{{"PATH", "/bin"}, {"EMPTY", ""}, {"A", "b=c"}});
    CHECK(ccs::environment_from(nullptr).empty());
    CHECK(ccs::variable(env, "PATH") == "/bin");
    CHECK(ccs::variable(env, "EMPTY", "fallback") == "");
    CHECK(ccs::variable(env, "UNSET") == "");
    CHECK(ccs::variable(env, "UNSET", "/bin:/usr/bin") == "/bin:/usr/bin");
}
