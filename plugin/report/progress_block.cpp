#include "report/progress_block.h"

#include <algorithm>

namespace ccs::report {

namespace {

constexpr int min_columns = 20;  // a terminal that says it is narrower (or 0) is taken as this wide
const std::string ellipsis = "…";

// One code point of UTF-8 at `at`: its length in bytes (0: not valid UTF-8) and value.
std::size_t decode(const std::string& text, std::size_t at, char32_t& value) {
    const auto lead = static_cast<unsigned char>(text[at]);
    std::size_t length = 0;
    if (lead < 0x80) {
        value = lead;
        return 1;
    }
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        value = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        value = lead & 0x07;
    } else {
        return 0;
    }
    if (at + length > text.size()) return 0;
    for (std::size_t i = 1; i < length; ++i) {
        const auto next = static_cast<unsigned char>(text[at + i]);
        if ((next & 0xC0) != 0x80) return 0;
        value = (value << 6) | (next & 0x3F);
    }
    const bool overlong = (length == 3 && value < 0x800) || (length == 4 && value < 0x10000);
    if (overlong || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
    return length;
}

// Columns a code point takes: 2 for the East Asian wide ranges (CJK, Hangul, full-width forms), which
// the service's Chinese messages are made of; 1 for the rest. Good enough to never wrap a row.
int width_of(char32_t c) {
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                      (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                      (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1FAFF) || (c >= 0x20000);
    return wide ? 2 : 1;
}

// Text safe to draw: every control character (C0, DEL, C1: ESC and CSI move the cursor, CR and LF
// would break the row) becomes a space, and a byte that is not UTF-8 a '?'. Each code point with its
// width.
struct Glyph {
    std::string bytes;
    int width;
};
std::vector<Glyph> glyphs(const std::string& text) {
    std::vector<Glyph> out;
    for (std::size_t at = 0; at < text.size();) {
        char32_t value = 0;
        const std::size_t length = decode(text, at, value);
        if (length == 0) {
            out.push_back({"?", 1});
            ++at;
            continue;
        }
        const bool control = value < 0x20 || (value >= 0x7F && value <= 0x9F);
        out.push_back(control ? Glyph{" ", 1} : Glyph{text.substr(at, length), width_of(value)});
        at += length;
    }
    return out;
}

}  // namespace

std::string progress_row(const std::string& task_id, const std::string& state, const std::string& ratio,
                         const std::string& info, int columns) {
    std::vector<Glyph> row;
    for (const std::string* part : {&task_id, &state, &ratio, &info}) {
        if (part->empty()) continue;
        if (!row.empty()) row.insert(row.end(), 2, Glyph{" ", 1});
        const std::vector<Glyph> more = glyphs(*part);
        row.insert(row.end(), more.begin(), more.end());
    }
    // The last column stays free: a terminal that wraps on it would push the block one line down.
    const int room = std::max(columns, min_columns) - 1;
    int width = 0;
    for (const Glyph& glyph : row) width += glyph.width;
    std::string text;
    if (width <= room) {
        for (const Glyph& glyph : row) text += glyph.bytes;
        return text;
    }
    int used = 0;
    for (const Glyph& glyph : row) {
        if (used + glyph.width > room - 1) break;  // one column for the ellipsis
        text += glyph.bytes;
        used += glyph.width;
    }
    return text + ellipsis;
}

ProgressBlock::ProgressBlock(int columns, std::size_t max_rows)
    : columns_(columns), max_rows_(std::max<std::size_t>(max_rows, 1)) {}

std::string ProgressBlock::update(const std::string& task_id, const std::string& state,
                                  const std::string& ratio, const std::string& info) {
    set(task_id, state, ratio, info);
    return redraw();
}

void ProgressBlock::set(const std::string& task_id, const std::string& state, const std::string& ratio,
                        const std::string& info) {
    const std::string text = progress_row(task_id, state, ratio, info, columns_);
    const auto found =
        std::find_if(rows_.begin(), rows_.end(), [&](const Row& row) { return row.task_id == task_id; });
    if (found != rows_.end()) {
        found->text = text;
    } else if (rows_.size() < max_rows_) {
        rows_.push_back({task_id, text});
    } else {
        hidden_.insert(task_id);
    }
}

std::string ProgressBlock::redraw() {
    std::string bytes = cursor_to_top();  // before rows_text(), which changes how many rows are drawn
    return bytes + rows_text();
}

std::string ProgressBlock::above(const std::string& lines) {
    if (drawn_ == 0) return lines;
    // Erased to the end of the screen first: a long line that wraps must not leave old rows behind.
    std::string bytes = cursor_to_top() + "\r\x1b[J" + lines;
    return bytes + rows_text();
}

void ProgressBlock::leave() {
    rows_.clear();
    hidden_.clear();
    drawn_ = 0;
}

std::string ProgressBlock::cursor_to_top() const {
    // Never "\x1b[0A": terminals take a count of 0 as 1.
    return drawn_ == 0 ? std::string() : "\x1b[" + std::to_string(drawn_) + "A";
}

std::string ProgressBlock::rows_text() {
    std::string text;
    for (const Row& row : rows_) text += "\r\x1b[2K" + row.text + "\n";
    if (!hidden_.empty()) {
        const std::string more = "... and " + std::to_string(hidden_.size()) + " more task(s)";
        text += "\r\x1b[2K" + progress_row(more, "", "", "", columns_) + "\n";
    }
    drawn_ = rows_.size() + (hidden_.empty() ? 0 : 1);
    return text;
}

}  // namespace ccs::report
