#include "http/certificate_index.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstring>
#include <utility>

namespace ccs::http {
namespace {

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

// Steps over one DER element at `*cursor` (its header and contents); false when it is malformed or
// runs past `end`. `*start` is set to where the element began.
bool skip_element(const unsigned char** cursor, const unsigned char* end, const unsigned char** start = nullptr) {
    if (start) *start = *cursor;
    long length = 0;
    int tag = 0;
    int tag_class = 0;
    const int info = ASN1_get_object(cursor, &length, &tag, &tag_class, end - *cursor);
    if ((info & 0x80) != 0 || (info & 0x21) == 0x21 /* indefinite length: not DER */) return false;
    if (length > end - *cursor) return false;
    *cursor += length;
    return true;
}

// Enters the SEQUENCE at `*cursor`: afterwards `*cursor` is at its first element.
bool enter_sequence(const unsigned char** cursor, const unsigned char* end) {
    long length = 0;
    int tag = 0;
    int tag_class = 0;
    const int info = ASN1_get_object(cursor, &length, &tag, &tag_class, end - *cursor);
    return (info & 0x80) == 0 && tag == V_ASN1_SEQUENCE && length <= end - *cursor;
}

// The subject Name of a DER certificate, without decoding the rest (the public key is what is costly):
// Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber, signature,
// issuer, validity, subject, ... }, ... }
X509_NAME* subject_of(const unsigned char* der, long length) {
    const unsigned char* cursor = der;
    const unsigned char* const end = der + length;
    if (!enter_sequence(&cursor, end) || !enter_sequence(&cursor, end)) return nullptr;
    if (cursor < end && *cursor == 0xA0 && !skip_element(&cursor, end)) return nullptr;  // [0] version
    for (int field = 0; field < 4; ++field) {  // serialNumber, signature, issuer, validity
        if (!skip_element(&cursor, end)) return nullptr;
    }
    const unsigned char* subject = nullptr;
    if (!skip_element(&cursor, end, &subject)) return nullptr;
    return d2i_X509_NAME(nullptr, &subject, cursor - subject);
}

// The lookup OpenSSL calls when a chain needs a certificate by subject and the store has none yet.
// What it returns is borrowed from the store, as OpenSSL's own lookups do: the caller takes its own
// reference.
int lookup_by_subject(X509_LOOKUP* lookup, X509_LOOKUP_TYPE type, const X509_NAME* name, X509_OBJECT* result) {
    if (type != X509_LU_X509) return 0;
    auto* index = static_cast<CertificateIndex*>(X509_LOOKUP_get_method_data(lookup));
    X509_STORE* store = X509_LOOKUP_get_store(lookup);
    const std::vector<X509*> found = index->certificates_named(name);
    for (X509* certificate : found) {
        // All of them, as the hashed-directory lookup does: the chain builder looks among the
        // store's certificates for the one whose key signed the chain.
        if (X509_STORE_add_cert(store, certificate) != 1) ERR_clear_error();
    }
    if (found.empty() || X509_OBJECT_set1_X509(result, found.front()) != 1) return 0;
    X509_free(found.front());  // set1 took a reference; the index and the store keep theirs
    return 1;
}

void free_index(X509_LOOKUP* lookup) {
    delete static_cast<CertificateIndex*>(X509_LOOKUP_get_method_data(lookup));
    X509_LOOKUP_set_method_data(lookup, nullptr);
}

X509_LOOKUP_METHOD* lazy_lookup_method() {
    // One per process, never freed: OpenSSL keeps a pointer to it in every lookup made from it.
    static X509_LOOKUP_METHOD* const method = [] {
        X509_LOOKUP_METHOD* made = X509_LOOKUP_meth_new("codearts-check-stop lazy PEM bundle");
        if (made) {
            X509_LOOKUP_meth_set_get_by_subject(made, &lookup_by_subject);
            X509_LOOKUP_meth_set_free(made, &free_index);
        }
        return made;
    }();
    return method;
}

}  // namespace

std::unique_ptr<CertificateIndex> CertificateIndex::parse(const std::string& pem) {
    std::unique_ptr<CertificateIndex> index(new CertificateIndex());
    const Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
    if (!bio) return index;
    for (;;) {
        char* block_name = nullptr;
        char* block_header = nullptr;
        unsigned char* der = nullptr;
        long length = 0;
        if (PEM_read_bio(bio.get(), &block_name, &block_header, &der, &length) != 1) break;
        index->add(block_name, der, length);
        OPENSSL_free(block_name);
        OPENSSL_free(block_header);
        OPENSSL_free(der);
    }
    ERR_clear_error();  // the end of the text reads as "no start line"
    return index;
}

std::unique_ptr<CertificateIndex> CertificateIndex::read(const std::string& path) {
    const Bio file(BIO_new_file(path.c_str(), "r"), &BIO_free);
    std::string pem;
    if (file) {
        char buffer[16 * 1024];
        int got = 0;
        while ((got = BIO_read(file.get(), buffer, sizeof buffer)) > 0) pem.append(buffer, static_cast<std::size_t>(got));
    }
    ERR_clear_error();
    return parse(pem);
}

void CertificateIndex::add(const char* block_name, const unsigned char* der, long length) {
    const bool trusted_form = std::strcmp(block_name, PEM_STRING_X509_TRUSTED) == 0;
    if (!trusted_form && std::strcmp(block_name, PEM_STRING_X509) != 0 && std::strcmp(block_name, PEM_STRING_X509_OLD) != 0) return;
    X509_NAME* subject = subject_of(der, length);
    if (!subject) {
        ERR_clear_error();
        return;
    }
    Entry entry;
    entry.der.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    entry.trusted_form = trusted_form;
    entry.subject = subject;
    entries_.push_back(std::move(entry));
}

CertificateIndex::~CertificateIndex() {
    for (Entry& entry : entries_) {
        X509_NAME_free(entry.subject);
        X509_free(entry.certificate);
    }
}

void CertificateIndex::absorb(CertificateIndex&& other) {
    for (Entry& entry : other.entries_) entries_.push_back(std::exchange(entry, Entry{}));
    other.entries_.clear();
}

std::size_t CertificateIndex::decoded() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::size_t count = 0;
    for (const Entry& entry : entries_) count += entry.certificate != nullptr ? 1 : 0;
    return count;
}

std::vector<X509*> CertificateIndex::certificates_named(const X509_NAME* name) {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::vector<X509*> found;
    for (Entry& entry : entries_) {
        if (X509_NAME_cmp(entry.subject, name) != 0) continue;
        if (!entry.certificate) {
            const auto* der = reinterpret_cast<const unsigned char*>(entry.der.data());
            const long length = static_cast<long>(entry.der.size());
            entry.certificate = entry.trusted_form ? d2i_X509_AUX(nullptr, &der, length) : d2i_X509(nullptr, &der, length);
            if (!entry.certificate) {
                ERR_clear_error();
                continue;
            }
        }
        found.push_back(entry.certificate);
    }
    return found;
}

void add_lazy_lookup(X509_STORE* store, std::unique_ptr<CertificateIndex> index) {
    X509_LOOKUP_METHOD* method = lazy_lookup_method();
    X509_LOOKUP* lookup = method ? X509_STORE_add_lookup(store, method) : nullptr;
    if (!lookup) return;  // the certificates are then not trusted: verification says so
    if (auto* existing = static_cast<CertificateIndex*>(X509_LOOKUP_get_method_data(lookup))) {
        existing->absorb(std::move(*index));
    } else {
        X509_LOOKUP_set_method_data(lookup, index.release());
    }
}

}  // namespace ccs::http
