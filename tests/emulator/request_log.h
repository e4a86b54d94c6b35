// Every API request the emulator received, for tests to inspect (GET /_emulator/requests) and, with
// --log, as one JSON line per request in a file.
#pragma once

#include <deque>
#include <mutex>
#include <string>

#include "emulator/received_request.h"

namespace ccs::emu {

struct LoggedRequest {
    long seq = 0;  // 1, 2, ... in arrival order; never reused, not even after a reset
    ReceivedRequest request;
    std::string request_id;  // the X-Request-Id answered (or that would have been)
    int status = 0;          // the status line sent; 0 while pending and when none was sent (fault)
};

// {"seq":1,"method":"POST","path":...,"query":...,"headers":{...},"body":...,"received_unix_ms":...,
//  "request_id":...,"status":200}. Repeated header names are joined with ", ".
std::string to_json(const LoggedRequest& entry);

class RequestLog {
public:
    explicit RequestLog(std::string file_path = "");  // empty path: no file

    // Records a request on arrival (status 0), so a test sees it even while its answer hangs.
    long record(const ReceivedRequest& request, const std::string& request_id);

    // The exchange is over: sets the status and appends the entry to the log file.
    void finish(long seq, int status);

    std::string to_json_array() const;
    void clear();

private:
    void append_to_file(const LoggedRequest& entry);  // caller holds mutex_

    std::string file_path_;
    mutable std::mutex mutex_;
    std::deque<LoggedRequest> entries_;
    long next_seq_ = 1;
};

}  // namespace ccs::emu
