#include "core/ci_kind.h"

namespace ccs {

const char* to_string(CiKind kind) {
    switch (kind) {
        case CiKind::Plain: return "plain";
        case CiKind::GitHub: return "github";
        case CiKind::GitLab: return "gitlab";
        case CiKind::Jenkins: return "jenkins";
    }
    return "plain";
}

}  // namespace ccs
