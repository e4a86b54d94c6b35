// The reporter for GitLab CI: the plain reporter's lines, with the requests inside a collapsed
// section and the outcome of each task and the result visible below it.
#pragma once

#include <cstddef>
#include <ctime>
#include <functional>
#include <iosfwd>
#include <memory>
#include <string>

#include "core/task_result.h"
#include "report/findings_files.h"
#include "report/plain_reporter.h"
#include "report/reporter.h"

namespace ccs::report {

using SectionClock = std::function<std::time_t()>;  // the section markers' unix time

// The collapsed section the request lines go in.
LogFrame gitlab_request_section(SectionClock clock = {});

std::unique_ptr<Reporter> make_gitlab_reporter(const ReportSettings& settings, std::ostream& out,
                                               std::ostream& err, SharedFindingsFiles files = nullptr);

}  // namespace ccs::report

// What GitLab reads from a job: collapsible log sections and dotenv report lines. These functions
// only format; pass a redacted report.
namespace ccs::report::gitlab {

// "\e[0Ksection_start:<unix time>:<name>[collapsed=true]\r\e[0K<header>\n". The name must be
// [A-Za-z0-9_.-]+ (GitLab's rule); the header is cut to one line.
std::string section_start(std::time_t at, const std::string& name, const std::string& header, bool collapsed);

// "\e[0Ksection_end:<unix time>:<name>\r\e[0K\n".
std::string section_end(std::time_t at, const std::string& name);

// Keep the dotenv report far below GitLab's 5 KB limit for the whole file: a job may write its own
// variables to the same file.
inline constexpr std::size_t max_dotenv_value_bytes = 600;

// The results as dotenv lines (artifacts:reports:dotenv): CODEARTS_CHECK_RESULT, _EXIT_CODE,
// _STOPPED, _NOT_RUNNING, _FAILED, _REQUEST_IDS. Lists are comma-separated (GitLab's rules allow no
// spaces, quotes or line breaks in values); a list longer than max_dotenv_value_bytes keeps the
// ids that fit and ends with ",...". Request ids lose any character outside [A-Za-z0-9._-].
// Run mode adds CODEARTS_CHECK_EXEC_IDS (a list), _TASK_STATUS ("T1:passed,T2:gate-failed", cut as a
// list), _CRITICAL, _MAJOR, _MINOR, _SUGGESTION (the summed counts) and _GATE: 13 variables of
// GitLab's 20, and at most about 4 KB with every list full.
std::string dotenv_lines(const RunReport& report, int exit_code);

}  // namespace ccs::report::gitlab
