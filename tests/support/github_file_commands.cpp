#include "support/github_file_commands.h"

#include <Poco/String.h>

#include <set>
#include <sstream>
#include <utility>

#include "support/file_text.h"

namespace ccs::test {

namespace {

// ---- file commands ----

// The runner's ReadLine: the line without its break, and how long the break was (0 at the end of
// the text without one).
class LineReader {
public:
    LineReader(const std::string& text, RunnerOs os) : text_(text), os_(os) {}

    bool next(std::string& line, std::size_t& break_length) {
        if (index_ >= text_.size()) return false;
        const std::size_t start = index_;
        const std::size_t lf = text_.find('\n', start);
        if (lf == std::string::npos) {
            line = text_.substr(start);
            break_length = 0;
            index_ = text_.size();
            return true;
        }
        const bool crlf = os_ == RunnerOs::Windows && lf > start && text_[lf - 1] == '\r';
        break_length = crlf ? 2 : 1;
        line = text_.substr(start, lf + 1 - break_length - start);
        index_ = lf + 1;
        return true;
    }

    std::size_t index() const { return index_; }

private:
    const std::string& text_;
    RunnerOs os_;
    std::size_t index_ = 0;
};

std::string heredoc_value(const std::string& text, LineReader& reader, const std::string& delimiter) {
    const std::size_t start = reader.index();
    std::size_t end = start;
    std::string line;
    std::size_t break_length = 0;
    while (true) {
        if (!reader.next(line, break_length)) {
            throw FileCommandError("Invalid value. Matching delimiter not found '" + delimiter + "'");
        }
        if (line == delimiter) break;
        if (break_length == 0) throw FileCommandError("Invalid value. EOF marker missing new line.");
        end = reader.index() - break_length;
    }
    return end > start ? text.substr(start, end - start) : std::string();
}

// ---- workflow commands ----

bool same_name(const std::string& a, const std::string& b) {
    return Poco::icompare(a, b) == 0;
}

// The runner only takes names it has an extension for (and the stop token while stopped).
bool is_registered(const std::string& name, const std::string& stop_token) {
    static const std::set<std::string> registered{
        "add-mask",   "add-matcher", "remove-matcher", "add-path", "set-env",
        "set-output", "save-state",  "debug",          "warning",  "error",
        "notice",     "group",       "endgroup",       "echo",     "stop-commands",
    };
    return registered.count(Poco::toLower(name)) > 0 || (!stop_token.empty() && same_name(name, stop_token));
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

// The old syntax's un-escaping (ActionCommand._escapeMappings), in the runner's order.
std::string unescape_legacy(const std::string& text) {
    std::string plain = text;
    for (const auto& [escaped, raw] : std::vector<std::pair<std::string, std::string>>{
             {"%3B", ";"}, {"%0D", "\r"}, {"%0A", "\n"}, {"%5D", "]"}, {"%25", "%"}}) {
        plain = replace_all(plain, escaped, raw);
    }
    return plain;
}

// The UTF-8 length of a character .NET's char.IsWhiteSpace calls white space at `at`, 0 for none:
// the runner's String.TrimStart() removes all of them before it looks for "::".
std::size_t dotnet_white_space_at(const std::string& text, std::size_t at) {
    static const std::vector<std::string> white = {" ",
                                                   "\t",
                                                   "\n",
                                                   "\v",
                                                   "\f",
                                                   "\r",
                                                   "\xc2\x85",
                                                   "\xc2\xa0",
                                                   "\xe1\x9a\x80",
                                                   "\xe2\x80\x80",
                                                   "\xe2\x80\x81",
                                                   "\xe2\x80\x82",
                                                   "\xe2\x80\x83",
                                                   "\xe2\x80\x84",
                                                   "\xe2\x80\x85",
                                                   "\xe2\x80\x86",
                                                   "\xe2\x80\x87",
                                                   "\xe2\x80\x88",
                                                   "\xe2\x80\x89",
                                                   "\xe2\x80\x8a",
                                                   "\xe2\x80\xa8",
                                                   "\xe2\x80\xa9",
                                                   "\xe2\x80\xaf",
                                                   "\xe2\x81\x9f",
                                                   "\xe3\x80\x80"};
    for (const auto& space : white) {
        if (text.compare(at, space.size(), space) == 0) return space.size();
    }
    return 0;
}

std::string trim_start(const std::string& text) {
    std::size_t first = 0;
    while (const std::size_t length = dotnet_white_space_at(text, first)) first += length;
    return text.substr(first);
}

std::string trim(const std::string& text) {
    const std::string start_trimmed = trim_start(text);
    const auto last = start_trimmed.find_last_not_of(" \t\r\n\v\f");
    return last == std::string::npos ? std::string() : start_trimmed.substr(0, last + 1);
}

// "k=v<sep>k2=v2": pieces without '=' or with an empty key or value are dropped, as the runner's
// Split(..., RemoveEmptyEntries) drops them.
std::map<std::string, std::string> parse_properties(const std::string& text, char separator,
                                                    std::string (*unescape)(const std::string&)) {
    std::map<std::string, std::string> properties;
    std::istringstream pieces(text);
    std::string piece;
    while (std::getline(pieces, piece, separator)) {
        const auto equals = piece.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == piece.size()) continue;
        properties[piece.substr(0, equals)] = unescape(piece.substr(equals + 1));
    }
    return properties;
}

// Splits "name props" at the first space.
std::pair<std::string, std::string> name_and_properties(const std::string& info) {
    const auto space = info.find(' ');
    if (space == std::string::npos) return {info, ""};
    return {info.substr(0, space), info.substr(space + 1)};
}

std::optional<WorkflowCommand> parse_v2(const std::string& line, const std::string& stop_token) {
    const std::string text = trim_start(line);
    if (text.compare(0, 2, "::") != 0) return std::nullopt;
    const auto end = text.find("::", 2);
    if (end == std::string::npos) return std::nullopt;
    const auto [name, properties] = name_and_properties(text.substr(2, end - 2));
    if (name.empty() || !is_registered(name, stop_token)) return std::nullopt;
    return WorkflowCommand{name, parse_properties(trim(properties), ',', unescape_property),
                           unescape_data(text.substr(end + 2)), false};
}

std::optional<WorkflowCommand> parse_legacy(const std::string& line, const std::string& stop_token) {
    const auto prefix = line.find("##[");
    if (prefix == std::string::npos) return std::nullopt;
    const auto bracket = line.find(']', prefix);
    if (bracket == std::string::npos) return std::nullopt;
    const auto [name, properties] = name_and_properties(line.substr(prefix + 3, bracket - prefix - 3));
    if (name.empty() || !is_registered(name, stop_token)) return std::nullopt;
    return WorkflowCommand{name, parse_properties(properties, ';', unescape_legacy),
                           unescape_legacy(line.substr(bracket + 1)), true};
}

std::optional<WorkflowCommand> parse_command(const std::string& line, const std::string& stop_token) {
    if (auto command = parse_v2(line, stop_token)) return command;
    return parse_legacy(line, stop_token);
}

std::vector<std::string> output_lines(const std::string& output) {
    std::vector<std::string> lines(1);
    for (std::size_t i = 0; i < output.size(); ++i) {
        const char c = output[i];
        if (c != '\r' && c != '\n') {
            lines.back() += c;
            continue;
        }
        if (c == '\r' && i + 1 < output.size() && output[i + 1] == '\n') ++i;
        lines.emplace_back();
    }
    return lines;
}

}  // namespace

FileCommandValues parse_file_commands(const std::string& file_text, RunnerOs os) {
    const std::string text = without_utf8_bom(file_text);
    FileCommandValues values;
    LineReader reader(text, os);
    std::string line;
    std::size_t break_length = 0;
    while (reader.next(line, break_length)) {
        if (line.empty()) continue;
        const auto equals = line.find('=');
        const auto heredoc = line.find("<<");
        if (equals != std::string::npos && (heredoc == std::string::npos || equals < heredoc)) {
            if (equals == 0) throw FileCommandError("Invalid format '" + line + "'. Name must not be empty");
            values[line.substr(0, equals)] = line.substr(equals + 1);
        } else if (heredoc != std::string::npos) {
            const std::string name = line.substr(0, heredoc);
            const std::string delimiter = line.substr(heredoc + 2);
            if (name.empty() || delimiter.empty()) {
                throw FileCommandError("Invalid format '" + line +
                                       "'. Name must not be empty and delimiter must not be empty");
            }
            values[name] = heredoc_value(text, reader, delimiter);
        } else {
            throw FileCommandError("Invalid format '" + line + "'");
        }
    }
    return values;
}

FileCommandValues read_file_commands(const std::string& path, RunnerOs os) {
    const std::optional<std::string> text = read_file_if_present(path);
    if (!text) return {};
    return parse_file_commands(*text, os);
}

std::string unescape_data(const std::string& data) {
    return replace_all(replace_all(replace_all(data, "%0D", "\r"), "%0A", "\n"), "%25", "%");
}

std::string unescape_property(const std::string& value) {
    std::string plain = value;
    for (const auto& [escaped, raw] : std::vector<std::pair<std::string, std::string>>{
             {"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}}) {
        plain = replace_all(plain, escaped, raw);
    }
    return plain;
}

std::optional<WorkflowCommand> parse_workflow_command(const std::string& line) {
    return parse_command(line, "");
}

std::vector<WorkflowCommand> parse_workflow_commands(const std::string& output) {
    std::vector<WorkflowCommand> commands;
    // While set, only "::TOKEN::" means anything; an empty token never resumes (as in the runner).
    std::optional<std::string> stop_token;
    for (const auto& line : output_lines(output)) {
        auto command = parse_command(line, stop_token.value_or(""));
        if (!command) continue;
        if (stop_token) {
            if (!stop_token->empty() && same_name(command->name, *stop_token)) stop_token.reset();
            continue;
        }
        if (same_name(command->name, "stop-commands")) {
            stop_token = command->message;
            continue;
        }
        commands.push_back(std::move(*command));
    }
    return commands;
}

}  // namespace ccs::test
