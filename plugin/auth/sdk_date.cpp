#include "auth/sdk_date.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>

#include <cctype>

namespace ccs::auth {

namespace {

constexpr char kSdkDateFormat[] = "%Y%m%dT%H%M%SZ";
constexpr std::size_t kSdkDateLength = 16;  // YYYYMMDD T HHMMSS Z

bool has_sdk_date_shape(const std::string& text) {
    if (text.size() != kSdkDateLength || text[8] != 'T' || text[15] != 'Z') return false;
    for (std::size_t i = 0; i < kSdkDateLength; ++i) {
        if (i == 8 || i == 15) continue;
        if (std::isdigit(static_cast<unsigned char>(text[i])) == 0) return false;
    }
    return true;
}

int number_at(const std::string& text, std::size_t position, std::size_t length) {
    return std::stoi(text.substr(position, length));
}

}  // namespace

std::string format_sdk_date(std::chrono::system_clock::time_point time) {
    const auto timestamp = Poco::Timestamp::fromEpochTime(std::chrono::system_clock::to_time_t(time));
    return Poco::DateTimeFormatter::format(timestamp, kSdkDateFormat);
}

std::string current_sdk_date() {
    return format_sdk_date(std::chrono::system_clock::now());
}

std::optional<std::chrono::system_clock::time_point> parse_sdk_date(const std::string& text) {
    if (!has_sdk_date_shape(text)) return std::nullopt;
    const int year = number_at(text, 0, 4), month = number_at(text, 4, 2), day = number_at(text, 6, 2);
    const int hour = number_at(text, 9, 2), minute = number_at(text, 11, 2), second = number_at(text, 13, 2);
    if (!Poco::DateTime::isValid(year, month, day, hour, minute, second)) return std::nullopt;
    const Poco::DateTime utc(year, month, day, hour, minute, second);
    return std::chrono::system_clock::from_time_t(utc.timestamp().epochTime());
}

}  // namespace ccs::auth
