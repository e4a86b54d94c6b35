// Helpers shared by the auth unit tests: requests built from a URL as the vectors give them, and the
// test data files.
#pragma once

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/http_message.h"
#include "support/file_text.h"

namespace ccs::auth::test {

// "https://host:port/path?query" -> method, path and query as written, Host as written (port kept).
inline HttpRequest request_from_url(const std::string& method, const std::string& url,
                                    const std::vector<Header>& headers = {}, const std::string& body = "") {
    const auto authority_start = url.find("://");
    if (authority_start == std::string::npos) throw std::invalid_argument("not a URL: " + url);
    const auto path_start = url.find_first_of("/?", authority_start + 3);
    const std::string target = path_start == std::string::npos ? "/" : url.substr(path_start);
    const auto query_start = target.find('?');

    HttpRequest request;
    request.method = method;
    request.path = target.substr(0, query_start);
    if (request.path.empty()) request.path = "/";
    if (query_start != std::string::npos) request.query = target.substr(query_start + 1);
    request.set_header("Host", url.substr(authority_start + 3, path_start - authority_start - 3));
    for (const auto& header : headers) request.set_header(header.name, header.value);
    request.body = body;
    return request;
}

inline Poco::JSON::Object::Ptr load_json_object(const std::string& path) {
    Poco::JSON::Parser parser;
    return parser.parse(ccs::test::read_text_file(path)).extract<Poco::JSON::Object::Ptr>();
}

inline std::string test_data_path(const std::string& name) {
    return std::string(CCS_TEST_DATA_DIR) + "/" + name;
}

}  // namespace ccs::auth::test
