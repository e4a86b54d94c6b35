#!/usr/bin/env python3
"""What the GitHub runner does around a container action's run, for tests/container/run.

    github_runner.py inputs ACTION_YML [name=value ...]
        The INPUT_* environment of the run, NUL-separated: every input action.yml declares, with the
        workflow's `with:` value (name=value) or else the input's default or else "" -- the runner
        exports them all, on the main and on the post run. Names: spaces to '_', upper-cased,
        hyphens kept (task-id -> INPUT_TASK-ID).
    github_runner.py runs ACTION_YML KEY
        A runs: value (post-entrypoint, post-if, ...), or nothing.
    github_runner.py file-command FILE [NAME]
        Parses a file command ($GITHUB_OUTPUT, $GITHUB_STATE, $GITHUB_ENV) as the runner does: lines
        `name=value` or `name<<DELIMITER` ... `DELIMITER`. With NAME, prints that value (exit 3 when
        absent); without, prints name=value lines (values JSON-quoted when multi-line). A malformed
        file fails the step on GitHub: exit 1 with the reason.
    github_runner.py state-env FILE
        The STATE_<name> environment the runner gives the post run from the main run's $GITHUB_STATE,
        NUL-separated.
    github_runner.py self-test ACTION_YML
        Checks the parser and the input environment above on known cases.
"""

import json
import os
import sys

try:
    import yaml
except ImportError:
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    sys.exit("github_runner: PyYAML is missing: apt-get install python3-yaml")


class FileCommandError(Exception):
    pass


def parse_file_command(text):
    """Mirrors the runner's FileCommandManager: returns [(name, value)] in file order."""
    entries = []
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    i = 0
    while i < len(lines):
        line = lines[i].rstrip("\r")
        i += 1
        if line == "":
            continue
        equals = line.find("=")
        heredoc = line.find("<<")
        if equals >= 0 and (heredoc < 0 or equals < heredoc):
            name, value = line[:equals], line[equals + 1:]
            if name == "":
                raise FileCommandError("line %d: empty name" % i)
            entries.append((name, value))
        elif heredoc > 0:
            name, delimiter = line[:heredoc], line[heredoc + 2:]
            if delimiter == "":
                raise FileCommandError("line %d: empty delimiter for %s" % (i, name))
            value_lines = []
            while True:
                if i >= len(lines):
                    raise FileCommandError("%s: no closing delimiter %s" % (name, delimiter))
                candidate = lines[i].rstrip("\r")
                i += 1
                if candidate == delimiter:
                    break
                value_lines.append(candidate)
            entries.append((name, "\n".join(value_lines)))
        else:
            raise FileCommandError("line %d: neither name=value nor name<<DELIMITER: %r" % (i, line))
    return entries


def action_inputs(action_path, given):
    with open(action_path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    values = {}
    for name, spec in (doc.get("inputs") or {}).items():
        default = (spec or {}).get("default", "")
        values[name] = "" if default is None else str(default)
    for name, value in given.items():
        values[name] = value  # an input the action does not declare still reaches the container
    return {"INPUT_" + name.replace(" ", "_").upper(): value for name, value in values.items()}


def emit_env(env):
    out = sys.stdout.buffer
    for name, value in env.items():
        out.write(("%s=%s" % (name, value)).encode("utf-8") + b"\0")


def self_test(action_path):
    cases = [
        ("a=1\nb=two words\n", [("a", "1"), ("b", "two words")]),
        ("x<<ghadelimiter_1\nline 1\nline=2\nghadelimiter_1\n", [("x", "line 1\nline=2")]),
        ("e=\r\nf<<EOF\r\n\r\nEOF\r\n", [("e", ""), ("f", "")]),
        ("a=b<<c\n", [("a", "b<<c")]),
        ("", []),
    ]
    bad = ["novalue\n", "x<<D\nunterminated\n", "=v\n", "x<<\n"]
    failures = 0
    for text, expected in cases:
        try:
            got = parse_file_command(text)
        except FileCommandError as error:
            got = "error: %s" % error
        if got != expected:
            print("FAIL: self-test: %r parsed as %r, expected %r" % (text, got, expected))
            failures += 1
    for text in bad:
        try:
            parse_file_command(text)
            print("FAIL: self-test: accepted the malformed %r" % text)
            failures += 1
        except FileCommandError:
            pass
    env = action_inputs(action_path, {"task-id": "T1", "undeclared input": "v"})
    # The IAM token's input and its former name both arrive (empty when not set: the program takes an
    # empty input as not given); a GitLab-only option is not declared, so it does not arrive at all.
    expected_env = {"INPUT_TASK-ID": "T1", "INPUT_MODE": "stop", "INPUT_REGION": "", "INPUT_UNDECLARED_INPUT": "v",
                    "INPUT_IAM-TOKEN": "", "INPUT_TOKEN": ""}
    for name, value in expected_env.items():
        if env.get(name) != value:
            print("FAIL: self-test: %s is %r, expected %r" % (name, env.get(name), value))
            failures += 1
    absent = ["INPUT_STOP-ON", "INPUT_DOTENV"]
    for name in absent:
        if name in env:
            print("FAIL: self-test: %s is set, but the action does not declare it" % name)
            failures += 1
    total = len(cases) + len(bad) + len(expected_env) + len(absent)
    print("github_runner self-test: %d passed, %d failed" % (total - failures, failures))
    return 0 if failures == 0 else 1


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    command = argv[1]
    if command == "self-test":
        return self_test(argv[2])
    if command == "inputs":
        given = {}
        for pair in argv[3:]:
            name, _, value = pair.partition("=")
            given[name] = value
        emit_env(action_inputs(argv[2], given))
        return 0
    if command == "runs":
        with open(argv[2], encoding="utf-8") as f:
            value = (yaml.safe_load(f).get("runs") or {}).get(argv[3])
        if value is not None:
            print(value)
        return 0
    if command in ("file-command", "state-env"):
        try:
            with open(argv[2], encoding="utf-8") as f:
                entries = parse_file_command(f.read())
        except (OSError, UnicodeDecodeError, FileCommandError) as error:
            print("malformed file command %s: %s" % (argv[2], error), file=sys.stderr)
            return 1
        if command == "state-env":
            emit_env({"STATE_" + name: value for name, value in entries})
            return 0
        values = dict(entries)  # a later entry wins, as on GitHub
        if len(argv) > 3:
            if argv[3] not in values:
                return 3
            print(values[argv[3]])
            return 0
        for name, value in values.items():
            print("%s=%s" % (name, json.dumps(value) if "\n" in value else value))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
