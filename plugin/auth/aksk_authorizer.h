// AK/SK authentication: every request signed with SDK-HMAC-SHA256, carrying the project id, and for
// temporary credentials the security token.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/authorizer.h"

namespace ccs::auth {

struct AkSkCredentials {
    std::string access_key;
    std::string secret_key;
    std::optional<std::string> security_token;  // temporary credentials; an empty token counts as none
    std::string project_id;                     // X-Project-Id; empty: not sent
};

// Answers the X-Sdk-Date value to sign with (YYYYMMDDTHHMMSSZ, UTC). Injectable so tests sign at a
// fixed time.
using SdkDateClock = std::function<std::string()>;

class AkSkAuthorizer final : public Authorizer {
public:
    // `clock` defaults to the system clock (current_sdk_date()).
    explicit AkSkAuthorizer(AkSkCredentials credentials, SdkDateClock clock = {});

    // Sets X-Sdk-Date, X-Project-Id (when set), X-Security-Token (when present), then Authorization,
    // signing host, x-sdk-date and whichever of x-project-id, x-security-token and content-type the
    // request carries. The request must already have its Host header.
    void authorize(HttpRequest& request) const override;

    // "aksk", or "temporary-aksk" with a security token.
    std::string kind() const override;

    // The secret key and the security token; never the access key, which may be shown.
    std::vector<std::string> secrets() const override;

private:
    bool has_security_token() const;

    AkSkCredentials credentials_;
    SdkDateClock clock_;
};

}  // namespace ccs::auth
