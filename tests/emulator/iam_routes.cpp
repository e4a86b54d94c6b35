#include "emulator/iam_routes.h"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Timestamp.h>
#include <Poco/URI.h>

#include <algorithm>
#include <map>

#include "core/strings.h"
#include "emulator/authentication.h"
#include "emulator/ids.h"

namespace ccs::emu {

namespace {

using Poco::JSON::Object;

constexpr int kMinDurationSeconds = 900;
constexpr int kMaxDurationSeconds = 86400;
constexpr char kDefaultAudience[] = "https://github.com/example";

// Keystone's error shape, which IAM's token APIs answer with.
Answer iam_error(int status, const std::string& message) {
    static const std::map<int, std::string> titles = {
        {400, "Bad Request"}, {401, "Unauthorized"}, {403, "Forbidden"}, {404, "Not Found"}};
    const auto title = titles.count(status) ? titles.at(status) : "Error";
    return json_answer(status, "{\"error\":{\"code\":" + std::to_string(status) + ",\"message\":" +
                                   json_quote(message) + ",\"title\":" + json_quote(title) + "}}");
}

std::string expires_in(int seconds) {
    Poco::Timestamp at;
    at += static_cast<Poco::Timestamp::TimeDiff>(seconds) * Poco::Timestamp::resolution();
    return Poco::DateTimeFormatter::format(at, "%Y-%m-%dT%H:%M:%S.%iZ");
}

// A JSON object at a path of member names, or null when the body has none there.
Object::Ptr object_at(const std::string& body, std::initializer_list<const char*> path) {
    try {
        Poco::JSON::Parser parser;
        const auto parsed = parser.parse(body);
        if (parsed.type() != typeid(Object::Ptr)) return nullptr;
        Object::Ptr object = parsed.extract<Object::Ptr>();
        for (const char* name : path) {
            if (!object) return nullptr;
            object = object->getObject(name);
        }
        return object;
    } catch (const Poco::Exception&) {
        return nullptr;
    }
}

std::string string_in(const Object::Ptr& object, const std::string& name) {
    if (!object) return "";
    const auto value = object->get(name);
    return value.isString() ? value.convert<std::string>() : "";
}

const std::string* bearer(const ReceivedRequest& request) {
    const std::string* authorization = request.header("Authorization");
    static const std::string prefix = "Bearer ";
    if (!authorization || !starts_with(*authorization, prefix)) return nullptr;
    return authorization;
}

std::string bearer_value(const std::string& authorization) {
    return authorization.substr(7);
}

std::string query_parameter(const ReceivedRequest& request, const std::string& name) {
    try {
        for (const auto& [key, value] : Poco::URI("/?" + request.query).getQueryParameters()) {
            if (key == name) return value;
        }
    } catch (const Poco::Exception&) {
    }
    return "";
}

Answer issued_token(const std::string& token, const std::string& method) {
    Answer answer = json_answer(201, "{\"token\":{\"expires_at\":" + json_quote(expires_in(86400)) +
                                         ",\"methods\":[" + json_quote(method) + "]}}");
    answer.headers.emplace_back("X-Subject-Token", token);
    return answer;
}

// The scope names a known project (by id or name); with no projects configured, any.
bool scope_known(const std::string& body, const IamBook& iam) {
    const Object::Ptr project = object_at(body, {"auth", "scope", "project"});
    if (!project) return true;  // unscoped
    const std::string id = string_in(project, "id");
    return iam.knows_project(id.empty() ? string_in(project, "name") : id);
}

Answer password_token(const ReceivedRequest& request, EmulatorState& state) {
    const Object::Ptr user = object_at(request.body, {"auth", "identity", "password", "user"});
    if (!user) return iam_error(400, "The request body is invalid.");
    const std::string domain = string_in(user->getObject("domain"), "name");
    const auto known = state.iam.user(string_in(user, "name"), domain);
    if (!known || known->password != string_in(user, "password")) {
        return iam_error(401, "The username or password is wrong.");
    }
    if (!scope_known(request.body, state.iam))
        return iam_error(400, "The project in the scope does not exist.");
    const std::string token = "MIIpassword-" + std::string(kSecretMarker) + "-" + random_hex_id();
    state.tokens.add_accepted(token);
    state.iam.record_user_token(token, known->project_id);
    return issued_token(token, "password");
}

bool accepts_id_token(const IdentityProvider& provider, const std::string& id_token, const IamBook& iam) {
    const auto& listed = provider.id_tokens;
    if (std::find(listed.begin(), listed.end(), id_token) != listed.end()) return true;
    const auto audience = iam.id_token_audience(id_token);
    return audience && (provider.audience.empty() || *audience == provider.audience);
}

// "/v3/OS-FEDERATION/identity_providers/{idp}/protocols/oidc/auth" -> "{idp}" (routing checked the shape).
std::string idp_in(const std::string& path) {
    static const std::string prefix = "/v3/OS-FEDERATION/identity_providers/";
    const auto end = path.find('/', prefix.size());
    return path.substr(prefix.size(), end - prefix.size());
}

Answer federation_token(const ReceivedRequest& request, EmulatorState& state) {
    const std::string idp_id = idp_in(request.path);
    const auto provider = state.iam.identity_provider(idp_id);
    if (!provider) return iam_error(404, "Could not find identity provider: " + idp_id + ".");
    const std::string* authorization = bearer(request);
    if (!authorization) return iam_error(401, "The request you have made requires authentication.");
    if (!accepts_id_token(*provider, bearer_value(*authorization), state.iam)) {
        return iam_error(401, "The id token is not valid for identity provider " + provider->id + ".");
    }
    return issued_token(state.iam.issue_unscoped_token(provider->project_id), "mapped");
}

int duration_seconds(const std::string& body) {
    const Object::Ptr token = object_at(body, {"auth", "identity", "token"});
    if (!token || !token->has("duration_seconds")) return kMinDurationSeconds;
    const auto value = token->get("duration_seconds");
    return value.isInteger() ? value.convert<int>() : -1;
}

Answer security_token(const ReceivedRequest& request, EmulatorState& state) {
    const std::string* token = request.header("X-Auth-Token");
    const auto project = token ? state.iam.issued_token_project(*token) : std::nullopt;
    if (!project) return iam_error(401, "The request you have made requires authentication.");
    const int duration = duration_seconds(request.body);
    if (duration < kMinDurationSeconds || duration > kMaxDurationSeconds) {
        return iam_error(400, "duration_seconds must be 900 to 86400.");
    }
    const AccessKey key = state.iam.issue_temporary_key(*project);
    return json_answer(201, "{\"credential\":{\"access\":" + json_quote(key.access_key) +
                                ",\"secret\":" + json_quote(key.secret_key) +
                                ",\"securitytoken\":" + json_quote(key.security_token) +
                                ",\"expires_at\":" + json_quote(expires_in(duration)) + "}}");
}

Answer projects(const ReceivedRequest& request, EmulatorState& state) {
    if (auto refusal = authenticate(request, state.tokens.snapshot(), state.iam, Scope::Global))
        return *refusal;
    std::string list;
    for (const auto& project : state.iam.projects_named(query_parameter(request, "name"))) {
        list += (list.empty() ? "" : ",") + std::string("{\"id\":") + json_quote(project.id) +
                ",\"name\":" + json_quote(project.name) + ",\"enabled\":true}";
    }
    return json_answer(200, "{\"projects\":[" + list + "],\"links\":{\"self\":\"/v3/projects\"}}");
}

Answer github_id_token(const ReceivedRequest& request, EmulatorState& state) {
    const std::string* authorization = bearer(request);
    if (!authorization || !state.iam.accepts_github_request_token(bearer_value(*authorization))) {
        return json_answer(401, "{\"message\":\"Bad credentials\"}");
    }
    std::string audience = query_parameter(request, "audience");
    if (audience.empty()) audience = kDefaultAudience;
    return json_answer(200, "{\"count\":1,\"value\":" + json_quote(state.iam.issue_id_token(audience)) + "}");
}

}  // namespace

bool is_credentials_call(CallKind kind) {
    return kind == CallKind::IamPasswordToken || kind == CallKind::IamFederationToken ||
           kind == CallKind::IamSecurityToken || kind == CallKind::IamProjects ||
           kind == CallKind::GitHubIdToken;
}

Answer answer_credentials_call(const ApiCall& call, const ReceivedRequest& request, EmulatorState& state) {
    switch (call.kind) {
        case CallKind::IamPasswordToken: return password_token(request, state);
        case CallKind::IamFederationToken: return federation_token(request, state);
        case CallKind::IamSecurityToken: return security_token(request, state);
        case CallKind::IamProjects: return projects(request, state);
        case CallKind::GitHubIdToken: return github_id_token(request, state);
        default: break;
    }
    return iam_error(404, "The API does not exist.");
}

}  // namespace ccs::emu
