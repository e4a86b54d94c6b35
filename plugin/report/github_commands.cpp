#include "report/github_commands.h"

#include <Poco/UUIDGenerator.h>

#include <stdexcept>
#include <string_view>

#include "core/strings.h"
#include "report/text.h"

namespace ccs::report::github {

namespace {

// The UTF-8 length of the white space .NET's char.IsWhiteSpace sees at `at` (what the runner's
// TrimStart() removes), 0 for none. U+180E too: older .NET counted it.
std::size_t white_space_at(const std::string& text, std::size_t at) {
    static const char* const white[] = {" ",
                                        "\t",
                                        "\n",
                                        "\v",
                                        "\f",
                                        "\r",
                                        "\x1c",
                                        "\x1d",
                                        "\x1e",
                                        "\x1f",
                                        "\xc2\x85",
                                        "\xc2\xa0",
                                        "\xe1\x9a\x80",
                                        "\xe1\xa0\x8e",
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
    for (const char* space : white) {
        const std::string_view sequence(space);
        if (text.compare(at, sequence.size(), sequence) == 0) return sequence.size();
    }
    return 0;
}

}  // namespace

std::string escape_data(const std::string& data) {
    std::string escaped;
    escaped.reserve(data.size());
    for (const char c : data) {
        switch (c) {
            case '%': escaped += "%25"; break;
            case '\r': escaped += "%0D"; break;
            case '\n': escaped += "%0A"; break;
            default: escaped += c;
        }
    }
    return escaped;
}

std::string escape_property(const std::string& value) {
    std::string escaped;
    escaped.reserve(value.size());
    for (const char c : value) {
        switch (c) {
            case '%': escaped += "%25"; break;
            case '\r': escaped += "%0D"; break;
            case '\n': escaped += "%0A"; break;
            case ':': escaped += "%3A"; break;
            case ',': escaped += "%2C"; break;
            default: escaped += c;
        }
    }
    return escaped;
}

std::string workflow_command(const std::string& name, const Properties& properties,
                             const std::string& message) {
    std::string command = "::" + name;
    const char* separator = " ";
    for (const auto& [key, value] : properties) {
        if (value.empty()) continue;
        command += separator + key + "=" + escape_property(value);
        separator = ",";
    }
    return command + "::" + escape_data(message) + "\n";
}

const char* to_string(Level level) {
    switch (level) {
        case Level::Error: return "error";
        case Level::Warning: return "warning";
        case Level::Notice: return "notice";
    }
    return "error";
}

std::string annotation(Level level, const std::string& title, const std::string& message) {
    return annotation(level, {}, title, message);
}

std::string annotation(Level level, const Properties& location, const std::string& title,
                       const std::string& message) {
    Properties properties;
    for (const auto& [key, value] : location) properties.emplace_back(key, text::visible_controls(value));
    properties.emplace_back("title", text::visible_controls(title));
    return workflow_command(to_string(level), properties,
                            text::truncate_chars(text::visible_controls(message), max_message_chars));
}

std::string add_mask(const std::string& value) {
    if (is_blank(value)) return "";
    std::string commands = workflow_command("add-mask", {}, value);
    const auto lines = text::split_lines(value);
    if (lines.size() < 2) return commands;
    for (const auto& line : lines) {
        if (!is_blank(line)) commands += workflow_command("add-mask", {}, line);
    }
    return commands;
}

std::string new_delimiter() {
    return "ghadelimiter_" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString();
}

std::string output_entry(const std::string& name, const std::string& value) {
    return output_entry(name, value, new_delimiter());
}

std::string output_entry(const std::string& name, const std::string& value, const std::string& delimiter) {
    if (name.find(delimiter) != std::string::npos) {
        throw std::invalid_argument("the output name contains the delimiter \"" + delimiter + "\"");
    }
    if (value.find(delimiter) != std::string::npos) {
        throw std::invalid_argument("the value of output " + name + " contains the delimiter \"" + delimiter +
                                    "\"");
    }
    if (name.empty() || name.find_first_of("=\r\n") != std::string::npos ||
        name.find("<<") != std::string::npos) {
        throw std::invalid_argument("the output name \"" + name +
                                    "\" is empty or holds '=', '<<' or a line break");
    }
    return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
}

std::string defuse_commands(const std::string& line) {
    std::string safe = text::join(text::split_lines(text::visible_controls(line)), " ");
    for (auto at = safe.find("##["); at != std::string::npos; at = safe.find("##[", at)) {
        safe.replace(at, 3, "## [");
    }
    std::size_t first_visible = 0;
    while (const std::size_t length = white_space_at(safe, first_visible)) first_visible += length;
    if (safe.compare(first_visible, 2, "::") == 0) safe = "> " + safe;
    return safe;
}

std::string defuse_json(const std::string& json) {
    std::string safe = json;
    for (auto at = safe.find("##["); at != std::string::npos; at = safe.find("##[", at)) {
        safe.replace(at, 3, "##\\u005b");
    }
    return safe;
}

}  // namespace ccs::report::github
