#include "app/last_resort.h"

#include <cstdlib>
#include <iostream>

namespace ccs::app {
namespace {

TaskResult unfinished(const std::string& task_id) {
    TaskResult result;
    result.task_id = task_id;
    result.outcome = Outcome::Failed;
    result.detail =
        "no result by the deadline: its calls were still under way; the task may still be running";
    return result;
}

}  // namespace

LastResort::LastResort(const Deadline& deadline, const std::vector<std::string>& task_ids,
                       report::Reporter& reporter, std::optional<int> exit_code)
    : time_(deadline.time()), reporter_(reporter), done_(task_ids.size(), false), started_(time_.now()) {
    for (const auto& id : task_ids) known_.tasks.push_back(unfinished(id));
    known_.exit_code = exit_code;
    // Without a timer thread there is no watchdog: every call is still bounded by the deadline on its own.
    alarm_ = deadline.when_expired([this] { fire(); }, grace);
}

LastResort::LastResort(const Deadline& deadline, const std::vector<std::string>& task_ids,
                       report::Reporter& reporter, ExitCodeNow exit_code)
    : LastResort(deadline, task_ids, reporter) {
    const std::lock_guard<std::mutex> lock(mutex_);
    exit_code_now_ = std::move(exit_code);
}

LastResort::~LastResort() {
    disarm();
}

void LastResort::task_done(std::size_t index, const TaskResult& result) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (firing_ || index >= known_.tasks.size()) return;
    known_.tasks[index] = result;
    done_[index] = true;
}

void LastResort::disarm() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        armed_ = false;
    }
    // Waits for an alarm call under way: one that has begun to report ends the process, so nothing
    // else may report meanwhile; one that has not sees it disarmed.
    alarm_.cancel();
}

void LastResort::fire() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (armed_) report_and_exit(lock);
}

void LastResort::report_and_exit(std::unique_lock<std::mutex>& lock) {
    firing_ = true;
    RunReport report = known_;
    if (exit_code_now_) report.exit_code = exit_code_now_();
    lock.unlock();  // workers that finish now must not block on us: task_done() ignores them
    report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(time_.now() - started_);
    reporter_.log("the run passed its deadline by " + std::to_string(grace.count()) +
                  " ms with calls still under way: reporting what is known and ending");
    reporter_.finish(report);
    std::cout.flush();
    std::cerr.flush();
    // _Exit: no destructor may run while worker threads still use what it would destroy.
    std::_Exit(exit_code_for(report));
}

}  // namespace ccs::app
