// Findings as GitHub annotations: the most severe first, as many per level as GitHub shows (after the
// tasks' own annotations), the rest summed up in one notice that says where they all are.
#pragma once

#include <cstddef>
#include <string>

#include "core/finding.h"
#include "report/findings_files.h"

namespace ccs::report::github {

// How many more annotations of each level the step may show.
struct AnnotationBudget {
    std::size_t error = 0;
    std::size_t warning = 0;
    std::size_t notice = 0;
};

// What is left of GitHub's 10 per level once `commands` (workflow commands, one per line) are shown.
// Two warnings stay in reserve for the files the reporter may fail to write.
AnnotationBudget budget_after(const std::string& commands);

// critical and major -> ::error, minor -> ::warning, suggestion -> ::notice, each with file and line
// (when the finding has a usable path; line when known), title = the rule, message = severity and
// the finding's message. Findings past a level's budget are not annotated; one ::notice (a plain
// line when no notice is left) counts them and points to the SARIF file when it was written, else to
// the CodeArts Check console. Pass redacted findings.
std::string finding_annotations(const FindingsReport& findings, const FindingsFiles& files,
                                AnnotationBudget budget);

}  // namespace ccs::report::github
