#!/usr/bin/env bash
# SARIF, JUnit and GitHub reports are what CI services read.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3

cat > "$work/findings.yaml" <<'YAML'
leaspec: 1
id: CAM-1
title: Cameras
version: "1"
status: draft
area: forensics
sections:
  - id: S
    title: Ünïcode & <markup>
    requirements:
      - id: R-1
        text: The camera should be user-friendly.
        priority: mandatory
YAML

# SARIF: valid against the SARIF 2.1.0 schema, checked with leaspec's own engine.
run validate --format sarif "$work/findings.yaml" "$SOURCE_DIR/data/examples/anpr.yaml"
expect_code 1 "sarif with findings"
printf '%s' "$out" > "$work/report.sarif"
# And by Microsoft's SARIF multitool, which also applies the rules code-scanning services
# follow (scripts/setup.sh --tests installs it in tests/tools/).
multitool=$SOURCE_DIR/tests/tools/node_modules/.bin/sarif-multitool
if [ -x "$multitool" ]; then
  # With GitHub's rule kind it also applies what code scanning requires of each rule.
  DOTNET_CLI_TELEMETRY_OPTOUT=1 "$multitool" validate --rule-kind Gh -o "$work/multitool.sarif" \
    "$work/report.sarif" >"$work/multitool.log" 2>&1 || fail "sarif-multitool validate failed"
  "$py" - "$work/multitool.sarif" <<'PY' || fail "sarif-multitool reports problems"
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert results == [], [(r["ruleId"], r["message"]) for r in results]
PY
else
  fail "sarif-multitool is not installed in tests/tools/ (run scripts/setup.sh --tests)"
fi
if have_data sarif/sarif-schema-2.1.0.json; then
  run validate --schema "$test_data/sarif/sarif-schema-2.1.0.json" "$work/report.sarif"
  expect_code 0 "SARIF output validates against the SARIF schema"
fi
"$py" - "$work/report.sarif" <<'PY' || fail "sarif content"
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0"
run = log["runs"][0]
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
assert "verbal-form" in rules and "vague-term" in rules
levels = sorted((r["ruleId"], r["level"]) for r in run["results"])
assert levels == [("vague-term", "warning"), ("verbal-form", "error")], levels
for result in run["results"]:
    assert rules[result["ruleIndex"]] == result["ruleId"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 12, region
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("file:///") and uri.endswith("/findings.yaml"), uri
PY

# Without --help-uri no rule has a helpUri; with it, each rule's address names the rule.
"$py" -c 'import json,sys; rules=json.load(open(sys.argv[1]))["runs"][0]["tool"]["driver"]["rules"]; assert all("helpUri" not in r for r in rules)' \
  "$work/report.sarif" || fail "helpUri without --help-uri"
run validate --format sarif --help-uri 'https://docs.example.eu/rules.html#{rule}' "$work/findings.yaml"
expect_code 1 "sarif with --help-uri"
printf '%s' "$out" | "$py" -c '
import json, sys
rules = json.load(sys.stdin)["runs"][0]["tool"]["driver"]["rules"]
uris = {r["id"]: r["helpUri"] for r in rules}
assert uris["verbal-form"] == "https://docs.example.eu/rules.html#verbal-form", uris["verbal-form"]
assert len(set(uris.values())) == len(rules)
' || fail "helpUri with --help-uri"

# JUnit: well-formed XML, one test case per file, failures carry the diagnostics.
run validate --format junit "$work/findings.yaml" "$SOURCE_DIR/data/examples/anpr.yaml"
expect_code 1 "junit with findings"
printf '%s' "$out" > "$work/report.xml"
"$py" - "$work/report.xml" <<'PY' || fail "junit content"
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites" and root.get("tests") == "2" and root.get("failures") == "1"
cases = root.findall("./testsuite/testcase")
assert len(cases) == 2
failed = [c for c in cases if c.find("failure") is not None]
assert len(failed) == 1 and failed[0].get("name").endswith("findings.yaml")
assert "[verbal-form]" in failed[0].find("failure").text
PY
if command -v xmllint >/dev/null; then
  xmllint --noout "$work/report.xml" || fail "xmllint rejects the JUnit report"
fi

# --strict makes warnings fail, in the exit code and in JUnit.
sed -i 's/priority: mandatory/priority: recommended/' "$work/findings.yaml"
run validate "$work/findings.yaml"
expect_code 0 "warnings only"
run validate --strict --format junit "$work/findings.yaml"
expect_code 1 "warnings with --strict"
expect_out 'failures="1"'

# GitHub workflow commands.
run validate --format github "$work/findings.yaml"
expect_code 0 "github"
expect_out "::warning file=$work/findings.yaml,line=12,col=36,title=vague-term::\"user-friendly\" is vague"

finish
