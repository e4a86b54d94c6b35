// The scenario's "credentials" part: what the emulated IAM knows (see README.md, "Credentials").
#pragma once

#include <Poco/Dynamic/Var.h>

#include <string>

#include "emulator/iam_book.h"

namespace ccs::emu {

// Throws ScenarioError naming the offending field ("credentials.access_keys[1].sk: expected a string").
IamSetup parse_iam_setup(const Poco::Dynamic::Var& value, const std::string& where);

}  // namespace ccs::emu
