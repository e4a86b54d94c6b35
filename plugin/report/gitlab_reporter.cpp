#include "report/gitlab_reporter.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "report/run_text.h"
#include "report/text.h"

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
                                               std::ostream& err, SharedFindingsFiles files) {
    return std::make_unique<PlainReporter>(settings, out, err, gitlab_request_section(), std::move(files));
}

}  // namespace ccs::report

namespace ccs::report::gitlab {
namespace {

const std::string erase_line = "\x1b[0K";

std::string one_line(const std::string& text) {
    std::string line;
    for (const char c : text::visible_controls(text)) line += c == '\n' ? ' ' : c;
    return line;
}

bool is_safe_value_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

std::string safe_value(const std::string& text) {
    std::string value;
    std::copy_if(text.begin(), text.end(), std::back_inserter(value), is_safe_value_char);
    return value;
}

// Comma-joined, cut after the last element that fits. The items are already safe.
std::string joined_value(const std::vector<std::string>& items) {
    std::string value;
    for (const auto& item : items) {
        if (item.empty()) continue;
        const std::size_t needed = value.size() + (value.empty() ? 0 : 1) + item.size();
        if (needed > max_dotenv_value_bytes - 4) return value + ",...";
        value += (value.empty() ? "" : ",") + item;
    }
    return value;
}

// Comma-joined safe values, cut after the last element that fits.
std::string list_value(const std::vector<std::string>& items) {
    std::vector<std::string> safe;
    safe.reserve(items.size());
    for (const auto& item : items) safe.push_back(safe_value(item));
    return joined_value(safe);
}

// "T1:passed,T2:gate-failed": the status names are safe already, ':' is the one character added.
std::string task_status_value(const RunReport& report) {
    std::vector<std::string> pairs;
    for (const auto& [id, status] : run::task_statuses(report)) {
        const std::string safe_id = safe_value(id);
        if (!safe_id.empty()) pairs.push_back(std::string(safe_id).append(":").append(status));
    }
    return joined_value(pairs);
}

}  // namespace

std::string section_start(std::time_t at, const std::string& name, const std::string& header,
                          bool collapsed) {
    return erase_line + "section_start:" + std::to_string(at) + ":" + name +
           (collapsed ? "[collapsed=true]" : "") + "\r" + erase_line + one_line(header) + "\n";
}

std::string section_end(std::time_t at, const std::string& name) {
    return erase_line + "section_end:" + std::to_string(at) + ":" + name + "\r" + erase_line + "\n";
}

std::string dotenv_lines(const RunReport& report, int exit_code) {
    const std::vector<std::pair<std::string, std::string>> entries = {
        {"CODEARTS_CHECK_RESULT", to_string(report.result())},
        {"CODEARTS_CHECK_EXIT_CODE", std::to_string(exit_code)},
        {"CODEARTS_CHECK_STOPPED", list_value(report.ids_with(Outcome::Stopped))},
        {"CODEARTS_CHECK_NOT_RUNNING", list_value(report.ids_with(Outcome::NotRunning))},
        {"CODEARTS_CHECK_FAILED", list_value(report.ids_with(Outcome::Failed))},
        {"CODEARTS_CHECK_REQUEST_IDS", list_value(report.request_ids())},
    };
    std::vector<std::pair<std::string, std::string>> run_entries;
    if (report.is_run_mode()) {
        run_entries = {{"CODEARTS_CHECK_EXEC_IDS", list_value(run::exec_ids(report))},
                       {"CODEARTS_CHECK_TASK_STATUS", task_status_value(report)}};
        for (const auto& [name, count] : run::severities(run::summed_counts(report))) {
            std::string key = name;
            std::transform(key.begin(), key.end(), key.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            run_entries.emplace_back("CODEARTS_CHECK_" + key, std::to_string(count));
        }
        run_entries.emplace_back("CODEARTS_CHECK_GATE", to_string(run::overall_gate(report)));
    }
    std::string lines;
    for (const auto& list : {entries, run_entries}) {
        for (const auto& [key, value] : list) lines.append(key).append("=").append(value).append("\n");
    }
    return lines;
}

}  // namespace ccs::report::gitlab
