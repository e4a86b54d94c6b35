// A reporter made as the program makes it, writing into strings the tests read.
#pragma once

#include <memory>
#include <sstream>

#include "report/reporter.h"

namespace ccs::report::test {

struct CapturedReporter {
    std::ostringstream out;
    std::ostringstream err;
    std::unique_ptr<Reporter> reporter;

    explicit CapturedReporter(const ReportSettings& settings = {})
        : reporter(make_reporter(settings, out, err)) {}
};

}  // namespace ccs::report::test
