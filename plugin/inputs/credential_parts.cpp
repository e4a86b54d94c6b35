#include "inputs/credential_parts.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/uri_grammar.h"
#include "core/url.h"
#include "inputs/endpoint.h"
#include "inputs/files.h"
#include "inputs/option_table.h"
#include "inputs/text.h"

namespace ccs::inputs {

namespace {

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxAccessKeyLength = 128;

bool is_id_character(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Ids and access keys are not secrets: they are quoted, so the user sees what was wrong.
std::string checked_id(const GivenValue& given, const std::string& what, std::size_t max_length) {
    const std::string& id = given.value();
    if (id.size() > max_length || !std::all_of(id.begin(), id.end(), is_id_character)) {
        throw InvalidInput(given.origin + ": " + quoted(id) + " is not " + what + " (1 to " +
                           std::to_string(max_length) + " characters of A-Z a-z 0-9 _ -)");
    }
    return id;
}

std::string checked_name(const GivenValue& given, const std::string& what) {
    const std::string& name = given.value();
    if (std::any_of(name.begin(), name.end(), is_control)) {
        throw InvalidInput(given.origin + ": the " + what + " " + quoted(name) +
                           " contains a control character");
    }
    return name;
}

// "--password (input password / ...)" for each missing one, joined with " and ".
std::string names_of(const std::vector<std::string>& missing) {
    std::string names;
    for (const auto& name : missing) names += (names.empty() ? "" : " and ") + all_names(name);
    return names;
}

[[noreturn]] void incomplete(const std::string& kind, const std::string& given_part,
                             const std::vector<std::string>& missing) {
    throw InvalidInput(kind + " credentials are incomplete: " + given_part + ", but not " +
                       (missing.size() == 1 ? "the other part" : "the others") + ": set " +
                       names_of(missing));
}

std::vector<std::string> missing_of(const RawInputs& raw, const std::vector<std::string>& names) {
    std::vector<std::string> missing;
    for (const auto& name : names) {
        if (!raw.find(name)) missing.push_back(name);
    }
    return missing;
}

// "--username and --domain are given" from the inputs that are.
std::string given_part(const RawInputs& raw, const std::vector<std::string>& names) {
    std::vector<std::string> origins;
    for (const auto& name : names) {
        if (const GivenValue* given = raw.find(name)) origins.push_back(given->origin);
    }
    std::string text;
    for (std::size_t i = 0; i < origins.size(); ++i) {
        text += (i == 0 ? "" : (i + 1 == origins.size() ? " and " : ", ")) + origins[i];
    }
    return text + (origins.size() == 1 ? " is given" : " are given");
}

std::string read_id_token_file(const GivenValue& given) {
    const std::string path = checked_readable_file(given);
    const std::string token = trimmed(read_input_file(given, kTokenLimit));
    if (token.empty()) throw InvalidInput(given.origin + ": file " + quoted(path) + " is empty");
    return checked_secret(GivenValue{given.origin + " (file " + quoted(path) + ")", {token}}, "id token");
}

const std::string* variable(const Environment& env, const std::string& name) {
    const auto found = env.find(name);
    return found == env.end() || trimmed(found->second).empty() ? nullptr : &found->second;
}

// The URL the runner gives is https (http only for loopback, for tests); it already has a query.
ServiceUrl checked_request_url(const std::string& url) {
    const char* name = "ACTIONS_ID_TOKEN_REQUEST_URL";
    if (const auto problem = url_smuggling(url)) {
        throw InvalidInput(std::string(name) + ": cannot be sent as it is: it " + *problem +
                           " (the URL is not shown)");
    }
    try {
        ServiceUrl parsed = parse_service_url(url);
        if (parsed.origin.secure() || is_loopback_host(parsed.origin.host)) return parsed;
    } catch (const UrlError&) {
    }
    throw InvalidInput(std::string(name) + ": not an https URL (not shown)");
}

std::optional<GitHubIdTokenSource> github_source(const RawInputs& raw, const Environment& env) {
    const std::string* url = variable(env, "ACTIONS_ID_TOKEN_REQUEST_URL");
    const std::string* token = variable(env, "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    if (!url && !token) return std::nullopt;
    if (!url || !token) {
        throw InvalidInput(
            std::string("OIDC federation: ") +
            (url ? "ACTIONS_ID_TOKEN_REQUEST_URL is set but ACTIONS_ID_TOKEN_REQUEST_TOKEN is not"
                 : "ACTIONS_ID_TOKEN_REQUEST_TOKEN is set but ACTIONS_ID_TOKEN_REQUEST_URL is not"));
    }
    GitHubIdTokenSource source;
    source.request_url = checked_request_url(trimmed(*url));
    source.request_token =
        checked_secret(GivenValue{"ACTIONS_ID_TOKEN_REQUEST_TOKEN", {trimmed(*token)}}, "token");
    if (const GivenValue* audience = raw.find("audience"))
        source.audience = checked_name(*audience, "audience");
    return source;
}

}  // namespace

std::string checked_secret(const GivenValue& given, const std::string& what) {
    const std::string& secret = given.value();
    if (std::any_of(secret.begin(), secret.end(), is_control)) {
        throw InvalidInput(given.origin + ": the " + what +
                           " contains a line break or another control character (not shown); it must be one "
                           "line of printable characters");
    }
    return secret;
}

std::string given_project_id(const RawInputs& raw) {
    const GivenValue* given = raw.find("project-id");
    return given ? checked_id(*given, "a project id", kMaxIdLength) : "";
}

TokenCredential token_credential(const RawInputs& raw) {
    return TokenCredential{checked_secret(*raw.find("iam-token"), "token")};
}

AkSkCredential aksk_credential(const RawInputs& raw) {
    const std::vector<std::string> missing = missing_of(raw, {"ak", "sk"});
    if (!missing.empty()) incomplete("AK/SK", given_part(raw, {"ak", "sk", "security-token"}), missing);
    AkSkCredential aksk;
    aksk.access_key = checked_id(*raw.find("ak"), "an access key id (AK)", kMaxAccessKeyLength);
    aksk.secret_key = checked_secret(*raw.find("sk"), "secret key");
    if (const GivenValue* token = raw.find("security-token")) {
        aksk.security_token = checked_secret(*token, "security token");
    }
    aksk.project_id = given_project_id(raw);
    return aksk;
}

PasswordCredential password_credential(const RawInputs& raw) {
    const std::vector<std::string> parts = {"username", "password", "domain"};
    const std::vector<std::string> missing = missing_of(raw, parts);
    if (!missing.empty()) incomplete("Password", given_part(raw, parts), missing);
    PasswordCredential password;
    password.username = checked_name(*raw.find("username"), "user name");
    password.password = checked_secret(*raw.find("password"), "password");
    password.domain = checked_name(*raw.find("domain"), "domain name");
    password.project_id = given_project_id(raw);
    return password;
}

OidcCredential oidc_credential(const RawInputs& raw, const Environment& env) {
    if (!raw.find("idp-id"))
        incomplete("OIDC federation", given_part(raw, {"id-token", "id-token-file"}), {"idp-id"});
    OidcCredential oidc;
    oidc.idp_id = checked_id(*raw.find("idp-id"), "an identity provider id", kMaxIdLength);
    oidc.project_id = given_project_id(raw);
    // The most explicit source wins: a token given as such, then a file, then GitHub's service.
    if (const GivenValue* token = raw.find("id-token")) {
        oidc.id_token = checked_secret(*token, "id token");
        oidc.id_token_origin = token->origin;
    } else if (const GivenValue* file = raw.find("id-token-file")) {
        oidc.id_token = read_id_token_file(*file);
        oidc.id_token_origin = file->origin + " " + quoted(file->value());
    } else if ((oidc.github = github_source(raw, env))) {
        oidc.id_token_origin = "the GitHub Actions OIDC service (ACTIONS_ID_TOKEN_REQUEST_URL)";
    } else {
        throw InvalidInput("OIDC federation (" + raw.find("idp-id")->origin + ") needs an id token: set " +
                           all_names("id-token") + " or " + all_names("id-token-file") +
                           ", or on GitHub Actions give the job `permissions: id-token: write`");
    }
    return oidc;
}

}  // namespace ccs::inputs
