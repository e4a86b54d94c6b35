// The emulated tasks and their status, shared by the API and admin routes.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace ccs::emu {

// task_status as the service reports it: 0 running, 1 check failed, 2 succeeded, 3 stopped, nullopt for
// the service's null (never run). Other integers are stored as given, to test clients against them.
using TaskStatus = std::optional<int>;
constexpr int status_running = 0;
constexpr int status_stopped = 3;

// A task as seen at one moment: whether it exists, and if so its status.
struct TaskState {
    bool known = false;
    TaskStatus status;
};

class TaskStore {
public:
    TaskState get(const std::string& id) const;
    void set(const std::string& id, TaskStatus status);
    void replace_all(std::map<std::string, TaskStatus> tasks);
    void clear();

    // The API's transitions. Each returns the state before the call and changes it atomically:
    // stop turns 0 into 3; run turns anything but 0 into 0.
    TaskState stop(const std::string& id);
    TaskState run(const std::string& id);

    // A new task with a fresh id and status null; returns the id.
    std::string create();

private:
    TaskState lookup(const std::string& id) const;  // caller holds mutex_

    mutable std::mutex mutex_;
    std::map<std::string, TaskStatus> tasks_;
};

}  // namespace ccs::emu
