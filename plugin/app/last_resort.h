// The last line of defence for "the process ends by the deadline + 1 s, whatever happens". Every
// connect, read and wait is bounded by the deadline already; this is for what no timeout reaches (a
// library call that blocks, a bug). Half a second after the deadline it reports what it knows, the
// tasks with a result as they are and the others as failed, and ends the process with the exit code
// that report gets. The normal path disarms it before it reports, so exactly one of them reports.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/deadline.h"
#include "core/task_result.h"
#include "report/reporter.h"

namespace ccs::app {

class LastResort {
public:
    // How long after the deadline it steps in: the normal path always reports before then.
    static constexpr std::chrono::milliseconds grace{500};

    // `exit_code`: the one the run ends with whatever the tasks' results (watch's 124 or 128 + N).
    LastResort(const Deadline& deadline, const std::vector<std::string>& task_ids, report::Reporter& reporter,
               std::optional<int> exit_code = std::nullopt);
    // Run mode: the exit code is known only when it fires (124 after the timeout, 128 + N after a
    // signal, none before either); `exit_code` tells it then, from the timer's thread.
    using ExitCodeNow = std::function<std::optional<int>()>;
    LastResort(const Deadline& deadline, const std::vector<std::string>& task_ids, report::Reporter& reporter,
               ExitCodeNow exit_code);
    ~LastResort();  // disarms
    LastResort(const LastResort&) = delete;
    LastResort& operator=(const LastResort&) = delete;

    // A task's result, as soon as it has one. Thread-safe.
    void task_done(std::size_t index, const TaskResult& result);

    // The normal path is about to report: the watchdog stands down. If it has already begun to report,
    // this never returns (the process ends with the watchdog's report).
    void disarm();

private:
    void fire();  // the alarm's call, on the timer's thread
    [[noreturn]] void report_and_exit(std::unique_lock<std::mutex>& lock);

    const TimeSource& time_;
    report::Reporter& reporter_;
    RunReport known_;            // every task, failed until its result arrives
    ExitCodeNow exit_code_now_;  // set: gives known_.exit_code when it fires
    std::vector<bool> done_;
    Deadline::Clock::time_point started_;

    std::mutex mutex_;
    bool armed_ = true;
    bool firing_ = false;
    Deadline::Alarm alarm_;  // last: set once everything it uses is
};

}  // namespace ccs::app
