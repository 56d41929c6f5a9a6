#!/usr/bin/env bash
# merge: several agencies' specs into one joint spec; diff: what changed between versions.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
joint="$SOURCE_DIR/data/examples/joint"
inputs=("$joint/nl.yaml" "$joint/pl.yaml" "$joint/be.yaml")

# --prefer fail (the default): every difference is a conflict, and nothing is written.
run merge "${inputs[@]}" -o "$work/joint.yaml" --report "$work/fail.md"
expect_code 1 "conflicts with --prefer fail"
expect_err "joint/nl.yaml:96:9: error: requirement NL-VID-001 asks for >= 1080 lines in nl.yaml and >= 1440 lines in pl.yaml [merge-metric]"
expect_err "joint/nl.yaml:96:9: note: this side says: \"The camera shall record video at a resolution of at least 1080 lines.\""
expect_err "joint/pl.yaml:90:9: note: the other side says: \"The camera shall record video at a resolution of at least 1440 lines.\""
expect_err "   96 |       - id: NL-VID-001"
expect_err "joint/nl.yaml:108:9: error: requirement BWC-VID-003 is mandatory in nl.yaml and recommended in be.yaml [merge-priority]"
expect_err "joint/nl.yaml:117:9: error: requirement NL-PWR-001 is worded differently in nl.yaml and pl.yaml [merge-statement]"
expect_err "4 conflicts; no joint spec was written"
[ -e "$work/joint.yaml" ] && fail "a joint spec was written despite conflicts"
grep -qF "Conflicts: 4. Decisions: 6." "$work/fail.md" || fail "the report of a failed merge"

# --prefer strictest: the higher priority, the bound every agency accepts; the joint spec validates.
run merge "${inputs[@]}" --prefer strictest -o "$work/joint.yaml" --report "$work/merge.md"
expect_code 0 "strictest"
run validate --strict "$work/joint.yaml"
expect_code 0 "the joint spec validates"
grep -qF -- "**BWC-VID-003** (priority): requirement BWC-VID-003 is mandatory in nl.yaml and recommended in be.yaml; kept the requirement of nl.yaml as a whole: its priority is higher. *Sides: nl.yaml:108, be.yaml:102.*" "$work/merge.md" || fail "priority decision in the report"
grep -qF "| BWC-VID-003 | ✓ | ✓ | ✓ |" "$work/merge.md" || fail "coverage table"
grep -qF "# from nl.yaml:108, pl.yaml:102, be.yaml:102" "$work/joint.yaml" || fail "provenance comment"
grep -qE "^        (NL-POL: 5000|PL-KGP: 1200|BE-FPP: 2500)$" "$work/joint.yaml" || fail "lot quantities"
"$py" - "$work/joint.yaml" <<'PY' || fail "joint spec content"
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
roles = {a["id"]: a["role"] for a in spec["agencies"]}
assert roles == {"NL-POL": "lead", "PL-KGP": "participant", "BE-FPP": "participant"}, roles
reqs = {r["id"]: r for s in spec["sections"] for r in s["requirements"]}
# Each agency's own requirements, and the 25 clauses of BWV-EU they all take over.
own = ["BE-UI-001", "BWC-VID-002", "BWC-VID-003", "NL-PWR-001", "NL-VID-001"]
assert sorted(reqs) == sorted(own + [f"BWC-STD-{n:03d}" for n in range(1, 26)]), sorted(reqs)
assert reqs["BWC-VID-003"]["priority"] == "mandatory"
assert reqs["NL-VID-001"]["metric"]["value"] == 1440
assert reqs["NL-VID-001"]["requested_by"] == ["NL-POL", "PL-KGP", "BE-FPP"]
# Every input conforms to BWV-EU 1.0, so the joint spec says it does too.
assert spec["conforms_to"] == [{"standard": "BWV-EU", "version": "1.0"}], spec.get("conforms_to")
assert spec["procurement"]["lots"][0]["quantities"] == {"NL-POL": 5000, "PL-KGP": 1200, "BE-FPP": 2500}
PY
run merge "${inputs[@]}" --prefer strictest -o "$work/again.yaml" --report "$work/merge.json"
cmp -s "$work/joint.yaml" "$work/again.yaml" || fail "merging is not deterministic"
"$py" -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["conflicts"]==0 and len(r["findings"])==11 and r["coverage"]["BE-UI-001"]==["BE-FPP"]' "$work/merge.json" || fail "JSON report"

