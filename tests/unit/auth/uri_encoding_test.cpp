#include <doctest/doctest.h>

#include <cctype>
#include <cstdio>
#include <stdexcept>

#include "auth/uri_encoding.h"

using ccs::auth::percent_decode;
using ccs::auth::percent_encode_unreserved;

namespace {

bool is_unreserved(unsigned char byte) {
    return std::isalnum(byte) != 0 || byte == '-' || byte == '_' || byte == '.' || byte == '~';
}

}  // namespace

TEST_CASE("every byte outside the unreserved set is encoded as upper-case %XX") {
    for (int value = 0; value < 256; ++value) {
        const auto byte = static_cast<unsigned char>(value);
        const std::string text(1, static_cast<char>(byte));
        char escaped[4];
        std::snprintf(escaped, sizeof escaped, "%%%02X", value);
        INFO("byte " << value);
        CHECK(percent_encode_unreserved(text) == (is_unreserved(byte) ? text : std::string(escaped)));
    }
}

TEST_CASE("decoding: escapes in any case; '+' is a space only when asked") {
    CHECK(percent_decode("a%2fb%2Fc", false) == "a/b/c");
    CHECK(percent_decode("a+b%2B", false) == "a+b+");
    CHECK(percent_decode("a+b%2B", true) == "a b+");
    CHECK(percent_decode("?a+b", true) == "?a b");
    CHECK(percent_decode("%E4%B8%80", false) == "\xE4\xB8\x80");
    CHECK_THROWS_AS(percent_decode("%", false), std::invalid_argument);
    CHECK_THROWS_AS(percent_decode("%4", true), std::invalid_argument);
    CHECK_THROWS_AS(percent_decode("%4g", true), std::invalid_argument);
}
