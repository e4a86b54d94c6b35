#include "emulator/task_store.h"

#include "emulator/ids.h"

namespace ccs::emu {

TaskState TaskStore::lookup(const std::string& id) const {
    const auto found = tasks_.find(id);
    if (found == tasks_.end()) return {};
    return {true, found->second};
}

TaskState TaskStore::get(const std::string& id) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lookup(id);
}

void TaskStore::set(const std::string& id, TaskStatus status) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_[id] = status;
}

void TaskStore::replace_all(std::map<std::string, TaskStatus> tasks) {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_ = std::move(tasks);
}

void TaskStore::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    tasks_.clear();
}

TaskState TaskStore::stop(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    const TaskState before = lookup(id);
    if (before.known && before.status == status_running) tasks_[id] = status_stopped;
    return before;
}

TaskState TaskStore::run(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    const TaskState before = lookup(id);
    if (before.known && before.status != status_running) tasks_[id] = status_running;
    return before;
}

std::string TaskStore::create() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string id = random_hex_id();
    tasks_[id] = std::nullopt;
    return id;
}

}  // namespace ccs::emu
