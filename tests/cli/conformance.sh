#!/usr/bin/env bash
# Conformance to common standards: the rules of validate, the conformance report in every
# format, standards found by --standard and standards_path, and merge keeping conformance.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
here="$SOURCE_DIR/tests/cli/conformance"
standard="$here/standard.yaml"
tender="$here/tender.yaml"

# The fixture weakens two floors, leaves out a mandatory and a recommended clause, tightens
# the frame rate and meets the rest: exactly these findings, each at its place in the spec.
run validate --standard "$standard" "$tender"
expect_code 1 "a spec that weakens the standard"
expected="$work/expected"
cat > "$expected" <<TXT
$tender:12:15: note: no requirement implements the recommended TST-EU-PWR-002 of TST-EU 1.0 [conformance-recommended]
$tender:12:15: error: no mandatory requirement implements TST-EU-SEC-001 of TST-EU 1.0; name it in implements [conformance-missing]
$tender:22:17: error: TND-VID-001 weakens TST-EU-VID-001 of TST-EU 1.0: video resolution >= 720 lines is weaker than >= 1080 lines [conformance-weakens]
$tender:42:17: error: TND-PWR-001 weakens TST-EU-PWR-001 of TST-EU 1.0: battery endurance >= 10 h (>= 600 min) is weaker than >= 12 h [conformance-weakens]
TXT
diff <(grep -E '^/.*\[conformance-' <<<"$out") "$expected" >/dev/null ||
  fail "the findings differ: $(diff <(grep -E '^/.*\[' <<<"$out") "$expected")"
expect_out "1 file checked: 3 errors, 0 warnings"

# SARIF and JSON carry the rule, the place and the clause.
run validate --standard "$standard" --format sarif "$tender"
printf '%s' "$out" > "$work/findings.sarif"
"$py" - "$work/findings.sarif" <<'PY' || fail "SARIF of the conformance findings"
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
got = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results)
assert got == [("conformance-missing", 12), ("conformance-recommended", 12),
               ("conformance-weakens", 22), ("conformance-weakens", 42)], got
assert any("TST-EU-SEC-001" in r["message"]["text"] for r in results)
PY

# Without the standard, the conforms_to entry names an unknown standard.
run validate "$tender"
expect_code 1 "an unknown standard"
expect_out "tender.yaml:12:43: error: conforms_to names TST-EU 1.0, which is not known: no standard has that id (bundled standards, standards_path in .leaspec.yaml, --standard FILE) [conformance-unknown-standard]"

# A version not found is an error naming the known ones; an older one is a warning.
sed 's/version: "1.0"/version: "2.0"/' "$standard" > "$work/standard-2.yaml"
sed 's/version: "1.0"}]/version: "3.0"}]/' "$tender" > "$work/tender-3.yaml"
run validate --standard "$standard" --standard "$work/standard-2.yaml" "$work/tender-3.yaml"
expect_code 1 "an unknown version"
expect_out "error: conforms_to names TST-EU 3.0, which is not known: the versions known are 1.0, 2.0"
run validate --standard "$standard" --standard "$work/standard-2.yaml" "$tender"
expect_out "tender.yaml:12:43: warning: conforms_to names TST-EU 1.0, but version 2.0 of TST-EU is known [conformance-old-version]"

# A file given as a standard must be one.
run validate --standard "$tender" "$tender"
expect_code 2 "a tender given as a standard"
expect_err "tender.yaml:1:1: error: $tender is given as a common standard but has no standard: block [not-a-standard]"

# standards_path in .leaspec.yaml, relative to the configuration file.
mkdir -p "$work/project/standards" "$work/project/specs"
cp "$standard" "$work/project/standards/"
cp "$tender" "$work/project/specs/"
printf 'standards_path: ../standards\n' > "$work/project/specs/.leaspec.yaml"
run validate "$work/project/specs/tender.yaml"
expect_code 1 "standards_path"
expect_out "[conformance-weakens]"
expect_no_out "conformance-unknown-standard"
printf 'standards_path: [nowhere]\n' > "$work/project/specs/.leaspec.yaml"
run validate "$work/project/specs/tender.yaml"
expect_code 2 "a standards_path that is not a folder"
printf 'rules: {conformance-weakens: warning}\nstandards_path: ../standards\n' > "$work/project/specs/.leaspec.yaml"
run validate "$work/project/specs/tender.yaml"
expect_out "warning: TND-PWR-001 weakens TST-EU-PWR-001"

