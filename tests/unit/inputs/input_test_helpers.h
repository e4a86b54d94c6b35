// Shared helpers for the inputs tests: a minimal valid set of inputs and a way to catch messages.
#pragma once

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "inputs/config.h"

namespace ccs::inputs::testing {

// What a GitHub action run minimally passes: one task, a region and a token.
inline Environment valid_env() {
    return {{"INPUT_TASK-ID", "2b31ed520aaaaaaaebedb6e57bbbbbbb"},
            {"INPUT_REGION", "cn-north-4"},
            {"INPUT_IAM-TOKEN", "secret-token-value"}};
}

inline Config config_of(const std::vector<std::string>& args, const Environment& env) {
    const ParsedInputs parsed = parse_inputs(args, env);
    REQUIRE(parsed.request == Request::Run);
    return parsed.config;
}

// The endpoints' URLs, as the config lists them.
inline std::vector<std::string> endpoint_urls(const Config& config) {
    std::vector<std::string> urls;
    for (const auto& endpoint : config.endpoints) urls.push_back(endpoint.url);
    return urls;
}

// The IAM token of a config whose credentials are a token; fails the test otherwise.
inline std::string token_of(const Config& config) {
    const auto* token = std::get_if<TokenCredential>(&config.credential);
    REQUIRE(token != nullptr);
    return token->token;
}

// The InvalidInput message; fails the test when parse_inputs accepts the inputs.
inline std::string failure_of(const std::vector<std::string>& args, const Environment& env) {
    try {
        parse_inputs(args, env);
    } catch (const InvalidInput& error) {
        return error.what();
    }
    FAIL("parse_inputs accepted the inputs");
    return "";
}

// valid_env() with one variable set (or replaced).
inline Environment valid_env_with(const std::string& name, const std::string& value) {
    Environment env = valid_env();
    env[name] = value;
    return env;
}

// valid_env() without one variable.
inline Environment valid_env_without(const std::string& name) {
    Environment env = valid_env();
    env.erase(name);
    return env;
}

}  // namespace ccs::inputs::testing
