#include "emulator/api_call.h"

#include <algorithm>
#include <initializer_list>
#include <vector>

namespace ccs::emu {

namespace {

// "/v2/tasks/T1/stop" -> {"v2", "tasks", "T1", "stop"}. Empty segments are kept, so "//" never
// matches a route.
std::vector<std::string> path_segments(const std::string& path) {
    std::vector<std::string> segments;
    if (path.empty() || path[0] != '/') return segments;
    std::string::size_type start = 1;
    while (true) {
        const auto slash = path.find('/', start);
        segments.push_back(path.substr(start, slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return segments;
}

ApiCall task_call(const std::string& method, const std::string& id, const std::string& action) {
    if (id.empty()) return {};
    if (method == "POST" && action == "stop") return {CallKind::Stop, id};
    if (method == "GET" && action == "progress") return {CallKind::Progress, id};
    if (method == "POST" && action == "run") return {CallKind::Run, id};
    if (method == "GET" && action == "defects-summary") return {CallKind::Summary, id};
    if (method == "GET" && action == "defects-statistic") return {CallKind::Statistic, id};
    if (method == "GET" && action == "defects-detail") return {CallKind::Defects, id};
    return {};
}

// IAM's routes, and the fake GitHub id-token service's.
ApiCall credentials_call(const std::string& method, const std::vector<std::string>& segments) {
    const auto is = [&segments](std::initializer_list<const char*> expected) {
        return std::equal(segments.begin(), segments.end(), expected.begin(), expected.end(),
                          [](const std::string& segment, const char* name) { return segment == name; });
    };
    if (method == "POST" && is({"v3", "auth", "tokens"})) return {CallKind::IamPasswordToken, ""};
    if (method == "POST" && is({"v3.0", "OS-CREDENTIAL", "securitytokens"}))
        return {CallKind::IamSecurityToken, ""};
    if (method == "GET" && is({"v3", "projects"})) return {CallKind::IamProjects, ""};
    if (method == "GET" && is({"github", "idtoken"})) return {CallKind::GitHubIdToken, ""};
    if (method == "POST" && segments.size() == 7 && segments[0] == "v3" && segments[1] == "OS-FEDERATION" &&
        segments[2] == "identity_providers" && !segments[3].empty() && segments[4] == "protocols" &&
        segments[5] == "oidc" && segments[6] == "auth") {
        return {CallKind::IamFederationToken, ""};  // the idp is read from the path when answering
    }
    return {};
}

}  // namespace

ApiCall classify_call(const std::string& method, const std::string& path) {
    const auto segments = path_segments(path);
    if (segments.size() == 4 && segments[0] == "v2" && segments[1] == "tasks") {
        return task_call(method, segments[2], segments[3]);
    }
    if (segments.size() == 3 && segments[0] == "v2" && segments[2] == "task" && !segments[1].empty() &&
        method == "POST") {
        return {CallKind::Create, ""};
    }
    return credentials_call(method, segments);
}

const char* to_string(CallKind kind) {
    switch (kind) {
        case CallKind::Stop: return "stop";
        case CallKind::Progress: return "progress";
        case CallKind::Run: return "run";
        case CallKind::Summary: return "summary";
        case CallKind::Statistic: return "statistic";
        case CallKind::Defects: return "defects";
        case CallKind::Create: return "create";
        case CallKind::IamPasswordToken: return "iam-token";
        case CallKind::IamFederationToken: return "iam-federation";
        case CallKind::IamSecurityToken: return "iam-securitytoken";
        case CallKind::IamProjects: return "iam-projects";
        case CallKind::GitHubIdToken: return "github-id-token";
        case CallKind::Unknown: return "unknown";
    }
    return "unknown";
}

std::optional<CallKind> call_kind_from_name(const std::string& name) {
    for (const auto kind :
         {CallKind::Stop, CallKind::Progress, CallKind::Run, CallKind::Summary, CallKind::Statistic,
          CallKind::Defects, CallKind::Create, CallKind::IamPasswordToken, CallKind::IamFederationToken,
          CallKind::IamSecurityToken, CallKind::IamProjects, CallKind::GitHubIdToken}) {
        if (name == to_string(kind)) return kind;
    }
    return std::nullopt;
}

}  // namespace ccs::emu
