// Credentials, behind one small interface: whatever the kind (token, AK/SK, temporary AK/SK, or a
// token obtained from IAM), the API client hands each request to an Authorizer just before sending.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/http_message.h"

namespace ccs::auth {

class Authorizer {
public:
    virtual ~Authorizer() = default;

    // Adds what the gateway needs to accept `request` (headers, signature). The request's Host
    // header is already set, and nothing about the request changes after this call.
    virtual void authorize(HttpRequest& request) const = 0;

    // "token", "aksk", ... for logs and --dry-run.
    virtual std::string kind() const = 0;

    // Every secret value this authorizer holds, for masking and redaction.
    virtual std::vector<std::string> secrets() const = 0;
};

// X-Auth-Token authentication.
class TokenAuthorizer final : public Authorizer {
public:
    explicit TokenAuthorizer(std::string token);
    void authorize(HttpRequest& request) const override;
    std::string kind() const override;
    std::vector<std::string> secrets() const override;

private:
    std::string token_;
};

}  // namespace ccs::auth
