#include "flow/task_pool.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <thread>

#include "core/threads.h"

namespace ccs::flow {

RunReport run_tasks(const std::vector<std::string>& task_ids, int concurrency, const ApiFactory& make_api,
                    const Deadline& deadline, const TaskWork& work, const TaskDone& on_done) {
    const auto started = std::chrono::steady_clock::now();
    RunReport report;
    report.tasks.resize(task_ids.size());
    std::atomic<std::size_t> next{0};

    auto worker = [&]() {
        std::unique_ptr<api::TaskApi> api;
        for (std::size_t i = next++; i < task_ids.size(); i = next++) {
            TaskResult& slot = report.tasks[i];
            if (deadline.expired()) {
                slot = work.not_started(task_ids[i]);
            } else {
                try {
                    if (!api) api = make_api();
                    slot = work.run(*api, task_ids[i]);
                } catch (const std::exception& error) {
                    slot = work.internal_error(task_ids[i], error.what());
                }
            }
            if (on_done) on_done(i, slot);
        }
    };

    const std::size_t workers = std::min<std::size_t>(std::max(1, concurrency), task_ids.size());
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < workers; ++i) {
        std::thread thread;
        if (!try_start_thread(thread, worker)) break;
        threads.push_back(std::move(thread));
    }
    worker();
    for (auto& thread : threads) thread.join();

    report.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return report;
}

}  // namespace ccs::flow
