#include <doctest/doctest.h>

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <vector>

#include "core/timer.h"
#include "fake_calls.h"
#include "flow/run_flow.h"
#include "jumping_time.h"

using namespace ccs;
using api::CallResult;
using api::ErrorClass;
using Millis = std::chrono::milliseconds;
using ccs::testing::JumpingTime;
using ccs::testing::unreachable;
using namespace std::chrono_literals;

namespace {

CallResult ok() {
    CallResult result;
    result.succeeded = true;
    result.http_status = 200;
    result.attempts = 1;
    return result;
}

CallResult started(const std::string& exec_id) {
    CallResult result = ok();
    result.exec_id = exec_id;
    result.request_ids = {"req-run"};
    return result;
}

CallResult progress_says(std::optional<int> status, const std::string& ratio = "",
                         const std::string& info = "") {
    CallResult result = ok();
    result.progress = api::Progress{status, ratio, info};
    result.request_ids = {"req-progress"};
    return result;
}

CallResult summary_says(std::optional<SeverityCounts> counts, std::optional<bool> is_access) {
    CallResult result = ok();
    result.summary = api::DefectsSummary{counts, is_access};
    return result;
}

CallResult statistic_says(SeverityCounts counts) {
    CallResult result = ok();
    result.statistic = counts;
    return result;
}

CallResult error(int status, const std::string& code, ErrorClass error_class) {
    CallResult result;
    result.http_status = status;
    result.service_error = api::ServiceError{code, "message of " + code};
    result.error_class = error_class;
    result.attempts = 1;
    result.request_ids = {"req-" + code};
    return result;
}

// Answers from scripts (the last answer of each repeats); records the calls.
class ScriptedApi : public api::TaskApi {
public:
    std::deque<CallResult> run_answers{started("e1")};
    std::deque<CallResult> progress_answers;
    std::deque<CallResult> summary_answers;
    std::deque<CallResult> statistic_answers;
    std::deque<CallResult> stop_answers{ok()};
    std::vector<std::string> calls;
    std::vector<std::string> refs;
    std::function<void(int progress_calls)> on_progress;  // as each progress call comes, before its answer

    CallResult stop(const std::string& task_id, const Deadline&) override {
        return next(stop_answers, "stop " + task_id);
    }
    CallResult progress(const std::string& task_id, const Deadline&) override {
        ++progress_calls_;
        if (on_progress) on_progress(progress_calls_);
        return next(progress_answers, "progress " + task_id);
    }
    CallResult run(const std::string& task_id, const std::string& ref, const Deadline&) override {
        refs.push_back(ref);
        return next(run_answers, "run " + task_id);
    }
    CallResult defects_summary(const std::string& task_id, const Deadline&) override {
        return next(summary_answers, "summary " + task_id);
    }
    CallResult defects_statistic(const std::string& task_id, const Deadline&) override {
        return next(statistic_answers, "statistic " + task_id);
    }
    CallResult defects_detail(const std::string& task_id, long long, int, bool, const Deadline&) override {
        FAIL("run mode does not read the findings of " << task_id);
        return {};
    }

private:
    CallResult next(std::deque<CallResult>& answers, const std::string& call) {
        calls.push_back(call);
        REQUIRE_FALSE(answers.empty());
        REQUIRE(calls.size() < 500);  // a flow that never ends fails here instead
        CallResult answer = answers.front();
        if (answers.size() > 1) answers.pop_front();
        return answer;
    }
    int progress_calls_ = 0;
};

struct Run {
    JumpingTime time;
    ScriptedApi api;
    flow::RunSettings settings;
    std::vector<std::string> lines;
    int stop_deadlines = 0;

    TaskResult once(Millis timeout = 60min) {
        CancellableDeadline follow(time.now() + timeout, time);
        return once(follow);
    }

