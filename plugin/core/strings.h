// Small text helpers, each written once (issue 12): prefixes, splitting and joining, blank text,
// durations in log lines. Poco already does the rest and is used directly: Poco::trim (ASCII white
// space), Poco::toLower / Poco::toUpper, Poco::icompare, Poco::StringTokenizer (splitting at any of
// several characters, with trimming and without empty pieces). Poco::cat(delim, begin, end) is not
// join: it writes no separator while the text so far is empty, so {"", "a"} gives "a", not "/a".
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace ccs {

bool starts_with(std::string_view text, std::string_view prefix);
bool ends_with(std::string_view text, std::string_view suffix);

// Splits at every `separator`, keeping empty pieces: "/a//b" -> "", "a", "", "b"; "" -> one "".
std::vector<std::string> split(std::string_view text, char separator);

// Splits at LF, CRLF and a lone CR: the runner (.NET ReadLine) and terminals break lines at all
// three, so whatever is per-line (masks, prefixes) must treat them alike. "" gives one empty line.
std::vector<std::string> split_lines(const std::string& text);

// The parts with `separator` between each two (empty parts included): split's inverse.
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// The blanks GitHub's getInput trims: space, tab, CR and LF (not Poco::trim's VT and FF).
bool is_blank(std::string_view text);        // nothing but those (or nothing at all)
std::string trimmed(std::string_view text);  // without leading and trailing ones

// A measured time: "850 ms" below a second, else seconds with one decimal, rounded: "1.2 s", "6.0 s".
std::string format_duration(std::chrono::milliseconds elapsed);

// A configured length (--grace, --timeout) as a person writes it: "500 ms", "6 s", "1.5 s" (the
// tenths cut, not rounded).
std::string duration_text(std::chrono::milliseconds duration);

}  // namespace ccs
