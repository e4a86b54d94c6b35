// A plain HTTP(S) client for tests: talks to the emulator (admin routes, or its API to prove the
// emulator itself), never throws on network trouble but reports it, so tests can assert on it.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace ccs::test {

using HeaderPairs = std::vector<std::pair<std::string, std::string>>;

struct HttpCall {
    std::string method = "GET";
    std::string base_url;      // "https://127.0.0.1:43123"
    std::string target = "/";  // path and query: "/v2/tasks/T1/progress"
    HeaderPairs headers;
    std::string body;     // sent with Content-Length when non-empty or when the method is POST
    std::string ca_file;  // PEM to trust for https; empty: the system's CAs
    std::chrono::milliseconds timeout{10000};  // for connecting, and for each send and receive
};

struct HttpReply {
    int status = 0;
    HeaderPairs headers;
    std::string body;
    // Set when no complete answer arrived: refused, reset, timed out, TLS failure, body shorter than
    // its Content-Length. Empty otherwise, whatever the status.
    std::string error;

    bool ok() const { return error.empty(); }
    const std::string* header(const std::string& name) const;  // case-insensitive; nullptr if absent
};

HttpReply http_call(const HttpCall& call);

}  // namespace ccs::test
