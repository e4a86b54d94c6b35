// Small text helpers shared by the reporters: UTF-8 safe cutting, control characters made visible.
// Line splitting, joining and durations are written once in core/strings.h; the reporters call
// them by their names here too.
#pragma once

#include <cstddef>
#include <string>

#include "core/strings.h"

namespace ccs::report::text {

using ccs::format_duration;  // "850 ms" below a second, "1.2 s" above
using ccs::join;
using ccs::split_lines;  // at LF, CRLF and a lone CR, as the runner and terminals break lines

// At most `max_chars` code points of UTF-8 `text`; a cut text ends with "…" (counted) and never
// ends inside a multi-byte sequence.
std::string truncate_chars(const std::string& text, std::size_t max_chars);

// At most `max_bytes` bytes, cut before any multi-byte sequence that would not fit whole.
std::string truncate_bytes(const std::string& text, std::size_t max_bytes);

// Text from the service made safe for any reader: line breaks (CRLF, a lone CR) become LF, which each
// writer turns into its own line break or escape, and every other control character (C0, DEL, and
// the C1 range U+0080..U+009F, whose U+009B starts a terminal escape too) shows as "\xHH" or
// "\u00HH". No ESC, NUL or CR reaches a log, an annotation, a summary or a GitLab section raw.
std::string visible_controls(const std::string& text);

}  // namespace ccs::report::text
