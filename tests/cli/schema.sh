#!/usr/bin/env bash
# `leaspec schema` prints the bundled schema as JSON; --schema validates against a user schema.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3

run schema
expect_code 0 "schema"
printf '%s' "$out" | "$py" -c '
import json, sys
schema = json.load(sys.stdin)
assert schema["$id"] == "https://leaspec.eu/schema/spec/1"
assert schema["additionalProperties"] is False
assert "requirement" in schema["$defs"]' || fail "schema is not the spec schema as JSON"

run schema nonsense
expect_code 2 "unknown schema name"
expect_err 'unknown schema "nonsense"'

# A national schema that extends the bundled one: it adds a mandatory contact key.
cat > "$work/national.schema.yaml" <<'YAML'
$schema: https://json-schema.org/draft/2020-12/schema
allOf:
  - $ref: https://leaspec.eu/schema/spec/1
  - required: [procurement]
YAML
run validate --schema "$work/national.schema.yaml" "$SOURCE_DIR/data/examples/anpr.yaml"
expect_code 0 "user schema, valid spec"
printf 'leaspec: 1\nid: X-1\ntitle: T\nversion: "1"\nstatus: draft\narea: forensics\nsections: [{id: S, title: S, requirements: []}]\n' > "$work/no-procurement.yaml"
run validate --schema "$work/national.schema.yaml" "$work/no-procurement.yaml"
expect_code 1 "user schema, missing key"
expect_out 'no-procurement.yaml:1:1: error: missing required key "procurement" [schema-required]'

# With --schema, any YAML or JSON file is checked, spec or not.
printf '{"name": 5}\n' > "$work/data.json"
printf 'type: object\nproperties:\n  name: {type: string}\n' > "$work/plain.schema.yaml"
run validate --schema "$work/plain.schema.yaml" "$work/data.json"
expect_code 1 "json data file"
expect_out 'data.json:1:10: error: expected a string, got the integer 5 [schema-type]'

# An invalid schema is reported in the schema file, with exit code 2.
printf 'type: object\nproperties:\n  name: {type: strng, pattern: "(unclosed"}\n' > "$work/bad.schema.yaml"
run validate --schema "$work/bad.schema.yaml" "$work/data.json"
expect_code 2 "invalid schema"
expect_err 'bad.schema.yaml:3:16: error: unknown type "strng" [invalid-schema]'
expect_err 'invalid regular expression "(unclosed"'

# References outside the schema's folder are refused.
printf '$ref: ../../etc/passwd\n' > "$work/escape.schema.yaml"
run validate --schema "$work/escape.schema.yaml" "$work/data.json"
expect_code 2 "reference outside the folder"
expect_err "neither bundled nor a file next to the schema"

finish
