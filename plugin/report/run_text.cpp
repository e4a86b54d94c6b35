#include "report/run_text.h"

#include <algorithm>

#include "report/advice.h"
#include "report/task_text.h"
#include "report/text.h"

namespace ccs::report::run {

namespace {

constexpr std::array<CheckStatus, 6> all_statuses = {CheckStatus::Passed,           CheckStatus::GateFailed,
                                                     CheckStatus::CheckFailed,      CheckStatus::Stopped,
                                                     CheckStatus::StoppedElsewhere, CheckStatus::Failed};

}  // namespace

CheckStatus status_of(const TaskResult& task) {
    return task.check ? task.check->status : CheckStatus::Failed;
}

GateVerdict gate_of(const TaskResult& task) {
    return task.check ? task.check->gate : GateVerdict::None;
}

SeverityCounts summed_counts(const RunReport& report) {
    SeverityCounts sum;
    for (const auto& task : report.tasks) {
        if (!task.check || !task.check->counts) continue;
        const SeverityCounts& counts = *task.check->counts;
        sum.critical += counts.critical;
        sum.major += counts.major;
        sum.minor += counts.minor;
        sum.suggestion += counts.suggestion;
    }
    return sum;
}

GateVerdict overall_gate(const RunReport& report) {
    if (report.tasks.empty()) return GateVerdict::None;
    bool all_passed = true;
    for (const auto& task : report.tasks) {
        const GateVerdict gate = gate_of(task);
        if (gate == GateVerdict::Failed) return GateVerdict::Failed;
        all_passed = all_passed && gate == GateVerdict::Passed;
    }
    return all_passed ? GateVerdict::Passed : GateVerdict::None;
}

std::vector<std::string> exec_ids(const RunReport& report) {
    std::vector<std::string> ids;
    for (const auto& task : report.tasks) {
        if (task.check && !task.check->exec_id.empty()) ids.push_back(task.check->exec_id);
    }
    return ids;
}

std::vector<std::pair<std::string, std::string>> task_statuses(const RunReport& report) {
    std::vector<std::pair<std::string, std::string>> statuses;
    statuses.reserve(report.tasks.size());
    for (const auto& task : report.tasks) statuses.emplace_back(task.task_id, to_string(status_of(task)));
    return statuses;
}

std::array<std::pair<const char*, long long>, 4> severities(const SeverityCounts& counts) {
    return {{{"critical", counts.critical},
             {"major", counts.major},
             {"minor", counts.minor},
             {"suggestion", counts.suggestion}}};
}

std::string counts_text(const SeverityCounts& counts) {
    std::vector<std::string> parts;
    for (const auto& [name, count] : severities(counts)) parts.push_back(std::to_string(count) + " " + name);
    return text::join(parts, ", ");
}

const char* status_phrase(CheckStatus status) {
    switch (status) {
        case CheckStatus::Passed: return "passed";
        case CheckStatus::GateFailed: return "failed its quality gate";
        case CheckStatus::CheckFailed: return "failed its check";
        case CheckStatus::Stopped: return "was stopped by this run";
        case CheckStatus::StoppedElsewhere: return "was stopped elsewhere";
        case CheckStatus::Failed: return "could not be run or followed";
    }
    return "could not be run or followed";
}

bool needs_explanation(const TaskResult& task) {
    return status_of(task) == CheckStatus::Failed || task.outcome == Outcome::Failed;
}

std::string statuses_text(const RunReport& report) {
    std::vector<std::string> parts;
    for (const CheckStatus status : all_statuses) {
        const auto count = std::count_if(report.tasks.begin(), report.tasks.end(),
                                         [status](const TaskResult& t) { return status_of(t) == status; });
        if (count > 0) parts.push_back(std::to_string(count) + " " + to_string(status));
    }
    return text::join(parts, ", ");
}

std::string task_line(const TaskResult& task) {
    std::string line = "task " + task.task_id + ": " + to_string(status_of(task));
    if (!task.detail.empty()) line += " (" + task.detail + ")";
    if (task.check && task.check->counts) line += "; " + counts_text(*task.check->counts);
    if (gate_of(task) != GateVerdict::None) line += std::string("; gate ") + to_string(gate_of(task));
    if (task.check && !task.check->exec_id.empty()) line += "; exec id " + task.check->exec_id;
    if (task.check && task.check->followed_only) line += "; followed (it was running already)";
    if (!needs_explanation(task)) return line;
    for (const auto& part : {service_error_text(task), request_ids_text(task)}) {
        if (!part.empty()) line += "; " + part;
    }
    return line + ". " + advice_for(task);
}

std::string result_line(const RunReport& report) {
    return std::string("result: ") + to_string(report.result()) + " (" + statuses_text(report) + "; " +
           counts_text(summed_counts(report)) + "; gate " + to_string(overall_gate(report)) + ") in " +
           text::format_duration(report.elapsed);
}

}  // namespace ccs::report::run
