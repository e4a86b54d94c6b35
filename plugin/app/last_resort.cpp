#include "app/last_resort.h"

#include <cstdlib>
#include <iostream>

#include "core/threads.h"

namespace ccs::app {
namespace {

// A deadline a signal can cut moves earlier without telling the watchdog: it looks again this often.
constexpr std::chrono::milliseconds recheck{50};

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
    : deadline_(deadline),
      reporter_(reporter),
      done_(task_ids.size(), false),
      started_(Deadline::Clock::now()) {
    for (const auto& id : task_ids) known_.tasks.push_back(unfinished(id));
    known_.exit_code = exit_code;
    // Without a thread there is no watchdog: every call is still bounded by the deadline on its own.
    try_start_thread(thread_, [this] { watch(); });
}

LastResort::~LastResort() {
    disarm();
    if (thread_.joinable()) thread_.join();
}

void LastResort::task_done(std::size_t index, const TaskResult& result) {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (firing_ || index >= known_.tasks.size()) return;
    known_.tasks[index] = result;
    done_[index] = true;
}

void LastResort::disarm() {
    std::unique_lock<std::mutex> lock(mutex_);
    if (firing_) {
        // The watchdog is reporting and will end the process; nothing else may report meanwhile.
        for (;;) disarmed_.wait(lock);
    }
    armed_ = false;
    disarmed_.notify_all();
}

void LastResort::watch() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (armed_) {
        const auto now = Deadline::Clock::now();
        const auto fire_at = deadline_.at() + grace;
        if (now >= fire_at) report_and_exit(lock);
        disarmed_.wait_until(lock, std::min(fire_at, now + recheck));
    }
}

void LastResort::report_and_exit(std::unique_lock<std::mutex>& lock) {
    firing_ = true;
    RunReport report = known_;
    lock.unlock();  // workers that finish now must not block on us: task_done() ignores them
    report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Deadline::Clock::now() - started_);
    reporter_.log("the run passed its deadline by " + std::to_string(grace.count()) +
                  " ms with calls still under way: reporting what is known and ending");
    reporter_.finish(report);
    std::cout.flush();
    std::cerr.flush();
    // _Exit: no destructor may run while worker threads still use what it would destroy.
    std::_Exit(exit_code_for(report));
}

}  // namespace ccs::app
