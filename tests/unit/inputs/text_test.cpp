// Quoting values in messages.
#include "inputs/values.h"
#include "input_test_helpers.h"

using namespace ccs::inputs;

TEST_CASE("quoted escapes everything outside printable ASCII") {
    CHECK(quoted("abc") == "\"abc\"");
    CHECK(quoted("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
    CHECK(quoted("q\"b\\") == "\"q\\\"b\\\\\"");
    CHECK(quoted(std::string("\x00\x1b\x7f\xff", 4)) == "\"\\x00\\x1b\\x7f\\xff\"");
    CHECK(quoted("\xe2\x80\xae") == "\"\\xe2\\x80\\xae\"");  // U+202E, right-to-left override
}

TEST_CASE("quoted cuts long values and says how long they were") {
    CHECK(quoted(std::string(100, 'a'), 4) == "\"aaaa...\" (100 bytes)");
    CHECK(quoted(std::string(4, 'a'), 4) == "\"aaaa\"");
}

TEST_CASE("trimmed removes surrounding blanks only") {
    CHECK(trimmed(" \t\r\na b\n") == "a b");
    CHECK(trimmed("   ").empty());
}
