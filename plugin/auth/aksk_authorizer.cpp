#include "auth/aksk_authorizer.h"

#include <utility>

#include "auth/aksk_signer.h"
#include "auth/sdk_date.h"

namespace ccs::auth {

namespace {

// Headers signed when the request carries them, besides host and x-sdk-date which always are. The
// reference (aksk-signing.md) has x-project-id and x-security-token signed when sent; content-type is signed
// as the Node and Python SDKs do.
const std::vector<std::string> kSignedWhenPresent = {"content-type", "x-project-id", "x-security-token"};

std::vector<std::string> headers_to_sign(const HttpRequest& request) {
    std::vector<std::string> names = {"host", "x-sdk-date"};
    for (const auto& name : kSignedWhenPresent) {
        if (request.header(name) != nullptr) names.push_back(name);
    }
    return names;
}

}  // namespace

AkSkAuthorizer::AkSkAuthorizer(AkSkCredentials credentials, SdkDateClock clock)
    : credentials_(std::move(credentials)),
      clock_(clock ? std::move(clock) : SdkDateClock(current_sdk_date)) {}

void AkSkAuthorizer::authorize(HttpRequest& request) const {
    request.set_header("X-Sdk-Date", clock_());
    if (!credentials_.project_id.empty()) request.set_header("X-Project-Id", credentials_.project_id);
    if (has_security_token()) request.set_header("X-Security-Token", *credentials_.security_token);
    request.set_header("Authorization",
                       authorization_header(request, credentials_.access_key, credentials_.secret_key,
                                            headers_to_sign(request)));
}

std::string AkSkAuthorizer::kind() const {
    return has_security_token() ? "temporary-aksk" : "aksk";
}

std::vector<std::string> AkSkAuthorizer::secrets() const {
    // Empty values are left out: masking "" would be meaningless at best.
    std::vector<std::string> values;
    if (!credentials_.secret_key.empty()) values.push_back(credentials_.secret_key);
    if (has_security_token()) values.push_back(*credentials_.security_token);
    return values;
}

bool AkSkAuthorizer::has_security_token() const {
    return credentials_.security_token.has_value() && !credentials_.security_token->empty();
}

}  // namespace ccs::auth
