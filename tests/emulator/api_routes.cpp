#include "emulator/api_routes.h"

#include "emulator/authentication.h"
#include "emulator/iam_routes.h"
#include "emulator/ids.h"

namespace ccs::emu {

namespace {

// What a wrong task id produces, per the service FAQ: HTTP 200 with an error body.
Answer unknown_task() {
    return error_answer(200, "CC.00050013", "项目不存在");
}

std::string status_json(const TaskStatus& status) {
    return status ? std::to_string(*status) : "null";
}

Answer stop_task(const std::string& id, TaskStore& tasks) {
    if (!tasks.stop(id).known) return unknown_task();
    return json_answer(200, "null");  // the documented success body, whether or not it was running
}

Answer task_progress(const std::string& id, const TaskStore& tasks) {
    const TaskState task = tasks.get(id);
    if (!task.known) return unknown_task();
    const bool running = task.status == status_running;
    const std::string ratio = running ? "50%" : (task.status ? "100%" : "0%");
    const std::string info = running ? "running" : (task.status ? "done" : "not started");
    return json_answer(200, "{\"task_status\":" + status_json(task.status) + ",\"progress\":{\"ratio\":" +
                                json_quote(ratio) + ",\"info\":" + json_quote(info) + "}}");
}

Answer run_task(const std::string& id, TaskStore& tasks) {
    const TaskState before = tasks.run(id);
    if (!before.known) return unknown_task();
    if (before.status == status_running) return error_answer(200, "CC.00050015", "task is running");
    return json_answer(200, "{\"exec_id\":" + json_quote(random_hex_id()) + "}");
}

Answer create_task(TaskStore& tasks) {
    return json_answer(200, "{\"task_id\":" + json_quote(tasks.create()) + "}");
}

Answer no_such_route() {
    return error_answer(404, "APIGW.0101",
                        "The API does not exist or has not been published in the environment");
}

}  // namespace

Answer answer_api_call(const ApiCall& call, const ReceivedRequest& request, EmulatorState& state) {
    // The gateway routes before it authenticates: an unknown path is a 404 whatever the token.
    if (call.kind == CallKind::Unknown) return no_such_route();
    // IAM and the GitHub id-token service check credentials of their own kinds.
    if (is_credentials_call(call.kind)) return answer_credentials_call(call, request, state);
    if (auto refusal = authenticate(request, state.tokens.snapshot(), state.iam)) return *refusal;
    switch (call.kind) {
        case CallKind::Stop: return stop_task(call.task_id, state.tasks);
        case CallKind::Progress: return task_progress(call.task_id, state.tasks);
        case CallKind::Run: return run_task(call.task_id, state.tasks);
        case CallKind::Create: return create_task(state.tasks);
        default: return no_such_route();
    }
    return no_such_route();
}

}  // namespace ccs::emu
