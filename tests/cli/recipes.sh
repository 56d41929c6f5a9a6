#!/usr/bin/env bash
# The CI recipes in docs/ci/ and the pre-commit hooks: each one's leaspec command line, taken
# from the recipe itself, run on a folder of specs as the CI service would run it.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
export PATH="$(dirname "$LEASPEC"):$PATH"

# recipe_commands FILE: the shell lines of a recipe that run leaspec, one per line.
recipe_commands() {
  "$py" - "$1" <<'PY'
import sys, yaml
recipe = yaml.safe_load(open(sys.argv[1]))
lines = []
if isinstance(recipe, list):  # .pre-commit-hooks.yaml
    lines = [hook["entry"] for hook in recipe]
else:
    for job in recipe.get("jobs", {}).values():  # GitHub Actions
        lines += [l for step in job["steps"] for l in step.get("run", "").splitlines()]
    for job in recipe.values():  # GitLab CI
        if isinstance(job, dict):
            lines += job.get("script", [])
print("\n".join(l.strip() for l in lines if l.strip().startswith("leaspec ") or "leaspec validate" in l))
PY
}

mkdir -p "$work/repo/specs"
cp "$SOURCE_DIR"/data/examples/{anpr,body-worn-cameras}.yaml "$work/repo/specs/"
cd "$work/repo" || exit 1

# GitHub Actions: SARIF for code scanning.
commands=$(recipe_commands "$SOURCE_DIR/docs/ci/github-actions.yml")
[ "$commands" = "leaspec validate --format sarif specs/ > leaspec.sarif" ] ||
  fail "the GitHub Actions recipe runs: $commands"
bash -ec "$commands" || fail "the GitHub Actions command fails on good specs"
"$py" -c 'import json,sys; log = json.load(open("leaspec.sarif")); assert log["version"] == "2.1.0"
assert log["runs"][0]["results"] == []' || fail "the GitHub Actions recipe wrote no clean SARIF"

# GitLab CI: a JUnit report, one test case per file.
commands=$(recipe_commands "$SOURCE_DIR/docs/ci/gitlab-ci.yml")
[ "$commands" = "leaspec validate --format junit specs/ > leaspec-junit.xml" ] ||
  fail "the GitLab CI recipe runs: $commands"
bash -ec "$commands" || fail "the GitLab CI command fails on good specs"
"$py" -c 'import xml.etree.ElementTree as ET; root = ET.parse("leaspec-junit.xml").getroot()
assert root.get("tests") == "2" and root.get("failures") == "0", root.attrib' ||
  fail "the GitLab CI recipe wrote no JUnit report of two passing files"

# A spec with an error fails both jobs, and the reports say where.
cat > specs/broken.yaml <<'YAML'
leaspec: 1
id: BROKEN
title: Broken
version: "1"
status: draft
area: forensics
sections:
  - id: S
    title: S
    requirements:
      - id: R-1
        text: The tool shall acquire data.
        priorty: mandatory
YAML
bash -ec "$(recipe_commands "$SOURCE_DIR/docs/ci/github-actions.yml")" && fail "a broken spec passes the GitHub job"
"$py" -c 'import json; r = json.load(open("leaspec.sarif"))["runs"][0]["results"]
assert any(x["ruleId"] == "unknown-key" for x in r), r' || fail "the SARIF lacks the broken spec's finding"
bash -ec "$(recipe_commands "$SOURCE_DIR/docs/ci/gitlab-ci.yml")" && fail "a broken spec passes the GitLab job"
"$py" -c 'import xml.etree.ElementTree as ET; root = ET.parse("leaspec-junit.xml").getroot()
assert root.get("tests") == "3" and root.get("failures") == "1", root.attrib' ||
  fail "the JUnit report does not fail the broken spec"

# pre-commit: the entry gets the changed YAML files; only specs among them are checked.
mkdir -p .github && printf 'name: build\non: push\n' > .github/ci.yml
mapfile -t hooks < <(recipe_commands "$SOURCE_DIR/.pre-commit-hooks.yaml")
[ "${#hooks[@]}" -eq 2 ] || fail "expected two pre-commit hooks, got ${#hooks[@]}"
for hook in "${hooks[@]}"; do
  eval "set -- $hook"
  "$@" .github/ci.yml specs/anpr.yaml > hook.out 2>&1 || fail "hook '$hook' fails on a good spec: $(cat hook.out)"
  grep -q "^1 file checked" hook.out || fail "hook '$hook' did not check exactly the spec: $(cat hook.out)"
  "$@" .github/ci.yml > hook.out 2>&1 || fail "hook '$hook' fails without specs"
  [ ! -s hook.out ] || fail "hook '$hook' ran on a file that is no spec: $(cat hook.out)"
  cp specs/anpr.yaml "specs/with space.yaml"
  "$@" specs/broken.yaml "specs/with space.yaml" > hook.out 2>&1 &&
    fail "hook '$hook' passes a broken spec"
  grep -q "specs/broken.yaml:13:9: error: unknown key \"priorty\"" hook.out ||
    fail "hook '$hook' does not report the broken spec: $(cat hook.out)"
done
finish
