// CodeArts Check over HTTP: builds the requests, has them authorized, sends them over one reused
// connection, retries what is transient within the deadline, and turns answers into CallResults.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "api/task_api.h"
#include "auth/authorizer.h"
#include "core/url.h"
#include "http/endpoint_list.h"
#include "http/retry_policy.h"
#include "http/transport.h"

namespace ccs::api {

struct ClientSettings {
    // "https://codearts-check.cn-north-4.myhuaweicloud.com[/base]", then the region's other endpoints,
    // tried when one cannot be reached (http/endpoint_list.h). Not empty.
    std::vector<ServiceUrl> endpoints;
    http::SharedTlsContext tls;  // the run's, shared by every connection
    ProxySetting proxy;          // from HTTPS_PROXY / NO_PROXY, through the Config
    int max_attempts = 4;
};

// The unsigned requests, as they would be sent (Host and Content-Type set). Also what --dry-run shows.
HttpRequest stop_request(const ServiceUrl& endpoint, const std::string& task_id);
HttpRequest progress_request(const ServiceUrl& endpoint, const std::string& task_id);
// `ref` empty: body `{}`; otherwise `{"ref":"<ref>"}`.
HttpRequest run_request(const ServiceUrl& endpoint, const std::string& task_id, const std::string& ref);
HttpRequest defects_summary_request(const ServiceUrl& endpoint, const std::string& task_id);
HttpRequest defects_statistic_request(const ServiceUrl& endpoint, const std::string& task_id);
// Query "offset=N&limit=M" (M by defects_page_limit), then "&status_ids=0" when `unresolved_only`.
HttpRequest defects_detail_request(const ServiceUrl& endpoint, const std::string& task_id, long long offset,
                                   int limit, bool unresolved_only);

class CodeArtsCheckClient final : public TaskApi {
public:
    using Log = std::function<void(const std::string&)>;
    // Waits between attempts; empty: the deadline's sleep (which a signal's cut wakes early).
    using Sleep = std::function<void(std::chrono::milliseconds)>;

    CodeArtsCheckClient(const ClientSettings& settings, const auth::Authorizer& authorizer, Log log,
                        Sleep sleep = {});

    CallResult stop(const std::string& task_id, const Deadline& deadline) override;
    CallResult progress(const std::string& task_id, const Deadline& deadline) override;
    CallResult run(const std::string& task_id, const std::string& ref, const Deadline& deadline) override;
    CallResult defects_summary(const std::string& task_id, const Deadline& deadline) override;
    CallResult defects_statistic(const std::string& task_id, const Deadline& deadline) override;
    CallResult defects_detail(const std::string& task_id, long long offset, int limit, bool unresolved_only,
                              const Deadline& deadline) override;

private:
    // Judges one answer: success, or an error with its class. Successful answers also get parsed.
    using Interpret = std::function<void(const HttpResponse&, CallResult&)>;
    // The unsigned request for one endpoint.
    using MakeRequest = std::function<HttpRequest(const ServiceUrl& endpoint)>;
    CallResult call(const MakeRequest& unsigned_request, const Deadline& deadline,
                    const Interpret& interpret);

    ClientSettings settings_;
    const auth::Authorizer& authorizer_;
    http::EndpointList endpoints_;
    http::RetryPolicy retry_;
    Log log_;
    Sleep sleep_;
};

}  // namespace ccs::api
