#include "app/network.h"

namespace ccs::app {

Network network_for(const inputs::Config& config) {
    Network network;
    network.tls = std::make_shared<const http::TlsContext>(
        http::TlsOptions{config.ca_file, config.ssl_cert_file, config.ssl_cert_dir});
    network.proxy = config.proxy;
    return network;
}

}  // namespace ccs::app
