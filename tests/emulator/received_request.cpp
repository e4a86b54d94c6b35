#include "emulator/received_request.h"

#include <Poco/String.h>

namespace ccs::emu {

const std::string* ReceivedRequest::header(const std::string& name) const {
    for (const auto& [field, value] : headers) {
        if (Poco::icompare(field, name) == 0) return &value;
    }
    return nullptr;
}

bool ReceivedRequest::wants_close() const {
    const std::string* connection_header = header("Connection");
    if (version == "HTTP/1.0")
        return !connection_header || Poco::icompare(*connection_header, "keep-alive") != 0;
    return connection_header && Poco::icompare(*connection_header, "close") == 0;
}

}  // namespace ccs::emu
