#include "report/reporter.h"

#include "report/capped_log.h"
#include "report/file_outputs.h"
#include "report/github_reporter.h"
#include "report/gitlab_reporter.h"
#include "report/plain_reporter.h"

namespace ccs::report {

namespace {

std::unique_ptr<Reporter> make_ci_reporter(const ReportSettings& settings, std::ostream& out,
                                           std::ostream& err) {
    switch (settings.ci) {
        case CiKind::GitHub: return std::make_unique<GitHubReporter>(settings, out, err);
        case CiKind::GitLab: return make_gitlab_reporter(settings, out, err);
        // Jenkins has no annotations to write on stdout: plain lines, and --json-file for readJSON.
        case CiKind::Jenkins:
        case CiKind::Plain: return std::make_unique<PlainReporter>(settings, out, err);
    }
    return std::make_unique<PlainReporter>(settings, out, err);
}

}  // namespace

void Reporter::progress(const ProgressEvent& event) {
    if (event.line) log(*event.line);
}

std::unique_ptr<Reporter> make_reporter(const ReportSettings& settings, std::ostream& out,
                                        std::ostream& err) {
    std::unique_ptr<Reporter> reporter = std::make_unique<CappedLog>(make_ci_reporter(settings, out, err));
    if (settings.json_file_path.empty() && settings.dotenv_path.empty()) return reporter;
    return std::make_unique<FileOutputs>(settings, std::move(reporter));
}

}  // namespace ccs::report
