#include "inputs/credentials.h"

#include <algorithm>

#include "core/uri_grammar.h"
#include "core/url.h"
#include "inputs/endpoint.h"
#include "inputs/values.h"

namespace ccs::inputs {

// ---- What each kind holds ----

namespace {

template <typename... Callables>
struct Overloaded : Callables... {
    using Callables::operator()...;
};
template <typename... Callables>
Overloaded(Callables...) -> Overloaded<Callables...>;

void add(std::vector<std::string>& values, const std::string& value) {
    if (!value.empty()) values.push_back(value);
}

}  // namespace

std::string kind_name(const Credential& credential) {
    return std::visit(Overloaded{
                          [](const TokenCredential&) -> std::string { return "token"; },
                          [](const AkSkCredential& aksk) -> std::string {
                              return aksk.security_token.empty() ? "aksk" : "temporary-aksk";
                          },
                          [](const PasswordCredential&) -> std::string { return "password"; },
                          [](const OidcCredential&) -> std::string { return "oidc"; },
                      },
                      credential);
}

std::vector<std::string> secrets_of(const Credential& credential) {
    std::vector<std::string> values;
    std::visit(Overloaded{
                   [&](const TokenCredential& token) { add(values, token.token); },
                   [&](const AkSkCredential& aksk) {
                       add(values, aksk.secret_key);
                       add(values, aksk.security_token);
                   },
                   [&](const PasswordCredential& password) { add(values, password.password); },
                   [&](const OidcCredential& oidc) {
                       add(values, oidc.id_token);
                       if (oidc.github) add(values, oidc.github->request_token);
                   },
               },
               credential);
    return values;
}

bool needs_iam(const Credential& credential) {
    return std::visit(Overloaded{
                          [](const TokenCredential&) { return false; },
                          [](const AkSkCredential& aksk) { return aksk.project_id.empty(); },
                          [](const PasswordCredential&) { return true; },
                          [](const OidcCredential&) { return true; },
                      },
                      credential);
}

// ---- Building each kind from its inputs ----

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

// A secret that goes into a header or a JSON body: one line of printable characters. Returns it.
std::string checked_secret(const GivenValue& given, const std::string& what) {
    const std::string& secret = given.value();
    if (std::any_of(secret.begin(), secret.end(), is_control)) {
        throw InvalidInput(given.origin + ": the " + what +
                           " contains a line break or another control character (not shown); it must be one "
                           "line of printable characters");
    }
    return secret;
}

// The project id, when given: [A-Za-z0-9_-], at most 64 characters. Empty when not given.
std::string given_project_id(const RawInputs& raw) {
    const GivenValue* given = raw.find("project-id");
    return given ? checked_id(*given, "a project id", kMaxIdLength) : "";
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
    // Unset or blank counts as not given.
    const std::string url = trimmed_variable(env, "ACTIONS_ID_TOKEN_REQUEST_URL");
    const std::string token = trimmed_variable(env, "ACTIONS_ID_TOKEN_REQUEST_TOKEN");
    if (url.empty() && token.empty()) return std::nullopt;
    if (url.empty() || token.empty()) {
        throw InvalidInput(
            std::string("OIDC federation: ") +
            (!url.empty() ? "ACTIONS_ID_TOKEN_REQUEST_URL is set but ACTIONS_ID_TOKEN_REQUEST_TOKEN is not"
                          : "ACTIONS_ID_TOKEN_REQUEST_TOKEN is set but ACTIONS_ID_TOKEN_REQUEST_URL is not"));
    }
    GitHubIdTokenSource source;
    source.request_url = checked_request_url(url);
    source.request_token = checked_secret(GivenValue{"ACTIONS_ID_TOKEN_REQUEST_TOKEN", {token}}, "token");
    if (const GivenValue* audience = raw.find("audience"))
        source.audience = checked_name(*audience, "audience");
    return source;
}

// Building each kind from its inputs, with every value checked. The builders throw InvalidInput
// naming the input as given, and the missing ones with every way to give them; a secret is never
// quoted.
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

// The GitHub id-token service is found in `env` (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN).
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

}  // namespace

// ---- Choosing the kind ----

