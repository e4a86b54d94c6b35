#include "emulator/answer.h"

#include <Poco/JSON/Stringifier.h>

#include <sstream>

namespace ccs::emu {

Answer json_answer(int status, std::string body) {
    return Answer{status, {{"Content-Type", "application/json"}}, std::move(body)};
}

Answer error_answer(int status, const std::string& code, const std::string& message) {
    return json_answer(status,
                       "{\"error_code\":" + json_quote(code) + ",\"error_msg\":" + json_quote(message) + "}");
}

std::string json_quote(const std::string& text) {
    std::ostringstream out;
    Poco::JSON::Stringifier::formatString(text, out);
    return out.str();
}

}  // namespace ccs::emu
