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

# References outside the schema's folder, and network addresses, are refused.
printf '$ref: ../../etc/passwd\n' > "$work/escape.schema.yaml"
run validate --schema "$work/escape.schema.yaml" "$work/data.json"
expect_code 2 "reference outside the folder"
expect_err "escape.schema.yaml:1:7: error: \$ref names /etc/passwd, which is outside the schema's folder"
printf '$ref: https://example.org/schema.json\n' > "$work/remote.schema.yaml"
run validate --schema "$work/remote.schema.yaml" "$work/data.json"
expect_code 2 "network reference"
expect_err "leaspec never downloads schemas"

# Sibling files by relative path, and a reference cycle that would never end.
mkdir -p "$work/schemas/common"
printf 'type: object\nproperties:\n  name: {$ref: common/name.yaml}\n' > "$work/schemas/main.yaml"
printf 'type: string\nminLength: 2\n' > "$work/schemas/common/name.yaml"
printf 'name: "x"\n' > "$work/short.yaml"
run validate --schema "$work/schemas/main.yaml" "$work/short.yaml"
expect_code 1 "sibling schema file"
expect_out "short.yaml:1:7: error: the text has 1 characters, fewer than the minimum of 2 [schema-min-length]"
printf '$defs:\n  a: {$ref: "#/$defs/b"}\n  b: {anyOf: [{$ref: "#/$defs/a"}]}\n$ref: "#/$defs/a"\n' > "$work/cycle.schema.yaml"
run validate --schema "$work/cycle.schema.yaml" "$work/data.json"
expect_code 2 "reference cycle"
expect_err "leads back to the same schema without descending into the value"

# The example national schema extends the bundled one.
run validate --schema "$SOURCE_DIR/data/examples/national-schema.yaml" "$SOURCE_DIR/data/examples/anpr.yaml" "$SOURCE_DIR/data/examples/body-worn-cameras.yaml"
expect_code 0 "example national schema, conforming specs"
run validate --schema "$SOURCE_DIR/data/examples/national-schema.yaml" "$SOURCE_DIR/data/examples/forensic-acquisition.yaml"
expect_code 1 "example national schema, a spec without a language"
expect_out "forensic-acquisition.yaml:3:1: error: missing required key \"language\" [schema-required]"

finish