# implements naming no clause of the standards in conforms_to.
sed 's/implements: \[TST-EU-VID-002\]/implements: [TST-EU-VID-099]/' "$tender" > "$work/unknown-clause.yaml"
run validate --standard "$standard" "$work/unknown-clause.yaml"
expect_out "error: TND-VID-002 implements TST-EU-VID-099, which is no requirement of TST-EU 1.0 [conformance-unknown-clause]"

# The report: a row per clause, both bounds in the standard's unit, the verdict.
run conformance "$tender" --standard "$standard"
expect_code 1 "the report of a spec that weakens"
expect_out "7 rows: 2 meet, 1 tighten, 2 weaken, 1 missing, 1 left out."
grep -qE '^TST-EU-PWR-001 Mandatory +TND-PWR-001 Mandatory +>= 12 h +>= 10 h \(>= 600 min\) +weakens$' <<<"$out" || fail "the battery row"
grep -qE '^TST-EU-VID-003 Mandatory +TND-VID-003 Mandatory by metric parameter +<= 500 ms +<= 500 ms \(<= 0.5 s\) +meets$' <<<"$out" || fail "the start-up row"
grep -qE '^TST-EU-VID-002 Mandatory +TND-VID-002 Mandatory +>= 25 fps +>= 30 fps +tightens$' <<<"$out" || fail "the frame rate row"
grep -qE '^TST-EU-SEC-001 Mandatory +missing$' <<<"$out" || fail "the missing row"
expect_err "[conformance-missing]"
for format in md html json; do
  run conformance "$tender" --standard "$standard" --format "$format" -o "$work/report.$format"
  expect_code 1 "conformance --format $format"
  [ -s "$work/report.$format" ] || fail "no $format report"
done
grep -qF '| TST-EU-PWR-001<br>Mandatory | TND-PWR-001<br>Mandatory | &gt;= 12 h | &gt;= 10 h (&gt;= 600 min) | **weakens** |' "$work/report.md" || fail "the Markdown row"
"$py" - "$work/report.json" <<'PY' || fail "the JSON report"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["conforms"] is False
std = report["standards"][0]
assert std["counts"] == {"meets": 2, "tightens": 1, "weakens": 2, "missing": 1, "left-out": 1}, std["counts"]
rows = {r["clause"]: r for r in std["clauses"]}
assert rows["TST-EU-PWR-001"]["spec_bound"] == ">= 10 h (>= 600 min)"
assert rows["TST-EU-PWR-001"]["location"]["line"] == 42
assert rows["TST-EU-SEC-001"]["verdict"] == "missing" and rows["TST-EU-SEC-001"]["location"]["line"] == 12
assert rows["TST-EU-VID-003"]["by_parameter"] is True
PY
run conformance "$tender" --standard "$standard" --format docx -o -
expect_code 2 "docx to standard output"
run conformance "$tender" --standard "$standard" --format docx -o "$work/report.docx"
expect_code 1 "conformance --format docx"
unzip -p "$work/report.docx" word/document.xml | grep -qF "TND-PWR-001" || fail "the DOCX report"
run conformance "$tender" --standard "$standard" --lang fr
expect_out "7 lignes : 2 respectés, 1 renforcés, 2 affaiblis, 1 manquants, 1 omis."

# A spec that conforms: exit 0, every mandatory clause met or tightened.
"$py" - "$tender" "$work/conforming.yaml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
text = text.replace("at least 720 lines", "at least 1080 lines").replace("value: 720", "value: 1080")
text = text.replace("at least 600 min", "at least 720 min").replace("value: 600", "value: 720")
text += """      - id: TND-SEC-001
        text: The camera shall sign every recording with a key that never leaves the camera.
        priority: mandatory
        kind: security
        verification: [test]
        implements: [TST-EU-SEC-001]
"""
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
run conformance "$work/conforming.yaml" --standard "$standard"
expect_code 0 "a conforming spec"
grep -qE '^TST-EU-PWR-001 Mandatory +TND-PWR-001 Mandatory +>= 12 h +>= 12 h \(>= 720 min\) +meets$' <<<"$out" || fail "720 min meets 12 h"
run validate --strict --standard "$standard" "$work/conforming.yaml"
expect_code 0 "a conforming spec validates; the recommended clause left out is a note"
expect_out "note: no requirement implements the recommended TST-EU-PWR-002 of TST-EU 1.0 [conformance-recommended]"
run conformance "$here/standard.yaml"
expect_code 1 "a spec without conforms_to"
expect_err "names no standard in conforms_to; there is nothing to compare"

