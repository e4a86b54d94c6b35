// Plain HTTP request and response values shared by the signer, the transport and the API client.
// They carry exactly what goes on the wire, so a signature computed over a request is a signature
// over what is sent.
#pragma once

#include <string>
#include <vector>

namespace ccs {

struct Header {
    std::string name;
    std::string value;
};

// Case-insensitive header lookup over a header list; nullptr when absent.
const std::string* find_header(const std::vector<Header>& headers, const std::string& name);

struct HttpRequest {
    std::string method;           // "GET", "POST"
    std::string path;             // as sent, already percent-encoded: "/v2/tasks/ID/stop"
    std::string query;            // as sent, without '?': "name=cn-north-4", may be empty
    std::vector<Header> headers;  // in send order; includes "Host" once the client set it
    std::string body;

    // Replaces a header of the same name (case-insensitive) or appends it.
    void set_header(const std::string& name, const std::string& value);
    const std::string* header(const std::string& name) const { return find_header(headers, name); }
    std::string target() const { return query.empty() ? path : path + "?" + query; }
};

struct HttpResponse {
    int status = 0;
    std::string reason;
    std::vector<Header> headers;
    std::string body;

    const std::string* header(const std::string& name) const { return find_header(headers, name); }
};

}  // namespace ccs
