// How the program reaches the service: proxies from the environment, trust from SSL_CERT_FILE, plain
// http only where it is safe, and headers that cannot be forged.
#include <doctest/doctest.h>

#include <Poco/Base64Encoder.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <memory>
#include <sstream>

#include "program.h"
#include "support/connect_proxy.h"

using namespace ccs::test;

namespace {

const std::string token = "tok-S3CR3T-transport-91d0e4";
const std::string proxy_password = "pw-S3CR3T-proxy-3a7c";
const std::string task = "transport-task-01";

EmulatorOptions running_task() {
    EmulatorOptions options;
    options.tokens = {token};
    options.tasks = {{task, 0}};
    return options;
}

// "<subject hash>.0": the name `openssl rehash` gives the certificate in a PEM file.
std::string hashed_name_of(const std::string& pem_file) {
    const std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_file(pem_file.c_str(), "r"), &BIO_free);
    const std::unique_ptr<X509, decltype(&X509_free)> certificate(
        bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr, &X509_free);
    REQUIRE(certificate);
    char name[16];
    std::snprintf(name, sizeof name, "%08lx.0", X509_subject_name_hash(certificate.get()));
    return name;
}

std::vector<std::string> stop_args(const Emulator& emulator) {
    std::vector<std::string> args = emulator_flags(emulator, token);
    args.insert(args.end(), {"--task-id", task, "--timeout", "10s"});
    return args;
}

std::string basic(const std::string& user, const std::string& password) {
    std::ostringstream encoded;
    Poco::Base64Encoder encoder(encoded);
    encoder << user << ':' << password;
    encoder.close();
    return "Basic " + encoded.str();
}

}  // namespace

TEST_CASE("HTTPS_PROXY: the stop goes through the proxy (CONNECT, with its credentials), and works") {
    Emulator emulator(running_task());
    ConnectProxy proxy;
    const Environment env = {
        {"HTTPS_PROXY", "http://ci-user:" + proxy_password + "@127.0.0.1:" + std::to_string(proxy.port())}};
    const ProcessResult run = run_program(stop_args(emulator), env);
    CHECK(run.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
    const auto connects = proxy.connects();
    REQUIRE_FALSE(connects.empty());
    const std::string service = emulator.url().substr(emulator.url().find("://") + 3);
    for (const auto& connect : connects) {
        CHECK(connect.target == service);
        CHECK(connect.proxy_authorization == basic("ci-user", proxy_password));
    }
}

TEST_CASE("NO_PROXY: a host it names is reached directly; lower-case variables count too") {
    Emulator emulator(running_task());
    ConnectProxy proxy;
    const Environment env = {{"https_proxy", "127.0.0.1:" + std::to_string(proxy.port())},
                             {"no_proxy", "example.com, 127.0.0.1"}};
    const ProcessResult run = run_program(stop_args(emulator), env);
    CHECK(run.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
    CHECK(proxy.connects().empty());
}

TEST_CASE("a proxy we cannot use is refused before anything is sent, without showing its password") {
    Emulator emulator(running_task());
    const ProcessResult run = run_program(
        stop_args(emulator), {{"HTTPS_PROXY", "socks5://ci:" + proxy_password + "@127.0.0.1:1080"}});
    CHECK(run.exit_code == 2);
    CHECK(contains(run.err, "HTTPS_PROXY"));
    CHECK(emulator.requests().empty());
}

TEST_CASE("SSL_CERT_FILE is trusted like --ca-file") {
    Emulator emulator(running_task());
    std::vector<std::string> args = {"--endpoint", emulator.url(), "--iam-token", token, "--task-id", task};
    const ProcessResult untrusted = run_program(args);
    CHECK(untrusted.exit_code == 1);
    CHECK(contains(untrusted.err, "not trusted"));
    const ProcessResult trusted = run_program(args, {{"SSL_CERT_FILE", emulator.cert_file()}});
    CHECK(trusted.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
}

TEST_CASE("a CA found only in a hashed SSL_CERT_DIR is trusted") {
    Emulator emulator(running_task());
    const TempDir certs;
    certs.write(hashed_name_of(emulator.cert_file()), read_text_file(emulator.cert_file()));
    std::vector<std::string> args = {"--endpoint", emulator.url(), "--iam-token", token, "--task-id", task};
    const ProcessResult trusted = run_program(args, {{"SSL_CERT_DIR", certs.path()}});
    CHECK(trusted.exit_code == 0);
    CHECK(emulator.task_status(task) == 3);
}

TEST_CASE("http:// is for loopback only, unless --allow-insecure-http") {
    const std::vector<std::string> args = {
        "--endpoint", "http://codearts-check.corp.example", "--iam-token", token, "--task-id", task,
        "--dry-run"};
    const ProcessResult refused = run_program(args);
    CHECK(refused.exit_code == 2);
    CHECK(contains(refused.err, "--allow-insecure-http"));
    std::vector<std::string> allowed_args = args;
    allowed_args.push_back("--allow-insecure-http");
    const ProcessResult allowed = run_program(allowed_args);  // --dry-run: nothing leaves the machine
    CHECK(allowed.exit_code == 0);
    CHECK(contains(allowed.out, "http://codearts-check.corp.example/v2/tasks/" + task + "/stop"));
}

TEST_CASE("a header value with a line break is refused before anything is sent") {
    Emulator emulator(running_task());
    for (const std::string& injected : {token + "\r\nX-Injected: 1", token + "\nX-Injected: 1"}) {
        const ProcessResult run =
            run_program({"--endpoint", emulator.url(), "--ca-file", emulator.cert_file(), "--task-id", task},
                        {{"CODEARTS_CHECK_IAM_TOKEN", injected}});
        CHECK(run.exit_code == 2);
        CHECK_FALSE(contains(run.err + run.out, "X-Injected"));
    }
    CHECK(emulator.requests().empty());
}

TEST_CASE("a proxy that drips its answer cannot hold the run: it ends by the deadline + 1 s, with a report") {
    Emulator emulator(running_task());
    ConnectProxy proxy(std::chrono::milliseconds(150));  // its answer alone takes 9 s
    std::vector<std::string> args = emulator_flags(emulator, token);
    args.insert(args.end(), {"--task-id", task, "--timeout", "2s", "--json"});
    const ProcessResult run =
        run_program(args, {{"HTTPS_PROXY", "http://127.0.0.1:" + std::to_string(proxy.port())}});
    CHECK(run.exit_code == 1);
    CHECK(run.seconds < 3.0);
    CHECK(contains(run.out, "\"outcome\":\"failed\""));
    // Each attempt is cut at its share of the deadline, CONNECT answer included (issue 13): the
    // program reports the timeouts itself, before the last-resort report would be needed.
    CHECK(contains(run.out, "timed out"));
}

TEST_CASE(
    "an endpoint that percent-encodes a line break, NUL, space or '..' is refused: exit 2, nothing sent") {
    Emulator emulator(running_task());
    for (const std::string path : {"/a%0d%0aX-Injected:%201", "/a%00b", "/a%20b", "/x/%2e%2e"}) {
        CAPTURE(path);
        const ProcessResult run = run_program({"--endpoint", emulator.url() + path, "--ca-file",
                                               emulator.cert_file(), "--task-id", task, "--timeout", "5s"},
                                              {{"CODEARTS_CHECK_IAM_TOKEN", token}});
        CHECK(run.exit_code == 2);
        CHECK(contains(run.err + run.out, "--endpoint"));
    }
    CHECK(emulator.requests().empty());
}