# --prefer first: the first input wins; --lead picks the lead.
run merge "$joint/be.yaml" "$joint/nl.yaml" --prefer first --lead NL-POL -o "$work/first.yaml"
expect_code 0 "first"
run validate "$work/first.yaml"
expect_code 0 "the --prefer first joint spec validates"
"$py" - "$work/first.yaml" <<'PY' || fail "--prefer first"
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
reqs = {r["id"]: r for s in spec["sections"] for r in s["requirements"]}
assert reqs["BWC-VID-003"]["priority"] == "recommended"
assert {a["id"]: a["role"] for a in spec["agencies"]} == {"BE-FPP": "participant", "NL-POL": "lead"}
PY
run merge "${inputs[@]}" --prefer first --lead XX-POL -o "$work/x.yaml"
expect_code 2 "unknown lead"

# Units convert before bounds compare; an incompatible range is never settled.
make_spec() {  # file agency op value unit
  cat > "$1" <<YAML
leaspec: 1
id: CAM-1
title: Cameras
version: "1"
status: draft
area: forensics
agencies: [{id: $2, name: Agency $2, country: NL, role: lead}]
sections:
  - id: PWR
    title: Power
    requirements:
      - id: $2-1
        text: The camera shall record long enough.
        priority: mandatory
        kind: performance
        metric: {parameter: endurance, op: "$3", value: $4, unit: $5}
YAML
}
make_spec "$work/a.yaml" AA ">=" 12 h
make_spec "$work/b.yaml" BB ">=" 900 min
run merge "$work/a.yaml" "$work/b.yaml" --prefer strictest -o "$work/ab.yaml"
expect_code 0 "unit conversion"
run validate "$work/ab.yaml"
expect_code 0 "the unit-converted joint spec validates"
grep -qF 'metric: {parameter: endurance, op: ">=", value: 900, unit: min}' "$work/ab.yaml" || fail "the requirement asking for 900 min is taken as a whole"
make_spec "$work/c.yaml" CC "<=" 600 min
run merge "$work/a.yaml" "$work/c.yaml" --prefer strictest -o "$work/ac.yaml"
expect_code 1 "incompatible range"
expect_err "a.yaml:12:9: error: requirement AA-1 asks for >= 12 h in a.yaml and <= 600 min (<= 10 h) in c.yaml: no value satisfies both [merge-incompatible-range]"
expect_err "c.yaml:12:9: note: the other side is here"
make_spec "$work/d.yaml" DD ">=" 3 GB
run merge "$work/a.yaml" "$work/d.yaml" --prefer strictest -o "$work/ad.yaml"
expect_code 1 "units that do not convert"
expect_err "[merge-unit]"

# Other differences between inputs: references and award criteria.
sed 's/designation: IEC 60529:1989+AMD1:1999+AMD2:2013/designation: IEC 60529:2013/' "$joint/pl.yaml" > "$work/pl-ref.yaml"
run merge "$joint/nl.yaml" "$work/pl-ref.yaml" --prefer strictest -o "$work/ref.yaml"
expect_code 0 "reference difference settled"
run merge "$joint/nl.yaml" "$work/pl-ref.yaml" -o "$work/ref.yaml"
expect_code 1 "reference conflict"
expect_err "error: reference IEC-60529 is IEC 60529:1989+AMD1:1999+AMD2:2013 in one spec and IEC 60529:2013 in another [merge-reference]"

# The same agency id with another name is a conflict.
sed 's/name: Agency AA/name: Another agency/' "$work/a.yaml" > "$work/a2.yaml"
run merge "$work/a.yaml" "$work/a2.yaml" -o "$work/aa.yaml"
expect_code 1 "agency conflict"
expect_err "error: agency AA is \"Agency AA\" (NL) in one spec and \"Another agency\" (NL) in another [merge-agency]"

# A spec merged with itself changes nothing.
run merge "$joint/nl.yaml" "$joint/nl.yaml" -o "$work/self.yaml" --report "$work/self.json"
expect_code 0 "merge with itself"
"$py" -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["findings"]==[], r["findings"]' "$work/self.json" || fail "self-merge findings"
run validate "$work/self.yaml"
expect_code 0 "self-merge validates"

