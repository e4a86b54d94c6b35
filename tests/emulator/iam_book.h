// What the emulated IAM knows: configured access keys, users, identity providers, projects and the
// fake GitHub id-token service's request tokens; and what it has issued since (temporary keys, unscoped
// tokens, id tokens). Configured parts come from the scenario's "credentials" and the command line;
// issued ones live only here. Thread-safe: every lookup is one locked copy.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ccs::emu {

// Every secret the emulator issues (tokens, temporary secret keys, security tokens, id tokens) contains
// this: the test suite's secret marker, so its scan of everything a program printed finds them too.
inline constexpr char kSecretMarker[] = "S3CR3T";

// An access key: permanent (no security token) or temporary (issued with one, or configured so).
struct AccessKey {
    std::string access_key;
    std::string secret_key;
    std::string project_id;      // the project whose APIs it may call (X-Project-Id must name it)
    std::string security_token;  // empty: permanent

    bool temporary() const { return !security_token.empty(); }
};

struct IamUser {
    std::string name;
    std::string password;
    std::string domain;
    std::string project_id;  // temporary keys issued for its tokens belong to this project
};

// An OIDC identity provider: accepts id tokens the fake GitHub service issued for `audience`, and
// the listed `id_tokens` as they are.
struct IdentityProvider {
    std::string id;
    std::string audience;
    std::string project_id;  // of the temporary keys its federated users get
    std::vector<std::string> id_tokens;
};

struct IamProject {
    std::string id;
    std::string name;  // a region name, e.g. "cn-north-4"
};

// The configured part, as a scenario or the command line gives it.
struct IamSetup {
    std::vector<AccessKey> access_keys;
    std::vector<IamUser> users;
    std::vector<IdentityProvider> identity_providers;
    std::vector<IamProject> projects;
    std::vector<std::string> github_request_tokens;
};

class IamBook {
public:
    // Replaces the configured part; what was issued stays.
    void configure(const IamSetup& setup);
    // Adds to the configured part (command-line options, applied after the scenario).
    void add(const IamSetup& setup);
    // Forgets what was issued.
    void clear_issued();

    // The gateway's clock is the real one plus this (to test a client whose clock is off).
    void set_clock_offset(std::chrono::seconds offset);
    std::chrono::system_clock::time_point gateway_now() const;

    std::optional<AccessKey> key(const std::string& access_key) const;
    std::optional<IamUser> user(const std::string& name, const std::string& domain) const;
    std::optional<IdentityProvider> identity_provider(const std::string& id) const;
    std::vector<IamProject> projects_named(const std::string& name) const;
    bool knows_project(const std::string& id_or_name) const;  // true when no projects are configured
    bool accepts_github_request_token(const std::string& token) const;

    // Issuing. Each returns the new value, recorded here.
    std::string issue_id_token(const std::string& audience);
    std::string issue_unscoped_token(const std::string& project_id);
    AccessKey issue_temporary_key(const std::string& project_id);

    // The audience an issued id token was made for; nullopt when it was not issued here.
    std::optional<std::string> id_token_audience(const std::string& id_token) const;
    // The project of a token issued here (unscoped, or for a password); nullopt for any other token.
    std::optional<std::string> issued_token_project(const std::string& token) const;
    // Remembers the project a token issued for a password belongs to (for its temporary keys).
    void record_user_token(const std::string& token, const std::string& project_id);

private:
    mutable std::mutex mutex_;
    IamSetup setup_;
    std::map<std::string, AccessKey> issued_keys_;
    std::map<std::string, std::string> issued_tokens_;     // unscoped and password tokens -> project id
    std::map<std::string, std::string> issued_id_tokens_;  // id token -> audience
    std::chrono::seconds clock_offset_{0};
};

}  // namespace ccs::emu
