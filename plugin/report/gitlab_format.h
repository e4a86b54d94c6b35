// What GitLab reads from a job: collapsible log sections and dotenv report lines. These functions
// only format; pass a redacted report.
#pragma once

#include <cstddef>
#include <ctime>
#include <string>

#include "core/task_result.h"

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
std::string dotenv_lines(const RunReport& report, int exit_code);

}  // namespace ccs::report::gitlab
