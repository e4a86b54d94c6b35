#include "emulator/api_routes.h"

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/NumberParser.h>

#include <map>

#include "emulator/authentication.h"
#include "emulator/check_results.h"
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
    return json_answer(200, "{\"task_status\":" + status_json(task.status) +
                                ",\"progress\":{\"ratio\":" + json_quote(task.progress.ratio) +
                                ",\"info\":" + json_quote(task.progress.info) + "}}");
}

// The emulator's choice for a request that fails validation: HTTP 400 with the general table's
// "parameters not valid" code and the validation message the stop call documents.
Answer invalid_parameters(const std::string& what) {
    return error_answer(400, "CC.00050000", "请求参数校验失败,请检查请求参数是否正确: " + what);
}

// RunTask's body: a JSON object; "ref", when present, is "pull" or "merge_request". Other fields (the
// deprecated username, access_token, git_url, git_branch) are let through. Empty when valid.
std::string run_body_problem(const std::string& body) {
    Poco::Dynamic::Var parsed;
    try {
        parsed = Poco::JSON::Parser().parse(body);
    } catch (const Poco::Exception&) {
        return "the body is not JSON";
    }
    if (parsed.type() != typeid(Poco::JSON::Object::Ptr)) return "the body is not a JSON object";
    const auto object = parsed.extract<Poco::JSON::Object::Ptr>();
    if (!object->has("ref")) return "";
    const Poco::Dynamic::Var ref = object->get("ref");
    if (!ref.isString() || (ref.toString() != "pull" && ref.toString() != "merge_request"))
        return "ref must be \"pull\" or \"merge_request\"";
    return "";
}

Answer run_task(const std::string& id, const ReceivedRequest& request, EmulatorState& state) {
    const std::string problem = run_body_problem(request.body);
    if (!problem.empty()) return invalid_parameters(problem);
    const RunStart run = state.tasks.run(id, request.body);
    if (!run.known) return unknown_task();
    if (run.already_running)
        return error_answer(state.run_conflict_status.load(), "CC.00050015", "task is running");
    return json_answer(200, "{\"exec_id\":" + json_quote(run.exec_id) + "}");
}

Answer task_summary(const std::string& id, const TaskStore& tasks) {
    const TaskView task = tasks.view(id);
    if (!task.known) return unknown_task();
    return json_answer(200, summary_json(id, task));
}

Answer task_statistic(const std::string& id, const TaskStore& tasks) {
    const TaskView task = tasks.view(id);
    if (!task.known) return unknown_task();
    return json_answer(200, statistic_json(task));
}

// "offset=0&limit=100" -> {"offset": "0", "limit": "100"}; the last of a repeated name wins.
std::map<std::string, std::string> query_parameters(const std::string& query) {
    std::map<std::string, std::string> parameters;
    std::string::size_type start = 0;
    while (start <= query.size()) {
        const auto amp = query.find('&', start);
        const std::string pair =
            query.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
        const auto equals = pair.find('=');
        if (!pair.empty())
            parameters[pair.substr(0, equals)] = equals == std::string::npos ? "" : pair.substr(equals + 1);
        if (amp == std::string::npos) break;
        start = amp + 1;
    }
    return parameters;
}

// offset (default 0) and limit (default 10, at most 200); status_ids and severity are not applied.
Answer task_defects(const std::string& id, const ReceivedRequest& request, const TaskStore& tasks) {
    const auto parameters = query_parameters(request.query);
    long values[2] = {0, 10};
    const char* const names[2] = {"offset", "limit"};
    for (int i = 0; i < 2; ++i) {
        const auto found = parameters.find(names[i]);
        if (found == parameters.end()) continue;
        Poco::Int64 number = 0;
        if (!Poco::NumberParser::tryParse64(found->second, number) || number < 0 || number > 1000000000)
            return invalid_parameters(std::string(names[i]) + " must be a non-negative integer");
        values[i] = static_cast<long>(number);
    }
    if (values[1] < 1 || values[1] > 200) return invalid_parameters("limit must be 1..200");
    const TaskView task = tasks.view(id);
    if (!task.known) return unknown_task();
    return json_answer(200, defects_json(task, values[0], values[1]));
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
        case CallKind::Run: return run_task(call.task_id, request, state);
        case CallKind::Summary: return task_summary(call.task_id, state.tasks);
        case CallKind::Statistic: return task_statistic(call.task_id, state.tasks);
        case CallKind::Defects: return task_defects(call.task_id, request, state.tasks);
        case CallKind::Create: return create_task(state.tasks);
        default: return no_such_route();
    }
    return no_such_route();
}

}  // namespace ccs::emu