    TaskResult once(const CancellableDeadline& follow) {
        const flow::ApiFactory factory = [this]() {
            // The flow owns what the factory gives: a forwarder to the one scripted API.
            struct Forward : api::TaskApi {
                explicit Forward(ScriptedApi& to) : api(to) {}
                ScriptedApi& api;
                CallResult stop(const std::string& id, const Deadline& d) override { return api.stop(id, d); }
                CallResult progress(const std::string& id, const Deadline& d) override {
                    return api.progress(id, d);
                }
                CallResult run(const std::string& id, const std::string& ref, const Deadline& d) override {
                    return api.run(id, ref, d);
                }
                CallResult defects_summary(const std::string& id, const Deadline& d) override {
                    return api.defects_summary(id, d);
                }
                CallResult defects_statistic(const std::string& id, const Deadline& d) override {
                    return api.defects_statistic(id, d);
                }
                CallResult defects_detail(const std::string& id, long long offset, int limit, bool unresolved,
                                          const Deadline& d) override {
                    return api.defects_detail(id, offset, limit, unresolved, d);
                }
            };
            return std::make_unique<Forward>(api);
        };
        const flow::StopDeadline stop_deadline = [this]() {
            ++stop_deadlines;
            return Deadline::in(6s, time);
        };
        const flow::Log log = [this](const std::string& line) { lines.push_back(line); };
        RunReport report = flow::run_checks({"T1"}, settings, factory, follow.deadline(), stop_deadline, log);
        REQUIRE(report.tasks.size() == 1);
        REQUIRE(report.tasks[0].check);
        return report.tasks[0];
    }

    bool logged(const std::string& part) const {
        for (const auto& line : lines) {
            if (line.find(part) != std::string::npos) return true;
        }
        return false;
    }
};

FailOn fail_on(const std::string& text) {
    return *parse_fail_on(text).fail_on;
}

}  // namespace

TEST_CASE("the back-off: 2 s first, then doubling, capped at the poll interval") {
    const flow::PollBackoff backoff{2s, 15s};
    CHECK(backoff.wait_before(1) == 2s);
    CHECK(backoff.wait_before(2) == 4s);
    CHECK(backoff.wait_before(3) == 8s);
    CHECK(backoff.wait_before(4) == 15s);
    CHECK(backoff.wait_before(100) == 15s);
    CHECK(backoff.wait_before(1000000) == 15s);
    // A poll interval below the first wait caps the first too.
    CHECK(flow::PollBackoff{2s, 1s}.wait_before(1) == 1s);
    CHECK(flow::PollBackoff{20ms, 50ms}.wait_before(3) == 50ms);
}

TEST_CASE("progress lines: the first, each change, and a heartbeat when nothing changes") {
    flow::ProgressLines lines(60s);
    const auto t0 = Deadline::Clock::time_point() + 1000h;
    CHECK(lines.should_print("0%", "queued", t0));
    CHECK_FALSE(lines.should_print("0%", "queued", t0 + 15s));
    CHECK(lines.should_print("10%", "queued", t0 + 30s));
    CHECK(lines.should_print("10%", "scanning", t0 + 45s));
    CHECK_FALSE(lines.should_print("10%", "scanning", t0 + 104s));
    CHECK(lines.should_print("10%", "scanning", t0 + 105s));
    CHECK_FALSE(lines.should_print("10%", "scanning", t0 + 120s));
}

TEST_CASE("a check that succeeds and passes the task's gate; the back-off between looks") {
    Run run;
    run.settings.ref = "merge_request";
    run.api.progress_answers = {progress_says(0, "0%", "queued"),    progress_says(0, "0%", "queued"),
                                progress_says(0, "50%", "scanning"), progress_says(0, "50%", "scanning"),
                                progress_says(0, "50%", "scanning"), progress_says(2, "100%", "done")};
    run.api.summary_answers = {summary_says(SeverityCounts{0, 1, 2, 3}, true)};
    const TaskResult result = run.once();
    CHECK(result.check->status == CheckStatus::Passed);
    CHECK(result.outcome == Outcome::NotRunning);
    CHECK(result.check->exec_id == "e1");
    CHECK_FALSE(result.check->followed_only);
    CHECK(result.check->gate == GateVerdict::Passed);
    REQUIRE(result.check->counts);
    CHECK(result.check->counts->suggestion == 3);
    CHECK(run.api.refs == std::vector<std::string>{"merge_request"});
    CHECK(run.time.waits == std::vector<Millis>{2s, 4s, 8s, 15s, 15s, 15s});
    CHECK(run.api.calls.back() == "summary T1");  // the summary had the counts: no statistic
    CHECK(run.stop_deadlines == 0);
    CHECK(run.logged("exec id e1"));
    CHECK(run.logged("0% queued"));
    CHECK(run.logged("50% scanning"));
    CHECK(result.attempts == 8);
    CHECK(result.request_ids.front() == "req-run");
}

