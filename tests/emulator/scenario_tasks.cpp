#include "emulator/scenario_tasks.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <limits>
#include <sstream>
#include <vector>

#include "emulator/scenario.h"
#include "emulator/scenario_json.h"

namespace ccs::emu {

namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Object;
using scenario_json::as_array;
using scenario_json::as_int;
using scenario_json::as_object;
using scenario_json::as_string;
using scenario_json::fail;

constexpr int max_ms = 24 * 3600 * 1000;

std::string serialised(const Var& value) {
    std::ostringstream out;
    Poco::JSON::Stringifier::condense(value, out);
    return out.str();
}

// A count in "severity" or "status": absent is 0.
int count_of(const Object& object, const std::string& name, const std::string& where) {
    if (!object.has(name)) return 0;
    return as_int(object.get(name), where + "." + name, 0, std::numeric_limits<int>::max() / 8);
}

ProgressView progress_view(const Object& object, const std::string& where) {
    if (!object.has("ratio")) fail(where, "\"ratio\" is required");
    ProgressView view;
    view.ratio = as_string(object.get("ratio"), where + ".ratio");
    if (object.has("info")) view.info = as_string(object.get("info"), where + ".info");
    return view;
}

RunStep run_step(const Var& value, const std::string& where) {
    const auto object = as_object(value, where, {"after_ms", "ratio", "info"});
    if (!object->has("after_ms")) fail(where, "\"after_ms\" is required");
    return RunStep{as_int(object->get("after_ms"), where + ".after_ms", 0, max_ms),
                   progress_view(*object, where)};
}

std::vector<RunStep> run_steps(const Var& value, const std::string& where) {
    const auto array = as_array(value, where);
    if (array->size() == 0) fail(where, "expected at least one step");
    std::vector<RunStep> steps;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const std::string at = where + "[" + std::to_string(i) + "]";
        steps.push_back(run_step(array->get(static_cast<unsigned>(i)), at));
        if (i == 0 && steps[0].after_ms != 0) fail(at + ".after_ms", "the first step is at 0");
        if (i > 0 && steps[i].after_ms < steps[i - 1].after_ms)
            fail(at + ".after_ms", "steps go in ascending after_ms");
    }
    return steps;
}

std::vector<std::string> defect_list(const Var& value, const std::string& where) {
    const auto array = as_array(value, where);
    std::vector<std::string> defects;
    for (std::size_t i = 0; i < array->size(); ++i) {
        const Var defect = array->get(static_cast<unsigned>(i));
        if (defect.type() != typeid(Object::Ptr))
            fail(where + "[" + std::to_string(i) + "]", "expected a JSON object");
        defects.push_back(serialised(defect));
    }
    return defects;
}

CheckResults check_results(const Var& value, const std::string& where) {
    const auto object = as_object(value, where, {"severity", "status", "is_access", "summary", "defects"});
    CheckResults results;
    if (object->has("severity")) {
        const std::string at = where + ".severity";
        const auto severity =
            as_object(object->get("severity"), at, {"critical", "major", "minor", "suggestion"});
        results.critical = count_of(*severity, "critical", at);
        results.major = count_of(*severity, "major", at);
        results.minor = count_of(*severity, "minor", at);
        results.suggestion = count_of(*severity, "suggestion", at);
    }
    results.unresolved = results.total();
    if (object->has("status")) {
        const std::string at = where + ".status";
        const auto status = as_object(object->get("status"), at, {"unresolved", "resolved", "dismissed"});
        results.unresolved = count_of(*status, "unresolved", at);
        results.resolved = count_of(*status, "resolved", at);
        results.dismissed = count_of(*status, "dismissed", at);
    }
    if (object->has("is_access"))
        results.is_access = as_string(object->get("is_access"), where + ".is_access");
    if (object->has("summary")) {
        const auto summary = as_object(object->get("summary"), where + ".summary");
        for (const auto& name : summary->getNames())
            results.summary.emplace_back(name, serialised(summary->get(name)));
    }
    if (object->has("defects")) results.defects = defect_list(object->get("defects"), where + ".defects");
    return results;
}

RunPlan run_plan(const Var& value, const std::string& where) {
    const auto object =
        as_object(value, where, {"steps", "duration_ms", "final_status", "final_progress", "results"});
    RunPlan plan;
    plan.steps = object->has("steps") ? run_steps(object->get("steps"), where + ".steps")
                                      : std::vector<RunStep>{{0, {"0%", "running"}}};
    if (object->has("duration_ms")) {
        plan.duration_ms = as_int(object->get("duration_ms"), where + ".duration_ms", 0, max_ms);
        if (plan.steps.back().after_ms > *plan.duration_ms)
            fail(where + ".steps", "a step after duration_ms would never be seen");
    }
    const bool ends = plan.duration_ms.has_value();
    if (object->has("final_status")) {
        if (!ends) fail(where + ".final_status", "only meaningful with \"duration_ms\"");
        plan.final_status = as_int(object->get("final_status"), where + ".final_status", 1, 3);
    }
    if (object->has("final_progress")) {
        if (!ends) fail(where + ".final_progress", "only meaningful with \"duration_ms\"");
        const std::string at = where + ".final_progress";
        plan.final_progress =
            progress_view(*as_object(object->get("final_progress"), at, {"ratio", "info"}), at);
    }
    if (object->has("results")) {
        if (!ends || plan.final_status != status_succeeded)
            fail(where + ".results", "only a run that ends with \"final_status\": 2 leaves results");
        plan.results = check_results(object->get("results"), where + ".results");
    }
    return plan;
}

TaskStatus task_status(const Var& value, const std::string& where) {
    if (value.isEmpty()) return std::nullopt;  // JSON null: never run
    return as_int(value, where, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
}

}  // namespace

TaskSetup parse_task_setup(const Var& value, const std::string& where) {
    if (value.type() != typeid(Object::Ptr)) return TaskSetup{task_status(value, where), {}, {}};
    const auto object = as_object(value, where, {"status", "run", "results"});
    TaskSetup setup;
    if (object->has("status")) setup.status = task_status(object->get("status"), where + ".status");
    if (object->has("run")) setup.run = run_plan(object->get("run"), where + ".run");
    if (object->has("results")) setup.results = check_results(object->get("results"), where + ".results");
    return setup;
}

std::map<std::string, TaskSetup> parse_task_setups(const Var& value, const std::string& where) {
    std::map<std::string, TaskSetup> tasks;
    const auto object = as_object(value, where);
    for (const auto& id : object->getNames()) tasks[id] = parse_task_setup(object->get(id), where + "." + id);
    return tasks;
}

}  // namespace ccs::emu
