#!/usr/bin/env bash
# .leaspec.yaml is found upward from the spec; --config overrides it; bad ones exit 2.
. "$(dirname "$0")/lib.sh"

mkdir -p "$work/project/specs/national"
cat > "$work/project/specs/national/cam.yaml" <<'YAML'
leaspec: 1
id: CAM-1
title: Cameras
version: "1"
status: draft
area: forensics
sections:
  - id: S
    title: Cameras
    requirements:
      - id: R-1
        text: The camera shall record quickly, if necessary.
        priority: mandatory
      - id: R-2
        text: The camera shall be rugged.  # leaspec: ignore[vague-term]
        priority: mandatory
YAML
run validate "$work/project/specs"
expect_code 0 "defaults"
expect_out "warning: \"quickly\" is vague"
expect_out "[escape-clause]"

cat > "$work/project/.leaspec.yaml" <<'YAML'
rules:
  escape-clause: error
  vague-term: "off"
vague_terms: [rugged]
YAML
run validate "$work/project/specs"
expect_code 1 "configured from two folders up"
expect_out "cam.yaml:12:48: error: \"if necessary\" is an escape clause"
expect_no_out "\"quickly\" is vague"
expect_no_out "\"rugged\" is vague"

printf 'rules:\n  vague-term: warning\n' > "$work/other.yaml"
run validate --config "$work/other.yaml" "$work/project/specs"
expect_code 0 "--config overrides the found file"
expect_out "\"quickly\" is vague"

printf 'rules:\n  vage-term: off\n' > "$work/bad.yaml"
run validate --config "$work/bad.yaml" "$work/project/specs"
expect_code 2 "unknown rule in config"
expect_err 'unknown rule "vage-term"; did you mean "vague-term"?'

printf 'rules:\n  duplicate-key: off\n' > "$work/project/.leaspec.yaml"
run validate "$work/project/specs"
expect_code 2 "loading rules cannot be configured"
expect_err 'rule "duplicate-key" cannot be configured'

printf 'rule:\n  vague-term: off\n' > "$work/project/.leaspec.yaml"
run validate "$work/project/specs"
expect_code 2 "misspelt config key"
expect_err 'unknown key "rule"; did you mean "rules"?'

finish
