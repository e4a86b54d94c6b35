// Which X-Auth-Token values the emulator accepts, and which it answers as expired.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace ccs::emu {

// A copy of the token lists at one moment, for checking one request without holding a lock.
struct Credentials {
    std::set<std::string> accepted;  // empty: any non-empty token that is not expired is accepted
    std::set<std::string> expired;
};

class TokenBook {
public:
    void set_accepted(const std::vector<std::string>& tokens);
    void set_expired(const std::vector<std::string>& tokens);
    void add_accepted(const std::string& token);
    void add_expired(const std::string& token);
    Credentials snapshot() const;

private:
    mutable std::mutex mutex_;
    Credentials credentials_;
};

}  // namespace ccs::emu
