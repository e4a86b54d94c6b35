#include "http/certificate_index.h"

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "core/bounded_file.h"

namespace ccs::http {
namespace {

// How long reading a CA file may take: a regular file takes milliseconds.
constexpr std::chrono::milliseconds read_wait{5000};

// Steps over one DER element at `*cursor` (its header and contents); false when it is malformed or
// runs past `end`. `*start` is set to where the element began.
bool skip_element(const unsigned char** cursor, const unsigned char* end,
                  const unsigned char** start = nullptr) {
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

// The DER bytes of a certificate's subject Name, found without decoding anything (decoding the
// public key is what is costly, and even decoding the Name computes its canonical form):
// Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { [0] version OPTIONAL, serialNumber, signature,
// issuer, validity, subject, ... }, ... }. Empty when the certificate is malformed.
std::string subject_der_of(const unsigned char* der, long length) {
    const unsigned char* cursor = der;
    const unsigned char* const end = der + length;
    if (!enter_sequence(&cursor, end) || !enter_sequence(&cursor, end)) return {};
    if (cursor < end && *cursor == 0xA0 && !skip_element(&cursor, end)) return {};  // [0] version
    for (int field = 0; field < 4; ++field) {  // serialNumber, signature, issuer, validity
        if (!skip_element(&cursor, end)) return {};
    }
    const unsigned char* subject = nullptr;
    if (!skip_element(&cursor, end, &subject) || *subject != (V_ASN1_SEQUENCE | V_ASN1_CONSTRUCTED))
        return {};
    return std::string(reinterpret_cast<const char*>(subject), static_cast<std::size_t>(cursor - subject));
}

std::string der_of(const X509_NAME* name) {
    unsigned char* der = nullptr;
    const int length = i2d_X509_NAME(name, &der);
    if (length <= 0) return {};
    std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    return bytes;
}

// The lookup OpenSSL calls when a chain needs a certificate by subject and the store has none yet.
// What it returns is borrowed from the store, as OpenSSL's own lookups do: the caller takes its own
// reference.
int lookup_by_subject(X509_LOOKUP* lookup, X509_LOOKUP_TYPE type, const X509_NAME* name,
                      X509_OBJECT* result) {
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
    // The blocks are found and decoded here rather than with PEM_read_bio, which reads line by line
    // through a BIO and took half of the index's time. Certificates carry no PEM headers.
    static const std::string begin = "-----BEGIN ";
    static const std::string dashes = "-----";
    std::unique_ptr<CertificateIndex> index(new CertificateIndex());
    std::string base64;
    std::vector<unsigned char> der;
    for (std::size_t at = pem.find(begin); at != std::string::npos;) {
        const std::size_t label_start = at + begin.size();
        const std::size_t label_end = pem.find(dashes, label_start);
        if (label_end == std::string::npos) break;
        const std::string label = pem.substr(label_start, label_end - label_start);
        std::string end_line = "-----END ";
        end_line.append(label).append(dashes);
        const std::size_t body_start = label_end + dashes.size();
        const std::size_t body_end = pem.find(end_line, body_start);
        if (body_end == std::string::npos) break;  // cut short
        at = pem.find(begin, body_end + end_line.size());

        base64.assign(pem, body_start, body_end - body_start);
        base64.erase(std::remove_if(base64.begin(), base64.end(),
                                    [](char c) { return c == '\n' || c == '\r' || c == ' ' || c == '\t'; }),
                     base64.end());
        if (base64.empty() || base64.size() % 4 != 0) continue;
        der.resize(base64.size() / 4 * 3);
        const int decoded = EVP_DecodeBlock(der.data(), reinterpret_cast<const unsigned char*>(base64.data()),
                                            static_cast<int>(base64.size()));
        if (decoded < 0) continue;  // not base64: a header line, or garbage
        const long padding = (base64.back() == '=' ? 1 : 0) + (base64[base64.size() - 2] == '=' ? 1 : 0);
        index->add(label.c_str(), der.data(), decoded - padding);
    }
    return index;
}

std::unique_ptr<CertificateIndex> CertificateIndex::read(const std::string& path) {
    // The inputs checked the CA file already; the system bundle is ours. Bounded all the same: what a
    // path names may have changed since, and a handshake must not wait on a FIFO.
    return parse(read_bounded_file(path, max_certificate_file_bytes, Deadline::in(read_wait)).text);
}

void CertificateIndex::add(const char* block_name, const unsigned char* der, long length) {
    const bool trusted_form = std::strcmp(block_name, PEM_STRING_X509_TRUSTED) == 0;
    if (!trusted_form && std::strcmp(block_name, PEM_STRING_X509) != 0 &&
        std::strcmp(block_name, PEM_STRING_X509_OLD) != 0)
        return;
    Entry entry;
    entry.subject_der = subject_der_of(der, length);
    if (entry.subject_der.empty()) return;
    entry.der.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    entry.trusted_form = trusted_form;
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

bool CertificateIndex::Entry::named(const X509_NAME* name, const std::string& name_der, bool canonically) {
    if (!canonically) return subject_der == name_der;
    if (!subject) {
        const auto* bytes = reinterpret_cast<const unsigned char*>(subject_der.data());
        subject = d2i_X509_NAME(nullptr, &bytes, static_cast<long>(subject_der.size()));
        if (!subject) {
            ERR_clear_error();
            return false;
        }
    }
    return X509_NAME_cmp(subject, name) == 0;
}

std::vector<X509*> CertificateIndex::certificates_named(const X509_NAME* name) {
    const std::lock_guard<std::mutex> lock(mutex_);
    const std::string name_der = der_of(name);
    // Byte for byte first: an issuer is encoded as its CA's subject (the CA/Browser Forum requires
    // it), so that decodes no Name. Failing that, as OpenSSL compares names (case, spacing and string
    // types aside), which decodes each Name once.
    std::vector<Entry*> matches;
    for (const bool canonically : {false, true}) {
        for (Entry& entry : entries_) {
            if (entry.named(name, name_der, canonically)) matches.push_back(&entry);
        }
        if (!matches.empty()) break;
    }
    std::vector<X509*> found;
    for (Entry* match : matches) {
        Entry& entry = *match;
        if (!entry.certificate) {
            const auto* der = reinterpret_cast<const unsigned char*>(entry.der.data());
            const long length = static_cast<long>(entry.der.size());
            entry.certificate =
                entry.trusted_form ? d2i_X509_AUX(nullptr, &der, length) : d2i_X509(nullptr, &der, length);
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
