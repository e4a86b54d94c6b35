// The emulated tasks: their status, their runs over time and their results, shared by the API and admin
// routes.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "emulator/run_plan.h"
#include "emulator/task_status.h"

namespace ccs::emu {

// A task as seen at one moment: whether it exists, and if so its status and progress.
struct TaskState {
    bool known = false;
    TaskStatus status;
    ProgressView progress;
};

// Everything about a task at one moment, for the result calls and the admin routes.
struct TaskView {
    bool known = false;
    TaskStatus status;
    ProgressView progress;
    std::optional<CheckResults> results;       // of the last check that succeeded; nullopt: none yet
    std::string last_check_time;               // when those results came, "YYYY-MM-DD HH:MM:SS" UTC; or ""
    std::vector<std::string> exec_ids;         // of the runs POST /run started, oldest first
    std::optional<std::string> last_run_body;  // the body of the last POST /run that started a run
};

// What POST /run did.
struct RunStart {
    bool known = false;
    bool already_running = false;  // then nothing changed
    std::string exec_id;           // of the new run
};

class TaskStore {
public:
    using Clock = std::chrono::steady_clock;

    TaskState get(const std::string& id) const;
    TaskView view(const std::string& id) const;

    // Sets a task up afresh (a status 0 with a run description follows it from now).
    void set(const std::string& id, const TaskSetup& setup);
    // Sets the status only; the task's run description and results stay. Status 0 with a run
    // description starts following it from now; any other status ends the current run.
    void set_status(const std::string& id, TaskStatus status);
    void replace_all(const std::map<std::string, TaskSetup>& tasks);
    void clear();

    // The API's transitions, each atomic. stop turns 0 into 3 (a run's progress freezes where it is) and
    // returns the state before; run turns anything but 0 into 0 and starts the run description.
    TaskState stop(const std::string& id);
    RunStart run(const std::string& id, const std::string& body);

    // A new task with a fresh id and status null; returns the id.
    std::string create();

private:
    struct Task {
        TaskStatus status;
        std::optional<RunPlan> plan;
        std::optional<CheckResults> results;
        std::string last_check_time;
        std::optional<Clock::time_point> run_started;  // a run following `plan` is under way
        std::optional<ProgressView> progress;          // set once a run ended or froze; else by status
        std::vector<std::string> exec_ids;
        std::optional<std::string> last_run_body;
    };

    static Task make_task(const TaskSetup& setup, Clock::time_point now);
    static void settle(Task& task, Clock::time_point now);  // brings a run up to `now`
    static ProgressView progress_of(const Task& task, Clock::time_point now);
    Task* find(const std::string& id, Clock::time_point now) const;  // settled; caller holds mutex_

    mutable std::mutex mutex_;
    mutable std::map<std::string, Task> tasks_;  // mutable: reading settles runs up to the present
};

}  // namespace ccs::emu
