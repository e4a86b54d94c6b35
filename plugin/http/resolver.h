// Host names to addresses, within the deadline. getaddrinfo has no timeout of its own (it follows
// resolv.conf: 5 s per try and name server, so 10 s or more when a server does not answer), so the
// lookup runs on a thread of its own and the caller waits only as long as the deadline allows.
#pragma once

#include <Poco/Net/SocketAddress.h>

#include <cstdint>
#include <functional>
#include <string>

#include "core/deadline.h"

namespace ccs::http {

// The blocking lookup itself; replaceable so tests can make it slow or fail.
using Lookup = std::function<Poco::Net::SocketAddress(const std::string& host, std::uint16_t port)>;

// The system's resolver (getaddrinfo through Poco).
Poco::Net::SocketAddress system_lookup(const std::string& host, std::uint16_t port);

// The address of host:port. An IP address is taken as it is. A name under ".invalid" fails at once,
// as RFC 6761 asks of resolver libraries (no query leaves the machine for it). Any other name is
// looked up with `lookup`; if that takes longer than the deadline allows, it goes on in the
// background, its result unused. Throws Poco::Net::HostNotFoundException when the name does not
// resolve, Poco::TimeoutException when the time ran out first.
Poco::Net::SocketAddress resolve(const std::string& host, std::uint16_t port, const Deadline& deadline,
                                 const Lookup& lookup = system_lookup);

}  // namespace ccs::http