# diff: equal versions exit 0; every kind of change is reported.
spec="$SOURCE_DIR/data/examples/body-worn-cameras.yaml"
run diff "$spec" "$spec"
expect_code 0 "diff with itself"
expect_out "The two versions do not differ."
run diff "$spec" "$spec" --format json
expect_code 0 "diff json with itself"
"$py" -c 'import json,sys; d=json.loads(sys.stdin.read()); assert d == {"changes": [], "equal": True}, d' <<<"$out" || fail "diff json of equal versions"
"$py" - "$spec" "$work/v2.yaml" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
edits = [
    ("The camera shall record video at a resolution of at least 1920 x 1080 pixels.",
     "The camera shall record video at a resolution of at least 3840 x 2160 pixels."),  # statement
    ("text: The camera should provide electronic image stabilisation during recording.\n        priority: recommended",
     "text: The camera shall provide electronic image stabilisation during recording.\n        priority: mandatory"),  # priority raised
    ("for at least 12 hours on one battery charge", "for at least 14 hours on one battery charge"),
    ("100 % within 4 hours.", "100 % within 300 minutes."),
    ("metric: {parameter: battery endurance, op: \">=\", value: 12, unit: h}",
     "metric: {parameter: battery endurance, op: \">=\", value: 14, unit: h}"),  # tightened
    ("metric: {parameter: charging time, op: \"<=\", value: 4, unit: h}",
     "metric: {parameter: charging time, op: \"<=\", value: 300, unit: min}"),  # relaxed
    ("- id: BWC-VID-007", "- id: BWC-VID-070"),  # renamed
    ("        NL-POL: 5000\n", "        NL-POL: 5200\n"),  # quantity
    ("cpv: [35125300-2, 32333200-8, 48000000-8, 50343000-1]", "cpv: [35125300-2, 48000000-8, 50343000-1]"),  # cpv
    ("weight: 40", "weight: 35"), ("weight: 25", "weight: 30"),  # award weights
    ("        references: [{ref: IEC-60068-2-31, clause: 5}]\n", ""),
    ("        references: [IEC-60068-2-31]\n", "        references: [{ref: IEC-60068-2-31, clause: \"5.1\"}]\n"),  # references
    ("        lots: [LOT-2]\n        requested_by: [BE-FPP]\n", "        lots: [LOT-1, LOT-2]\n        requested_by: [BE-FPP]\n"),  # lots
    ("The software shall blur faces and number plates of third parties in a copy of a\n          recording prepared for disclosure, without changing the original.\n        priority: mandatory",
     "The software may blur faces and number plates of third parties in a copy of a\n          recording prepared for disclosure, without changing the original.\n        priority: optional"),  # lowered
    ("designation: FIPS PUB 197", "designation: FIPS 197-upd1"),  # reference changed
    ("            requirements: [BWC-SVC-002]\n", ""),  # the criterion of the deleted requirement
    ("  award:\n    method: best-price-quality-ratio",
     "    - id: LOT-4\n      title: Spare batteries\n      quantities:\n        PL-KGP: 2400\n  award:\n    method: best-price-quality-ratio"),  # lot added
]
for old, new in edits:
    assert old in text or old.startswith("        references: [{ref: IEC-60068"), old
    text = text.replace(old, new, 1)
