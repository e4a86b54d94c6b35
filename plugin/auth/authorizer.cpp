#include "auth/authorizer.h"

namespace ccs::auth {

TokenAuthorizer::TokenAuthorizer(std::string token) : token_(std::move(token)) {}

void TokenAuthorizer::authorize(HttpRequest& request) const {
    request.set_header("X-Auth-Token", token_);
}

std::string TokenAuthorizer::kind() const {
    return "token";
}

std::vector<std::string> TokenAuthorizer::secrets() const {
    return {token_};
}

}  // namespace ccs::auth
