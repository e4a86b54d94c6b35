#include "inputs/credentials.h"

#include <algorithm>

#include "inputs/credential_parts.h"
#include "inputs/endpoint.h"
#include "inputs/option_table.h"

namespace ccs::inputs {

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
