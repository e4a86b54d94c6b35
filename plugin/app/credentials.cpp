#include "app/credentials.h"

namespace ccs::app {

std::unique_ptr<auth::Authorizer> make_authorizer(const inputs::Config& config) {
    return std::make_unique<auth::TokenAuthorizer>(config.token);
}

}  // namespace ccs::app
