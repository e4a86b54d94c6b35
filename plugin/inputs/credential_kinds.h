// The kinds of credentials a run can use, as validated values. Exactly one is chosen per run
// (inputs/credentials.cpp decides which); app/credentials.cpp turns it into an Authorizer, calling
// IAM first when the kind needs it.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/url.h"

namespace ccs::inputs {

// An IAM token, sent as X-Auth-Token.
struct TokenCredential {
    std::string token;
};

// Permanent AK/SK, or temporary ones with their security token. Every request is signed.
struct AkSkCredential {
    std::string access_key;
    std::string secret_key;
    std::string security_token;  // empty: permanent keys
    std::string project_id;      // X-Project-Id; empty: looked up from IAM by the region's name
};

// An IAM user's password, exchanged for a token at IAM.
struct PasswordCredential {
    std::string username;
    std::string password;
    std::string domain;
    std::string project_id;  // the token's scope; empty: the project named after the region
};

// Where a GitHub Actions job gets its OIDC id token (permissions: id-token: write).
struct GitHubIdTokenSource {
    ServiceUrl request_url;     // ACTIONS_ID_TOKEN_REQUEST_URL, parsed and checked
    std::string request_token;  // ACTIONS_ID_TOKEN_REQUEST_TOKEN, a secret
    std::string audience;       // --audience; empty: GitHub's default
};

// OIDC federation: an id token exchanged for an unscoped token, that for temporary AK/SK.
struct OidcCredential {
    std::string idp_id;
    std::string id_token;                       // given, or read from a file; empty when from GitHub
    std::optional<GitHubIdTokenSource> github;  // set: the id token is requested at run time
    std::string id_token_origin;                // "--id-token", "--id-token-file /path", "GitHub Actions"
    std::string project_id;                     // empty: looked up from IAM by the region's name
};

using Credential = std::variant<TokenCredential, AkSkCredential, PasswordCredential, OidcCredential>;

// "token", "aksk", "temporary-aksk", "password", "oidc".
std::string kind_name(const Credential& credential);

// The secret values a credential holds (never the AK, the ids or the user and domain names).
std::vector<std::string> secrets_of(const Credential& credential);

// Whether turning it into an Authorizer needs IAM: a password or an id token to exchange, or a
// project id to look up.
bool needs_iam(const Credential& credential);

}  // namespace ccs::inputs
