#include "emulator/token_book.h"

namespace ccs::emu {

void TokenBook::set_accepted(const std::vector<std::string>& tokens) {
    std::lock_guard<std::mutex> lock(mutex_);
    credentials_.accepted = {tokens.begin(), tokens.end()};
}

void TokenBook::set_expired(const std::vector<std::string>& tokens) {
    std::lock_guard<std::mutex> lock(mutex_);
    credentials_.expired = {tokens.begin(), tokens.end()};
}

void TokenBook::add_accepted(const std::string& token) {
    std::lock_guard<std::mutex> lock(mutex_);
    credentials_.accepted.insert(token);
}

void TokenBook::add_expired(const std::string& token) {
    std::lock_guard<std::mutex> lock(mutex_);
    credentials_.expired.insert(token);
}

Credentials TokenBook::snapshot() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return credentials_;
}

}  // namespace ccs::emu
