#include "http/retry_policy.h"

#include <Poco/NumberParser.h>
#include <Poco/String.h>
#include <openssl/rand.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>

namespace ccs::http {
namespace {

// Seeded from OpenSSL's generator, not std::random_device: libstdc++ 12 implements that with glibc
// 2.36's arc4random, which would make the statically linked program refuse to start on older glibc
// (Ubuntu 22.04's 2.35). Jitter needs no secrecy: the clock is the fallback.
std::uint64_t jitter_seed() {
    std::uint64_t seed = 0;
    if (RAND_bytes(reinterpret_cast<unsigned char*>(&seed), sizeof seed) != 1) {
        seed = static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
    }
    return seed;
}

double default_random() {
    thread_local std::mt19937_64 engine{jitter_seed()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
}

}  // namespace

RetryPolicy::RetryPolicy(int max_attempts, Millis base, Millis cap, Random random)
    : max_attempts_(std::max(1, max_attempts)),
      base_(base),
      cap_(cap),
      random_(random ? std::move(random) : Random(default_random)) {}

RetryPolicy::Millis RetryPolicy::ceiling(int retry) const {
    Millis wait = base_;
    for (int i = 1; i < retry && wait < cap_; ++i) wait *= 2;
    return std::min(wait, cap_);
}

std::optional<RetryPolicy::Millis> RetryPolicy::next_wait(int attempts_made, bool retryable,
                                                          std::optional<Millis> retry_after,
                                                          const Deadline& deadline,
                                                          Millis min_attempt_time) const {
    if (!retryable || attempts_made >= max_attempts_) return std::nullopt;
    const auto jittered =
        Millis(static_cast<Millis::rep>(random_() * static_cast<double>(ceiling(attempts_made).count())));
    const Millis wait = std::max(jittered, retry_after.value_or(Millis(0)));
    if (wait + min_attempt_time > deadline.remaining()) return std::nullopt;
    return wait;
}

RetryPolicy::Millis RetryPolicy::attempt_budget(int attempt, Millis remaining) const {
    if (attempt >= max_attempts_) return remaining;
    return std::min(remaining, std::max(remaining / 2, Millis(1000)));
}

std::optional<std::chrono::milliseconds> parse_retry_after(const std::string& value) {
    unsigned seconds = 0;
    if (!Poco::NumberParser::tryParseUnsigned(Poco::trim(value), seconds)) return std::nullopt;
    return std::chrono::milliseconds(std::min(seconds, 3600u) * 1000LL);
}

}  // namespace ccs::http
