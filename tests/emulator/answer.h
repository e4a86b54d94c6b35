// One HTTP answer as the emulator composes it, before the wire adds the headers every answer gets.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ccs::emu {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct Answer {
    int status = 200;
    HeaderList headers;  // Content-Type and any extra ones; they override the wire defaults by name
    std::string body;
};

// A JSON answer: `body` is sent as is, with Content-Type: application/json.
Answer json_answer(int status, std::string body);

// The service's error shape: {"error_code": code, "error_msg": message}.
Answer error_answer(int status, const std::string& code, const std::string& message);

// A JSON string literal, quotes included, for composing small bodies by hand.
std::string json_quote(const std::string& text);

}  // namespace ccs::emu
