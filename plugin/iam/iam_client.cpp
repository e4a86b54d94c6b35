#include "iam/iam_client.h"

namespace ccs::iam {

namespace {

constexpr char kIam[] = "IAM";

std::string call_name(const HttpRequest& request) {
    return request.method + " " + request.path;
}

Result<std::string> one_project(const std::vector<Project>& listed, const std::string& region,
                                const CallOutcome& outcome, const std::string& call) {
    std::vector<std::string> ids;
    for (const auto& project : listed) {
        if (project.name == region && !project.id.empty()) ids.push_back(project.id);
    }
    if (ids.size() == 1) return success(ids.front());
    const std::string problem = ids.empty()
                                    ? "IAM lists no project named " + region + " for these credentials"
                                    : "IAM lists " + std::to_string(ids.size()) + " projects named " + region;
    return failed<std::string>(
        unusable_answer(outcome, call, kIam, problem + "; give the project id (--project-id) to use"));
}

}  // namespace

IamClient::IamClient(const IamSettings& settings, Log log, http::Sleep sleep)
    : settings_(settings),
      connection_(settings.endpoint.origin, settings.tls, settings.proxy),
      caller_(kIam, connection_, settings.max_attempts, std::move(log), std::move(sleep)) {}

Result<std::string> IamClient::subject_token_call(const std::string& call, const HttpRequest& request,
                                                  const Deadline& deadline) {
    const CallOutcome outcome = caller_.call(
        call, [&request] { return request; }, deadline);
    if (!outcome.answer) return failed<std::string>(outcome.failure);
    if (auto token = subject_token(*outcome.answer)) return success(std::move(*token));
    return failed<std::string>(
        unusable_answer(outcome, call, kIam, "the answer has no X-Subject-Token header"));
}

Result<std::string> IamClient::token_with_password(const PasswordLogin& login, const Deadline& deadline) {
    const HttpRequest request = password_token_request(settings_.endpoint, login);
    return subject_token_call(call_name(request), request, deadline);
}

Result<std::string> IamClient::unscoped_token(const std::string& idp_id, const std::string& id_token,
                                              const Deadline& deadline) {
    const HttpRequest request = federation_token_request(settings_.endpoint, idp_id, id_token);
    return subject_token_call(call_name(request), request, deadline);
}

Result<TemporaryCredentials> IamClient::temporary_credentials(const std::string& unscoped_token,
                                                              int duration_seconds,
                                                              const Deadline& deadline) {
    HttpRequest request = security_token_request(settings_.endpoint, unscoped_token, duration_seconds);
    const std::string call = call_name(request);
    const CallOutcome outcome = caller_.call(
        call, [&request] { return request; }, deadline);
    if (!outcome.answer) return failed<TemporaryCredentials>(outcome.failure);
    if (auto credentials = parse_temporary_credentials(outcome.answer->body))
        return success(std::move(*credentials));
    return failed<TemporaryCredentials>(unusable_answer(
        outcome, call, kIam, "the answer does not hold credential.access, .secret and .securitytoken"));
}

Result<std::string> IamClient::project_id(const std::string& region, const auth::Authorizer& signer,
                                          const Deadline& deadline) {
    const HttpRequest unsigned_request = projects_request(settings_.endpoint, region);
    const std::string call = call_name(unsigned_request);
    const auto sign = [&] {
        HttpRequest request = unsigned_request;  // signed afresh for every attempt: a signature has a time
        signer.authorize(request);
        return request;
    };
    const CallOutcome outcome = caller_.call(call, sign, deadline);
    if (!outcome.answer) return failed<std::string>(outcome.failure);
    const auto projects = parse_projects(outcome.answer->body);
    if (!projects)
        return failed<std::string>(unusable_answer(outcome, call, kIam, "the answer is not a project list"));
    return one_project(*projects, region, outcome, call);
}

}  // namespace ccs::iam
