#include <doctest/doctest.h>

#include <deque>
#include <mutex>
#include <set>

#include "flow/stop_flow.h"

using namespace ccs;
using api::CallResult;
using api::ErrorClass;
using Millis = std::chrono::milliseconds;

namespace {

CallResult progress_says(std::optional<int> status) {
    CallResult result;
    result.succeeded = true;
    result.http_status = 200;
    result.attempts = 1;
    result.progress = api::Progress{status, "", ""};
    result.request_ids = {"req-progress"};
    return result;
}

CallResult accepted() {
    CallResult result;
    result.succeeded = true;
    result.http_status = 200;
    result.attempts = 1;
    result.request_ids = {"req-stop"};
    return result;
}

CallResult error(int status, const std::string& code, ErrorClass error_class, int attempts = 1) {
    CallResult result;
    result.http_status = status;
    result.service_error = api::ServiceError{code, "message of " + code};
    result.error_class = error_class;
    result.attempts = attempts;
    return result;
}

// Answers from scripts; records the calls it received.
class ScriptedApi : public api::TaskApi {
public:
    std::deque<CallResult> progress_answers;
    std::deque<CallResult> stop_answers;
    std::vector<std::string> calls;

    CallResult stop(const std::string& task_id, const Deadline&) override {
        return next(stop_answers, "stop " + task_id);
    }
    CallResult progress(const std::string& task_id, const Deadline&) override {
        return next(progress_answers, "progress " + task_id);
    }
    // Not used by a stop.
    CallResult run(const std::string& task_id, const std::string&, const Deadline&) override {
        FAIL("a stop does not run " << task_id);
        return {};
    }
    CallResult defects_summary(const std::string& task_id, const Deadline&) override {
        FAIL("a stop does not read the summary of " << task_id);
        return {};
    }
    CallResult defects_statistic(const std::string& task_id, const Deadline&) override {
        FAIL("a stop does not read the statistic of " << task_id);
        return {};
    }
    CallResult defects_detail(const std::string& task_id, long long, int, bool, const Deadline&) override {
        FAIL("a stop does not read the findings of " << task_id);
        return {};
    }

private:
    CallResult next(std::deque<CallResult>& answers, const std::string& call) {
        calls.push_back(call);
        REQUIRE_FALSE(answers.empty());
        CallResult answer = answers.front();
        if (answers.size() > 1) answers.pop_front();
        return answer;
    }
};

const flow::Log quiet = [](const std::string&) {};

}  // namespace

TEST_CASE("a running task is stopped and confirmed from its progress") {
    ScriptedApi api;
    api.progress_answers = {progress_says(0), progress_says(3)};
    api.stop_answers = {accepted()};
    const TaskResult result = flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet);
    CHECK(result.outcome == Outcome::Stopped);
    CHECK(api.calls == std::vector<std::string>{"progress T1", "stop T1", "progress T1"});
    CHECK(result.attempts == 3);
    CHECK(result.request_ids == std::vector<std::string>{"req-progress", "req-stop", "req-progress"});
}

TEST_CASE("a task that is not running is left alone") {
    for (std::optional<int> status :
         {std::optional<int>(1), std::optional<int>(2), std::optional<int>(3), std::optional<int>()}) {
        ScriptedApi api;
        api.progress_answers = {progress_says(status)};
        const TaskResult result = flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet);
        CHECK(result.outcome == Outcome::NotRunning);
        CHECK(api.calls == std::vector<std::string>{"progress T1"});
    }
}

TEST_CASE("a stop answered with an error code in a 200 fails with that code") {
    ScriptedApi api;
    api.progress_answers = {progress_says(0), progress_says(0)};
    api.stop_answers = {error(200, "CC.00050013", ErrorClass::Rejected)};
    const TaskResult result = flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet);
    CHECK(result.outcome == Outcome::Failed);
    CHECK(result.error_code == "CC.00050013");
    CHECK(result.http_status == 200);
    CHECK_FALSE(result.credentials_refused);
}

TEST_CASE("refused credentials fail at once and are marked for exit code 3") {
    ScriptedApi api;
    api.progress_answers = {error(401, "CC.00000003", ErrorClass::Auth)};
    const TaskResult result = flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet);
    CHECK(result.outcome == Outcome::Failed);
    CHECK(result.credentials_refused);
    CHECK(result.error_code == "CC.00000003");
    CHECK(api.calls.size() == 1);
}

TEST_CASE("an unknown state does not keep the stop from being sent") {
    ScriptedApi api;
    CallResult unreachable;
    unreachable.transport_error = http::TransportError{http::TransportErrorKind::Timeout, "timed out"};
    unreachable.error_class = ErrorClass::Transient;
    api.progress_answers = {unreachable, progress_says(3)};
    api.stop_answers = {accepted()};
    const TaskResult result = flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet);
    CHECK(result.outcome == Outcome::Stopped);
    CHECK(api.calls == std::vector<std::string>{"progress T1", "stop T1", "progress T1"});
}

