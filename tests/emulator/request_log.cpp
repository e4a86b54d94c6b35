#include "emulator/request_log.h"

#include <Poco/String.h>

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

#include "emulator/answer.h"
#include "emulator/stderr_log.h"

namespace ccs::emu {

namespace {

std::string headers_json(const HeaderList& headers) {
    // Names as received; a repeated name keeps the case of its first occurrence.
    std::vector<std::pair<std::string, std::string>> joined;
    for (const auto& [name, value] : headers) {
        auto same = std::find_if(joined.begin(), joined.end(), [&name = name](const auto& entry) {
            return Poco::icompare(entry.first, name) == 0;
        });
        if (same == joined.end()) {
            joined.emplace_back(name, value);
        } else {
            same->second += ", " + value;
        }
    }
    std::string json = "{";
    for (const auto& [name, value] : joined) {
        if (json.size() > 1) json += ",";
        json += json_quote(name) + ":" + json_quote(value);
    }
    return json + "}";
}

// Milliseconds with a fraction, never in exponent notation.
std::string unix_ms_json(double unix_ms) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << unix_ms;
    return out.str();
}

}  // namespace

std::string to_json(const LoggedRequest& entry) {
    const ReceivedRequest& request = entry.request;
    return "{\"seq\":" + std::to_string(entry.seq) + ",\"method\":" + json_quote(request.method) +
           ",\"path\":" + json_quote(request.path) + ",\"query\":" + json_quote(request.query) +
           ",\"headers\":" + headers_json(request.headers) + ",\"body\":" + json_quote(request.body) +
           ",\"received_unix_ms\":" + unix_ms_json(request.received_unix_ms) +
           ",\"connection\":" + std::to_string(request.connection) +
           ",\"request_id\":" + json_quote(entry.request_id) + ",\"status\":" + std::to_string(entry.status) +
           "}";
}

RequestLog::RequestLog(std::string file_path) : file_path_(std::move(file_path)) {}

long RequestLog::record(const ReceivedRequest& request, const std::string& request_id) {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.push_back(LoggedRequest{next_seq_, request, request_id, 0});
    return next_seq_++;
}

void RequestLog::finish(long seq, int status) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto entry = entries_.rbegin(); entry != entries_.rend(); ++entry) {
        if (entry->seq != seq) continue;
        entry->status = status;
        append_to_file(*entry);
        return;
    }
}

std::string RequestLog::to_json_array() const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string json = "[";
    for (const auto& entry : entries_) {
        if (json.size() > 1) json += ",";
        json += to_json(entry);
    }
    return json + "]";
}

void RequestLog::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    entries_.clear();
}

void RequestLog::append_to_file(const LoggedRequest& entry) {
    if (file_path_.empty()) return;
    // Opened per line: cheap at test rates, and the file is complete whenever a reader looks.
    std::ofstream file(file_path_, std::ios::app);
    file << to_json(entry) << '\n';
    if (!file) log_line("cannot append to the request log " + file_path_);
}

}  // namespace ccs::emu
