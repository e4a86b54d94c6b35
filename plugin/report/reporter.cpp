#include "report/reporter.h"

#include "report/capped_log.h"
#include "report/file_outputs.h"
#include "report/github_reporter.h"
#include "report/gitlab_reporter.h"
#include "report/plain_reporter.h"

namespace ccs::report {

namespace {

std::unique_ptr<Reporter> make_ci_reporter(const ReportSettings& settings, std::ostream& out,
                                           std::ostream& err, const SharedFindingsFiles& files) {
    switch (settings.ci) {
        case CiKind::GitHub: return std::make_unique<GitHubReporter>(settings, out, err, files);
        case CiKind::GitLab: return make_gitlab_reporter(settings, out, err, files);
        // Jenkins has no annotations to write on stdout: plain lines, and --json-file for readJSON.
        case CiKind::Jenkins:
        case CiKind::Plain: return std::make_unique<PlainReporter>(settings, out, err, LogFrame{}, files);
    }
    return std::make_unique<PlainReporter>(settings, out, err, LogFrame{}, files);
}

}  // namespace

void Reporter::progress(const ProgressEvent& event) {
    if (event.line) log(*event.line);
}

std::unique_ptr<Reporter> make_reporter(const ReportSettings& settings, std::ostream& out,
                                        std::ostream& err) {
    // FileOutputs writes --sarif and --codequality; the CI's reporter reads here what became of them.
    const auto files = std::make_shared<FindingsFiles>();
    std::unique_ptr<Reporter> reporter =
        std::make_unique<CappedLog>(make_ci_reporter(settings, out, err, files));
    if (settings.json_file_path.empty() && settings.dotenv_path.empty() && settings.sarif_path.empty() &&
        settings.codequality_path.empty())
        return reporter;
    return std::make_unique<FileOutputs>(settings, std::move(reporter), files);
}

}  // namespace ccs::report
