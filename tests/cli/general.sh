#!/usr/bin/env bash
# validate --schema as a general JSON Schema validator: schemas registered by $id (--ref,
# --ref-dir), deep documents (--max-depth), ECMA-262 patterns, exact numbers, durations.
# The parts that need the official meta-schemas ($LEASPEC_TEST_DATA/metaschemas) are skipped
# with the reason printed when they are missing.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
metaschemas=${LEASPEC_TEST_DATA:-}/metaschemas

# Schemas by $id, including one embedded in another file.
mkdir -p "$work/refs"
cat > "$work/refs/common.json" <<'JSON'
{"$id": "https://example.test/common", "$defs": {
  "name": {"$id": "https://example.test/name", "type": "string", "minLength": 2},
  "code": {"type": "string", "pattern": "^[A-Z]{3}$"}}}
JSON
cat > "$work/main.json" <<'JSON'
{"type": "object", "properties": {
  "name": {"$ref": "https://example.test/name"},
  "code": {"$ref": "https://example.test/common#/$defs/code"}}}
JSON
printf '{"name": "x", "code": "abc"}\n' > "$work/bad.json"
printf '{"name": "xy", "code": "ABC"}\n' > "$work/good.json"
run validate --schema "$work/main.json" --ref "$work/refs/common.json" "$work/good.json"
expect_code 0 "--ref, valid"
run validate --schema "$work/main.json" --ref "$work/refs/common.json" "$work/bad.json"
expect_code 1 "--ref, invalid"
expect_out 'bad.json:1:10: error: the text has 1 characters, fewer than the minimum of 2 [schema-min-length]'
expect_out 'bad.json:1:23: error: "abc" does not match the pattern ^[A-Z]{3}$ [schema-pattern]'
run validate --schema "$work/main.json" --ref-dir "$work/refs" "$work/good.json"
expect_code 0 "--ref-dir"
run validate --schema "$work/main.json" "$work/good.json"
expect_code 2 "unregistered remote reference"
expect_err 'leaspec never downloads schemas'
expect_err 'register the schema with --ref or --ref-dir'
cp "$work/refs/common.json" "$work/refs/copy.json"
run validate --schema "$work/main.json" --ref-dir "$work/refs" "$work/good.json"
expect_code 2 "an \$id registered twice"
expect_err 'error: the schema "https://example.test/common" is registered twice'
run validate --ref "$work/refs/common.json" "$work/good.json"
expect_code 2 "--ref without --schema"

# Deep documents: 256 levels by default with --schema, --max-depth up to 499.
nest() { "$py" -c "import sys; n = int(sys.argv[1]); print('[' * n + ']' * n)" "$1"; }
nest 200 > "$work/deep200.json"
nest 300 > "$work/deep300.json"
nest 499 > "$work/deep499.json"
printf '{"type": "array", "items": {"$ref": "#"}}\n' > "$work/nested.json"
run validate --schema "$work/nested.json" "$work/deep200.json"
expect_code 0 "200 levels with the default depth"
run validate --schema "$work/nested.json" "$work/deep300.json"
expect_code 1 "300 levels with the default depth"
expect_out 'nesting is deeper than the limit of 256 levels [too-deep]'
run validate --schema "$work/nested.json" --max-depth 499 "$work/deep499.json"
expect_code 0 "499 levels, the most --max-depth allows, against a recursive schema"
run validate --schema "$work/nested.json" --max-depth 500 "$work/deep499.json"
expect_code 2 "--max-depth beyond the bound"
run validate --schema "$work/nested.json" --max-depth 10 "$work/deep200.json"
expect_code 1 "--max-depth 10"
expect_out 'nesting is deeper than the limit of 10 levels [too-deep]'
run validate --max-depth 100 "$SOURCE_DIR/data/examples/anpr.yaml"
expect_code 2 "--max-depth without --schema"

