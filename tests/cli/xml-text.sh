#!/usr/bin/env bash
# Every character class a spec or a file name can hold (C0 controls, DEL, C1 controls, the
# noncharacters U+FFFE, U+FFFF and U+FDD0, astral and right-to-left text, an encoded
# surrogate and invalid UTF-8) goes through every XML output leaspec writes, and xmllint
# finds each XML part well-formed; the text that XML can carry survives.
. "$(dirname "$0")/lib.sh"
command -v xmllint >/dev/null || { echo "SKIP: xmllint (libxml2-utils) is not installed"; exit 77; }
py=/usr/bin/python3

# The bundled ANPR spec with the hostile text added to every free-text field.
"$py" - "$SOURCE_DIR/data/examples/anpr.yaml" "$work/hostile.yaml" <<'PY'
import sys, yaml
hostile = (" C0 \x01\x08\x0b\x0c\x1f DEL \x7f C1 \x80\x85\x9f nonchar \ufffe\uffff\ufdd0"
           " astral \U0001F600\U0001D518 rtl \u202eمرحبا שלום\u202c markup &<>\"'")
fields = {"title", "text", "summary", "definition", "rationale", "note", "intro", "name",
          "scoring"}
def walk(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in fields and isinstance(value, str):
                node[key] = value + hostile
            else:
                walk(value)
    elif isinstance(node, list):
        for item in node:
            walk(item)
spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
walk(spec)
# PyYAML writes what YAML cannot hold raw as escapes in double quotes (\x01, \uFFFE).
open(sys.argv[2], "w", encoding="utf-8").write(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False))
PY
grep -qF '\uFFFE' "$work/hostile.yaml" || fail "the hostile spec does not hold U+FFFE"
run validate "$work/hostile.yaml"
expect_code 0 "the hostile spec is valid"

outputs=()
for kind in annex standard; do
  for format in docx odt; do
    run generate "$kind" "$work/hostile.yaml" --format "$format" -o "$work/$kind.$format"
    expect_code 0 "generate $kind $format"
    outputs+=("$work/$kind.$format")
  done
done
run generate matrix "$work/hostile.yaml" --format xlsx -o "$work/matrix.xlsx"
expect_code 0 "generate matrix xlsx"
run export reqif "$work/hostile.yaml" -o "$work/hostile.reqifz"
expect_code 0 "export reqifz"
run export reqif "$work/hostile.yaml" -o "$work/hostile.reqif"
expect_code 0 "export reqif"
for format in docx odt; do
  run diff "$SOURCE_DIR/data/examples/anpr.yaml" "$work/hostile.yaml" --format "$format" \
    -o "$work/corrigendum.$format"
  expect_code 1 "diff $format"
  outputs+=("$work/corrigendum.$format")
done
run merge "$SOURCE_DIR/data/examples/anpr.yaml" "$work/hostile.yaml" --prefer first \
  -o "$work/joint.yaml" --report "$work/merge.docx"
outputs+=("$work/matrix.xlsx" "$work/hostile.reqifz" "$work/merge.docx")

# Every XML part of every archive, and the plain XML files, must be well-formed; the main
# part of each keeps the astral and right-to-left text and shows U+FFFD for U+FFFE.
checked=0
for archive in "${outputs[@]}"; do
  rm -rf "$work/parts" && mkdir "$work/parts"
  "$py" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])' \
    "$archive" "$work/parts" || { fail "$archive is not a zip archive"; continue; }
  while IFS= read -r -d '' part; do
    xmllint --noout "$part" 2>"$work/xmllint.err" || fail "$(basename "$archive") ${part#"$work/parts/"}: $(head -3 "$work/xmllint.err")"
    checked=$((checked + 1))
  done < <(find "$work/parts" -type f \( -name '*.xml' -o -name '*.rels' -o -name '*.reqif' \) -print0)
  main=$(cat "$work/parts/word/document.xml" "$work/parts/content.xml" \
    "$work/parts/xl/sharedStrings.xml" "$work/parts/"*.reqif 2>/dev/null)
  for kept in "😀𝔘" "مرحبا" "שלום" "��﷐"; do
    grep -qF "$kept" <<<"$main" || fail "$(basename "$archive") lost \"$kept\""
  done
done
xmllint --noout "$work/hostile.reqif" || fail "hostile.reqif is not well-formed"
[ "$checked" -ge 40 ] || fail "only $checked XML parts were checked"

# Reports: a file whose name holds controls, an encoded surrogate and invalid UTF-8, whose
# keys hold controls and noncharacters, and a file with invalid UTF-8 in it.
mkdir "$work/reports"
name=$(printf 'spec-\001-\355\240\200-\377')
printf 'leaspec: 1\n"key \\x01\\x7F\\x85\\uFFFE\\uFFFF\\U0001F600": 1\nid: "\\uFDD0"\n' \
  > "$work/reports/$name.yaml"
printf 'leaspec: 1\ntitle: "bad \355\240\200 \377"\n' > "$work/reports/bytes.yaml"
run validate --format junit "$work/reports"
expect_code 1 "junit"
printf '%s' "$out" > "$work/junit.xml"
xmllint --noout "$work/junit.xml" || fail "the JUnit report is not well-formed"
expect_out "[invalid-utf8]"
expect_out "[unknown-key]"
run validate --format sarif "$work/reports"
expect_code 1 "sarif"
printf '%s' "$out" | "$py" -c '
import json, sys
report = json.loads(sys.stdin.buffer.read().decode("utf-8", errors="strict"))
results = report["runs"][0]["results"]
assert {r["ruleId"] for r in results} >= {"invalid-utf8", "unknown-key"}, results
' || fail "the SARIF report is not strict UTF-8 JSON"
finish