TEST_CASE("progress events: every look goes to the reporter, with its log line only when one is due") {
    Run run;
    std::vector<ProgressEvent> events;
    run.settings.progress = [&events](const ProgressEvent& event) { events.push_back(event); };
    run.api.progress_answers = {progress_says(0, "0%", "queued"), progress_says(0, "0%", "queued"),
                                progress_says(0, "50%", "scanning"), progress_says(2, "100%", "done")};
    run.api.summary_answers = {summary_says(SeverityCounts{0, 0, 0, 0}, true)};
    CHECK(run.once().check->status == CheckStatus::Passed);
    std::vector<std::string> seen;
    for (const ProgressEvent& event : events) {
        CHECK(event.task_id == "T1");
        seen.push_back(event.state + "|" + event.ratio + "|" + event.info + "|" + event.line.value_or("-"));
    }
    CHECK(seen == std::vector<std::string>{"starting|||-", "started|||-",
                                           "running|0%|queued|task T1: 0% queued", "running|0%|queued|-",
                                           "running|50%|scanning|task T1: 50% scanning",
                                           "succeeded|100%|done|-"});
    // The due lines went to the reporter's progress, not a second time to the log.
    CHECK_FALSE(run.logged("0% queued"));
    CHECK(run.logged("exec id e1"));
}

TEST_CASE("the gate fails by the task's own verdict, or by --fail-on thresholds") {
    SUBCASE("is_access false") {
        Run run;
        run.api.progress_answers = {progress_says(2)};
        run.api.summary_answers = {summary_says(SeverityCounts{0, 0, 0, 0}, false)};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::GateFailed);
        CHECK(result.check->gate == GateVerdict::Failed);
        CHECK(result.outcome == Outcome::NotRunning);
        CHECK(result.detail.find("quality gate failed") != std::string::npos);
    }
    SUBCASE("thresholds, counts from the statistic when the summary lacks them") {
        Run run;
        run.settings.fail_on = fail_on("critical,major>10");
        run.api.progress_answers = {progress_says(2)};
        run.api.summary_answers = {summary_says(std::nullopt, true)};
        run.api.statistic_answers = {statistic_says(SeverityCounts{0, 11, 0, 0})};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::GateFailed);
        REQUIRE(result.check->counts);
        CHECK(result.check->counts->major == 11);
        CHECK(result.detail.find("11 major (more than 10)") != std::string::npos);
        CHECK(run.api.calls.back() == "statistic T1");
    }
    SUBCASE("thresholds met: passed, whatever is_access says") {
        Run run;
        run.settings.fail_on = fail_on("critical");
        run.api.progress_answers = {progress_says(2)};
        run.api.summary_answers = {summary_says(SeverityCounts{0, 50, 0, 0}, false)};
        CHECK(run.once().check->status == CheckStatus::Passed);
    }
    SUBCASE("never: passed, with the counts") {
        Run run;
        run.settings.fail_on = fail_on("never");
        run.api.progress_answers = {progress_says(2)};
        run.api.summary_answers = {summary_says(SeverityCounts{9, 9, 9, 9}, false)};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::Passed);
        CHECK(result.check->gate == GateVerdict::None);
        CHECK(result.check->counts->critical == 9);
    }
    SUBCASE("thresholds but no counts to be had: failed, with the reason") {
        Run run;
        run.settings.fail_on = fail_on("critical");
        run.api.progress_answers = {progress_says(2)};
        run.api.summary_answers = {summary_says(std::nullopt, true)};
        CallResult unusable = ok();
        unusable.succeeded = false;
        unusable.error_class = ErrorClass::Rejected;
        unusable.problem = "the defects statistic has no severity counts";
        run.api.statistic_answers = {unusable};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::Failed);
        CHECK(result.outcome == Outcome::Failed);
        CHECK(result.detail.find("no severity counts") != std::string::npos);
    }
}

TEST_CASE("the check fails, or someone else stops it") {
    SUBCASE("status 1") {
        Run run;
        run.api.progress_answers = {progress_says(0), progress_says(1, "10%", "git clone failed")};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::CheckFailed);
        CHECK(result.outcome == Outcome::NotRunning);
        CHECK(result.detail.find("git clone failed") != std::string::npos);
        CHECK(run.api.calls.back() == "progress T1");
    }
    SUBCASE("status 3") {
        Run run;
        run.api.progress_answers = {progress_says(0), progress_says(3)};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::StoppedElsewhere);
        CHECK(result.outcome == Outcome::NotRunning);
        CHECK(run.stop_deadlines == 0);
    }
}

TEST_CASE("a task already running is followed, not restarted, and the log says so") {
    for (const int http : {200, 400}) {
        Run run;
        run.api.run_answers = {error(http, "CC.00050015", ErrorClass::Rejected)};
        run.api.progress_answers = {progress_says(0), progress_says(2)};
        run.api.summary_answers = {summary_says(SeverityCounts{}, true)};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::Passed);
        CHECK(result.check->followed_only);
        CHECK(result.check->exec_id.empty());
        CHECK(result.error_code.empty());
        CHECK(run.logged("already running: following that check, not restarting it"));
        CHECK(std::count(run.api.calls.begin(), run.api.calls.end(), "run T1") == 1);
    }
}

