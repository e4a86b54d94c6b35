#include "flow/task_pool.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <thread>

#include "core/threads.h"

namespace ccs::flow {

void share_out(std::size_t count, int concurrency, const ApiFactory& make_api,
               const std::function<void(std::size_t index, const ApiOfWorker& api)>& work) {
    std::atomic<std::size_t> next{0};
    auto worker = [&]() {
        std::unique_ptr<api::TaskApi> api;
        const ApiOfWorker api_of_worker = [&]() -> api::TaskApi& {
            if (!api) api = make_api();
            return *api;
        };
        for (std::size_t i = next++; i < count; i = next++) work(i, api_of_worker);
    };

    const std::size_t workers = std::min<std::size_t>(std::max(1, concurrency), count);
    std::vector<std::thread> threads;
    for (std::size_t i = 1; i < workers; ++i) {
        std::thread thread;
        if (!try_start_thread(thread, worker)) break;
        threads.push_back(std::move(thread));
    }
    worker();
    for (auto& thread : threads) thread.join();
}

RunReport run_tasks(const std::vector<std::string>& task_ids, int concurrency, const ApiFactory& make_api,
                    const Deadline& deadline, const TaskWork& work, const TaskDone& on_done) {
    const auto started = std::chrono::steady_clock::now();
    RunReport report;
    report.tasks.resize(task_ids.size());
    share_out(task_ids.size(), concurrency, make_api, [&](std::size_t i, const ApiOfWorker& api) {
        TaskResult& slot = report.tasks[i];
        if (deadline.expired()) {
            slot = work.not_started(task_ids[i]);
        } else {
            try {
                slot = work.run(api(), task_ids[i]);
            } catch (const std::exception& error) {
                slot = work.internal_error(task_ids[i], error.what());
            }
        }
        if (on_done) on_done(i, slot);
    });
    report.elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    return report;
}

}  // namespace ccs::flow
