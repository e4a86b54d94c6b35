// Which API operation a request is, as far as routing and scenario rules are concerned.
#pragma once

#include <optional>
#include <string>

namespace ccs::emu {

enum class CallKind {
    Stop,
    Progress,
    Run,
    Summary,    // GET /v2/tasks/{id}/defects-summary (ShowTaskDetail)
    Statistic,  // GET /v2/tasks/{id}/defects-statistic (ShowTaskDefectsStatistic)
    Defects,    // GET /v2/tasks/{id}/defects-detail (ShowTaskDefects)
    Create,
    IamPasswordToken,    // POST /v3/auth/tokens
    IamFederationToken,  // POST /v3/OS-FEDERATION/identity_providers/{idp}/protocols/oidc/auth
    IamSecurityToken,    // POST /v3.0/OS-CREDENTIAL/securitytokens
    IamProjects,         // GET /v3/projects
    GitHubIdToken,       // GET /github/idtoken: the fake GitHub Actions id-token service
    Unknown
};

struct ApiCall {
    CallKind kind = CallKind::Unknown;
    std::string task_id;  // empty for create, IAM, GitHub and unknown routes
};

// Routes a request line: "POST /v2/tasks/T1/stop" -> {Stop, "T1"}. Paths are compared as received
// (still percent-encoded), like the service's gateway does before decoding.
ApiCall classify_call(const std::string& method, const std::string& path);

// The names scenario files use: "stop", "progress", "run", "summary", "statistic", "defects", "create",
// "iam-token", "iam-federation", "iam-securitytoken", "iam-projects", "github-id-token"; "unknown" has no
// name there.
const char* to_string(CallKind kind);
std::optional<CallKind> call_kind_from_name(const std::string& name);

}  // namespace ccs::emu
