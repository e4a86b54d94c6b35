// An HTTP request exactly as it arrived: method, raw path and query, headers with their names as sent.
#pragma once

#include <string>

#include "emulator/answer.h"

namespace ccs::emu {

struct ReceivedRequest {
    std::string method;
    std::string path;     // as received, still percent-encoded
    std::string query;    // without '?', may be empty
    std::string version;  // "HTTP/1.1"
    HeaderList headers;   // in arrival order, names as received
    std::string body;
    double received_unix_ms = 0;  // when the whole request had arrived
    long connection = 0;          // serial number of the connection it came on (1, 2, ...)

    // The first header of that name (case-insensitive), or nullptr.
    const std::string* header(const std::string& name) const;

    // Whether the client asked to close the connection after this exchange.
    bool wants_close() const;
};

}  // namespace ccs::emu
