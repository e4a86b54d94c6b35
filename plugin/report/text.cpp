#include "report/text.h"

#include <cstdio>

namespace ccs::report::text {

namespace {

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

}  // namespace

std::string truncate_chars(const std::string& text, std::size_t max_chars) {
    static const std::string ellipsis = "…";
    std::size_t chars = 0;
    std::size_t cut_at = 0;  // byte offset after max_chars - 1 code points: where "…" would go
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_continuation_byte(text[i])) continue;
        if (chars + 1 == max_chars) cut_at = i;
        if (++chars > max_chars) return max_chars == 0 ? std::string() : text.substr(0, cut_at) + ellipsis;
    }
    return text;
}

std::string truncate_bytes(const std::string& text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && is_continuation_byte(text[end])) --end;  // text[end] starts the first dropped char
    return text.substr(0, end);
}

std::string visible_controls(const std::string& text) {
    std::string safe;
    safe.reserve(text.size());
    char escape[8];
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
        if (c == '\r') {
            if (next == '\n') ++i;  // CRLF is one break
            safe += '\n';
        } else if (c == '\n' || (c >= 0x20 && c != 0x7f && !(c == 0xc2 && next >= 0x80 && next <= 0x9f))) {
            safe += static_cast<char>(c);
        } else if (c == 0xc2) {  // a C1 control, two bytes in UTF-8
            std::snprintf(escape, sizeof escape, "\\u%04x", next);
            safe += escape;
            ++i;
        } else {
            std::snprintf(escape, sizeof escape, "\\x%02x", c);
            safe += escape;
        }
    }
    return safe;
}

}  // namespace ccs::report::text
