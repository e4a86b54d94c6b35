#include "support/connect_proxy.h"

#include <Poco/Net/IPAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/String.h>

#include <chrono>

#include "core/strings.h"

namespace ccs::test {

namespace {

const Poco::Timespan poll_interval(0, 50L * 1000);
constexpr auto connection_limit = std::chrono::seconds(20);  // no test connection lasts longer

// The request head, up to the blank line; "" when the client went away first.
std::string read_head(Poco::Net::StreamSocket& socket) {
    std::string head;
    char byte = 0;
    while (head.size() < 16384 && head.find("\r\n\r\n") == std::string::npos) {
        if (socket.receiveBytes(&byte, 1) <= 0) return "";
        head += byte;
    }
    return head;
}

std::string header_value(const std::string& head, const std::string& name) {
    const std::string lower = Poco::toLower(head);
    const auto at = lower.find("\r\n" + Poco::toLower(name) + ":");
    if (at == std::string::npos) return "";
    const auto start = at + 3 + name.size();
    return Poco::trim(head.substr(start, head.find("\r\n", start) - start));
}

// Copies what is available from `from` to `to`; false once either side is closed.
bool relay(Poco::Net::StreamSocket& from, Poco::Net::StreamSocket& to) {
    char buffer[16384];
    const int count = from.receiveBytes(buffer, sizeof(buffer));
    if (count <= 0) return false;
    to.sendBytes(buffer, count);
    return true;
}

void tunnel(Poco::Net::StreamSocket& client, Poco::Net::StreamSocket& server,
            const std::atomic<bool>& stopping) {
    const auto until = std::chrono::steady_clock::now() + connection_limit;
    while (!stopping && std::chrono::steady_clock::now() < until) {
        if (client.poll(poll_interval, Poco::Net::Socket::SELECT_READ) && !relay(client, server)) return;
        if (server.poll(Poco::Timespan(0), Poco::Net::Socket::SELECT_READ) && !relay(server, client)) return;
    }
}

}  // namespace

ConnectProxy::ConnectProxy(std::chrono::milliseconds drip)
    : drip_(drip),
      listener_(Poco::Net::SocketAddress("127.0.0.1", 0)),
      port_(listener_.address().port()),
      thread_([this] { serve(); }) {}

ConnectProxy::ConnectProxy(std::chrono::milliseconds drip, int times) : ConnectProxy(drip) {
    const std::lock_guard<std::mutex> lock(mutex_);
    times_ = times;
}

ConnectProxy::~ConnectProxy() {
    stopping_ = true;
    thread_.join();
}

std::vector<ProxiedConnect> ConnectProxy::connects() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return connects_;
}

void ConnectProxy::drip_answer(Poco::Net::StreamSocket& client) {
    const std::string answer = "HTTP/1.1 200 Connection established\r\nProxy-Agent: drip\r\n\r\n";
    for (const char byte : answer) {
        if (stopping_) return;
        std::this_thread::sleep_for(drip_);
        client.sendBytes(&byte, 1);
    }
}

bool ConnectProxy::misbehaves() {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (times_ == 0) return false;
    if (times_ > 0) --times_;
    return drip_.count() > 0 || times_ >= 0;
}

void ConnectProxy::stay_silent(Poco::Net::StreamSocket& client) {
    const auto until = std::chrono::steady_clock::now() + connection_limit;
    char byte = 0;
    while (!stopping_ && std::chrono::steady_clock::now() < until) {
        if (client.poll(poll_interval, Poco::Net::Socket::SELECT_READ) && client.receiveBytes(&byte, 1) <= 0)
            return;
    }
}

void ConnectProxy::serve() {
    while (!stopping_) {
        if (!listener_.poll(poll_interval, Poco::Net::Socket::SELECT_READ)) continue;
        try {
            Poco::Net::StreamSocket client = listener_.acceptConnection();
            client.setReceiveTimeout(Poco::Timespan(5, 0));
            const std::string head = read_head(client);
            const auto space = head.find(' ');
            if (!starts_with(head, "CONNECT ") || space == std::string::npos) continue;
            const std::string target = head.substr(space + 1, head.find(' ', space + 1) - space - 1);
            {
                const std::lock_guard<std::mutex> lock(mutex_);
                connects_.push_back({target, header_value(head, "Proxy-Authorization")});
            }
            if (misbehaves()) {
                if (drip_.count() > 0) {
                    drip_answer(client);
                } else {
                    stay_silent(client);
                }
                continue;
            }
            // A test proxy reaches nothing beyond this machine, and resolves no name.
            const auto colon = target.rfind(':');
            Poco::Net::IPAddress host;
            if (colon == std::string::npos ||
                !Poco::Net::IPAddress::tryParse(target.substr(0, colon), host) || !host.isLoopback()) {
                client.sendBytes("HTTP/1.1 403 Forbidden\r\n\r\n", 26);
                continue;
            }
            Poco::Net::StreamSocket server(Poco::Net::SocketAddress(
                host, static_cast<Poco::UInt16>(std::stoi(target.substr(colon + 1)))));
            const std::string established = "HTTP/1.1 200 Connection established\r\n\r\n";
            client.sendBytes(established.data(), static_cast<int>(established.size()));
            tunnel(client, server, stopping_);
        } catch (const Poco::Exception&) {
            // a client or server that went away: next connection
        }
    }
}

}  // namespace ccs::test
