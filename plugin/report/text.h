// Small text helpers shared by the reporters: line splitting, UTF-8 safe cutting, durations.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace ccs::report::text {

// Splits at LF, CRLF and a lone CR: the runner (.NET ReadLine) and terminals break lines at all
// three, so whatever is per-line (masks, prefixes) must treat them alike. "" gives one empty line.
std::vector<std::string> split_lines(const std::string& text);

// At most `max_chars` code points of UTF-8 `text`; a cut text ends with "…" (counted) and never
// ends inside a multi-byte sequence.
std::string truncate_chars(const std::string& text, std::size_t max_chars);

// At most `max_bytes` bytes, cut before any multi-byte sequence that would not fit whole.
std::string truncate_bytes(const std::string& text, std::size_t max_bytes);

std::string join(const std::vector<std::string>& parts, const std::string& separator);

// Text from the service made safe for any reader: line breaks (CRLF, a lone CR) become LF, which each
// writer turns into its own line break or escape, and every other control character (C0, DEL, and
// the C1 range U+0080..U+009F, whose U+009B starts a terminal escape too) shows as "\xHH" or
// "\u00HH". No ESC, NUL or CR reaches a log, an annotation, a summary or a GitLab section raw.
std::string visible_controls(const std::string& text);

// "850 ms" below a second, "1.2 s" above.
std::string format_duration(std::chrono::milliseconds elapsed);

}  // namespace ccs::report::text
