// The reporter for GitLab CI: the plain reporter's lines, with the requests inside a collapsed
// section and the outcome of each task and the result visible below it.
#pragma once

#include <ctime>
#include <functional>
#include <iosfwd>
#include <memory>

#include "report/plain_reporter.h"
#include "report/reporter.h"

namespace ccs::report {

using SectionClock = std::function<std::time_t()>;  // the section markers' unix time

// The collapsed section the request lines go in.
LogFrame gitlab_request_section(SectionClock clock = {});

std::unique_ptr<Reporter> make_gitlab_reporter(const ReportSettings& settings, std::ostream& out,
                                               std::ostream& err);

}  // namespace ccs::report
