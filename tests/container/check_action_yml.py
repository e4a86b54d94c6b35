#!/usr/bin/env python3
"""Checks action.yml against the GitHub runner's rules for a container (Docker) action, and the
Dockerfile's final stage against what the runner needs.

    check_action_yml.py [--action action.yml] [--dockerfile Dockerfile]   check; exit 1 on any error
    check_action_yml.py --self-test                                       the checker rejects bad files

The rules are the runner's action manifest schema (actions/runner src/Runner.Worker/action_yaml.json)
and GitHub's metadata syntax, made strict where the runner is loose but GitHub's documentation is not:
  - top-level keys: name, author, description, inputs, outputs, runs, branding (nothing else);
    name, description and runs are required;
  - inputs: ids start with a letter or '_' and hold only alphanumerics, '-' and '_' (this project:
    lower-case kebab-case); each has a string description; keys only description, required, default,
    deprecationMessage; default is a string; no two ids map to the same INPUT_ variable;
  - outputs: each has a non-empty string description, and nothing else (`value` is for composite
    actions only);
  - runs, for `using: docker`: keys only image, entrypoint, args, env, pre-entrypoint, pre-if,
    post-entrypoint, post-if (and using); image is a Dockerfile path that exists or docker://ref;
    entrypoints absolute paths; args a list of strings; env a string-to-string mapping; pre-if/post-if
    only with their entrypoint, and they cannot use the `inputs` context;
  - branding: icon (non-empty string) and color (one of GitHub's).
And this project's interface: the inputs and outputs a GitHub job can use are declared, and nothing
else: the GitLab-only options (stop-on, dotenv, codequality) are not; every input's description says its default
("Default: ..."); a former input name is declared only as deprecated (deprecationMessage naming the
input that replaced it).
"""

import argparse
import os
import re
import sys

try:
    import yaml
except ImportError:  # a Python without PyYAML: try Debian's, which has python3-yaml
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("check_action_yml: PyYAML is missing: apt-get install python3-yaml")

TOP_KEYS = {"name", "author", "description", "inputs", "outputs", "runs", "branding"}
TOP_REQUIRED = {"name", "description", "runs"}
INPUT_KEYS = {"description", "required", "default", "deprecationMessage"}
OUTPUT_KEYS_DOCKER = {"description"}
RUNS_KEYS_DOCKER = {"using", "image", "entrypoint", "args", "env", "pre-entrypoint", "pre-if",
                    "post-entrypoint", "post-if"}
