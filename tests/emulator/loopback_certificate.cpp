#include "emulator/loopback_certificate.h"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

namespace ccs::emu {

namespace {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* pointer) const { Free(pointer); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION, X509_EXTENSION_free>>;

void check(bool ok, const char* what) {
    if (!ok) throw std::runtime_error(std::string("TLS certificate generation failed: ") + what);
}

KeyPtr generate_key() {
    KeyPtr key(EVP_EC_gen("P-256"));
    check(key != nullptr, "EC P-256 key");
    return key;
}

void add_extension(X509* cert, int nid, const char* value) {
    X509V3_CTX context;
    X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);
    ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    check(extension && X509_add_ext(cert, extension.get(), -1) == 1, value);
}

void set_random_serial(X509* cert) {
    BignumPtr serial(BN_new());
    check(serial && BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1, "serial number");
    check(BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) != nullptr, "serial number");
}

void set_names(X509* cert) {
    X509_NAME* name = X509_get_subject_name(cert);
    const auto text = reinterpret_cast<const unsigned char*>("codearts-check-emulator");
    check(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, text, -1, -1, 0) == 1, "subject");
    check(X509_set_issuer_name(cert, name) == 1, "issuer");
}

CertPtr self_signed_certificate(EVP_PKEY* key, const std::string& alt_names) {
    CertPtr cert(X509_new());
    check(cert != nullptr, "X509_new");
    check(X509_set_version(cert.get(), 2) == 1, "version");  // 2 means X.509 v3
    set_random_serial(cert.get());
    // An hour of slack on both clocks' sakes; a day is longer than any test or demo.
    check(X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) != nullptr, "notBefore");
    check(X509_gmtime_adj(X509_getm_notAfter(cert.get()), 86400) != nullptr, "notAfter");
    check(X509_set_pubkey(cert.get(), key) == 1, "public key");
    set_names(cert.get());
    add_extension(cert.get(), NID_subject_alt_name, alt_names.c_str());
    // CA:TRUE so that the file works as a client's CA file, the way clients are told to trust it.
    add_extension(cert.get(), NID_basic_constraints, "critical,CA:TRUE");
    add_extension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign");
    add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
    add_extension(cert.get(), NID_subject_key_identifier, "hash");
    check(X509_sign(cert.get(), key, EVP_sha256()) > 0, "signature");
    return cert;
}

std::string bio_text(BIO* bio) {
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::string key_pem(EVP_PKEY* key) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    check(bio && PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
          "key PEM");
    return bio_text(bio.get());
}

std::string certificate_pem_of(X509* cert) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    check(bio && PEM_write_bio_X509(bio.get(), cert) == 1, "certificate PEM");
    return bio_text(bio.get());
}

std::string make_private_directory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ccs-emulator-tls-XXXXXX").string();
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    check(::mkdtemp(buffer.data()) != nullptr, "temporary directory");  // mode 0700
    return buffer.data();
}

void write_file(const std::string& path, const std::string& content) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << content;
    check(static_cast<bool>(file.flush()), "writing a PEM file");
}

}  // namespace

LoopbackCertificate::LoopbackCertificate(const std::string& host_name)
    : directory_(make_private_directory()) {
    try {
        const KeyPtr key = generate_key();
        const CertPtr cert = self_signed_certificate(
            key.get(), host_name.empty() ? "IP:127.0.0.1,IP:::1,DNS:localhost" : "DNS:" + host_name);
        key_file_ = directory_ + "/key.pem";
        certificate_file_ = directory_ + "/cert.pem";
        certificate_pem_ = certificate_pem_of(cert.get());
        write_file(key_file_, key_pem(key.get()));
        write_file(certificate_file_, certificate_pem_);
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove_all(directory_, ignored);
        throw;
    }
}

LoopbackCertificate::~LoopbackCertificate() {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
}

}  // namespace ccs::emu
