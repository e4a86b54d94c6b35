#include "emulator/authentication.h"

namespace ccs::emu {

namespace {

// The API gateway's answer for missing or wrong credentials (it comes before the service sees them).
Answer gateway_refusal(const std::string& why) {
    return error_answer(401, "APIGW.0301", "Incorrect IAM authentication information: " + why);
}

}  // namespace

std::optional<Answer> authenticate(const ReceivedRequest& request, const Credentials& credentials) {
    const std::string* token = request.header("X-Auth-Token");
    if (!token || token->empty()) return gateway_refusal("x-auth-token not found");
    if (credentials.expired.count(*token)) return error_answer(401, "CC.00000003", "认证信息过期");
    if (!credentials.accepted.empty() && !credentials.accepted.count(*token)) {
        return gateway_refusal("verify token failed");
    }
    return std::nullopt;
}

}  // namespace ccs::emu