# merge: the joint spec conforms to what every input conforms to, and a merge that would
# weaken a clause fails. With --prefer first, the first input's 200 g wins over the second's
# 180 g, which the clause asks.
mkdir -p "$work/merge"
printf 'standards_path: %s\n' "$here" > "$work/merge/.leaspec.yaml"
"$py" - "$work/conforming.yaml" "$work/merge" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
a = text.replace("id: TND-2027", "id: TND-A").replace("title: Test cameras tender", "title: Agency A")
b = text.replace("id: TND-2027", "id: TND-B").replace("title: Test cameras tender", "title: Agency B")
open(sys.argv[2] + "/a.yaml", "w", encoding="utf-8").write(a)
open(sys.argv[2] + "/b.yaml", "w", encoding="utf-8").write(b)
c = b.replace('conforms_to: [{standard: TST-EU, version: "1.0"}]\n', "")
c = "\n".join(line for line in c.split("\n") if "implements:" not in line)
open(sys.argv[2] + "/c.yaml", "w", encoding="utf-8").write(c)
PY
run merge "$work/merge/a.yaml" "$work/merge/b.yaml" --prefer first -o "$work/merge/joint.yaml"
expect_code 0 "merge of two conforming specs"
grep -qF 'conforms_to:' "$work/merge/joint.yaml" || fail "the joint spec keeps conforms_to"
run merge "$work/merge/a.yaml" "$work/merge/c.yaml" --prefer first -o "$work/merge/joint-c.yaml"
expect_code 0 "merge with an input that conforms to nothing"
grep -qF 'conforms_to:' "$work/merge/joint-c.yaml" && fail "the joint spec claims conformance that one input lacks"
# The first input's TND-VID-002 is another requirement (it implements nothing, its parameter
# is its own) and wins with --prefer first, taking the second's implements: the joint spec
# would weaken TST-EU-VID-002, and nothing is written.
"$py" - "$work/merge/a.yaml" "$work/merge/e.yaml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
text = text.replace("id: TND-A", "id: TND-E").replace("title: Agency A", "title: Agency E")
text = text.replace("""      - id: TND-VID-002
        text: The camera shall record at a frame rate of at least 30 fps.
        priority: mandatory
        kind: performance
        verification: [test]
        metric: {parameter: frame rate, op: ">=", value: 30, unit: fps}
        implements: [TST-EU-VID-002]
""", """      - id: TND-VID-002
        text: The camera shall record at a preview frame rate of at least 10 fps.
        priority: mandatory
        kind: performance
        verification: [test]
        metric: {parameter: preview frame rate, op: ">=", value: 10, unit: fps}
      - id: TND-VID-009
        text: The camera shall record at a frame rate of at least 25 fps.
        priority: mandatory
        kind: performance
        verification: [test]
        metric: {parameter: frame rate, op: ">=", value: 25, unit: fps}
        implements: [TST-EU-VID-002]
""")
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
run validate "$work/merge/e.yaml"
expect_code 0 "the first input conforms on its own"
run merge "$work/merge/e.yaml" "$work/merge/b.yaml" --prefer first -o "$work/merge/joint-e.yaml"
expect_code 1 "a merge that would weaken the standard"
expect_err "e.yaml:24:9: error: in the joint spec, TND-VID-002 weakens TST-EU-VID-002 of TST-EU 1.0: preview frame rate >= 10 fps is weaker than >= 25 fps [conformance-weakens]"
expect_err "b.yaml:24:9: note: merged with this one"
[ -e "$work/merge/joint-e.yaml" ] && fail "a joint spec that weakens the standard was written"
finish
