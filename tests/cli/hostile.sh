#!/usr/bin/env bash
# Hostile schemas and documents end in a diagnostic with bounded work: each run gets 200 MiB
# of address space (ulimit -v) and must use under 2 s of CPU time. Under the sanitizers,
# whose shadow memory needs far more address space, only the outcome is checked.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
sanitized=${LEASPEC_SANITIZED:-0}

# bounded ARGS...: runs leaspec like run, in 200 MiB and under 2 s of CPU time.
bounded() {
  local limit=""
  [ "$sanitized" = 1 ] || limit="ulimit -v 204800;"
  out=$(bash -c "$limit"' exec /usr/bin/time -f "%U %S" -o "$0" timeout 20 "$@"' \
    "$work/time" "$LEASPEC" "$@" 2>"$work/stderr")
  code=$?
  err=$(cat "$work/stderr")
  local cpu
  cpu=$(awk '{ print $1 + $2 }' "$work/time" 2>/dev/null | tail -n 1)
  if [ "$sanitized" != 1 ] && awk -v c="${cpu:-99}" 'BEGIN { exit !(c >= 2) }'; then
    fail "leaspec $* used ${cpu:-?} s of CPU time, more than 2 s"
  fi
}

# 1. References that branch at every level: anyOf and allOf, 30 and 60 levels deep.
"$py" - "$work" <<'PY'
import json, sys
out = sys.argv[1]
for kind in ("anyOf", "allOf"):
    for levels in (30, 60):
        defs = {f"d{i}": {kind: [{"$ref": f"#/$defs/d{i + 1}"}, {"$ref": f"#/$defs/d{i + 1}"}]}
                for i in range(levels)}
        defs[f"d{levels}"] = {"type": "null"}
        with open(f"{out}/{kind}-{levels}.json", "w") as f:
            json.dump({"$ref": "#/$defs/d0", "$defs": defs}, f)
# 2000 alternatives for each of 1000 items: more work than the budget allows.
with open(f"{out}/wide.json", "w") as f:
    json.dump({"items": {"anyOf": [{"const": i} for i in range(2000)]}}, f)
with open(f"{out}/xs.json", "w") as f:
    json.dump(["x"] * 1000, f)
# 2. An enum of 100,000 values against 500 items.
with open(f"{out}/enum.json", "w") as f:
    json.dump({"type": "array", "items": {"enum": [f"v{i}" for i in range(100000)]}}, f)
with open(f"{out}/enum-items.json", "w") as f:
    json.dump([f"x{i}" for i in range(500)], f)
# 3. A 60 KB one-line array of 20,000 integers where strings are expected.
with open(f"{out}/strings.json", "w") as f:
    json.dump({"type": "array", "items": {"type": "string"}}, f)
with open(f"{out}/ints.json", "w") as f:
    f.write(json.dumps(list(range(20000))))
# 4. One 1.2 MB text referenced by 400 requirements.
big = ("word " * 240000).strip()
lines = ["leaspec: 1", "id: BIG-1", "title: Big", "version: 1.0.0", "status: draft",
         "area: forensics", f"summary: &big \"{big}\"", "sections:", "  - id: S",
         "    title: S", "    requirements:"]
for i in range(400):
    lines += [f"      - id: BIG-{i:03d}", "        text: *big", "        priority: mandatory"]
with open(f"{out}/alias-text.yaml", "w") as f:
    f.write("\n".join(lines) + "\n")
PY
printf '1\n' > "$work/one.json"
printf 'null\n' > "$work/null.json"

for kind in anyOf allOf; do
  for levels in 30 60; do
    bounded validate --schema "$work/$kind-$levels.json" "$work/one.json"
    expect_code 1 "$kind $levels levels, invalid"
    expect_out "one.json:1:1: error: expected null, got the integer 1 [schema-type]"
    expect_out "1 file checked: 1 error, 0 warnings"
    bounded validate --schema "$work/$kind-$levels.json" "$work/null.json"
    expect_code 0 "$kind $levels levels, valid"
  done
done

bounded validate --schema "$work/wide.json" "$work/xs.json"
expect_code 2 "over the budget"
expect_out "xs.json:1:"
expect_out "error: schema evaluation exceeded its budget at /"
expect_out "[schema-budget]"
[ "$(grep -c 'error:' <<<"$out")" -eq 1 ] || fail "the budget should end in one diagnostic"
bounded validate --format json --schema "$work/wide.json" "$work/xs.json"
expect_code 2 "over the budget, JSON"
expect_out '"rule": "schema-budget"'

bounded validate --schema "$work/enum.json" "$work/enum-items.json"
expect_code 1 "long enum"
expect_out 'enum-items.json:1:2: error: "x0" is not one of the 100000 allowed values: v0, v1, v2, v3, v4 and 99995 more [schema-enum]'
expect_out "enum-items.json: note: 200 more findings are not shown; at most 300 are shown per file (--max-findings) [max-findings]"
bounded validate --format json --schema "$work/enum.json" "$work/enum-items.json"
expect_code 1 "long enum, JSON"
[ "${#out}" -lt 200000 ] || fail "the JSON report of the long enum has ${#out} bytes"

bounded validate --schema "$work/strings.json" "$work/ints.json"
expect_code 1 "one long line"
expect_out "ints.json:1:2: error: expected a string, got the integer 0 [schema-type]"
expect_out "19700 more findings are not shown"
[ "${#out}" -lt 200000 ] || fail "the text report of one long line has ${#out} bytes"
longest=$(awk '{ if (length($0) > max) max = length($0) } END { print max }' <<<"$out")
[ "$longest" -lt 200 ] || fail "a report line has $longest characters; long lines should be cut"
bounded validate --max-findings 5 --schema "$work/strings.json" "$work/ints.json"
expect_out "19995 more findings are not shown; at most 5 are shown per file (--max-findings)"

bounded validate "$work/alias-text.yaml"
expect_code 1 "aliases of a long text"
expect_out "alias-text.yaml:91:15: error: aliases expand the document to more than 33554432 bytes of text [alias-expansion]"
bounded generate annex "$work/alias-text.yaml" --format docx -o "$work/annex.docx"
expect_code 1 "aliases of a long text, generate"
[ ! -e "$work/annex.docx" ] || fail "generate wrote a document for a file with errors"

# 8. A '[' or '{' left open at the end of the file (tests/cli/cases/open-*.yaml) is a
# syntax error at the bracket; here at the top level of a JSON document.
printf '[1, [2, 3\n' > "$work/open.json"
bounded validate --schema "$work/strings.json" "$work/open.json"
expect_code 1 "open bracket"
expect_out "open.json:1:5: error: this '[' is never closed with ']' [yaml-syntax]"

finish
