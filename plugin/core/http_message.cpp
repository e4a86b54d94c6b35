#include "core/http_message.h"

#include <Poco/String.h>

namespace ccs {

const std::string* find_header(const std::vector<Header>& headers, const std::string& name) {
    for (const auto& header : headers) {
        if (Poco::icompare(header.name, name) == 0) return &header.value;
    }
    return nullptr;
}

void HttpRequest::set_header(const std::string& name, const std::string& value) {
    for (auto& header : headers) {
        if (Poco::icompare(header.name, name) == 0) {
            header.value = value;
            return;
        }
    }
    headers.push_back({name, value});
}

}  // namespace ccs
