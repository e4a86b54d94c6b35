// A CA bundle is read by walking its PEM blocks and DER without OpenSSL's decoders: any file must give an
// index, never a crash, a hang or a leak, and whatever a lookup returns must carry the subject asked for.
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_input.h"
#include "http/certificate_index.h"

namespace {

using Name = std::unique_ptr<X509_NAME, decltype(&X509_NAME_free)>;

// Names to look up: a fixed one, and whatever the input's first bytes decode to as a Name.
Name fixed_name() {
    Name name(X509_NAME_new(), &X509_NAME_free);
    X509_NAME_add_entry_by_txt(name.get(), "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>("fuzz CA"), -1, -1, 0);
    return name;
}

void check_lookup(ccs::http::CertificateIndex& index, const X509_NAME* name) {
    for (X509* found : index.certificates_named(name)) {
        ccs::fuzz::require(X509_NAME_cmp(X509_get_subject_name(found), name) == 0,
                           "a certificate found by name has that subject");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string pem(reinterpret_cast<const char*>(data), size);
    const auto index = ccs::http::CertificateIndex::parse(pem);
    ccs::fuzz::require(index->decoded() == 0, "reading a bundle decodes no certificate");

    check_lookup(*index, fixed_name().get());
    const unsigned char* cursor = data;
    Name from_input(d2i_X509_NAME(nullptr, &cursor, static_cast<long>(size)), &X509_NAME_free);
    if (from_input) check_lookup(*index, from_input.get());
    // The subject and issuer of the input's first certificate as OpenSSL reads it: lookups that match.
    const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(data, static_cast<int>(size)),
                                                        &BIO_free);
    const std::unique_ptr<X509, decltype(&X509_free)> first(
        bio ? PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr) : nullptr, &X509_free);
    if (first) {
        check_lookup(*index, X509_get_subject_name(first.get()));
        check_lookup(*index, X509_get_issuer_name(first.get()));
    }
    ERR_clear_error();

    // The store owns what add_lazy_lookup gives it, and frees it with itself.
    X509_STORE* store = X509_STORE_new();
    ccs::http::add_lazy_lookup(store, ccs::http::CertificateIndex::parse(pem));
    X509_STORE_free(store);
    return 0;
}
