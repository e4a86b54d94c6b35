#include "report/reporter.h"

#include "report/github_reporter.h"
#include "report/plain_reporter.h"

namespace ccs::report {

std::unique_ptr<Reporter> make_reporter(const ReportSettings& settings, std::ostream& out,
                                        std::ostream& err) {
    switch (settings.ci) {
        case CiKind::GitHub: return std::make_unique<GitHubReporter>(settings, out, err);
        // GitLab (sections, dotenv) and Jenkins (issues file) have no reporter of their own yet.
        case CiKind::GitLab:
        case CiKind::Jenkins:
        case CiKind::Plain: return std::make_unique<PlainReporter>(settings, out, err);
    }
    return std::make_unique<PlainReporter>(settings, out, err);
}

}  // namespace ccs::report