# Patterns are ECMA-262 in Unicode mode; numbers compare exactly; durations say their form.
for pattern in '(?i)abc' '[\\d-z]' '\\a' 'x{' '[[:alpha:]]'; do
  printf '{"pattern": "%s"}\n' "$pattern" > "$work/pattern.json"
  run validate --schema "$work/pattern.json" "$work/good.json"
  expect_code 2 "pattern $pattern"
  expect_err 'invalid regular expression'
done
printf '{"type": "string", "pattern": "^\\\\s$"}\n' > "$work/space.json"
printf '"\\u00a0"\n' > "$work/nbsp.json"
run validate --schema "$work/space.json" "$work/nbsp.json"
expect_code 0 "\\s matches a no-break space"
printf '{"type": "integer"}\n' > "$work/integer.json"
printf '1e400\n' > "$work/huge.json"
run validate --schema "$work/integer.json" "$work/huge.json"
expect_code 0 "1e400 is an integer"
printf '{"$schema": "http://json-schema.org/draft-04/schema#", "type": "integer"}\n' > "$work/integer4.json"
printf '12345678910111213141516171819202122232425262728293031\n' > "$work/bignum.json"
run validate --schema "$work/integer4.json" "$work/bignum.json"
expect_code 0 "a bignum is an integer in draft-04"
printf '1.0\n' > "$work/float.json"
run validate --schema "$work/integer4.json" "$work/float.json"
expect_code 1 "1.0 is not an integer in draft-04"
printf '{"properties": {"timeout": {"type": "string", "format": "duration"}}}\n' > "$work/duration.json"
printf 'timeout: 30s\n' > "$work/compose.yaml"
run validate --schema "$work/duration.json" "$work/compose.yaml"
expect_code 1 "a Go-style duration"
expect_out 'compose.yaml:1:10: error: "30s" is not a valid duration; expected an ISO 8601 duration such as "PT30S", "PT1H30M" or "P1DT12H" [schema-format]'

# The official meta-schemas, registered by $id: the 2020-12 meta-schema with its vocabulary
# files, and a schema that refers to the draft-04 meta-schema by URL, as Swagger 2.0 does.
meta2020=$(grep -rls --include='*.json' '"$id": *"https://json-schema.org/draft/2020-12/schema"' \
  "$metaschemas" 2>/dev/null | sort | head -n 1)
if [ -z "$meta2020" ]; then
  missing_data+=(metaschemas/2020-12/schema.json)
  [ "$failures" -gt 0 ] && finish
  skip_if_data_missing
fi
printf '{"type": "object", "properties": {"a": {"minimum": 1}}}\n' > "$work/schema-good.json"
printf '{"type": "objekt", "properties": {"a": {"minimum": "1"}}}\n' > "$work/schema-bad.json"
run validate --schema "$meta2020" --ref-dir "$metaschemas" "$work/schema-good.json"
expect_code 0 "a schema valid against the 2020-12 meta-schema"
run validate --schema "$meta2020" --ref-dir "$metaschemas" "$work/schema-bad.json"
expect_code 1 "a schema invalid against the 2020-12 meta-schema"
expect_out 'schema-bad.json:1:10: error: "objekt" is not one of the allowed values: array, boolean, integer, null, number, object, string; did you mean "object"? [schema-enum]'
expect_out 'schema-bad.json:1:52: error: expected a number, got the string "1" [schema-type]'
cat > "$work/swagger-like.json" <<'JSON'
{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
 "properties": {"maxItems": {"$ref": "http://json-schema.org/draft-04/schema#/definitions/positiveInteger"}}}
JSON
printf '{"maxItems": -1}\n' > "$work/negative.json"
run validate --schema "$work/swagger-like.json" --ref-dir "$metaschemas" "$work/negative.json"
expect_code 1 "draft-04 meta-schema by URL"
expect_out 'negative.json:1:14: error: -1 is less than the minimum of 0 [schema-minimum]'

finish
