#include "inputs/credential_kinds.h"

namespace ccs::inputs {

namespace {

template <typename... Callables>
struct Overloaded : Callables... {
    using Callables::operator()...;
};
template <typename... Callables>
Overloaded(Callables...) -> Overloaded<Callables...>;

void add(std::vector<std::string>& values, const std::string& value) {
    if (!value.empty()) values.push_back(value);
}

}  // namespace

std::string kind_name(const Credential& credential) {
    return std::visit(Overloaded{
                          [](const TokenCredential&) -> std::string { return "token"; },
                          [](const AkSkCredential& aksk) -> std::string {
                              return aksk.security_token.empty() ? "aksk" : "temporary-aksk";
                          },
                          [](const PasswordCredential&) -> std::string { return "password"; },
                          [](const OidcCredential&) -> std::string { return "oidc"; },
                      },
                      credential);
}

std::vector<std::string> secrets_of(const Credential& credential) {
    std::vector<std::string> values;
    std::visit(Overloaded{
                   [&](const TokenCredential& token) { add(values, token.token); },
                   [&](const AkSkCredential& aksk) {
                       add(values, aksk.secret_key);
                       add(values, aksk.security_token);
                   },
                   [&](const PasswordCredential& password) { add(values, password.password); },
                   [&](const OidcCredential& oidc) {
                       add(values, oidc.id_token);
                       if (oidc.github) add(values, oidc.github->request_token);
                   },
               },
               credential);
    return values;
}

bool needs_iam(const Credential& credential) {
    return std::visit(Overloaded{
                          [](const TokenCredential&) { return false; },
                          [](const AkSkCredential& aksk) { return aksk.project_id.empty(); },
                          [](const PasswordCredential&) { return true; },
                          [](const OidcCredential&) { return true; },
                      },
                      credential);
}

}  // namespace ccs::inputs
