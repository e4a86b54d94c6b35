#include "emulator/iam_book.h"

#include <Poco/Base64Encoder.h>
#include <Poco/String.h>

#include <algorithm>
#include <sstream>

#include "emulator/answer.h"
#include "emulator/ids.h"

namespace ccs::emu {

namespace {

template <typename Item>
void append(std::vector<Item>& to, const std::vector<Item>& from) {
    to.insert(to.end(), from.begin(), from.end());
}

std::string base64url(const std::string& text) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder.rdbuf()->setLineLength(0);
    encoder << text;
    encoder.close();
    return out.str();
}

// Shaped like a GitHub Actions OIDC token (header.payload.signature); the signature is random: the
// emulated identity provider trusts what the emulated GitHub issued by looking it up, not by crypto.
std::string jwt_shaped(const std::string& audience) {
    const std::string header = R"({"alg":"RS256","typ":"JWT"})";
    const std::string payload =
        "{\"iss\":\"https://token.actions.githubusercontent.com\",\"aud\":" + json_quote(audience) +
        ",\"sub\":\"repo:example/app:ref:refs/heads/main\",\"jti\":" + json_quote(random_hex_id()) + "}";
    return base64url(header) + "." + base64url(payload) + "." + kSecretMarker + base64url(random_hex_id());
}

}  // namespace

void IamBook::configure(const IamSetup& setup) {
    std::lock_guard<std::mutex> lock(mutex_);
    setup_ = setup;
}

void IamBook::add(const IamSetup& setup) {
    std::lock_guard<std::mutex> lock(mutex_);
    append(setup_.access_keys, setup.access_keys);
    append(setup_.users, setup.users);
    append(setup_.identity_providers, setup.identity_providers);
    append(setup_.projects, setup.projects);
    append(setup_.github_request_tokens, setup.github_request_tokens);
}

void IamBook::clear_issued() {
    std::lock_guard<std::mutex> lock(mutex_);
    issued_keys_.clear();
    issued_tokens_.clear();
    issued_id_tokens_.clear();
}

void IamBook::set_clock_offset(std::chrono::seconds offset) {
    std::lock_guard<std::mutex> lock(mutex_);
    clock_offset_ = offset;
}

std::chrono::system_clock::time_point IamBook::gateway_now() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::chrono::system_clock::now() + clock_offset_;
}

std::optional<AccessKey> IamBook::key(const std::string& access_key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& key : setup_.access_keys) {
        if (key.access_key == access_key) return key;
    }
    const auto issued = issued_keys_.find(access_key);
    if (issued == issued_keys_.end()) return std::nullopt;
    return issued->second;
}

std::optional<IamUser> IamBook::user(const std::string& name, const std::string& domain) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& user : setup_.users) {
        if (user.name == name && user.domain == domain) return user;
    }
    return std::nullopt;
}

std::optional<IdentityProvider> IamBook::identity_provider(const std::string& id) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& provider : setup_.identity_providers) {
        if (provider.id == id) return provider;
    }
    return std::nullopt;
}

std::vector<IamProject> IamBook::projects_named(const std::string& name) const {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<IamProject> named;
    for (const auto& project : setup_.projects) {
        if (project.name == name) named.push_back(project);
    }
    return named;
}

bool IamBook::knows_project(const std::string& id_or_name) const {
    std::lock_guard<std::mutex> lock(mutex_);
    if (setup_.projects.empty()) return true;
    return std::any_of(setup_.projects.begin(), setup_.projects.end(), [&](const IamProject& project) {
        return project.id == id_or_name || project.name == id_or_name;
    });
}

bool IamBook::accepts_github_request_token(const std::string& token) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto& tokens = setup_.github_request_tokens;
    return std::find(tokens.begin(), tokens.end(), token) != tokens.end();
}

std::string IamBook::issue_id_token(const std::string& audience) {
    std::string token = jwt_shaped(audience);
    std::lock_guard<std::mutex> lock(mutex_);
    issued_id_tokens_[token] = audience;
    return token;
}

std::string IamBook::issue_unscoped_token(const std::string& project_id) {
    std::string token = "MIIunscoped-" + std::string(kSecretMarker) + "-" + random_hex_id();
    std::lock_guard<std::mutex> lock(mutex_);
    issued_tokens_[token] = project_id;
    return token;
}

AccessKey IamBook::issue_temporary_key(const std::string& project_id) {
    AccessKey key{"TMP" + Poco::toUpper(random_hex_id()).substr(0, 17),
                  std::string(kSecretMarker) + random_hex_id(), project_id,
                  "gQpjbi1ub3J0aC00-" + std::string(kSecretMarker) + "-" + random_hex_id() + random_hex_id()};
    std::lock_guard<std::mutex> lock(mutex_);
    issued_keys_[key.access_key] = key;
    return key;
}

std::optional<std::string> IamBook::id_token_audience(const std::string& id_token) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = issued_id_tokens_.find(id_token);
    if (found == issued_id_tokens_.end()) return std::nullopt;
    return found->second;
}

std::optional<std::string> IamBook::issued_token_project(const std::string& token) const {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = issued_tokens_.find(token);
    if (found == issued_tokens_.end()) return std::nullopt;
    return found->second;
}

void IamBook::record_user_token(const std::string& token, const std::string& project_id) {
    std::lock_guard<std::mutex> lock(mutex_);
    issued_tokens_[token] = project_id;
}

}  // namespace ccs::emu
