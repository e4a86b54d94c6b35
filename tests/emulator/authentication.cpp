#include "emulator/authentication.h"

#include <algorithm>

#include "auth/aksk_signer.h"
#include "emulator/signature_verifier.h"

namespace ccs::emu {

namespace {

// The API gateway's answer for missing or wrong credentials (it comes before the service sees them).
Answer gateway_refusal(const std::string& why) {
    return error_answer(401, "APIGW.0301", "Incorrect IAM authentication information: " + why);
}

std::optional<Answer> check_token(const std::string& token, const Credentials& tokens) {
    if (token.empty()) return gateway_refusal("x-auth-token not found");
    if (tokens.expired.count(token)) return error_answer(401, "CC.00000003", "认证信息过期");
    if (!tokens.accepted.empty() && !tokens.accepted.count(token))
        return gateway_refusal("verify token failed");
    return std::nullopt;
}

HttpRequest as_http_request(const ReceivedRequest& request) {
    HttpRequest http;
    http.method = request.method;
    http.path = request.path;
    http.query = request.query;
    for (const auto& [name, value] : request.headers) http.headers.push_back({name, value});
    http.body = request.body;
    return http;
}

bool is_signed(const std::string& authorization, const std::string& header) {
    const auto parsed = parse_authorization(authorization);
    if (!parsed) return false;
    const auto names = auth::normalized_signed_headers(parsed->signed_headers);
    return std::find(names.begin(), names.end(), header) != names.end();
}

// A temporary key is only good with the security token it was issued with, signed; a permanent key
// has none.
std::optional<Answer> check_security_token(const ReceivedRequest& request, const AccessKey& key) {
    const std::string* token = request.header("X-Security-Token");
    if (!key.temporary()) {
        if (token) return gateway_refusal("a security token was sent with a permanent access key");
        return std::nullopt;
    }
    if (!token)
        return gateway_refusal("the temporary access key " + key.access_key + " needs its security token");
    if (*token != key.security_token) return gateway_refusal("verify security token fail");
    if (!is_signed(*request.header("Authorization"), "x-security-token")) {
        return gateway_refusal("x-security-token is not signed");
    }
    return std::nullopt;
}

std::optional<Answer> check_project(const ReceivedRequest& request, const AccessKey& key) {
    const std::string* project = request.header("X-Project-Id");
    if (!project || project->empty()) return gateway_refusal("x-project-id not found");
    if (*project != key.project_id) {
        return gateway_refusal("the project " + *project + " is not the project of access key " +
                               key.access_key);
    }
    return std::nullopt;
}

std::optional<Answer> check_signature(const ReceivedRequest& request, const IamBook& iam, Scope scope) {
    const auto secret_key = [&iam](const std::string& access_key) -> std::optional<std::string> {
        const auto key = iam.key(access_key);
        return key ? std::optional<std::string>(key->secret_key) : std::nullopt;
    };
    const VerifyResult verified = verify_signature(as_http_request(request), secret_key, iam.gateway_now());
    if (!verified.ok()) return error_answer(verified.http_status, verified.error_code, verified.error_msg);
    const auto found = iam.key(verified.access_key);
    if (!found) return gateway_refusal("ak not exist");  // removed by a scenario meanwhile
    const AccessKey& key = *found;
    if (auto refused = check_security_token(request, key)) return refused;
    if (scope == Scope::Project) return check_project(request, key);
    return std::nullopt;
}

}  // namespace

std::optional<Answer> authenticate(const ReceivedRequest& request, const Credentials& tokens,
                                   const IamBook& iam, Scope scope) {
    if (const std::string* token = request.header("X-Auth-Token")) return check_token(*token, tokens);
    if (request.header("Authorization")) return check_signature(request, iam, scope);
    return gateway_refusal("x-auth-token not found");
}

}  // namespace ccs::emu