BRANDING_KEYS = {"icon", "color"}
BRANDING_COLORS = {"white", "black", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark"}
INPUT_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
KEBAB = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

# What the program reads (INPUT_<NAME>) and writes ($GITHUB_OUTPUT): the action must declare them.
PROJECT_INPUTS = [
    "mode", "task-id", "region", "endpoint",
    "iam-token", "ak", "sk", "security-token", "project-id", "username", "password", "domain",
    "idp-id", "id-token", "id-token-file", "audience", "iam-endpoint",
    "ca-file", "allow-insecure-http", "concurrency", "timeout", "retries", "dry-run", "json", "grace",
    "task-id-file", "json-file",
    "ref", "poll-interval", "fail-on",  # run mode
    "sarif", "max-findings", "all-findings", "path-prefix",  # run and findings modes
]
# Options that mean nothing on GitHub (they act on GitLab's CI_JOB_STATUS and dotenv reports).
GITLAB_ONLY_INPUTS = ["stop-on", "dotenv", "codequality"]
# Former input names the program still reads, and what replaced them.
FORMER_INPUTS = {"token": "iam-token"}
PROJECT_OUTPUTS = ["result", "stopped", "not-running", "failed", "request-ids",
                   "exec-ids", "task-status", "critical", "major", "minor", "suggestion", "gate"]  # run mode
POST_ENTRYPOINT = "/usr/bin/codearts-check-stop-post"


class UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses duplicate mapping keys, as the runner's parser does."""


def _construct_mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, "duplicate key %r" % (key,), key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def is_nonempty_string(value):
    return isinstance(value, str) and value.strip() != ""


def check_action(doc, base_dir, project=True):
    """Returns a list of error messages (empty when the document is valid)."""
    errors = []
    if not isinstance(doc, dict):
        return ["the file is not a mapping"]
    for key in doc:
        if key not in TOP_KEYS:
            errors.append("unknown top-level key %r (known: %s)" % (key, ", ".join(sorted(TOP_KEYS))))
    for key in sorted(TOP_REQUIRED):
        if key not in doc:
            errors.append("missing required top-level key %r" % key)
    for key in ("name", "description", "author"):
        if key in doc and not is_nonempty_string(doc[key]):
            errors.append("%s must be a non-empty string" % key)

    inputs = doc.get("inputs") or {}
    if not isinstance(inputs, dict):
        errors.append("inputs must be a mapping")
        inputs = {}
    variables = {}
    for input_id, spec in inputs.items():
        where = "input %r" % (input_id,)
        if not isinstance(input_id, str) or not INPUT_ID.match(input_id):
            errors.append("%s: an id starts with a letter or '_' and holds only alphanumerics, '-' and '_'" % where)
            continue
        if project and not KEBAB.match(input_id):
            errors.append("%s: ids are lower-case kebab-case in this project" % where)
        variable = "INPUT_" + input_id.replace(" ", "_").upper()
        if variable in variables:
            errors.append("%s: same variable %s as input %r" % (where, variable, variables[variable]))
        variables[variable] = input_id
        if not isinstance(spec, dict):
            errors.append("%s: must be a mapping with a description" % where)
            continue
        for key in spec:
            if key not in INPUT_KEYS:
                errors.append("%s: unknown key %r (known: %s)" % (where, key, ", ".join(sorted(INPUT_KEYS))))
        if not is_nonempty_string(spec.get("description")):
            errors.append("%s: needs a non-empty string description" % where)
        if "required" in spec and not isinstance(spec["required"], bool):
            errors.append("%s: required must be true or false" % where)
        if "default" in spec and not isinstance(spec["default"], str):
            errors.append("%s: default must be a string (quote it): %r" % (where, spec["default"]))
        if "deprecationMessage" in spec and not is_nonempty_string(spec["deprecationMessage"]):
            errors.append("%s: deprecationMessage must be a non-empty string" % where)

    outputs = doc.get("outputs") or {}
    if not isinstance(outputs, dict):
        errors.append("outputs must be a mapping")
        outputs = {}
    for output_id, spec in outputs.items():
        where = "output %r" % (output_id,)
        if not isinstance(output_id, str) or not INPUT_ID.match(output_id):
            errors.append("%s: an id starts with a letter or '_' and holds only alphanumerics, '-' and '_'" % where)
        if not isinstance(spec, dict):
            errors.append("%s: must be a mapping with a description" % where)
            continue
        for key in spec:
            if key not in OUTPUT_KEYS_DOCKER:
                errors.append("%s: unknown key %r for a container action (only description; value is for composite actions)" % (where, key))
        if not is_nonempty_string(spec.get("description")):
            errors.append("%s: needs a non-empty string description" % where)

    runs = doc.get("runs")
    if not isinstance(runs, dict):
        errors.append("runs must be a mapping")
        runs = {}
    if runs:
        if runs.get("using") != "docker":
            errors.append("runs.using must be 'docker' for this action, not %r" % (runs.get("using"),))
        for key in runs:
            if key not in RUNS_KEYS_DOCKER:
                errors.append("runs: unknown key %r for using: docker (known: %s)" % (key, ", ".join(sorted(RUNS_KEYS_DOCKER))))
        image = runs.get("image")
        if not is_nonempty_string(image):
            errors.append("runs.image is required: a Dockerfile path or docker://image")
        elif not image.startswith("docker://"):
            if not os.path.isfile(os.path.join(base_dir, image)):
                errors.append("runs.image: %r does not exist next to action.yml" % image)
        for key in ("entrypoint", "pre-entrypoint", "post-entrypoint", "pre-if", "post-if"):
            if key in runs and not is_nonempty_string(runs[key]):
                errors.append("runs.%s must be a non-empty string" % key)
        for key in ("entrypoint", "pre-entrypoint", "post-entrypoint"):
            if is_nonempty_string(runs.get(key)) and not runs[key].startswith("/"):
                errors.append("runs.%s must be an absolute path in the image: %r" % (key, runs[key]))
        if "args" in runs:
            if not isinstance(runs["args"], list) or not all(isinstance(a, str) for a in runs["args"]):
                errors.append("runs.args must be a list of strings")
        if "env" in runs:
            env = runs["env"]
            if not isinstance(env, dict) or not all(is_nonempty_string(k) and isinstance(v, str) for k, v in env.items()):
                errors.append("runs.env must map names to strings")
        for phase in ("pre", "post"):
            condition = runs.get(phase + "-if")
            if condition is not None and phase + "-entrypoint" not in runs:
                errors.append("runs.%s-if without runs.%s-entrypoint" % (phase, phase))
            if is_nonempty_string(condition) and re.search(r"\binputs\.", condition):
                errors.append("runs.%s-if cannot use the inputs context: %r" % (phase, condition))

    branding = doc.get("branding")
    if branding is not None:
        if not isinstance(branding, dict):
            errors.append("branding must be a mapping")
        else:
            for key in branding:
                if key not in BRANDING_KEYS:
                    errors.append("branding: unknown key %r" % (key,))
            if "icon" in branding and not is_nonempty_string(branding["icon"]):
                errors.append("branding.icon must be a non-empty string")
            if "color" in branding and branding["color"] not in BRANDING_COLORS:
                errors.append("branding.color must be one of %s" % ", ".join(sorted(BRANDING_COLORS)))

    if project:
        for input_id in PROJECT_INPUTS:
            if input_id not in inputs:
                errors.append("input %r is read by the program but not declared" % input_id)
        for output_id in PROJECT_OUTPUTS:
            if output_id not in outputs:
                errors.append("output %r is written by the program but not declared" % output_id)
        if runs.get("post-entrypoint") != POST_ENTRYPOINT:
            errors.append("runs.post-entrypoint must be %s (the guard's post run)" % POST_ENTRYPOINT)
        if not is_nonempty_string(runs.get("post-if")):
            errors.append("runs.post-if must be set: the guard's post run happens only when the job was cancelled or failed")
        for input_id in GITLAB_ONLY_INPUTS:
            if input_id in inputs:
                errors.append("input %r is for GitLab only and means nothing on GitHub: do not declare it" % input_id)
        for input_id, spec in inputs.items():
            if isinstance(spec, dict) and "Default:" not in str(spec.get("description", "")):
                errors.append("input %r: the description must say its default (\"Default: ...\")" % input_id)
            if input_id in FORMER_INPUTS:
                message = spec.get("deprecationMessage", "") if isinstance(spec, dict) else ""
                if FORMER_INPUTS[input_id] not in str(message):
                    errors.append("input %r is a former name: it needs a deprecationMessage naming %r" % (input_id, FORMER_INPUTS[input_id]))
            elif isinstance(spec, dict) and "deprecationMessage" in spec:
                errors.append("input %r is deprecated, but the program reads no such former name" % input_id)
            if isinstance(spec, dict) and "default" in spec and input_id != "mode":
                errors.append("input %r: a default here hides CODEARTS_CHECK_* for action users; leave defaults to the program (only mode has one)" % input_id)
        if isinstance(inputs.get("mode"), dict) and inputs["mode"].get("default") != "stop":
            errors.append("input 'mode' must default to 'stop'")
    return errors


def stages(dockerfile_text):
    """The Dockerfile's stages, each a list of (INSTRUCTION, arguments) pairs starting with FROM."""
    joined = re.sub(r"\\\n", " ", dockerfile_text)
    result = []
    for line in joined.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word.upper() == "FROM":
            result.append([])
        if result:
            result[-1].append((word.upper(), rest.strip()))
    return result


def check_dockerfile(text):
    errors = []
    all_stages = stages(text)
    if not all_stages:
        return ["the Dockerfile has no FROM"]
    # Cache friendliness: packages are installed before anything from the build context is copied,
    # so a source change does not rebuild the dependency layer.
    for stage in all_stages:
        copied = False
        for word, args in stage:
            if word in ("COPY", "ADD") and "--from=" not in args:
                copied = True
            if word == "RUN" and copied and re.search(r"\bapt-get\b.*\binstall\b", args):
                errors.append("Dockerfile: stage %r installs packages after copying the sources: the dependency layer would be rebuilt on every source change" % stage[0][1])
    stage = all_stages[-1]
    entrypoints = [args for word, args in stage if word == "ENTRYPOINT"]
    for word, _ in stage:
        if word in ("USER", "WORKDIR"):
            errors.append("Dockerfile: the final stage must not set %s (the runner needs root and sets the workdir)" % word)
    if len(entrypoints) != 1:
        errors.append("Dockerfile: the final stage needs exactly one ENTRYPOINT")
    else:
        match = re.match(r'^\[\s*"(/[^"]+)"', entrypoints[0])
        if not match:
            errors.append("Dockerfile: ENTRYPOINT must be exec form with an absolute path: %s" % entrypoints[0])
    if POST_ENTRYPOINT not in text:
        errors.append("Dockerfile: nothing creates %s, the post entrypoint" % POST_ENTRYPOINT)
    return errors


def with_scripts_it_runs(text, context_dir):
    """The Dockerfile followed by the repository scripts it runs (/src/scripts/NAME): what the final
    image holds may be laid out by one of them (scripts/gather-rootfs makes the post entrypoint)."""
    for name in sorted(set(re.findall(r"/src/(scripts/[\w.-]+)", text))):
        with open(os.path.join(context_dir, name), encoding="utf-8") as f:
            text += "\n" + f.read()
    return text


def load(text):
    return yaml.load(text, Loader=UniqueKeyLoader)


def self_test(action_path):
    """Every mutation of the real action.yml must be rejected; the real one must pass."""
    with open(action_path, encoding="utf-8") as f:
        good_text = f.read()
    base = os.path.dirname(os.path.abspath(action_path))

    def mutated(change):
        doc = load(good_text)
        change(doc)
        return doc

    cases = {
        "unknown top-level key": lambda d: d.update({"main": "x"}),
        "missing runs": lambda d: d.pop("runs"),
        "output without description": lambda d: d["outputs"]["result"].pop("description"),
        "output with value": lambda d: d["outputs"]["result"].update({"value": "x"}),
        "input without description": lambda d: d["inputs"]["region"].pop("description"),
        "unknown input key": lambda d: d["inputs"]["region"].update({"type": "string"}),
        "numeric default": lambda d: d["inputs"]["mode"].update({"default": 8}),
        "default that hides the environment": lambda d: d["inputs"]["timeout"].update({"default": "30s"}),
        "not kebab-case": lambda d: d["inputs"].update({"task_ID": {"description": "x"}}),
        "unknown runs key": lambda d: d["runs"].update({"main": "index.js"}),
        "relative entrypoint": lambda d: d["runs"].update({"post-entrypoint": "codearts-check-stop-post"}),
        "post-if uses inputs": lambda d: d["runs"].update({"post-if": "inputs.mode == 'guard'"}),
        "pre-if without pre-entrypoint": lambda d: d["runs"].update({"pre-if": "always()"}),
        "missing Dockerfile": lambda d: d["runs"].update({"image": "Nope.dockerfile"}),
        "not docker": lambda d: d["runs"].update({"using": "node20"}),
        "bad color": lambda d: d["branding"].update({"color": "pink"}),
        "undeclared program input": lambda d: d["inputs"].pop("grace"),
        "undeclared program output": lambda d: d["outputs"].pop("request-ids"),
        "GitLab-only input": lambda d: d["inputs"].update({"stop-on": {"description": "GitLab. Default: none."}}),
        "description without its default": lambda d: d["inputs"]["ak"].update({"description": "Access key."}),
        "former name without deprecationMessage": lambda d: d["inputs"]["token"].pop("deprecationMessage"),
        "deprecated input the program does not read": lambda d: d["inputs"]["ak"].update({"deprecationMessage": "x"}),
        "iam-token not declared": lambda d: d["inputs"].pop("iam-token"),
        "run-mode input not declared": lambda d: d["inputs"].pop("fail-on"),
        "run-mode output not declared": lambda d: d["outputs"].pop("task-status"),
        "run-mode default that hides the environment": lambda d: d["inputs"]["poll-interval"].update({"default": "15s"}),
    }
    failures = 0
    if check_action(load(good_text), base):
        print("FAIL: self-test: the real action.yml does not pass")
        failures += 1
    for name, change in cases.items():
        if not check_action(mutated(change), base):
            print("FAIL: self-test: accepted an action.yml with: %s" % name)
            failures += 1
    try:
        load(good_text + "\nname: twice\n")
        print("FAIL: self-test: accepted a duplicate key")
        failures += 1
    except yaml.YAMLError:
        pass
    bad_dockerfiles = {
        "USER": "FROM scratch\nUSER 1000\nENTRYPOINT [\"/usr/bin/x\"]\n# %s\n" % POST_ENTRYPOINT,
        "WORKDIR": "FROM scratch\nWORKDIR /x\nENTRYPOINT [\"/usr/bin/x\"]\n# %s\n" % POST_ENTRYPOINT,
        "shell form": "FROM scratch\nENTRYPOINT /usr/bin/x\n# %s\n" % POST_ENTRYPOINT,
        "relative": "FROM scratch\nENTRYPOINT [\"x\"]\n# %s\n" % POST_ENTRYPOINT,
        "apt after COPY": "FROM d AS b\nCOPY . /src\nRUN apt-get update && apt-get install -y g++\n"
                          "FROM scratch\nENTRYPOINT [\"/usr/bin/x\"]\n# %s\n" % POST_ENTRYPOINT,
    }
    for name, text in bad_dockerfiles.items():
        if not check_dockerfile(text):
            print("FAIL: self-test: accepted a Dockerfile with %s" % name)
            failures += 1
    good_dockerfile = "FROM x AS b\nRUN apt-get install -y g++\nWORKDIR /src\nCOPY . .\nFROM scratch\nENTRYPOINT [\"/usr/bin/x\"]\n# %s\n" % POST_ENTRYPOINT
    if check_dockerfile(good_dockerfile):
        print("FAIL: self-test: refused a good Dockerfile (WORKDIR in a build stage is fine)")
        failures += 1
    total = len(cases) + len(bad_dockerfiles) + 3
    print("check_action_yml self-test: %d passed, %d failed" % (total - failures, failures))
    return failures == 0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--action", default=os.path.join(root, "action.yml"))
    parser.add_argument("--dockerfile", default=os.path.join(root, "Dockerfile"))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()

    if args.self_test:
        return 0 if self_test(args.action) else 1

    errors = []
    try:
        with open(args.action, encoding="utf-8") as f:
            doc = load(f.read())
        errors += ["%s: %s" % (args.action, e) for e in check_action(doc, os.path.dirname(os.path.abspath(args.action)))]
    except (OSError, yaml.YAMLError) as error:
        errors.append("%s: %s" % (args.action, error))
    if args.dockerfile:
        try:
            with open(args.dockerfile, encoding="utf-8") as f:
                text = with_scripts_it_runs(f.read(), os.path.dirname(os.path.abspath(args.dockerfile)))
            errors += ["%s: %s" % (args.dockerfile, e) for e in check_dockerfile(text)]
        except OSError as error:
            errors.append("%s: %s" % (args.dockerfile, error))
    for error in errors:
        print("FAIL: " + error)
    if errors:
        return 1
    print("PASS: %s follows the runner's rules for a container action (%d inputs, %d outputs); %s: dependency layers before the sources, final stage fit to run"
          % (os.path.basename(args.action), len(doc.get("inputs") or {}), len(doc.get("outputs") or {}),
             os.path.basename(args.dockerfile)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
