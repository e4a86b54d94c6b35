#include "inputs/scalars.h"

#include <algorithm>
#include <cctype>
#include <string>

#include <Poco/NumberParser.h>

#include "inputs/text.h"

namespace ccs::inputs {

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
    if (unit == "m") return 60 * 1000;
    if (unit == "h") return 60 * 60 * 1000;
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

}  // namespace ccs::inputs
