#include "http/origin.h"

#include <Poco/Exception.h>
#include <Poco/URI.h>

namespace ccs::http {

std::string Origin::host_header() const {
    const bool ipv6 = host.find(':') != std::string::npos;
    const std::string bracketed = ipv6 ? "[" + host + "]" : host;
    return default_port() ? bracketed : bracketed + ":" + std::to_string(port);
}

Origin Origin::parse(const std::string& url) {
    const Poco::URI uri(url);
    if (uri.getScheme() != "https" && uri.getScheme() != "http") {
        throw Poco::SyntaxException("not an http(s) URL", url);
    }
    if (uri.getHost().empty()) throw Poco::SyntaxException("URL has no host", url);
    return Origin{uri.getScheme(), uri.getHost(), uri.getPort()};
}

std::string request_path_of(const std::string& url) {
    std::string path;
    Poco::URI::encode(Poco::URI(url).getPath(), "?#", path);
    return path;
}

}  // namespace ccs::http
