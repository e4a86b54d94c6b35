// The AK/SK signer's canonical forms, over any path, query and headers, and the Authorization header
// parser the emulator's verifier uses. Percent-encoding must round-trip, and canonicalising must be
// deterministic (the same request gives the same canonical request twice).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "auth/aksk_signer.h"
#include "auth/uri_encoding.h"
#include "emulator/signature_verifier.h"
#include "fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using ccs::fuzz::require;
    const std::vector<std::string> parts = ccs::fuzz::split_at_nul(data, size);
    const std::string& text = parts[0];

    require(ccs::auth::percent_decode(ccs::auth::percent_encode_unreserved(text), false) == text,
            "percent-encoding round-trips");
    try {
        ccs::auth::percent_decode(text, true);
    } catch (const std::invalid_argument&) {
        // malformed escapes are refused, as documented
    }
    ccs::emu::parse_authorization(text);

    ccs::HttpRequest request;
    request.method = parts.size() > 1 ? parts[1] : "POST";
    request.path = "/" + text;
    request.query = parts.size() > 2 ? parts[2] : "";
    std::vector<std::string> names;
    for (std::size_t i = 3; i + 1 < parts.size(); i += 2) {
        request.headers.push_back({parts[i], parts[i + 1]});
        names.push_back(parts[i]);
    }
    request.body = parts.back();
    const std::vector<std::string> signed_headers = ccs::auth::normalized_signed_headers(names);
    try {
        const std::string first = ccs::auth::canonical_request(request, signed_headers);
        require(first == ccs::auth::canonical_request(request, signed_headers),
                "canonicalising is deterministic");
        require(first.find(ccs::auth::canonical_uri(request.path)) != std::string::npos,
                "the canonical request holds the canonical URI");
    } catch (const std::invalid_argument&) {
        // a malformed percent-escape: refused, as documented
    }
    return 0;
}
