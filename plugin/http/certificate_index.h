// A PEM bundle of trusted certificates, read so that OpenSSL decodes only the certificates a
// verification asks for.
//
// Why: SSL_CTX_load_verify_file decodes every certificate of the bundle, public key included, before
// the first handshake: 144 certificates of Debian's bundle cost 237 M of the 297 M instructions of a
// whole stop (bench/RESULTS.md). A verification needs two or three of them. The index reads the PEM
// blocks and finds the subject names' bytes only (cheap), and a lookup added to the X509_STORE decodes a
// certificate when a chain asks for its subject: the way OpenSSL's hashed-directory lookup works, for
// a bundle file, and so for SSL_CERT_FILE and systems without a hashed directory too.
#pragma once

#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ccs::http {

class CertificateIndex {
public:
    // Reads the PEM blocks of `path` ("CERTIFICATE", "X509 CERTIFICATE", "TRUSTED CERTIFICATE");
    // other blocks and undecodable ones are skipped. A file that cannot be read gives an empty index.
    static std::unique_ptr<CertificateIndex> read(const std::string& path);
    // The same, from PEM text (for tests).
    static std::unique_ptr<CertificateIndex> parse(const std::string& pem);

    ~CertificateIndex();
    CertificateIndex(const CertificateIndex&) = delete;
    CertificateIndex& operator=(const CertificateIndex&) = delete;

    std::size_t size() const { return entries_.size(); }
    // Takes over the certificates of `other` (a store has one lookup of a kind, so one index).
    void absorb(CertificateIndex&& other);
    std::size_t decoded() const;  // how many have been decoded so far

    // The certificates whose subject is `name`, decoded now if they were not yet. Owned by the index.
    // Thread-safe.
    std::vector<X509*> certificates_named(const X509_NAME* name);

private:
    struct Entry {
        std::string der;
        bool trusted_form = false;     // "TRUSTED CERTIFICATE": the DER carries OpenSSL's trust settings
        std::string subject_der;       // the subject Name's bytes, as found in `der`
        X509_NAME* subject = nullptr;  // decoded only for a comparison as OpenSSL makes it
        X509* certificate = nullptr;   // once decoded

        // Byte for byte, or `canonically` as X509_NAME_cmp compares (decoding the subject).
        bool named(const X509_NAME* name, const std::string& name_der, bool canonically);
    };
    CertificateIndex() = default;
    void add(const char* block_name, const unsigned char* der, long length);

    std::vector<Entry> entries_;
    mutable std::mutex mutex_;
};

// Adds to `store` a lookup by subject over `index` (or adds `index` to the one added before: OpenSSL
// keeps one lookup per kind); certificates it decodes are added to the store. The store owns the
// index from then on. Not thread-safe: for building a context, before it is used.
void add_lazy_lookup(X509_STORE* store, std::unique_ptr<CertificateIndex> index);

}  // namespace ccs::http
