// The calls a stop and a run need, as typed results. The flows depend on this interface only, so they
// can be tested with a fake and run against any transport.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/error_class.h"
#include "api/responses.h"
#include "core/deadline.h"
#include "http/transport.h"

namespace ccs::api {

// The result of one API call after all its attempts.
struct CallResult {
    bool succeeded = false;
    int http_status = 0;                                  // of the last answer; 0 when none arrived
    std::optional<ServiceError> service_error;            // what the last answer said went wrong
    std::optional<http::TransportError> transport_error;  // why the last attempt got no answer
    std::string problem;                                  // an answer we could not use ("not JSON", ...)
    ErrorClass error_class = ErrorClass::Rejected;        // meaningful when !succeeded
    std::vector<std::string> request_ids;                 // X-Request-Id of every answer
    int attempts = 0;
    std::optional<Progress> progress;         // for progress calls that succeeded
    std::string exec_id;                      // for a run that started: "" if the answer had none
    std::optional<DefectsSummary> summary;    // for defects-summary calls that succeeded
    std::optional<SeverityCounts> statistic;  // for defects-statistic calls that succeeded
    std::optional<DefectsPage> defects;       // for defects-detail calls that succeeded

    // One line for logs and reports: "HTTP 400 CC.00000000 (network busy)", "connection refused: ...".
    std::string describe() const;
};

// A run refused because the task is running already (CC.00050015, with HTTP 200 or 400): the flow
// follows that run instead of starting one.
bool is_task_running(const CallResult& run);

// The most findings one defects-detail page may be asked for (the SDK's limit).
constexpr int max_defects_page_size = 100;

// The `limit` a defects-detail request asks for: `wanted`, within 1..max_defects_page_size.
int defects_page_limit(int wanted);

class TaskApi {
public:
    virtual ~TaskApi() = default;
    virtual CallResult stop(const std::string& task_id, const Deadline& deadline) = 0;
    virtual CallResult progress(const std::string& task_id, const Deadline& deadline) = 0;
    // POST /v2/tasks/{id}/run with `{}`, or `{"ref": REF}` when `ref` is not empty ("pull",
    // "merge_request"). A task already running answers CC.00050015: see is_task_running().
    virtual CallResult run(const std::string& task_id, const std::string& ref, const Deadline& deadline) = 0;
    virtual CallResult defects_summary(const std::string& task_id, const Deadline& deadline) = 0;
    virtual CallResult defects_statistic(const std::string& task_id, const Deadline& deadline) = 0;
    // GET /v2/tasks/{id}/defects-detail?offset=OFFSET&limit=LIMIT (defects_page_limit), with
    // &status_ids=0 when `unresolved_only`: one page of findings, on CallResult::defects.
    virtual CallResult defects_detail(const std::string& task_id, long long offset, int limit,
                                      bool unresolved_only, const Deadline& deadline) = 0;
};

}  // namespace ccs::api
