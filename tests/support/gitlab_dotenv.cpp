#include "support/gitlab_dotenv.h"

#include <algorithm>
#include <cctype>

#include <Poco/TextIterator.h>
#include <Poco/UTF8Encoding.h>

#include "support/file_text.h"

namespace ccs::test {
namespace {

// Ruby's String#strip: leading and trailing NUL and ASCII white space.
std::string stripped(const std::string& text) {
    const auto is_space = [](char c) { return c == '\0' || std::isspace(static_cast<unsigned char>(c)); };
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && is_space(text[begin])) ++begin;
    while (end > begin && is_space(text[end - 1])) --end;
    return text.substr(begin, end - begin);
}

bool is_key(const std::string& key) {
    return !key.empty() && key.size() <= 255 && std::all_of(key.begin(), key.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

bool is_valid_utf8(const std::string& text) {
    Poco::UTF8Encoding utf8;
    Poco::TextIterator it(text, utf8);
    const Poco::TextIterator end(text);
    for (; it != end; ++it) {
        if (*it < 0) return false;
    }
    return true;
}

}  // namespace

std::map<std::string, std::string> parse_gitlab_dotenv(const std::string& text, DotenvLimits limits) {
    if (text.size() >= limits.max_bytes) {
        throw DotenvError("Dotenv Artifact Too Big: " + std::to_string(text.size()) + " bytes");
    }
    if (!is_valid_utf8(text)) throw DotenvError("not UTF-8");
    const std::string body = without_utf8_bom(text);

    std::map<std::string, std::string> variables;
    std::size_t start = 0;
    while (start < body.size()) {
        const std::size_t newline = body.find('\n', start);
        const std::string line =
            body.substr(start, newline == std::string::npos ? std::string::npos : newline - start);
        start = newline == std::string::npos ? body.size() : newline + 1;
        const std::size_t equals = line.find('=');
        if (equals == std::string::npos) throw DotenvError("Invalid Format: " + line);
        const std::string key = stripped(line.substr(0, equals));
        if (!is_key(key))
            throw DotenvError("Validation failed: Key can contain only letters, digits and '_': " + key);
        variables[key] = stripped(line.substr(equals + 1));
    }
    if (variables.size() > limits.max_variables) {
        throw DotenvError("Dotenv files cannot have more than " + std::to_string(limits.max_variables) +
                          " variables");
    }
    return variables;
}

}  // namespace ccs::test
