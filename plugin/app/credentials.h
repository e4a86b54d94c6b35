// From the configured credential to the Authorizer that applies it to requests, asking IAM when the
// kind needs it: a password for a token, an OIDC id token for temporary AK/SK, an AK/SK for the id
// of the region's project.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/network.h"
#include "auth/authorizer.h"
#include "core/deadline.h"
#include "core/task_result.h"
#include "http/retrying_exchange.h"
#include "iam/iam_failure.h"
#include "inputs/config.h"
#include "report/reporter.h"

namespace ccs::app {

class CredentialSource {
public:
    // `sleep` waits between IAM attempts (empty: the deadline's sleep); tests pass their own.
    // IAM and GitHub are reached over `network`, which must outlive this.
    CredentialSource(const inputs::Config& config, const Network& network, report::Reporter& reporter,
                     http::Sleep sleep = {});
    ~CredentialSource();

    // The Authorizer for the API calls. A token, or AK/SK with a project id, is ready at once; the
    // other kinds ask IAM on the first call, within `deadline` (so the keys are fresh when the stop is
    // due), and later calls reuse what it gave, a failure included. Progress goes to reporter.log();
    // each secret IAM hands out is masked (reporter.begin() again, with every secret so far) before
    // anything else is printed. nullptr when IAM gave nothing usable: failure_report() says why.
    const auth::Authorizer* authorizer(const Deadline& deadline) const;

    // Every task failed, no stop sent, with IAM's answer: exit code 3 when IAM refused the
    // credentials, 1 when it could not be reached or its answer could not be used.
    RunReport failure_report(const std::vector<std::string>& task_ids) const;

private:
    void learned(const std::string& secret) const;  // the caller holds mutex_

    const inputs::Config& config_;
    const Network& network_;
    report::Reporter& reporter_;
    http::Sleep sleep_;
    mutable std::mutex mutex_;
    mutable bool resolved_ = false;
    mutable std::unique_ptr<auth::Authorizer> authorizer_;
    mutable std::optional<iam::IamFailure> failure_;
    mutable std::chrono::milliseconds elapsed_{0};  // asking IAM took this long
    mutable std::vector<std::string> secrets_;      // every secret so far: the config's, then IAM's
};

// For --dry-run: the Authorizer the run would use, without asking IAM. Where IAM would supply a value
// (a token, temporary keys, a project id), a placeholder in angle brackets stands in.
std::unique_ptr<auth::Authorizer> make_dry_run_authorizer(const inputs::Config& config);

// A failure's cause as a user should read it, with a hint when the gateway said the request's
// signing time is too far from its clock.
std::string failure_detail(const iam::IamFailure& failure);

}  // namespace ccs::app
