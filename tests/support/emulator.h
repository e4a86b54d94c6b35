// The CodeArts Check emulator as a test fixture: started in the constructor (a real process,
// codearts-check-emulator), stopped in the destructor.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support/http_client.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace ccs::test {

// The emulator program this build produced (CCS_EMULATOR_PATH, set by CMake).
std::string emulator_path();

struct EmulatorOptions {
    bool tls = true;
    std::vector<std::string> tokens;          // --token; none and no scenario tokens: any token works
    std::vector<std::string> expired_tokens;  // --expired-token
    std::vector<std::pair<std::string, std::optional<int>>> tasks;  // --task ID=STATUS (nullopt: null)
    std::string scenario_file;                                      // --scenario
    std::string log_file;                                           // --log
    std::optional<int> latency_ms;                                  // --latency-ms
    bool refusing_port = false;           // --refusing-port: refusing_url() is a down endpoint next to url()
    std::vector<std::string> extra_args;  // anything else, passed last
};

// One entry of GET /_emulator/requests.
struct RecordedRequest {
    long seq = 0;
    std::string method;
    std::string path;
    std::string query;
    std::map<std::string, std::string> headers;  // names as the client sent them
    std::string body;
    double received_unix_ms = 0;
    long connection = 0;  // serial number of the connection the request came on
    std::string request_id;
    int status = 0;  // status line answered; 0 for none (reset, close, hang) or still pending

    const std::string* header(const std::string& name) const;  // case-insensitive; nullptr if absent
};

// GET /_emulator/tasks/{id}: a task as the emulator sees it now (run mode's view included).
struct EmulatedTask {
    std::optional<int> status;
    std::string ratio;  // progress, as GET .../progress would answer now
    std::string info;
    std::vector<std::string> exec_ids;         // of the runs POST /run started, oldest first
    std::optional<std::string> last_run_body;  // of the last POST /run that started a run
    bool has_results = false;                  // a check succeeded (or the scenario gave results)
    std::string last_check_time;
};

class Emulator {
public:
    // Starts the emulator and waits (up to 10 s) for its URL line. Throws std::runtime_error, with the
    // emulator's stderr, if it does not come up.
    explicit Emulator(const EmulatorOptions& options = {});
    ~Emulator();  // SIGTERM, then SIGKILL if it has not exited within 5 s
    Emulator(const Emulator&) = delete;
    Emulator& operator=(const Emulator&) = delete;

    const std::string& url() const { return url_; }              // "https://127.0.0.1:43123"
    const std::string& cert_file() const { return cert_file_; }  // PEM to trust; empty without TLS
    // With refusing_port: "https://127.0.0.1:43124", where every connection is refused.
    const std::string& refusing_url() const { return refusing_url_; }

    std::vector<RecordedRequest> requests() const;
    void set_task(const std::string& id, std::optional<int> status);
    std::optional<int> task_status(const std::string& id) const;  // throws std::runtime_error if unknown
    EmulatedTask task(const std::string& id) const;               // throws std::runtime_error if unknown
    // POST /_emulator/tasks with a task object as scenarios write it plus "id" (and "status"):
    // {"id": "T1", "status": null, "run": {...}}. Throws std::runtime_error if the emulator refuses it.
    void setup_task(const std::string& json);
    void load_scenario(const std::string& json);  // throws std::runtime_error if the emulator refuses it
    void reset();                                 // clears the request log, the tasks and the rules

    // An HTTP call to this emulator (admin or API), trusting its certificate. Never throws.
    HttpReply call(const std::string& method, const std::string& target, const HeaderPairs& headers = {},
                   const std::string& body = "") const;

    // SIGTERM and wait; the exit code, or nullopt if it did not exit within `timeout`.
    std::optional<int> stop(std::chrono::milliseconds timeout = std::chrono::seconds(5));

    std::string stderr_text() const { return process_->stderr_text(); }

private:
    HttpReply admin(const std::string& method, const std::string& target, const std::string& body = "") const;

    TempDir dir_;
    std::unique_ptr<BackgroundProcess> process_;
    std::string url_;
    std::string refusing_url_;
    std::string cert_file_;
    bool stopped_ = false;
};

}  // namespace ccs::test
