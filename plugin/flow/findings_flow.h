// Findings mode's data: every finding of the tasks' last checks, read page by page from defects-detail
// (GET /v2/tasks/{id}/defects-detail), de-duplicated, the resolved ones left out, located in the
// repository (repository_path) and sorted, for the findings writers (SARIF, Code Quality, annotations).
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/finding.h"
#include "flow/persistent_call.h"
#include "flow/stop_flow.h"
#include "flow/task_pool.h"

namespace ccs::flow {

struct FindingsSettings {
    long long max_findings = 5000;  // kept over all tasks (--max-findings); the most severe are kept
    bool unresolved_only = true;    // asks status_ids=0, and leaves out what is resolved or dismissed anyway
    std::string path_prefix;        // --path-prefix: what repository_path removes from file_path
    int page_size = 100;            // findings asked per page (api::defects_page_limit: 1 to 100)
    // The waits before a page that failed for now (a transient error, after the client's own attempts)
    // is asked again; it is, until the deadline.
    PollBackoff backoff{std::chrono::milliseconds(1000), std::chrono::milliseconds(15000)};
    int concurrency = 4;  // tasks read at once
};

// Reads the findings of every task, at most `concurrency` at once, by `deadline`.
//
// Per task, pages of `page_size` from offset 0 until the service's total is reached (or an empty page
// comes); the next offset moves by the entries a page had, at most the limit asked (a page may hold
// more than `limit` entries, duplicates of its other entries). Findings are de-duplicated by
// defect_id (those without one are all kept); with `unresolved_only` those whose defect_status is
// present and not "0" are left out (a service may ignore status_ids). `path` is
// repository_path(service_path, path_prefix); `task_id` is the task's.
//
// A task is `complete` only when every page was read and none was left unread or dropped for the cap.
// Otherwise its `problem` says why and how many of the total were kept: a failure that is not transient, the
// deadline (a page failing for now is asked again until then), a service that keeps answering the
// same findings, pages that end before the total, or --max-findings. A page refused for the
// credentials or the permission (ErrorClass::Auth) sets `credentials_refused`. Each task reads at most
// max_findings; over all tasks the most severe max_findings are kept (the same set whatever the
// concurrency), the tasks that lost findings to it marked incomplete too.
//
// `findings` are sorted as FindingsReport says; `tasks` keep the order of `task_ids`. A line per task
// goes to `log`: "task T1: 240 findings (of 250) read in 3 pages", or why it is partial.
FindingsReport fetch_findings(const std::vector<std::string>& task_ids, const FindingsSettings& settings,
                              const ApiFactory& make_api, const Deadline& deadline, const Log& log);

}  // namespace ccs::flow
