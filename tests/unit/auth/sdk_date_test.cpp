#include <doctest/doctest.h>

#include "auth/sdk_date.h"

using ccs::auth::format_sdk_date;
using ccs::auth::parse_sdk_date;
using std::chrono::system_clock;

TEST_CASE("formats UTC time as YYYYMMDDTHHMMSSZ") {
    CHECK(format_sdk_date(system_clock::from_time_t(0)) == "19700101T000000Z");
    CHECK(format_sdk_date(system_clock::from_time_t(1136214245)) == "20060102T150405Z");
}

TEST_CASE("parses what it formats") {
    CHECK(parse_sdk_date("20060102T150405Z") == system_clock::from_time_t(1136214245));
    const auto now = system_clock::from_time_t(system_clock::to_time_t(system_clock::now()));
    CHECK(parse_sdk_date(format_sdk_date(now)) == now);
    CHECK(parse_sdk_date(ccs::auth::current_sdk_date()).has_value());
}

TEST_CASE("refuses anything but the exact format of a real date") {
    for (const char* text :
         {"", "20060102T150405", "20060102T150405z", "20060102 150405Z", "2006-01-02T15:04:05Z",
          " 20060102T150405Z", "20060102T150405Z ", "2006010T1504050Z", "20060230T000000Z",
          "20061301T000000Z", "20060102T250000Z", "20060102T006000Z", "2006+102T150405Z"}) {
        INFO("text: \"" << text << "\"");
        CHECK_FALSE(parse_sdk_date(text).has_value());
    }
}
