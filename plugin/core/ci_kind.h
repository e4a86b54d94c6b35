#pragma once

namespace ccs {

// Where the program runs; decides how results are reported.
enum class CiKind { Plain, GitHub, GitLab, Jenkins };

const char* to_string(CiKind kind);  // "plain", "github", "gitlab", "jenkins"

}  // namespace ccs
