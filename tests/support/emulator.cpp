#include "support/emulator.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>
#include <Poco/String.h>

#include <csignal>
#include <sstream>
#include <stdexcept>

#include "core/strings.h"

namespace ccs::test {

namespace {

constexpr std::chrono::seconds startup_limit{10};

std::vector<std::string> command_line(const EmulatorOptions& options, const std::string& cert_file) {
    std::vector<std::string> args = {"--port", "0"};
    if (options.tls) args.insert(args.end(), {"--tls", "--cert-out", cert_file});
    for (const auto& token : options.tokens) args.insert(args.end(), {"--token", token});
    for (const auto& token : options.expired_tokens) args.insert(args.end(), {"--expired-token", token});
    for (const auto& [id, status] : options.tasks) {
        args.insert(args.end(), {"--task", id + "=" + (status ? std::to_string(*status) : "null")});
    }
    if (!options.scenario_file.empty()) args.insert(args.end(), {"--scenario", options.scenario_file});
    if (!options.log_file.empty()) args.insert(args.end(), {"--log", options.log_file});
    if (options.latency_ms) args.insert(args.end(), {"--latency-ms", std::to_string(*options.latency_ms)});
    if (options.refusing_port) args.emplace_back("--refusing-port");
    args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());
    return args;
}

// The emulator needs nothing from the environment but a temp dir and, in sanitizer builds, the
// sanitizer settings ctest gives the test.
Environment emulator_environment() {
    return with_inherited({}, {"TMPDIR", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"});
}

Poco::Dynamic::Var parse_json(const std::string& text) {
    Poco::JSON::Parser parser;
    return parser.parse(text);
}

RecordedRequest recorded_request(const Poco::JSON::Object& entry) {
    RecordedRequest request;
    request.seq = entry.getValue<long>("seq");
    request.method = entry.getValue<std::string>("method");
    request.path = entry.getValue<std::string>("path");
    request.query = entry.getValue<std::string>("query");
    const auto headers = entry.getObject("headers");
    for (const auto& name : headers->getNames()) request.headers[name] = headers->getValue<std::string>(name);
    request.body = entry.getValue<std::string>("body");
    request.received_unix_ms = entry.getValue<double>("received_unix_ms");
    request.connection = entry.getValue<long>("connection");
    request.request_id = entry.getValue<std::string>("request_id");
    request.status = entry.getValue<int>("status");
    return request;
}

std::string describe(const HttpReply& reply) {
    return reply.ok() ? "HTTP " + std::to_string(reply.status) + ": " + reply.body : reply.error;
}

}  // namespace

std::string emulator_path() {
    return CCS_EMULATOR_PATH;
}

const std::string* RecordedRequest::header(const std::string& name) const {
    for (const auto& [field, value] : headers) {
        if (Poco::icompare(field, name) == 0) return &value;
    }
    return nullptr;
}

Emulator::Emulator(const EmulatorOptions& options) : dir_("ccs-emulator") {
    if (options.tls) cert_file_ = dir_.file("emulator-cert.pem");
    process_ = std::make_unique<BackgroundProcess>(emulator_path(), command_line(options, cert_file_),
                                                   emulator_environment());
    const auto line = process_->read_line(startup_limit);
    if (!line || !starts_with(*line, "http")) {
        throw std::runtime_error("the emulator did not start; its stderr:\n" + process_->stderr_text());
    }
    url_ = *line;
    if (!options.refusing_port) return;
    const auto refusing = process_->read_line(startup_limit);
    if (!refusing || !starts_with(*refusing, "http")) {
        throw std::runtime_error("the emulator gave no refusing port; its stderr:\n" +
                                 process_->stderr_text());
    }
    refusing_url_ = *refusing;
}

Emulator::~Emulator() {
    if (!stopped_) stop();
}

std::optional<int> Emulator::stop(std::chrono::milliseconds timeout) {
    stopped_ = true;
    process_->send_signal(SIGTERM);
    return process_->wait(timeout);  // still running: the BackgroundProcess destructor kills it
}

HttpReply Emulator::call(const std::string& method, const std::string& target, const HeaderPairs& headers,
                         const std::string& body) const {
    HttpCall request;
    request.method = method;
    request.base_url = url_;
    request.target = target;
    request.headers = headers;
    request.body = body;
    request.ca_file = cert_file_;
    return http_call(request);
}

HttpReply Emulator::admin(const std::string& method, const std::string& target,
                          const std::string& body) const {
    HttpReply reply = call(method, target, {{"Content-Type", "application/json"}}, body);
    if (!reply.ok() || reply.status != 200) {
        throw std::runtime_error("emulator admin " + method + " " + target + " failed: " + describe(reply));
    }
    return reply;
}

std::vector<RecordedRequest> Emulator::requests() const {
    const auto entries =
        parse_json(admin("GET", "/_emulator/requests").body).extract<Poco::JSON::Array::Ptr>();
    std::vector<RecordedRequest> requests;
    for (std::size_t i = 0; i < entries->size(); ++i) {
        requests.push_back(recorded_request(*entries->getObject(static_cast<unsigned>(i))));
    }
    return requests;
}

void Emulator::set_task(const std::string& id, std::optional<int> status) {
    std::ostringstream quoted_id;
    Poco::JSON::Stringifier::formatString(id, quoted_id);
    admin("POST", "/_emulator/tasks",
          "{\"id\":" + quoted_id.str() + ",\"status\":" + (status ? std::to_string(*status) : "null") + "}");
}

std::optional<int> Emulator::task_status(const std::string& id) const {
    const auto task =
        parse_json(admin("GET", "/_emulator/tasks/" + id).body).extract<Poco::JSON::Object::Ptr>();
    if (task->isNull("status")) return std::nullopt;
    return task->getValue<int>("status");
}

EmulatedTask Emulator::task(const std::string& id) const {
    const auto object =
        parse_json(admin("GET", "/_emulator/tasks/" + id).body).extract<Poco::JSON::Object::Ptr>();
    EmulatedTask task;
    if (!object->isNull("status")) task.status = object->getValue<int>("status");
    const auto progress = object->getObject("progress");
    task.ratio = progress->getValue<std::string>("ratio");
    task.info = progress->getValue<std::string>("info");
    const auto exec_ids = object->getArray("exec_ids");
    for (std::size_t i = 0; i < exec_ids->size(); ++i)
        task.exec_ids.push_back(exec_ids->getElement<std::string>(static_cast<unsigned>(i)));
    if (!object->isNull("last_run_body")) task.last_run_body = object->getValue<std::string>("last_run_body");
    task.has_results = object->getValue<bool>("has_results");
    task.last_check_time = object->getValue<std::string>("last_check_time");
    return task;
}

void Emulator::setup_task(const std::string& json) {
    admin("POST", "/_emulator/tasks", json);
}

void Emulator::load_scenario(const std::string& json) {
    admin("POST", "/_emulator/scenario", json);
}

void Emulator::reset() {
    admin("POST", "/_emulator/reset");
}

}  // namespace ccs::test
