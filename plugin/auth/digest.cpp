#include "auth/digest.h"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <stdexcept>

namespace ccs::auth {

std::string sha256_hex(const std::string& data) {
    Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
    engine.update(data);
    return Poco::DigestEngine::digestToHex(engine.digest());
}

// OpenSSL rather than Poco::HMACEngine: Poco 1.11's SHA2Engine lacks the BLOCK_SIZE/DIGEST_SIZE
// members HMACEngine needs.
std::string hmac_sha256_hex(const std::string& key, const std::string& data) {
    Poco::DigestEngine::Digest mac(EVP_MAX_MD_SIZE);
    unsigned int mac_length = 0;
    const auto* input = reinterpret_cast<const unsigned char*>(data.data());
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), input, data.size(), mac.data(),
             &mac_length) == nullptr) {
        throw std::runtime_error("HMAC-SHA256 failed");
    }
    mac.resize(mac_length);
    return Poco::DigestEngine::digestToHex(mac);
}

}  // namespace ccs::auth
