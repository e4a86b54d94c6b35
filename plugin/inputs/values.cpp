#include "inputs/values.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/NumberParser.h>

#include "core/bounded_file.h"

namespace ccs::inputs {

// ---- Text ----

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

bool is_control(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
}

// ---- The environment ----

std::string trimmed_variable(const Environment& env, const std::string& name) {
    return trimmed(variable(env, name));
}

// ---- Numbers, durations and booleans ----

namespace {

bool all_digits(const std::string& text) {
    return !text.empty() && std::all_of(text.begin(), text.end(),
                                        [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Digits only (Poco would also skip spaces and take ',' as a thousands separator), parsed by Poco,
// which reports overflow.
bool parse_digits(const std::string& text, Poco::UInt64& value) {
    return all_digits(text) && Poco::NumberParser::tryParseUnsigned64(text, value);
}

std::chrono::milliseconds::rep unit_in_ms(const std::string& unit) {
    if (unit.empty() || unit == "s") return 1000;
    if (unit == "ms") return 1;
    if (unit == "m") return 60L * 1000;
    if (unit == "h") return 60L * 60 * 1000;
    return 0;
}

std::string describe_duration(std::chrono::milliseconds duration) {
    const auto ms = duration.count();
    if (ms % 3600000 == 0) return std::to_string(ms / 3600000) + "h";
    if (ms % 60000 == 0) return std::to_string(ms / 60000) + "m";
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
    return std::to_string(ms) + "ms";
}

}  // namespace

int parse_whole_number(const GivenValue& given, int min, int max) {
    Poco::UInt64 value = 0;
    if (!parse_digits(given.value(), value) || value < static_cast<Poco::UInt64>(min) ||
        value > static_cast<Poco::UInt64>(max)) {
        throw InvalidInput(given.origin + ": " + quoted(given.value()) + " is not a whole number from " +
                           std::to_string(min) + " to " + std::to_string(max));
    }
    return static_cast<int>(value);
}

std::chrono::milliseconds parse_duration(const GivenValue& given, std::chrono::milliseconds max) {
    const std::string& text = given.value();
    const auto unit_at = std::find_if(text.begin(), text.end(),
                                      [](char c) { return !std::isdigit(static_cast<unsigned char>(c)); });
    const auto unit_ms = unit_in_ms(std::string(unit_at, text.end()));
    Poco::UInt64 amount = 0;
    if (unit_ms == 0 || !parse_digits(std::string(text.begin(), unit_at), amount)) {
        throw InvalidInput(
            given.origin + ": " + quoted(text) +
            " is not a duration: give seconds (45) or a number with a unit: 45s, 2m, 1h, 500ms");
    }
    if (amount == 0) throw InvalidInput(given.origin + ": " + quoted(text) + " must be more than 0");
    // Compared before multiplying, so a huge amount cannot overflow; floor(max / unit) * unit <= max.
    if (amount > static_cast<Poco::UInt64>(max.count() / unit_ms)) {
        throw InvalidInput(given.origin + ": " + quoted(text) + " is more than " + describe_duration(max));
    }
    return std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(amount) * unit_ms);
}

bool parse_boolean(const GivenValue& given) {
    const std::string& text = given.value();
    if (text == "true" || text == "True" || text == "TRUE") return true;
    if (text == "false" || text == "False" || text == "FALSE") return false;
    throw InvalidInput(given.origin + ": " + quoted(text) +
                       " is not a boolean: use true, True, TRUE, false, False or FALSE");
}

// ---- Paths and files ----

std::string checked_path(const GivenValue& given) {
    const std::string& path = given.value();
    if (std::any_of(path.begin(), path.end(), is_control)) {
        throw InvalidInput(given.origin + ": the path " + quoted(path, 200) +
                           " contains a control character");
    }
    return path;
}

namespace {

// Files read while the inputs are checked come before the run's deadline exists: they get this long.
constexpr std::chrono::milliseconds input_file_wait{5000};

// Empty when the file is fine, otherwise why not.
std::string file_problem(const std::string& path) {
    // A NUL would cut the path short in the system call; other control bytes are surely a mistake.
    if (std::any_of(path.begin(), path.end(), is_control)) return "contains a control character";
    try {
        const Poco::File file(path);
        if (!file.exists()) return "does not exist";
        if (!file.isFile()) return "is not a regular file";
        if (!file.canRead()) return "is not readable";
    } catch (const Poco::Exception& error) {
        return "cannot be checked: " + error.displayText();
    }
    return "";
}

}  // namespace

std::string read_input_file(const GivenValue& given, std::size_t max_bytes) {
    const FileText file = read_bounded_file(given.value(), max_bytes, Deadline::in(input_file_wait));
    if (!file.error.empty())
        throw InvalidInput(given.origin + ": file " + quoted(given.value(), 200) + " " + file.error);
    return file.text;
}

std::string checked_readable_file(const GivenValue& given) {
    const std::string problem = file_problem(given.value());
    if (!problem.empty())
        throw InvalidInput(given.origin + ": file " + quoted(given.value(), 200) + " " + problem);
    return given.value();
}

std::string checked_certificate_file(const GivenValue& given) {
    std::string path = checked_readable_file(given);
    const std::string text = read_input_file(given, max_certificate_file_bytes);
    if (text.find("-----BEGIN CERTIFICATE-----") == std::string::npos &&
        text.find("-----BEGIN TRUSTED CERTIFICATE-----") == std::string::npos) {
        throw InvalidInput(
            given.origin + ": file " + quoted(path, 200) +
            " holds no PEM certificate (a \"-----BEGIN CERTIFICATE-----\" block); a DER file can be "
            "converted with: openssl x509 -inform der -in FILE -out FILE.pem");
    }
    return path;
}

}  // namespace ccs::inputs
