#include "emulator/check_results.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "emulator/answer.h"

namespace ccs::emu {

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;  // name, serialised JSON value

std::string object_json(const Fields& fields) {
    std::string json = "{";
    for (const auto& [name, value] : fields) {
        if (json.size() > 1) json += ",";
        json += json_quote(name) + ":" + value;
    }
    return json + "}";
}

// Replaces the field of that name, or adds it at the end.
void put(Fields& fields, const std::string& name, const std::string& value) {
    const auto found = std::find_if(fields.begin(), fields.end(),
                                    [&name](const auto& field) { return field.first == name; });
    if (found != fields.end()) {
        found->second = value;
    } else {
        fields.emplace_back(name, value);
    }
}

std::string count_string(int count) {
    return json_quote(std::to_string(count));
}

// The n-th made-up finding (0-based): the critical ones first, then major, minor and suggestions.
std::string made_up_defect(const CheckResults& results, long n) {
    const int counts[] = {results.critical, results.major, results.minor, results.suggestion};
    const char* const rules[] = {"G.MEM.01 memory leak", "G.EXP.03 unchecked result",
                                 "G.FMT.02 line too long", "G.NAM.04 naming"};
    int level = 0;
    long index = n;
    while (level < 3 && index >= counts[level]) index -= counts[level++];
    const std::string number = std::to_string(n + 1);
    const std::string file = "src/module_" + std::to_string(n % 7) + ".cpp";
    const std::string line = std::to_string(10 + (n * 37) % 900);
    Fields fields = {
        {"defect_id", json_quote("defect-" + number)},
        {"issue_key", json_quote("issue-" + number)},
        {"file_path", json_quote(file)},
        {"line_number", json_quote(line)},
        {"defect_level", json_quote(std::to_string(level))},
        {"defect_status", json_quote("0")},
        {"rule_name", json_quote(rules[level])},
        {"defect_checker_name", json_quote("emulator-checker")},
        {"rule_system_tags", json_quote("")},
        {"defect_content", json_quote("finding " + number + ": " + rules[level])},
        {"created_at", json_quote("2026-01-01 00:00:00")},
        {"fragment", "[{\"line_num\":" + line +
                         ",\"line_content\":\"int x = f();\",\"start_offset\":4,"
                         "\"end_offset\":5}]"},
        {"events", "[{\"path\":" + json_quote(file) + ",\"line\":" + line + ",\"end_line\":" + line +
                       ",\"description\":\"here\",\"fix_suggestions\":\"\",\"main_buggy_code\":\"\"}]"}};
    return object_json(fields);
}

}  // namespace

std::string summary_json(const std::string& task_id, const TaskView& task) {
    const CheckResults none;
    const CheckResults& results = task.results ? *task.results : none;
    Fields fields = {{"task_id", json_quote(task_id)},
                     {"task_name", json_quote(task_id)},
                     {"git_url", json_quote("https://codehub.example.com/demo/app.git")},
                     {"git_branch", json_quote("main")},
                     {"last_check_time", json_quote(task.last_check_time)},
                     {"code_line_total", "0"},
                     {"code_line", "0"},
                     {"code_quality", json_quote("")},
                     {"issue_count", std::to_string(results.total())},
                     {"risk_coefficient", "0"},
                     {"duplication_ratio", json_quote("0%")},
                     {"trigger_type", json_quote("0")},
                     {"critical_count", count_string(results.critical)},
                     {"major_count", count_string(results.major)},
                     {"minor_count", count_string(results.minor)},
                     {"suggestion_count", count_string(results.suggestion)},
                     {"is_access", json_quote(task.results ? results.is_access : "")}};
    for (const auto& [name, value] : results.summary) put(fields, name, value);
    return object_json(fields);
}

std::string statistic_json(const TaskView& task) {
    const CheckResults none;
    const CheckResults& r = task.results ? *task.results : none;
    return "{\"severity\":{\"critical\":" + std::to_string(r.critical) +
           ",\"major\":" + std::to_string(r.major) + ",\"minor\":" + std::to_string(r.minor) +
           ",\"suggestion\":" + std::to_string(r.suggestion) +
           "},\"status\":{\"unresolved\":" + std::to_string(r.unresolved) +
           ",\"resolved\":" + std::to_string(r.resolved) + ",\"dismissed\":" + std::to_string(r.dismissed) +
           "}}";
}

std::string defects_json(const TaskView& task, long offset, long limit) {
    long total = 0;
    std::string page;
    const auto add = [&page](const std::string& defect) { page += (page.empty() ? "" : ",") + defect; };
    if (task.results && task.results->defects) {
        const auto& listed = *task.results->defects;
        total = static_cast<long>(listed.size());
        for (long i = offset; i < total && i < offset + limit; ++i) add(listed[static_cast<std::size_t>(i)]);
    } else if (task.results) {
        total = task.results->total();
        for (long i = offset; i < total && i < offset + limit; ++i) add(made_up_defect(*task.results, i));
    }
    return "{\"total\":" + std::to_string(total) + ",\"defects\":[" + page + "]}";
}

}  // namespace ccs::emu
