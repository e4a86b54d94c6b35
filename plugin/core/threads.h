// Starting a thread can fail: a process limit (ulimit -u), a container's pids limit, no memory for
// a stack. std::thread then throws. Every thread the program starts is an optimisation or a
// safeguard, so each caller degrades instead (fewer workers, the work done in line, no watchdog).
#pragma once

#include <system_error>
#include <thread>
#include <utility>

namespace ccs {

// Starts `body` on `thread`; false (and `thread` left empty) when no thread can be had.
template <typename Body>
bool try_start_thread(std::thread& thread, Body&& body) {
    try {
        thread = std::thread(std::forward<Body>(body));
        return true;
    } catch (const std::system_error&) {
        return false;
    }
}

}  // namespace ccs
