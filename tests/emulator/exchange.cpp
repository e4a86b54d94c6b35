#include "emulator/exchange.h"

#include "emulator/admin_routes.h"
#include "emulator/api_routes.h"
#include "emulator/faults.h"
#include "emulator/http_wire.h"
#include "emulator/ids.h"
#include "emulator/stderr_log.h"

namespace ccs::emu {

namespace {

// Settles the log entry once: with the status just before it is sent (a client that reads the log
// right after its answer sees it final), or with 0 however else the exchange ends.
class LogEntry {
public:
    LogEntry(RequestLog& log, long seq) : log_(log), seq_(seq) {}
    LogEntry(const LogEntry&) = delete;
    LogEntry& operator=(const LogEntry&) = delete;
    ~LogEntry() { settle(0); }

    void settle(int status) {
        if (settled_) return;
        settled_ = true;
        log_.finish(seq_, status);
    }

    std::string outcome = "no answer";

private:
    RequestLog& log_;
    long seq_;
    bool settled_ = false;
};

Answer canned_answer(const CannedAnswer& canned) {
    return Answer{canned.status, canned.headers, canned.body};
}

std::string rule_note(const std::optional<AppliedRule>& applied) {
    return applied ? " [rule " + std::to_string(applied->index) + "]" : "";
}

AfterExchange send_answer(const Answer& answer, const ReceivedRequest& request, const std::string& request_id,
                          Poco::Net::StreamSocket& socket) {
    const bool close = request.wants_close();
    send_all(socket, format_answer(answer, request_id, close));
    return close ? AfterExchange::Close : AfterExchange::KeepOpen;
}

AfterExchange run_exchange(const ReceivedRequest& request, const std::string& request_id,
                           Poco::Net::StreamSocket& socket, EmulatorState& state, LogEntry& record) {
    if (!state.shutdown.sleep_for(state.latency())) return AfterExchange::Close;
    const ApiCall call = classify_call(request.method, request.path);
    const std::optional<AppliedRule> applied = state.rules.take(call);
    const Rule* rule = applied ? &applied->rule : nullptr;
    if (rule && !state.shutdown.sleep_for(std::chrono::milliseconds(rule->delay_ms)))
        return AfterExchange::Close;
    const auto normal_answer = [&] { return answer_api_call(call, request, state); };
    if (rule && rule->fault) {
        record.outcome = std::string("fault ") + to_string(*rule->fault) + rule_note(applied);
        const auto settle = [&record](int status) { record.settle(status); };
        FaultContext context{socket, request, request_id, state.shutdown, normal_answer, settle};
        perform_fault(*rule, context);
        return AfterExchange::Close;
    }
    const Answer answer = rule && rule->canned ? canned_answer(*rule->canned) : normal_answer();
    record.settle(answer.status);
    record.outcome = std::to_string(answer.status) + rule_note(applied);
    return send_answer(answer, request, request_id, socket);
}

}  // namespace

AfterExchange serve_api_request(const ReceivedRequest& request, Poco::Net::StreamSocket& socket,
                                EmulatorState& state) {
    const std::string request_id = random_hex_id();
    LogEntry record(state.log, state.log.record(request, request_id));
    try {
        const AfterExchange after = run_exchange(request, request_id, socket, state, record);
        log_line(request.method + " " + request.path + " -> " + record.outcome);
        return after;
    } catch (...) {
        log_line(request.method + " " + request.path + " -> " + record.outcome +
                 ", then the connection failed");
        throw;
    }
}

AfterExchange serve_admin_request(const ReceivedRequest& request, Poco::Net::StreamSocket& socket,
                                  EmulatorState& state) {
    return send_answer(answer_admin_request(request, state), request, random_hex_id(), socket);
}

}  // namespace ccs::emu