namespace {

enum class Kind { Token, AkSk, Password, Oidc };

struct KindInputs {
    Kind kind;
    std::string label;               // "an IAM token"
    std::vector<std::string> names;  // the options that give it
};

const std::vector<KindInputs>& kinds() {
    static const std::vector<KindInputs> table = {
        {Kind::Token, "an IAM token", {"iam-token"}},
        {Kind::AkSk, "AK/SK", {"ak", "sk", "security-token"}},
        {Kind::Password, "an IAM user's password", {"username", "password", "domain"}},
        {Kind::Oidc, "OIDC federation", {"idp-id", "id-token", "id-token-file"}},
    };
    return table;
}

// How explicit a source is: the order of Source, from auth-action's variables (0) to the command line.
int source_rank(const GivenValue& given) {
    return static_cast<int>(given.source);
}

const char* rank_name(int rank) {
    return source_name(static_cast<Source>(rank));
}

struct GivenKind {
    const KindInputs* inputs = nullptr;
    int rank = -1;
    std::vector<std::string> origins;  // as given: "--ak", "HUAWEICLOUD_SDK_SK"

    std::string described() const {
        std::string text = inputs->label + " (";
        for (std::size_t i = 0; i < origins.size(); ++i) text += (i ? ", " : "") + origins[i];
        return text + ")";
    }
};

std::vector<GivenKind> given_kinds(const RawInputs& raw) {
    std::vector<GivenKind> given;
    for (const auto& kind : kinds()) {
        GivenKind found{&kind, -1, {}};
        for (const auto& name : kind.names) {
            if (const GivenValue* value = raw.find(name)) {
                found.rank = std::max(found.rank, source_rank(*value));
                found.origins.push_back(value->origin);
            }
        }
        if (found.rank >= 0) given.push_back(found);
    }
    return given;
}

[[noreturn]] void no_credentials() {
    throw InvalidInput("no credentials: set " + all_names("iam-token") + "; or " + all_names("ak") + " and " +
                       all_names("sk") + "; or " + all_names("username") + ", " + all_names("password") +
                       " and " + all_names("domain") + "; or " + all_names("idp-id") + " with an id token");
}

// The kinds at the highest rank; more than one is an error.
const GivenKind& most_explicit(const std::vector<GivenKind>& given) {
    if (given.empty()) no_credentials();
    const int top = std::max_element(given.begin(), given.end(), [](const GivenKind& a, const GivenKind& b) {
                        return a.rank < b.rank;
                    })->rank;
    std::vector<const GivenKind*> winners;
    for (const auto& kind : given) {
        if (kind.rank == top) winners.push_back(&kind);
    }
    if (winners.size() > 1) {
        std::string list;
        for (std::size_t i = 0; i < winners.size(); ++i) list += (i ? " and " : "") + winners[i]->described();
        throw InvalidInput("credentials of more than one kind are given in " + std::string(rank_name(top)) +
                           ": " + list + "; give one kind");
    }
    return *winners.front();
}

Credential build(Kind kind, const RawInputs& raw, const Environment& env) {
    switch (kind) {
        case Kind::Token: return token_credential(raw);
        case Kind::AkSk: return aksk_credential(raw);
        case Kind::Password: return password_credential(raw);
        case Kind::Oidc: return oidc_credential(raw, env);
    }
    return token_credential(raw);
}

// Every secret option's value, whichever kind it belongs to: a secret left over from another kind is
// still a secret.
std::vector<std::string> all_given_secrets(const RawInputs& raw) {
    std::vector<std::string> secrets;
    for (const auto& spec : option_table()) {
        const GivenValue* given = spec.secret ? raw.find(spec.name) : nullptr;
        if (given) secrets.insert(secrets.end(), given->values.begin(), given->values.end());
    }
    return secrets;
}

void apply_iam_endpoint(const RawInputs& raw, Config& config) {
    if (const GivenValue* given = raw.find("iam-endpoint")) {
        config.iam_endpoint = checked_endpoint(*given, config.allow_insecure_http);
        config.iam_endpoint_origin = given->origin;
    } else if (!config.region.empty()) {
        config.iam_endpoint = parse_service_url("https://iam." + config.region + ".myhuaweicloud.com");
        config.iam_endpoint_origin = "region " + config.region;
    }
}

std::string project_id_of(const Credential& credential) {
    if (const auto* aksk = std::get_if<AkSkCredential>(&credential)) return aksk->project_id;
    if (const auto* password = std::get_if<PasswordCredential>(&credential)) return password->project_id;
    if (const auto* oidc = std::get_if<OidcCredential>(&credential)) return oidc->project_id;
    return "";
}

// What IAM needs to be reached and asked: where it is, and the region's name when the project is
// to be found (or, for a password, scoped) by it.
void check_iam_reachable(const GivenKind& chosen, const Config& config) {
    if (!needs_iam(config.credential)) return;
    if (!config.iam_endpoint) {
        throw InvalidInput(chosen.described() + " needs IAM: set " + all_names("region") + " or " +
                           all_names("iam-endpoint"));
    }
    if (project_id_of(config.credential).empty() && config.region.empty()) {
        throw InvalidInput(chosen.described() + " needs a project: set " + all_names("project-id") + ", or " +
                           all_names("region") + " to find it by the region's name");
    }
}

std::string project_line(const RawInputs& raw, const Config& config) {
    if (std::holds_alternative<TokenCredential>(config.credential)) return "";
    const std::string id = project_id_of(config.credential);
    if (!id.empty()) return "\n  project id: " + id + " (from " + raw.find("project-id")->origin + ")";
    if (std::holds_alternative<PasswordCredential>(config.credential)) {
        return "\n  project: the token is scoped to the project named " + config.region;
    }
    return "\n  project id: looked up once from IAM (GET " + config.iam_endpoint->url +
           "/v3/projects?name=" + config.region + "), since none is given";
}

std::string kind_line(const Config& config) {
    const Credential& credential = config.credential;
    if (const auto* aksk = std::get_if<AkSkCredential>(&credential)) {
        return aksk->security_token.empty()
                   ? "permanent AK/SK, AK " + aksk->access_key + "; every request signed"
                   : "temporary AK/SK, AK " + aksk->access_key +
                         "; every request signed, with the security token";
    }
    if (const auto* password = std::get_if<PasswordCredential>(&credential)) {
        return "the password of IAM user " + password->username + " (domain " + password->domain +
               "), exchanged for a token at IAM (POST " + config.iam_endpoint->url + "/v3/auth/tokens)";
    }
    if (const auto* oidc = std::get_if<OidcCredential>(&credential)) {
        return "OIDC federation through identity provider " + oidc->idp_id + ": the id token from " +
               oidc->id_token_origin + " is exchanged at IAM (" + config.iam_endpoint->url +
               ") for an unscoped token, and that for temporary AK/SK";
    }
    return "an IAM token, sent as X-Auth-Token";
}

std::string ignored_lines(const GivenKind& chosen, const std::vector<GivenKind>& given) {
    std::string lines;
    for (const auto& kind : given) {
        if (&kind == &chosen) continue;
        lines += "\n  ignored: " + kind.described() + ", given in " + rank_name(kind.rank) +
                 ", which are less explicit than " + rank_name(chosen.rank);
    }
    return lines;
}

std::string describe_choice(const GivenKind& chosen, const std::vector<GivenKind>& given,
                            const RawInputs& raw, const Config& config) {
    std::string origins;
    for (std::size_t i = 0; i < chosen.origins.size(); ++i) origins += (i ? ", " : "") + chosen.origins[i];
    return kind_name(config.credential) + " (from " + origins + ")\n  " + kind_line(config) +
           project_line(raw, config) + ignored_lines(chosen, given);
}

}  // namespace

void choose_credentials(const RawInputs& raw, const Environment& env, Config& config) {
    const std::vector<GivenKind> given = given_kinds(raw);
    const GivenKind& chosen = most_explicit(given);
    config.credential = build(chosen.inputs->kind, raw, env);
    config.credential_origin = chosen.origins.front();
    config.other_secrets = all_given_secrets(raw);
    apply_iam_endpoint(raw, config);
    check_iam_reachable(chosen, config);
    config.credential_why = describe_choice(chosen, given, raw, config);
}

}  // namespace ccs::inputs
