#include "auth/uri_encoding.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

#include <algorithm>
#include <stdexcept>

namespace ccs::auth {

namespace {

// Poco::URI::encode always encodes controls, non-ASCII and a few "illegal" characters, and keeps the
// rest of printable ASCII unless told otherwise: this names every printable character outside the
// unreserved set, so that only the unreserved set stays as it is.
constexpr char kEncodeAlsoPrintable[] = "!\"#$%&'()*+,/:;<=>?@[\\]^`{|} ";

}  // namespace

std::string percent_encode_unreserved(const std::string& text) {
    std::string encoded;
    Poco::URI::encode(text, kEncodeAlsoPrintable, encoded);
    return encoded;
}

std::string percent_decode(const std::string& text, bool plus_as_space) {
    // Poco::URI::decode honours plusAsSpace only after a '?' in its input, so '+' is replaced here.
    std::string undecoded = text;
    if (plus_as_space) std::replace(undecoded.begin(), undecoded.end(), '+', ' ');
    std::string decoded;
    try {
        Poco::URI::decode(undecoded, decoded);
    } catch (const Poco::SyntaxException& error) {
        throw std::invalid_argument("malformed percent-encoding in \"" + text + "\": " + error.message());
    }
    return decoded;
}

}  // namespace ccs::auth