TEST_CASE("a failed stop on a task that ended meanwhile is not-running") {
    ScriptedApi api;
    api.progress_answers = {progress_says(0), progress_says(2)};
    api.stop_answers = {error(400, "CC.00050000", ErrorClass::Rejected)};
    const TaskResult result = flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet);
    CHECK(result.outcome == Outcome::NotRunning);
    CHECK(result.detail.find("CC.00050000") != std::string::npos);
}

TEST_CASE("a stop that is accepted but never takes effect fails by the deadline") {
    ScriptedApi api;
    api.progress_answers = {progress_says(0)};
    api.stop_answers = {accepted()};
    const TaskResult result = flow::stop_task(api, "T1", Deadline::in(Millis(1200)), quiet);
    CHECK(result.outcome == Outcome::Failed);
    CHECK(result.detail.find("still running") != std::string::npos);
    CHECK(result.elapsed < Millis(1200));
}

TEST_CASE("many tasks: every one gets its result, in the order given, and workers are bounded") {
    std::mutex mutex;
    int apis_made = 0;
    std::set<std::string> stopped;
    const flow::ApiFactory factory = [&]() {
        std::lock_guard<std::mutex> lock(mutex);
        ++apis_made;
        auto api = std::make_unique<ScriptedApi>();
        api->progress_answers = {progress_says(0), progress_says(3)};
        api->stop_answers = {accepted()};
        return std::unique_ptr<api::TaskApi>(std::move(api));
    };
    std::vector<std::string> ids;
    ids.reserve(20);
    for (int i = 0; i < 20; ++i) ids.push_back("task-" + std::to_string(i));
    // Each scripted api answers running first only once; later tasks on the same worker see "stopped"
    // at the first look, which is not-running: both outcomes are success.
    const RunReport report = flow::stop_tasks(ids, 4, factory, Deadline::in(Millis(5000)), quiet);
    REQUIRE(report.tasks.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) CHECK(report.tasks[i].task_id == ids[i]);
    CHECK(apis_made <= 4);
    CHECK(report.result() == RunResult::Success);
    CHECK(exit_code_for(report) == exit_code::ok);
}

TEST_CASE("after a refused stop the progress is asked once, not until the deadline") {
    ScriptedApi api;
    api.progress_answers = {progress_says(0)};
    api.stop_answers = {error(200, "CC.00050000", ErrorClass::Rejected)};
    const TaskResult result = flow::stop_task(api, "T1", Deadline::in(Millis(60000)), quiet);
    CHECK(result.outcome == Outcome::Failed);
    CHECK(api.calls == std::vector<std::string>{"progress T1", "stop T1", "progress T1"});
}

TEST_CASE("stopping first sends the stop before any look, and the progress after it tells the outcome") {
    SUBCASE("it was running (or stopped already: nothing can tell, so nothing is claimed)") {
        ScriptedApi api;
        api.progress_answers = {progress_says(3)};
        api.stop_answers = {accepted()};
        const TaskResult result =
            flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet, flow::FirstCall::Stop);
        CHECK(result.outcome == Outcome::Stopped);
        CHECK(result.detail == "the stop was accepted; the service now reports it stopped");
        CHECK(api.calls == std::vector<std::string>{"stop T1", "progress T1"});
    }
    SUBCASE("it had ended by itself") {
        ScriptedApi api;
        api.progress_answers = {progress_says(2)};
        api.stop_answers = {accepted()};
        const TaskResult result =
            flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet, flow::FirstCall::Stop);
        CHECK(result.outcome == Outcome::NotRunning);
        CHECK(api.calls == std::vector<std::string>{"stop T1", "progress T1"});
    }
    SUBCASE("refused credentials fail at the stop") {
        ScriptedApi api;
        api.stop_answers = {error(401, "CC.00000003", ErrorClass::Auth)};
        const TaskResult result =
            flow::stop_task(api, "T1", Deadline::in(Millis(5000)), quiet, flow::FirstCall::Stop);
        CHECK(result.outcome == Outcome::Failed);
        CHECK(result.credentials_refused);
        CHECK(api.calls == std::vector<std::string>{"stop T1"});
    }
}

TEST_CASE("tasks whose turn comes after the deadline are failed without a call, and all get reported") {
    std::mutex mutex;
    int apis_made = 0;
    const flow::ApiFactory factory = [&]() {
        std::lock_guard<std::mutex> lock(mutex);
        ++apis_made;
        // Any call would fail the test: its scripts are empty.
        return std::unique_ptr<api::TaskApi>(std::make_unique<ScriptedApi>());
    };
    std::vector<std::string> ids(10000);
    for (std::size_t i = 0; i < ids.size(); ++i) ids[i] = "task-" + std::to_string(i);
    const RunReport report = flow::stop_tasks(ids, 8, factory, Deadline::in(Millis(0)), quiet);
    REQUIRE(report.tasks.size() == ids.size());
    CHECK(apis_made == 0);
    CHECK(report.tasks.back().task_id == ids.back());
    CHECK(report.tasks.back().outcome == Outcome::Failed);
    CHECK(report.tasks.back().detail.find("time was up") != std::string::npos);
}