TEST_CASE("transient failures while following never end the wait") {
    Run run;
    run.api.run_answers = {error(400, "CC.00000000", ErrorClass::Transient), started("e2")};
    run.api.progress_answers = {
        progress_says(0), unreachable(),    error(503, "CC.00050012", ErrorClass::Transient),
        unreachable(),    progress_says(0), progress_says(2)};
    run.api.summary_answers = {error(500, "CC.00050001", ErrorClass::Transient),
                               summary_says(SeverityCounts{}, true)};
    const TaskResult result = run.once();
    CHECK(result.check->status == CheckStatus::Passed);
    CHECK(result.check->exec_id == "e2");
    CHECK(run.logged("still following"));
    CHECK(run.logged("trying again in"));
    // The start's retry waited 2 s; the follow starts its own sequence at 2 s.
    REQUIRE(run.time.waits.size() >= 2);
    CHECK(run.time.waits[0] == 2s);
    CHECK(run.time.waits[1] == 2s);
}

TEST_CASE("a failure that is not transient fails the task with the service's code and request ids") {
    SUBCASE("credentials refused on run") {
        Run run;
        run.api.run_answers = {error(401, "CC.00000003", ErrorClass::Auth)};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::Failed);
        CHECK(result.outcome == Outcome::Failed);
        CHECK(result.credentials_refused);
        CHECK(result.error_code == "CC.00000003");
        CHECK(result.error_message == "message of CC.00000003");
        CHECK(result.http_status == 401);
        CHECK(result.request_ids == std::vector<std::string>{"req-CC.00000003"});
        CHECK(run.api.calls == std::vector<std::string>{"run T1"});
    }
    SUBCASE("unknown task") {
        Run run;
        run.api.run_answers = {error(200, "CC.00050013", ErrorClass::Rejected)};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::Failed);
        CHECK_FALSE(result.credentials_refused);
        CHECK(result.error_code == "CC.00050013");
        CHECK(result.detail.find("could not be started") != std::string::npos);
    }
    SUBCASE("credentials refused while following") {
        Run run;
        run.api.progress_answers = {progress_says(0), error(403, "CC.00050010", ErrorClass::Auth)};
        const TaskResult result = run.once();
        CHECK(result.check->status == CheckStatus::Failed);
        CHECK(result.credentials_refused);
        CHECK(result.request_ids == std::vector<std::string>{"req-run", "req-progress", "req-CC.00050010"});
    }
}

TEST_CASE("the deadline passes while the check runs: it is stopped, by the stop deadline") {
    Run run;
    run.api.progress_answers = {progress_says(0, "50%", "scanning")};
    run.api.stop_answers = {ok()};
    JumpingTime& time = run.time;
    const auto start = time.now();
    CancellableDeadline follow(start + 60s, time);
    // After the deadline, the stop flow's progress sees the task stopped.
    run.api.on_progress = [&](int) {
        if (time.now() >= start + 60s) run.api.progress_answers = {progress_says(3)};
    };
    const TaskResult result = run.once(follow);
    CHECK(result.check->status == CheckStatus::Stopped);
    CHECK(result.outcome == Outcome::Stopped);
    CHECK(run.stop_deadlines == 1);
    CHECK(result.detail.find("timeout or signal") != std::string::npos);
    // Looks at 2, 6, 14, 29, 44 and 59 s, then a wait to the deadline (1 s) and no look after it.
    CHECK(run.time.waits == std::vector<Millis>{2s, 4s, 8s, 15s, 15s, 15s, 1s});
    CHECK(run.api.calls.back() == "progress T1");  // the stop's confirmation
    CHECK(std::count(run.api.calls.begin(), run.api.calls.end(), "stop T1") == 1);
}

TEST_CASE("a cut (a signal) ends the wait at once and stops the check") {
    Run run;
    CancellableDeadline follow(run.time.now() + 60min, run.time);
    run.api.progress_answers = {progress_says(0)};
    bool cut = false;
    run.api.on_progress = [&](int calls) {
        if (calls == 2 && !cut) {
            cut = true;
            follow.cut_to(run.time.now());  // this look still says running
        }
        if (calls == 3) run.api.progress_answers = {progress_says(3)};  // the stop's confirmation
    };
    const TaskResult result = run.once(follow);
    CHECK(result.check->status == CheckStatus::Stopped);
    CHECK(result.outcome == Outcome::Stopped);
    CHECK(run.api.calls ==
          std::vector<std::string>{"run T1", "progress T1", "progress T1", "stop T1", "progress T1"});
    CHECK(run.time.waits == std::vector<Millis>{2s, 4s});
}

