// codearts-check-emulator: a local stand-in for the CodeArts Check API, for tests and demos.
#include <Poco/Net/SSLManager.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <thread>

#include "emulator/emulator_options.h"
#include "emulator/emulator_server.h"
#include "emulator/emulator_state.h"
#include "emulator/loopback_certificate.h"
#include "emulator/refusing_port.h"
#include "emulator/scenario.h"
#include "emulator/stderr_log.h"
#include "support/file_text.h"

namespace {

using namespace ccs::emu;

constexpr auto shutdown_limit = std::chrono::seconds(10);

// Block the stop signals before any thread exists, so every thread inherits the mask and only
// wait_for_stop_signal() ever receives them. SIGPIPE is ignored: a client that disappears must cost a
// failed write, not the process.
sigset_t block_stop_signals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    return signals;
}

int wait_for_stop_signal(const sigset_t& signals) {
    int received = 0;
    while (sigwait(&signals, &received) != 0) {
    }
    return received;
}

void seed_state(const EmulatorOptions& options, EmulatorState& state) {
    if (!options.scenario_file.empty())
        state.apply(parse_scenario(ccs::test::read_text_file(options.scenario_file)));
    for (const auto& token : options.tokens) state.tokens.add_accepted(token);
    for (const auto& token : options.expired_tokens) state.tokens.add_expired(token);
    for (const auto& [id, status] : options.tasks) state.tasks.set_status(id, status);
    if (options.latency_ms) state.latency_ms = *options.latency_ms;
    state.iam.add(options.iam);
    if (options.clock_offset_s) state.iam.set_clock_offset(std::chrono::seconds(*options.clock_offset_s));
}

void copy_certificate(const LoopbackCertificate& certificate, const std::string& path) {
    std::ofstream file(path, std::ios::binary | std::ios::trunc);
    file << certificate.certificate_pem();
    if (!file.flush()) throw std::runtime_error("cannot write " + path);
}

// If a connection ever ignores the shutdown, the process still ends, and says why.
void start_shutdown_watchdog() {
    std::thread([] {
        std::this_thread::sleep_for(shutdown_limit);
        log_line("shutdown took too long; exiting anyway");
        std::_Exit(3);
    }).detach();
}

int serve(const EmulatorOptions& options, const sigset_t& stop_signals) {
    EmulatorState state(options.log_file);
    seed_state(options, state);
    std::unique_ptr<LoopbackCertificate> certificate;
    if (options.tls) {
        certificate = std::make_unique<LoopbackCertificate>(options.cert_host);
        if (!options.cert_out.empty()) copy_certificate(*certificate, options.cert_out);
    }
    EmulatorServer server({options.host, options.port, certificate.get()}, state);
    std::cout << server.base_url() << std::endl;  // the first stdout line; endl flushes it
    log_line("listening on " + server.base_url());
    std::unique_ptr<RefusingPort> refusing;
    if (options.refusing_port) {
        refusing = std::make_unique<RefusingPort>(options.host);
        const std::string url = std::string(options.tls ? "https" : "http") + "://" + options.host + ":" +
                                std::to_string(refusing->port());
        std::cout << url << std::endl;
        log_line("refusing connections on " + url);
    }
    const int signal = wait_for_stop_signal(stop_signals);
    log_line(std::string("stopping on ") + (signal == SIGINT ? "SIGINT" : "SIGTERM"));
    start_shutdown_watchdog();
    server.stop();
    return EXIT_SUCCESS;
}

}  // namespace

int main(int argc, char** argv) {
    const sigset_t stop_signals = block_stop_signals();
    EmulatorOptions options;
    try {
        options = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    } catch (const OptionError& error) {
        std::cerr << "codearts-check-emulator: " << error.what() << "\n" << usage_text();
        return 2;
    }
    if (options.help) {
        std::cout << usage_text();
        return EXIT_SUCCESS;
    }
    try {
        Poco::Net::initializeSSL();
        const int code = serve(options, stop_signals);
        Poco::Net::uninitializeSSL();
        return code;
    } catch (const Poco::Exception& error) {
        log_line("fatal: " + error.displayText());
    } catch (const std::exception& error) {
        log_line(std::string("fatal: ") + error.what());
    }
    return EXIT_FAILURE;
}
