// The findings files the user asked for (--sarif, --codequality): written once, by FileOutputs, and
// what became of them read by every reporter that mentions them (the log line, the annotations'
// pointer, the JSON document), so none of them claims a file that was not written.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/finding.h"
#include "report/reporter.h"

namespace ccs::report {

struct FindingsFile {
    std::string format;  // "sarif" or "codequality"
    std::string path;
    std::string error;         // "" when written, else why not
    std::size_t findings = 0;  // the findings it holds
    std::size_t left_out = 0;  // findings without a usable location, left out (WrittenFindings)
    bool written() const { return error.empty(); }
};

// What FileOutputs wrote, shared with the CI's reporter it wraps (make_reporter hands both the same
// one): filled in FileOutputs::finish before the CI's reporter finishes.
struct FindingsFiles {
    std::vector<FindingsFile> files;
    const FindingsFile* find(const std::string& format) const;  // nullptr when not asked for
};
using SharedFindingsFiles = std::shared_ptr<FindingsFiles>;

// Writes --sarif and --codequality (those of `settings` that are set) with replace_file_streamed.
std::vector<FindingsFile> write_findings_files(const ReportSettings& settings,
                                               const FindingsReport& findings);

// The log's one line about the findings: "findings: 2 critical, 0 major, 5 minor, 1 suggestion
// (complete); SARIF: results.sarif; Code Quality: gl-code-quality.json (1 without a location left
// out)". A partial read says "INCOMPLETE: task T1: why" instead of "complete". Pass redacted findings.
std::string findings_line(const FindingsReport& findings, const FindingsFiles& files);

}  // namespace ccs::report
