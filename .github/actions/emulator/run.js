// Runs tests/workflows/emulator with this action's inputs: the logic lives in that script, which
// tests/workflows/selftest runs locally; this file only maps inputs to arguments.
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");

// The runner passes input `running-tasks` as INPUT_RUNNING-TASKS (upper-cased, hyphens kept).
function input(name) {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] || "").trim();
}

function words(name) {
  return input(name).split(/\s+/).filter(Boolean);
}

function runEmulatorScript(args) {
  const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
  const result = spawnSync(path.join(workspace, "tests/workflows/emulator"), args, {
    cwd: workspace,
    stdio: "inherit",
    timeout: 120000,
  });
  if (result.error) {
    console.log(`::error::tests/workflows/emulator: ${result.error.message}`);
    process.exit(1);
  }
  process.exit(result.status === null ? 1 : result.status);
}

module.exports = { input, words, runEmulatorScript };
