// GitHub Actions workflow commands (stdout) and file-command entries ($GITHUB_OUTPUT, $GITHUB_STATE),
// escaped exactly as @actions/toolkit (packages/core: command.ts, file-command.ts) does it, because
// the runner un-escapes exactly that and nothing more.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace ccs::report::github {

// The runner shows at most this many characters of an annotation's message.
inline constexpr std::size_t max_message_chars = 4096;

// A workflow command's message: '%' -> %25, CR -> %0D, LF -> %0A.
std::string escape_data(const std::string& data);

// A workflow command's property value: as escape_data, and also ':' -> %3A, ',' -> %2C.
std::string escape_property(const std::string& value);

using Properties = std::vector<std::pair<std::string, std::string>>;  // in the order written

// "::name k=v,k2=v2::message\n"; properties with an empty value are left out (as the toolkit does).
std::string workflow_command(const std::string& name, const Properties& properties,
                             const std::string& message);

enum class Level { Error, Warning, Notice };
const char* to_string(Level level);  // "error", "warning", "notice"

// "::error title=...::message\n", the message cut at max_message_chars.
std::string annotation(Level level, const std::string& title, const std::string& message);

// The same with a location first: "::error file=src/a.c,line=12,title=...::message\n". `location`
// holds "file" and "line" (either may be left out).
std::string annotation(Level level, const Properties& location, const std::string& title,
                       const std::string& message);

// "::add-mask::value\n" and, for a multi-line value, one more per non-blank line: the runner masks
// log output line by line, so only the lines themselves would ever match. "" for a blank value
// (the runner would only warn).
std::string add_mask(const std::string& value);

// A fresh heredoc delimiter: "ghadelimiter_" and a random UUID.
std::string new_delimiter();

// "name<<DELIM\nvalue\nDELIM\n" with a fresh delimiter. Throws std::invalid_argument when the name
// or the value contains the delimiter (as the toolkit does), and for a name the runner would
// misread: empty, or containing '=', "<<", CR or LF.
std::string output_entry(const std::string& name, const std::string& value);
std::string output_entry(const std::string& name, const std::string& value, const std::string& delimiter);

// A line of free text made safe to print among workflow commands: the runner takes a line for a
// command when it starts with "::" after leading white space, any that .NET's String.TrimStart()
// removes (Unicode's too: U+00A0, U+2003, U+3000, ...; ActionCommand.TryParseV2), or contains "##["
// anywhere (the old syntax, still honoured). Such text gets a "> " in front, or "## [", so it is
// shown, not obeyed. Control characters show escaped (text::visible_controls); line breaks become
// spaces: each physical line would be examined on its own.
std::string defuse_commands(const std::string& line);

// A one-line JSON document made safe to print on stdout: "##[" can only occur inside its strings,
// where "##\u005b" means the same to a JSON parser but nothing to the runner.
std::string defuse_json(const std::string& json);

}  // namespace ccs::report::github
