#include "emulator/admin_routes.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/ParseHandler.h>
#include <Poco/JSON/Parser.h>

#include "core/strings.h"
#include "emulator/scenario.h"
#include "emulator/scenario_tasks.h"
#include "emulator/task_store.h"

namespace ccs::emu {

namespace {

const std::string admin_prefix = "/_emulator/";
const std::string task_prefix = admin_prefix + "tasks/";

Answer admin_error(int status, const std::string& message) {
    return json_answer(status, "{\"error\":" + json_quote(message) + "}");
}

Answer ok() {
    return json_answer(200, "{\"ok\":true}");
}

std::string status_json(const TaskStatus& status) {
    return status ? std::to_string(*status) : "null";
}

std::string task_json(const std::string& id, const TaskStatus& status) {
    return "{\"id\":" + json_quote(id) + ",\"status\":" + status_json(status) + "}";
}

// What tests of run mode look at: status, progress, the runs POST /run started and their last body.
std::string task_view_json(const std::string& id, const TaskView& task) {
    std::string exec_ids;
    for (const auto& exec_id : task.exec_ids) exec_ids += (exec_ids.empty() ? "" : ",") + json_quote(exec_id);
    return "{\"id\":" + json_quote(id) + ",\"status\":" + status_json(task.status) +
           ",\"progress\":{\"ratio\":" + json_quote(task.progress.ratio) +
           ",\"info\":" + json_quote(task.progress.info) +
           "},\"runs\":" + std::to_string(task.exec_ids.size()) + ",\"exec_ids\":[" + exec_ids +
           "],\"last_run_body\":" + (task.last_run_body ? json_quote(*task.last_run_body) : "null") +
           ",\"has_results\":" + (task.results ? "true" : "false") +
           ",\"last_check_time\":" + json_quote(task.last_check_time) + "}";
}

Answer load_scenario(const std::string& body, EmulatorState& state) {
    try {
        state.apply(parse_scenario(body));
        return ok();
    } catch (const ScenarioError& error) {
        return admin_error(400, error.what());
    }
}

// {"id": "T1", "status": 0 | 1 | 2 | 3 | null}; other integers are accepted as in scenarios. With only
// these two fields the task keeps its run description and results; with "run" or "results" too, the task
// is set up afresh from them, as a scenario's task object is.
Answer set_task(const std::string& body, EmulatorState& state) {
    Poco::JSON::Object::Ptr object;
    try {
        Poco::JSON::Parser parser(new Poco::JSON::ParseHandler(true));
        object = parser.parse(body).extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception& error) {
        return admin_error(400, "expected a JSON object: " + error.displayText());
    }
    const Poco::Dynamic::Var id = object->get("id");
    const Poco::Dynamic::Var status = object->get("status");
    const bool status_valid = object->has("status") && (status.isEmpty() || status.isInteger());
    if (!id.isString() || id.toString().empty() || !status_valid) {
        return admin_error(400, "expected {\"id\": \"...\", \"status\": <integer or null>}");
    }
    const TaskStatus task_status = status.isEmpty() ? TaskStatus() : TaskStatus(status.convert<int>());
    if (object->size() == 2) {
        state.tasks.set_status(id.toString(), task_status);
        return json_answer(200, task_json(id.toString(), task_status));
    }
    object->remove("id");
    try {
        state.tasks.set(id.toString(), parse_task_setup(object, "task"));
    } catch (const ScenarioError& error) {
        return admin_error(400, error.what());
    }
    return json_answer(200, task_json(id.toString(), task_status));
}

Answer get_task(const std::string& id, const EmulatorState& state) {
    const TaskView task = state.tasks.view(id);
    if (!task.known) return admin_error(404, "unknown task " + id);
    return json_answer(200, task_view_json(id, task));
}

}  // namespace

bool is_admin_path(const std::string& path) {
    return starts_with(path, admin_prefix);
}

Answer answer_admin_request(const ReceivedRequest& request, EmulatorState& state) {
    const std::string& path = request.path;
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (get && path == admin_prefix + "requests") return json_answer(200, state.log.to_json_array());
    if (post && path == admin_prefix + "scenario") return load_scenario(request.body, state);
    if (post && path == admin_prefix + "tasks") return set_task(request.body, state);
    if (get && path.size() > task_prefix.size() && starts_with(path, task_prefix)) {
        return get_task(path.substr(task_prefix.size()), state);
    }
    if (post && path == admin_prefix + "reset") {
        state.reset();
        return ok();
    }
    return admin_error(404, "no admin route " + request.method + " " + path);
}

}  // namespace ccs::emu
