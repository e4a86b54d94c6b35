#include "report/gitlab_reporter.h"

#include "report/gitlab_format.h"

namespace ccs::report {
namespace {

constexpr const char* section_name = "codearts_check_stop";
constexpr const char* section_header = "codearts-check-stop: requests to CodeArts Check";

}  // namespace

LogFrame gitlab_request_section(SectionClock clock) {
    if (!clock) clock = [] { return std::time(nullptr); };
    return {[clock] { return gitlab::section_start(clock(), section_name, section_header, true); },
            [clock] { return gitlab::section_end(clock(), section_name); }};
}

std::unique_ptr<Reporter> make_gitlab_reporter(const ReportSettings& settings, std::ostream& out,
                                               std::ostream& err) {
    return std::make_unique<PlainReporter>(settings, out, err, gitlab_request_section());
}

}  // namespace ccs::report