# The revision no longer claims conformance to the common standard (some edits relax its
# bounds); the diff compares requirements, not conformance.
import re
text = re.sub(r"(?m)^conforms_to: .*\n", "", text)
text = re.sub(r"(?m)^ +implements: .*\n", "", text)
# Remove one requirement and add another.
start = text.index("      - id: BWC-SVC-002")
text = text[:start] + """      - id: BWC-SVC-003
        text: The supplier shall repair a docking station within 10 working days.
        priority: mandatory
        kind: service
        verification: [inspection]
        metric: {parameter: repair time, op: "<=", value: 10, unit: working days}
        lots: [LOT-3]
"""
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
run diff "$spec" "$work/v2.yaml"
expect_code 1 "diff finds changes"
for line in \
  "- BWC-SVC-002 is deleted." "- BWC-SVC-003 is added: The supplier shall repair a docking station within 10 working days." \
  "- BWC-VID-007 is renumbered BWC-VID-070." \
  "- BWC-VID-001: the statement now reads: The camera shall record video at a resolution of at least [-1920-] {+3840+} x [-1080-] {+2160+} pixels." \
  "- BWC-VID-004: the priority changes from Recommended to Mandatory." \
  "- BWC-PWR-001: the metric changes from battery endurance >= 12 h to battery endurance >= 14 h (tightened)." \
  "- BWC-PWR-002: the metric changes from charging time <= 4 h to charging time <= 300 min (relaxed)." \
  "- BWC-ENV-003: the references change from [IEC-60068-2-31] to [IEC-60068-2-31 5.1]." \
  "- Lot LOT-1: the quantity of NL-POL changes from 5000 to 5200." \
  "- The CPV codes change from [35125300-2, 32333200-8, 48000000-8, 50343000-1] to [35125300-2, 48000000-8, 50343000-1]." \
  "- Award criterion AC-VIDEO: the weight changes from 25 to 30." \
  "- BWC-EMS-005: the priority changes from Mandatory to Optional." \
  "- Lot LOT-4 is added: Spare batteries." \
  "- Reference FIPS-197 changes from FIPS PUB 197 to FIPS 197-upd1." \
  "- BWC-EMS-002: the lots change from [LOT-2] to [LOT-1, LOT-2]."; do
  expect_out "$line"
done
grep -qF "AC-BATT" <<<"$out" && fail "an unchanged award weight is listed"
run diff "$spec" "$work/v2.yaml" --format md
expect_code 1 "diff md"
expect_out "- BWC-VID-001: the statement now reads: The camera shall record video at a resolution of at least ~~1920~~ **3840** x ~~1080~~ **2160** pixels."
expect_out "- BWC-SVC-002 is deleted."
if command -v cmark-gfm >/dev/null; then
  html=$(cmark-gfm -e strikethrough <<<"$out")
  grep -qF "<del>1920</del> <strong>3840</strong>" <<<"$html" || fail "the corrigendum's Markdown does not render the marks: $html"
fi
for format in docx odt html; do
  run diff "$spec" "$work/v2.yaml" --format "$format" -o "$work/corrigendum.$format"
  expect_code 1 "diff $format"
  [ -s "$work/corrigendum.$format" ] || fail "no corrigendum.$format written"
done
"$py" - "$work/corrigendum.docx" <<'PY' || fail "the DOCX corrigendum marks deleted and inserted words"
import sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode()
assert '<w:strike/></w:rPr><w:t xml:space="preserve">1920</w:t>' in xml, "strike"
assert '<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">3840</w:t>' in xml, "underline"
PY
grep -qF "<del>1920</del> <ins>3840</ins>" "$work/corrigendum.html" || fail "the HTML corrigendum marks words"
run diff "$spec" "$work/v2.yaml" --format json
"$py" -c 'import json,sys; d=json.loads(sys.stdin.read()); kinds={c["kind"] for c in d["changes"]}; need={"added","removed","renamed","statement","priority","metric","references","quantity","cpv","award-weight"}; assert need <= kinds, need - kinds' <<<"$out" || fail "diff json kinds"

# One run compiles the spec schema once, however many specs it merges or validates.
LEASPEC_STATS=1 run merge "${inputs[@]}" --prefer strictest -o "$work/stats.yaml"
expect_code 0 "merge with stats"
# The three inputs, and the joint spec, which is checked before it is written.
expect_err "leaspec: stats: 4 sources checked"
[ "$(grep -c "stats: schema https://leaspec.eu/schema/spec/1 compiled" <<<"$err")" -eq 1 ] || fail "one spec schema: $err"
expect_err "leaspec: stats: schema https://leaspec.eu/schema/spec/1 compiled 1 time"
LEASPEC_STATS=1 run validate --jobs 2 "${inputs[@]}" "$SOURCE_DIR/data/examples"
expect_err "leaspec: stats: schema https://leaspec.eu/schema/spec/1 compiled 1 time"
run merge "${inputs[@]}" --prefer strictest -o "$work/stats.yaml"
expect_no_err "leaspec: stats:"

finish
