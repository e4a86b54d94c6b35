#include "inputs/text.h"

#include <cstdio>

namespace ccs::inputs {

namespace {

void append_escaped(std::string& out, char c) {
    switch (c) {
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        default: break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7f) {
        out += c;
        return;
    }
    char hex[5];
    std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned>(byte));
    out += hex;
}

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

}  // namespace

std::string escaped(std::string_view value) {
    std::string out;
    for (const char c : value) append_escaped(out, c);
    return out;
}

std::string quoted(std::string_view value, std::size_t max_shown) {
    const bool cut = value.size() > max_shown;
    std::string out = "\"" + escaped(value.substr(0, max_shown));
    if (!cut) return out + "\"";
    return out + "...\" (" + std::to_string(value.size()) + " bytes)";
}

std::string trimmed(std::string_view value) {
    std::size_t begin = 0;
    std::size_t end = value.size();
    while (begin < end && is_blank(value[begin])) ++begin;
    while (end > begin && is_blank(value[end - 1])) --end;
    return std::string(value.substr(begin, end - begin));
}

bool is_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
}

}  // namespace ccs::inputs
