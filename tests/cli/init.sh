#!/usr/bin/env bash
# leaspec init: a starter spec per thematic area that validates as written, the files beside
# it, refusal to overwrite; the unknown-command message and --version.
. "$(dirname "$0")/lib.sh"

for area in front-line-policing cross-border-crime cybercrime crime-and-intelligence forensics; do
  run init "$work/$area/plain.yaml" --area "$area"
  expect_code 0 "init --area $area"
  run validate --strict "$work/$area/plain.yaml"
  expect_code 0 "the $area template without agencies validates with --strict"
  expect_out "1 file checked: 0 errors, 0 warnings"
  run init "$work/$area/joint.yaml" --area "$area" --lead NL-POL --country NL \
    --agencies BE-FPP:BE,PL-KGP:PL
  expect_code 0 "init --area $area with agencies"
  run validate --strict "$work/$area/joint.yaml"
  expect_code 0 "the $area template with three agencies validates with --strict"
  grep -q "^area: $area$" "$work/$area/joint.yaml" || fail "$area: the spec names another area"
  [ "$(head -1 "$work/$area/joint.yaml")" = "# yaml-language-server: \$schema=spec.schema.json" ] ||
    fail "$area: the first line is not the editor's schema modeline"
  [ -f "$work/$area/.leaspec.yaml" ] && [ -f "$work/$area/spec.schema.json" ] ||
    fail "$area: .leaspec.yaml or spec.schema.json is missing beside the spec"
done

# The agencies are in the spec: lead first, quantities for each, ids from the file name.
/usr/bin/python3 - "$work/forensics/joint.yaml" "$work/forensics/plain.yaml" <<'PY' || fail "init content"
import sys, yaml
joint = yaml.safe_load(open(sys.argv[1]))
assert joint["id"] == "JOINT", joint["id"]
assert [(a["id"], a["country"], a["role"]) for a in joint["agencies"]] == [
    ("NL-POL", "NL", "lead"), ("BE-FPP", "BE", "participant"), ("PL-KGP", "PL", "participant")]
assert joint["procurement"]["lots"][0]["quantities"] == {"NL-POL": 1, "BE-FPP": 1, "PL-KGP": 1}
plain = yaml.safe_load(open(sys.argv[2]))
assert "agencies" not in plain and "procurement" not in plain
PY

# The schema beside the spec is the bundled one; the configuration validates as a config.
"$LEASPEC" schema spec > "$work/expected.schema.json"
cmp -s "$work/expected.schema.json" "$work/forensics/spec.schema.json" ||
  fail "spec.schema.json differs from leaspec schema spec"
"$LEASPEC" schema config > "$work/config.schema.json"
run validate --schema "$work/config.schema.json" "$work/forensics/.leaspec.yaml"
expect_code 0 "the written .leaspec.yaml is a valid configuration"

# Never overwrites: the spec is refused, an existing .leaspec.yaml is kept.
cp "$work/forensics/joint.yaml" "$work/before.yaml"
run init "$work/forensics/joint.yaml" --area forensics
expect_code 2 "init over an existing file"
[ "$err" = "leaspec: error: $work/forensics/joint.yaml already exists; leaspec init does not overwrite a file" ] ||
  fail "the refusal message is: $err"
cmp -s "$work/before.yaml" "$work/forensics/joint.yaml" || fail "the existing spec was changed"
mkdir "$work/own" && printf 'rules: {vague-term: error}\n' > "$work/own/.leaspec.yaml"
run init "$work/own/spec.yaml"
expect_code 0 "init beside an existing .leaspec.yaml"
[ "$(cat "$work/own/.leaspec.yaml")" = "rules: {vague-term: error}" ] || fail ".leaspec.yaml was overwritten"
grep -q "^area: front-line-policing$" "$work/own/spec.yaml" || fail "the default area is not front-line-policing"
grep -q "^id: SPEC " "$work/own/spec.yaml" || fail "the id is not made from the file name"

# Bad agencies are usage errors, and nothing is written.
run init "$work/bad.yaml" --lead nl-pol --country NL
expect_code 2 "a lowercase agency id"
expect_err '"nl-pol" is not an agency id'
run init "$work/bad.yaml" --lead NL-POL --country XX
expect_code 2 "an unknown country"
expect_err 'leaspec: error: "XX" (agency NL-POL) is not an ISO 3166-1 alpha-2 country code'
run init "$work/bad.yaml" --lead NL-POL --country NL --agencies BE-FPP
expect_code 2 "an agency without its country"
expect_err '--agencies takes ID:CC items (BE-FPP:BE), not "BE-FPP"'
run init "$work/bad.yaml" --lead NL-POL
expect_code 2 "--lead without --country"
run init "$work/bad.yaml" --area traffic
expect_code 2 "an unknown area"
[ ! -e "$work/bad.yaml" ] || fail "a refused init wrote its file"

# An unknown command names the closest one, or lists them all.
run valdate "$SOURCE_DIR/data/examples"
expect_code 2 "a misspelt command"
[ "$(head -1 <<<"$err")" = "leaspec: error: unknown command valdate; did you mean validate?" ] ||
  fail "the unknown-command message is: $err"
run frobnicate
expect_code 2 "an unknown command"
expect_err "leaspec: error: unknown command frobnicate; the commands are validate, generate,"

# --version: the project version and, from a git checkout, the git description.
run --version
expect_code 0 "--version"
grep -qE '^leaspec [0-9]+\.[0-9]+\.[0-9]+( \([0-9A-Za-z._+-]+\))?$' <<<"$out" ||
  fail "--version printed: $out"
# The description names a commit of this repository (the sources may have moved on since).
if [ "$(git -C "$SOURCE_DIR" rev-parse --show-toplevel 2>/dev/null)" = "$(cd "$SOURCE_DIR" && pwd -P)" ]; then
  commit=$(sed -nE 's/.*\((.*-g)?([0-9a-f]{7,})(-dirty)?\)$/\2/p' <<<"$out")
  [ -n "$commit" ] && git -C "$SOURCE_DIR" cat-file -e "$commit^{commit}" ||
    fail "--version names no commit of the repository: $out"
fi
finish
