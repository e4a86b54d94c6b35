// The findings part of the GitHub step summary: the counts, whether every finding was read, where the
// files went, and a table of the most severe findings.
#pragma once

#include <cstddef>
#include <string>

#include "core/finding.h"
#include "report/findings_files.h"

namespace ccs::report {

// The table shows the first this many findings (the most severe: the findings come sorted).
inline constexpr std::size_t max_summary_findings = 20;
// A message cell is cut shorter than other cells: twenty rows must stay readable.
inline constexpr std::size_t max_finding_cell_chars = 300;

// "### Findings", the counts per severity (and "incomplete" with each task's problem when the findings
// were not all read), the SARIF and Code Quality files, then a table (Severity, Rule, Location,
// Message) of the first max_summary_findings findings and a line counting the rest. Every cell is
// escape_table_cell'ed. Pass redacted findings.
std::string findings_markdown(const FindingsReport& findings, const FindingsFiles& files);

}  // namespace ccs::report
