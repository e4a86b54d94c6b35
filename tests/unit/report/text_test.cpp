#include <doctest/doctest.h>

#include "report/text.h"

using namespace ccs::report::text;

TEST_CASE("split_lines: LF, CRLF and CR all break") {
    CHECK(split_lines("a\nb\r\nc\rd") == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(split_lines("") == std::vector<std::string>{""});
    CHECK(split_lines("a\n") == std::vector<std::string>{"a", ""});
}

TEST_CASE("truncate_chars counts code points and ends a cut text with an ellipsis") {
    CHECK(truncate_chars("abcd", 4) == "abcd");
    CHECK(truncate_chars("abcde", 4) == "abc…");
    CHECK(truncate_chars("网络繁忙啊", 3) == "网络…");
    CHECK(truncate_chars("abc", 0) == "");
}

TEST_CASE("truncate_bytes never splits a UTF-8 sequence") {
    CHECK(truncate_bytes("网络", 4) == "网");
    CHECK(truncate_bytes("网络", 6) == "网络");
    CHECK(truncate_bytes("ab", 1) == "a");
}

TEST_CASE("format_duration") {
    CHECK(format_duration(std::chrono::milliseconds(0)) == "0 ms");
    CHECK(format_duration(std::chrono::milliseconds(999)) == "999 ms");
    CHECK(format_duration(std::chrono::milliseconds(1240)) == "1.2 s");
    CHECK(format_duration(std::chrono::milliseconds(65000)) == "65.0 s");
}