TEST_CASE("tasks whose turn never came before the deadline are failed, not started") {
    JumpingTime time;
    CancellableDeadline follow(time.now(), time);
    int made = 0;
    const flow::ApiFactory factory = [&]() {
        ++made;
        return std::unique_ptr<api::TaskApi>();
    };
    const RunReport report = flow::run_checks({"T1", "T2"}, flow::RunSettings{}, factory, follow.deadline(),
                                              {}, [](const std::string&) {});
    REQUIRE(report.tasks.size() == 2);
    CHECK(made == 0);
    for (const TaskResult& task : report.tasks) {
        CHECK(task.outcome == Outcome::Failed);
        REQUIRE(task.check);
        CHECK(task.check->status == CheckStatus::Failed);
        CHECK(task.detail.find("not started") != std::string::npos);
    }
}

TEST_CASE("many tasks on real time: each gets its own result, in order, with bounded workers") {
    std::mutex mutex;
    std::vector<std::string> runs;
    struct Quick : api::TaskApi {
        std::mutex& mutex;
        std::vector<std::string>& runs;
        std::map<std::string, int> looks;
        Quick(std::mutex& m, std::vector<std::string>& r) : mutex(m), runs(r) {}
        CallResult stop(const std::string&, const Deadline&) override { return ok(); }
        CallResult progress(const std::string& id, const Deadline&) override {
            // T3 fails its check; the others succeed on their second look.
            if (++looks[id] < 2) return progress_says(0);
            return progress_says(id == "T3" ? 1 : 2);
        }
        CallResult run(const std::string& id, const std::string&, const Deadline&) override {
            const std::lock_guard<std::mutex> lock(mutex);
            runs.push_back(id);
            return started("x" + id);
        }
        CallResult defects_summary(const std::string& id, const Deadline&) override {
            return summary_says(SeverityCounts{}, id != "T5");
        }
        CallResult defects_statistic(const std::string&, const Deadline&) override { return ok(); }
        CallResult defects_detail(const std::string&, long long, int, bool, const Deadline&) override {
            return ok();
        }
    };
    const flow::ApiFactory factory = [&]() { return std::make_unique<Quick>(mutex, runs); };
    flow::RunSettings settings;
    settings.concurrency = 3;
    settings.backoff = flow::PollBackoff{5ms, 10ms};
    const std::vector<std::string> ids = {"T1", "T2", "T3", "T4", "T5", "T6", "T7"};
    std::vector<std::size_t> done;
    const flow::TaskDone on_done = [&](std::size_t index, const TaskResult&) {
        const std::lock_guard<std::mutex> lock(mutex);
        done.push_back(index);
    };
    const RunReport report = flow::run_checks(
        ids, settings, factory, Deadline::in(20s), {}, [](const std::string&) {}, on_done);
    REQUIRE(report.tasks.size() == ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        CAPTURE(ids[i]);
        CHECK(report.tasks[i].task_id == ids[i]);
        CHECK(report.tasks[i].check->exec_id == "x" + ids[i]);
        const CheckStatus expected = ids[i] == "T3"   ? CheckStatus::CheckFailed
                                     : ids[i] == "T5" ? CheckStatus::GateFailed
                                                      : CheckStatus::Passed;
        CHECK(report.tasks[i].check->status == expected);
    }
    CHECK(runs.size() == ids.size());
    CHECK(done.size() == ids.size());
}

TEST_CASE("a check that ends as the wait's time runs out still has its results read, within the grace") {
    Run run;
    CancellableDeadline follow(run.time.now() + 60min, run.time);
    run.api.progress_answers = {progress_says(2)};
    run.api.on_progress = [&](int) { follow.cut_to(run.time.now()); };  // a signal, as it ends
    run.api.summary_answers = {summary_says(SeverityCounts{1, 0, 0, 0}, false)};
    const TaskResult result = run.once(follow);
    CHECK(result.check->status == CheckStatus::GateFailed);
    CHECK(result.outcome == Outcome::NotRunning);
    CHECK(run.stop_deadlines == 1);
    CHECK(std::count(run.api.calls.begin(), run.api.calls.end(), "stop T1") == 0);
}
