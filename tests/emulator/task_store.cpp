#include "emulator/task_store.h"

#include <ctime>

#include "emulator/ids.h"

namespace ccs::emu {

namespace {

long long elapsed_ms(TaskStore::Clock::time_point since, TaskStore::Clock::time_point now) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(now - since).count();
}

// "2026-11-30 14:05:09", UTC, for a moment `ago_ms` before now.
std::string wall_time(long long ago_ms) {
    const auto when = std::chrono::system_clock::now() - std::chrono::milliseconds(ago_ms);
    const std::time_t seconds = std::chrono::system_clock::to_time_t(when);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &utc);
    return text;
}

// Without a run description: what the stop tests have always seen.
ProgressView progress_by_status(const TaskStatus& status) {
    if (!status) return {"0%", "not started"};
    if (*status == status_running) return {"50%", "running"};
    return {"100%", "done"};
}

}  // namespace

ProgressView RunPlan::progress_at(long long elapsed) const {
    ProgressView current{"0%", "running"};
    for (const auto& step : steps) {
        if (step.after_ms > elapsed) break;
        current = step.progress;
    }
    return current;
}

ProgressView RunPlan::final_progress_of() const {
    if (final_progress) return *final_progress;
    if (final_status == status_failed) return {"100%", "check failed"};
    if (final_status == status_stopped)
        return {steps.empty() ? "0%" : steps.back().progress.ratio, "stopped"};
    return {"100%", "check succeeded"};
}

TaskStore::Task TaskStore::make_task(const TaskSetup& setup, Clock::time_point now) {
    Task task;
    task.status = setup.status;
    task.plan = setup.run;
    task.results = setup.results;
    if (task.results) task.last_check_time = wall_time(0);
    if (task.plan && task.status == status_running) task.run_started = now;
    return task;
}

void TaskStore::settle(Task& task, Clock::time_point now) {
    if (!task.run_started || !task.plan || !task.plan->duration_ms) return;
    const long long elapsed = elapsed_ms(*task.run_started, now);
    const int duration = *task.plan->duration_ms;
    if (elapsed < duration) return;
    task.run_started.reset();
    task.status = task.plan->final_status;
    task.progress = task.plan->final_progress_of();
    if (task.plan->final_status == status_succeeded && task.plan->results) {
        task.results = task.plan->results;
        task.last_check_time = wall_time(elapsed - duration);
    }
}

ProgressView TaskStore::progress_of(const Task& task, Clock::time_point now) {
    if (task.run_started && task.plan) return task.plan->progress_at(elapsed_ms(*task.run_started, now));
    if (task.progress) return *task.progress;
    return progress_by_status(task.status);
}

TaskStore::Task* TaskStore::find(const std::string& id, Clock::time_point now) const {
    const auto found = tasks_.find(id);
    if (found == tasks_.end()) return nullptr;
    settle(found->second, now);
    return &found->second;
}

TaskState TaskStore::get(const std::string& id) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = Clock::now();
    const Task* task = find(id, now);
    if (!task) return {};
    return {true, task->status, progress_of(*task, now)};
}

TaskView TaskStore::view(const std::string& id) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = Clock::now();
    const Task* task = find(id, now);
    if (!task) return {};
    return {true,           task->status,       progress_of(*task, now), task->results, task->last_check_time,
            task->exec_ids, task->last_run_body};
}

void TaskStore::set(const std::string& id, const TaskSetup& setup) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_[id] = make_task(setup, Clock::now());
}

void TaskStore::set_status(const std::string& id, TaskStatus status) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = Clock::now();
    Task& task = tasks_[id];
    task.status = status;
    task.progress.reset();
    task.run_started.reset();
    if (task.plan && status == status_running) task.run_started = now;
}

void TaskStore::replace_all(const std::map<std::string, TaskSetup>& tasks) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = Clock::now();
    tasks_.clear();
    for (const auto& [id, setup] : tasks) tasks_[id] = make_task(setup, now);
}

void TaskStore::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.clear();
}

TaskState TaskStore::stop(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = Clock::now();
    Task* task = find(id, now);
    if (!task) return {};
    TaskState before{true, task->status, progress_of(*task, now)};
    if (task->status == status_running) {
        if (task->run_started) task->progress = before.progress;  // a run freezes where it was
        task->run_started.reset();
        task->status = status_stopped;
    }
    return before;
}

RunStart TaskStore::run(const std::string& id, const std::string& body) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto now = Clock::now();
    Task* task = find(id, now);
    if (!task) return {};
    if (task->status == status_running) return {true, true, ""};
    task->status = status_running;
    task->progress.reset();
    task->run_started.reset();
    if (task->plan) task->run_started = now;
    task->exec_ids.push_back(random_hex_id());
    task->last_run_body = body;
    return {true, false, task->exec_ids.back()};
}

std::string TaskStore::create() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string id = random_hex_id();
    tasks_[id] = Task{};
    return id;
}

}  // namespace ccs::emu
