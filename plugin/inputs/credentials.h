// Which credentials the run uses: the one place that decides, and that builds and checks each kind
// from its inputs (the kinds themselves are declared with Config, in config.h).
//
// Four kinds, each given by its own inputs: an IAM token (--iam-token, formerly --token); AK/SK (--ak, --sk,
// and for temporary keys --security-token); an IAM user's password (--username, --password, --domain); OIDC
// federation (--idp-id with --id-token, --id-token-file or the GitHub Actions OIDC service). A kind
// counts as given when any of its inputs is.
//
// When several kinds are given, the most explicit source decides: a kind given on the command line
// beats one given as a GitHub input, that one beating CODEARTS_CHECK_* variables, those beating the
// SDK's variables (HUAWEICLOUD_SDK_*, CLOUD_SDK_*), those beating huaweicloud/auth-action's
// (HUAWEI_CLOUD_*). So an SDK variable left in a runner's environment
// never overrides what the job says, and the overridden kind is named in --dry-run. Two kinds given
// at the same level are an error: which one was meant cannot be known.
#pragma once

#include "inputs/config.h"
#include "inputs/options.h"

namespace ccs::inputs {

// Sets config.credential, credential_origin, credential_why, other_secrets and the IAM endpoint.
// Throws InvalidInput when no credential is given, when two kinds are given equally explicitly, when
// the chosen kind is incomplete (naming what is missing) or malformed, or when it needs IAM and
// neither a region nor --iam-endpoint says where IAM is. Messages never contain a secret.
// Reads config.region, so the endpoint is applied first.
void choose_credentials(const RawInputs& raw, const Environment& env, Config& config);

}  // namespace ccs::inputs
