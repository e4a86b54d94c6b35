// The IAM requests this program sends and the answers it reads, as pure functions (see
// shared/reference/codearts-check-api.md, "Credentials, as the official SDKs accept them").
// Answers are untrusted: any bytes give a value or nothing, never a crash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/http_message.h"
#include "core/url.h"

namespace ccs::iam {

// An IAM user's password login. The token is scoped to the project with this id, or else to the
// project named after the region.
struct PasswordLogin {
    std::string user;
    std::string password;
    std::string domain;
    std::string project_id;    // preferred scope when not empty
    std::string project_name;  // the region, otherwise
};

// What OS-CREDENTIAL/securitytokens hands out: temporary AK/SK and their security token.
struct TemporaryCredentials {
    std::string access_key;
    std::string secret_key;
    std::string security_token;
    std::string expires_at;  // as IAM wrote it, for the log
};

struct Project {
    std::string id;
    std::string name;
};

// Each request with its Host header (and Content-Type where it has a body); `endpoint` is the IAM
// URL ("https://iam.cn-north-4.myhuaweicloud.com[/base]").
HttpRequest password_token_request(const ServiceUrl& endpoint, const PasswordLogin& login);
HttpRequest federation_token_request(const ServiceUrl& endpoint, const std::string& idp_id,
                                     const std::string& id_token);
HttpRequest security_token_request(const ServiceUrl& endpoint, const std::string& unscoped_token,
                                   int duration_seconds);
// Unsigned: the caller signs it with the AK/SK whose project it looks up.
HttpRequest projects_request(const ServiceUrl& endpoint, const std::string& region);

// The X-Subject-Token of a token answer, when it has one usable as a header value.
std::optional<std::string> subject_token(const HttpResponse& response);

// {"credential": {"access", "secret", "securitytoken", "expires_at"}}; nullopt unless the first three
// are non-empty strings fit to be header values.
std::optional<TemporaryCredentials> parse_temporary_credentials(const std::string& body);

// {"projects": [{"id", "name"}...]}; nullopt when the body is not that shape.
std::optional<std::vector<Project>> parse_projects(const std::string& body);

// True when `value` can go into a header: not empty, no control characters.
bool fit_for_header(const std::string& value);

}  // namespace ccs::iam
