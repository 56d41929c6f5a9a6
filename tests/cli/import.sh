#!/usr/bin/env bash
# Imports: ReqIF from requirements tools (leaspec's own exports round trip; hand-made files in
# the shape of DOORS, Polarion and StrictDoc exports), LAST-CHANGE from git history, and
# bidders' compliance matrices filled in with openpyxl.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
fixtures="$SOURCE_DIR/tests/cli/reqif"
skipped=()

# `import.sh xsd`: the hand-made DOORS- and Polarion-style files are valid ReqIF, and so is
# what leaspec exports; a skip (77) when the XSD is missing.
if [ "${1:-}" = xsd ]; then
  have_data reqif/reqif.xsd || skip_if_data_missing
  xsd="$test_data/reqif/reqif.xsd"
  command -v xmllint >/dev/null || { echo "SKIP: xmllint is not installed (libxml2-utils)"; exit 77; }
  "$LEASPEC" export reqif "$SOURCE_DIR/data/examples/anpr.yaml" -o "$work/anpr.reqif"
  for file in "$fixtures/doors.reqif" "$fixtures/polarion.reqif" "$work/anpr.reqif"; do
    xmllint --noout --schema "$xsd" "$file" 2>"$work/xsd.log" ||
      fail "$(basename "$file") does not validate: $(tail -2 "$work/xsd.log")"
  done
  finish
  exit
fi

# Round trip: every example exported and imported again is the same spec.
for example in $(find "$SOURCE_DIR/data/examples" -name '*.yaml' | sort); do
  grep -q '^leaspec:' "$example" || continue
  name=$(basename "$example" .yaml)
  for archive in reqif reqifz; do
    run export reqif "$example" -o "$work/$name.$archive"
    expect_code 0 "export $name.$archive"
    run import reqif "$work/$name.$archive" -o "$work/$name-$archive.yaml"
    expect_code 0 "import $name.$archive"
    # ReqIF has no place for the original's inline suppressions: their findings may show,
    # and nothing else (each finding is its line and the two lines of its excerpt).
    suppressed=$(grep -o 'leaspec: ignore\[[a-z-]*\]' "$example" | sed 's/.*\[\(.*\)\]/\1/' | sort -u | tr '\n' ' ')
    others=$(awk -v rules=" $suppressed" '
      skip > 0 { skip--; next }
      match($0, / \[[a-z-]+\]$/) { rule = substr($0, RSTART + 2, RLENGTH - 3)
        if (index(rules, " " rule " ")) { skip = 2; next } }
      /^leaspec: imported/ { next }
      { print }' <<<"$err")
    [ -z "$others" ] || fail "import of $name.$archive reports: $others"
    run validate "$work/$name-$archive.yaml"
    expect_code 0 "the imported $name validates"
    run diff "$example" "$work/$name-$archive.yaml"
    expect_code 0 "the imported $name equals the original"
    "$LEASPEC" export json "$example" -o "$work/a.json" && \
      "$LEASPEC" export json "$work/$name-$archive.yaml" -o "$work/b.json"
    "$py" - "$work/a.json" "$work/b.json" <<'PY' || fail "$name.$archive: the JSON exports differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
a.pop("source"); b.pop("source")
assert a == b, [k for k in a if a[k] != b.get(k)]
PY
  done
done

# A DOORS-style export: XHTML, enumerations, nested headings, numbers as ids.
run import reqif "$fixtures/doors.reqif" -o "$work/doors.yaml"
expect_code 0 "import the DOORS-style file"
expect_err 'warning: attribute "Safety Class" (2 objects) maps to no spec key; its values are kept in the requirement'"'"'s note (map it in the mapping file'"'"'s attributes) [reqif-unmapped]'
expect_err 'note: attribute "ReqIF.ForeignCreatedBy" (1 object) is the tool'"'"'s bookkeeping; not imported [reqif-unmapped]'
expect_err 'warning: the priority "Critical" is not one the spec format knows'
expect_err 'warning: the verification "Design review" is not one the spec format knows'
expect_err 'warning: 1 picture or embedded object in XHTML text cannot be kept in plain text; not imported [reqif-unmapped]'
expect_err 'warning: 1 object in the hierarchy has neither text nor a heading; not imported [reqif-structure]'
expect_err 'warning: 1 relation of type "Link" does not link two imported requirements; not imported [reqif-structure]'
expect_err "warning: the file does not give the spec's area; it is set to front-line-policing"
expect_err 'doors.reqif:61:10: note: 4 ids are numbers; REQ- is put before each ("2" becomes REQ-2) [reqif-id]'
expect_err "leaspec: imported 4 requirements in 3 sections and 1 relation into $work/doors.yaml"
"$py" - "$work/doors.yaml" <<'PY' || fail "DOORS-style import content"
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1]))
assert spec["id"] == "BODY-WORN-VIDEO-USER-REQUIREMENTS" and spec["date"] == "2026-02-11", spec
rec = spec["sections"][0]
assert (rec["id"], rec["title"]) == ("RECORDING", "Recording"), rec
first, second = rec["requirements"]
assert first == {"id": "REQ-2", "priority": "mandatory", "verification": ["test", "inspection"],
    "text": "The camera shall record video at a resolution of at least 1920 x 1080 pixels.",
    "note": "Safety Class: B"}, first
assert second["text"] == "The camera should keep a pre-event buffer of at least 30 seconds.\nThe buffer should include audio."
assert second["priority"] == "recommended" and second["note"] == "Agreed in the workshop of 14 January."
low = rec["sections"][0]
assert low["id"] == "LOW-LIGHT" and low["requirements"][0]["id"] == "REQ-5"
assert low["requirements"][0]["priority"] == "mandatory"  # "Critical" maps to nothing: the verb says shall
assert low["requirements"][0]["depends_on"] == ["REQ-2"]
power = spec["sections"][1]
assert power["id"] == "POWER" and power["requirements"][0]["id"] == "REQ-8"
PY
run validate "$work/doors.yaml"
expect_code 0 "the DOORS import validates"

# A Polarion-style export with a mapping file.
run import reqif "$fixtures/polarion.reqif" --map "$fixtures/polarion-map.yaml" -o "$work/polarion.yaml"
expect_code 0 "import the Polarion-style file with its mapping"
expect_err 'attribute "Status" (1 object) maps to no spec key'
"$py" - "$work/polarion.yaml" <<'PY' || fail "Polarion-style import content"
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1]))
assert (spec["id"], spec["version"], spec["area"]) == ("ANPR-POL", "0.9", "crime-and-intelligence"), spec
section = spec["sections"][0]
assert (section["id"], section["title"]) == ("ANPR-1", "Reading number plates"), section
got = [(r["id"], r["priority"], r.get("depends_on")) for r in section["requirements"]]
assert got == [("ANPR-2", "mandatory", None), ("ANPR-3", "recommended", ["ANPR-2"]),
               ("ANPR-4", "optional", None)], got
assert section["requirements"][0]["note"] == "ReqIF.Name: Read rate\nStatus: Approved"
assert section["requirements"][2]["text"] == "- The system may store an overview image of each vehicle."
PY

# StrictDoc's conventions: string texts with line breaks, key-only enumeration values, Parent.
run import reqif "$fixtures/strictdoc.reqif" -o "$work/strictdoc.yaml"
expect_code 0 "import the StrictDoc-style file"
"$py" - "$work/strictdoc.yaml" <<'PY' || fail "StrictDoc-style import content"
import sys, yaml
spec = yaml.safe_load(open(sys.argv[1]))
section = spec["sections"][0]
assert section["id"] == "ACQUISITION"
one, two = section["requirements"]
assert one["text"] == "The tool shall compute a SHA-256 hash of every acquired image.\nIt shall record the hash in the acquisition report."
assert one["tags"] == ["acquisition", "integrity"] and one["rationale"].startswith("Courts")
assert one["note"] == "STATUS: Active\nReqIF.Name: Hash of the image", one["note"]
assert two["priority"] == "recommended" and two["depends_on"] == ["MDF-ACQ-1"]
assert two["note"] == "See also the laboratory's procedure."
PY

# What is not ReqIF, and a spec the checker refuses, are never written.
run import reqif "$SOURCE_DIR/data/examples/anpr.yaml" -o "$work/none.yaml"
expect_code 1 "a YAML file is not ReqIF"
expect_err "anpr.yaml:1:1: error: the file is not XML: it does not begin with a tag [reqif-invalid]"
[ ! -e "$work/none.yaml" ] || fail "a failed import wrote its output"
sed 's/THE-VALUE="acquisition, integrity"/THE-VALUE="Acquisition, Integrity"/' \
  "$fixtures/strictdoc.reqif" > "$work/bad-tags.reqif"
run import reqif "$work/bad-tags.reqif" -o "$work/bad.yaml"
expect_code 1 "an import the schema refuses"
expect_err "error:"
expect_err "has errors; nothing was written"
[ ! -e "$work/bad.yaml" ] || fail "an import with schema errors was written"
printf 'attributes: {Owner: owner}\n' > "$work/bad-map.yaml"
run import reqif "$fixtures/doors.reqif" --map "$work/bad-map.yaml" -o "$work/x.yaml"
expect_code 2 "an invalid mapping file"
expect_err "bad-map.yaml:1:21: error: \"owner\" is not one of the 17 allowed values"

# LAST-CHANGE from git: only the edited requirement's object changes.
if command -v git >/dev/null; then
  repo="$work/repo"
  mkdir -p "$repo"
  cp "$SOURCE_DIR/data/examples/body-worn-cameras.yaml" "$repo/bwc.yaml"
  (cd "$repo" && git init -q && git -c user.name=t -c user.email=t@example.org add bwc.yaml &&
    GIT_COMMITTER_DATE=2026-01-10T09:00:00Z GIT_AUTHOR_DATE=2026-01-10T09:00:00Z \
      git -c user.name=t -c user.email=t@example.org commit -qm one) || fail "git commit"
  env -u SOURCE_DATE_EPOCH "$LEASPEC" export reqif "$repo/bwc.yaml" -o "$work/v1.reqif"
  sed -i 's/at least 1920 x 1080 pixels/at least 3840 x 2160 pixels/' "$repo/bwc.yaml"
  (cd "$repo" && GIT_COMMITTER_DATE=2026-02-20T15:30:00Z GIT_AUTHOR_DATE=2026-02-20T15:30:00Z \
      git -c user.name=t -c user.email=t@example.org commit -qam two) || fail "git commit"
  env -u SOURCE_DATE_EPOCH "$LEASPEC" export reqif "$repo/bwc.yaml" -o "$work/v2.reqif"
  "$py" - "$work/v1.reqif" "$work/v2.reqif" <<'PY' || fail "LAST-CHANGE from git"
import sys
import xml.etree.ElementTree as ET
ns = "{http://www.omg.org/spec/ReqIF/20110401/reqif.xsd}"
def times(path):
    root = ET.parse(path).getroot()
    return {o.get("IDENTIFIER"): o.get("LAST-CHANGE") for o in root.iter(ns + "SPEC-OBJECT")}
one, two = times(sys.argv[1]), times(sys.argv[2])
assert set(one.values()) == {"2026-01-10T09:00:00Z"}, set(one.values())
changed = {k for k in one if one[k] != two[k]}
assert changed == {"requirement-BWC-VID-001"}, changed
assert two["requirement-BWC-VID-001"] == "2026-02-20T15:30:00Z"
spec = ET.parse(sys.argv[2]).getroot().find(f".//{ns}SPECIFICATION")
assert spec.get("LAST-CHANGE") == "2026-02-20T15:30:00Z"
PY
else
  skipped+=("git is not installed: LAST-CHANGE from history is not tested")
fi

# Outside a repository: SOURCE_DATE_EPOCH, else the file's time; --since keeps unchanged times.
cp "$SOURCE_DIR/data/examples/anpr.yaml" "$work/anpr.yaml"
SOURCE_DATE_EPOCH=1767225600 "$LEASPEC" export reqif "$work/anpr.yaml" -o "$work/a1.reqif"
grep -q 'IDENTIFIER="requirement-ANPR-CAM-001" LAST-CHANGE="2026-01-01T00:00:00Z"' "$work/a1.reqif" ||
  fail "SOURCE_DATE_EPOCH is not the time outside a repository"
touch -d 2026-05-05T05:05:05Z "$work/anpr.yaml"
env -u SOURCE_DATE_EPOCH "$LEASPEC" export reqif "$work/anpr.yaml" -o "$work/a2.reqif"
grep -q 'IDENTIFIER="requirement-ANPR-CAM-001" LAST-CHANGE="2026-05-05T05:05:05Z"' "$work/a2.reqif" ||
  fail "the file's modification time is not the time without git or SOURCE_DATE_EPOCH"
first=$(grep -o 'requirement-ANPR-[A-Z]*-[0-9]*' "$work/a1.reqif" | head -1)
id=${first#requirement-}
"$py" - "$work/anpr.yaml" "$id" <<'PY'
import sys
path, rid = sys.argv[1:]
lines = open(path).read().split("\n")
at = next(i for i, l in enumerate(lines) if l.strip() == f"- id: {rid}")
text = next(i for i in range(at, len(lines)) if lines[i].strip().startswith("text:"))
lines[text] = lines[text].replace("text: ", "text: Always. ", 1) if "text: >" not in lines[text] else lines[text]
if "text: >" in lines[text]:
    lines[text + 1] = lines[text + 1].replace(lines[text + 1].strip(), "Always. " + lines[text + 1].strip(), 1)
open(path, "w").write("\n".join(lines))
PY
touch -d 2026-06-06T06:06:06Z "$work/anpr.yaml"
env -u SOURCE_DATE_EPOCH "$LEASPEC" export reqif "$work/anpr.yaml" --since "$work/a1.reqif" -o "$work/a3.reqif"
"$py" - "$work/a1.reqif" "$work/a3.reqif" "requirement-$id" <<'PY' || fail "--since keeps the times of unchanged objects"
import sys
import xml.etree.ElementTree as ET
ns = "{http://www.omg.org/spec/ReqIF/20110401/reqif.xsd}"
def times(path):
    return {o.get("IDENTIFIER"): o.get("LAST-CHANGE") for o in ET.parse(path).getroot().iter(ns + "SPEC-OBJECT")}
one, three = times(sys.argv[1]), times(sys.argv[2])
changed = {k for k in one if one[k] != three[k]}
assert changed == {sys.argv[3]}, changed
assert three[sys.argv[3]] == "2026-06-06T06:06:06Z"
PY

# Bidders' compliance matrices, filled in with openpyxl.
bwc="$SOURCE_DIR/data/examples/body-worn-cameras.yaml"
run generate matrix "$bwc" --format xlsx -o "$work/matrix.xlsx"
expect_code 0 "generate the matrix"
"$py" - "$work/matrix.xlsx" "$work" <<'PY' || fail "fill in the matrices"
import sys, openpyxl
source, folder = sys.argv[1:]
def fill(name, answers, language_answer=None):
    book = openpyxl.load_workbook(source)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    id_col, answer_col = header.index("Id"), header.index("Compliance")
    for row in sheet.iter_rows(min_row=2):
        rid = row[id_col].value
        if rid in answers:
            row[answer_col].value = answers[rid]
        elif rid and answers.get("*"):
            row[answer_col].value = answers["*"]
    book.save(f"{folder}/{name}.xlsx")
# Acme answers everything Compliant but two mandatory requirements: one no, one empty.
fill("acme", {"*": "Compliant", "BWC-VID-001": "Not compliant", "BWC-PWR-001": None,
              "BWC-VID-002": "Partially compliant"})
# Globex answers everything Compliant except a recommended requirement.
fill("globex", {"*": "Compliant", "BWC-VID-004": "Not compliant"})
# Initech leaves everything empty but answers one mandatory requirement "No".
fill("initech", {"BWC-SEC-001": "No"})
PY
run import answers "$work/acme.xlsx" "$work/globex.xlsx" "$work/initech.xlsx" --format json
expect_code 1 "bidders with mandatory requirements not met"
printf '%s' "$out" > "$work/answers.json"
"$py" - "$work/answers.json" "$bwc" <<'PY' || fail "the mandatory requirements not met"
import json, sys, yaml
result = {b["bidder"]: b for b in json.load(open(sys.argv[1]))["bidders"]}
spec = yaml.safe_load(open(sys.argv[2]))
def walk(sections):
    for s in sections:
        yield from s.get("requirements", [])
        yield from walk(s.get("sections", []))
mandatory = [r["id"] for r in walk(spec["sections"]) if r["priority"] == "mandatory"]
assert result["acme"]["mandatory_not_met"] == ["BWC-VID-001", "BWC-PWR-001"], result["acme"]["mandatory_not_met"]
assert result["globex"]["mandatory_not_met"] == [], result["globex"]["mandatory_not_met"]
assert result["initech"]["mandatory_not_met"] == mandatory, result["initech"]["mandatory_not_met"]
assert result["acme"]["counts"]["partially_compliant"] == 1
assert result["globex"]["counts"]["not_compliant"] == 1 and result["globex"]["counts"]["requirements"] == 40
PY
run import answers "$work/acme.xlsx" "$work/globex.xlsx"
expect_code 1 "text evaluation"
expect_out "acme"
expect_out "BWC-VID-001, BWC-PWR-001"
run import answers "$work/globex.xlsx" --format csv
expect_code 0 "every mandatory requirement met"
expect_out "Bidder,Requirements,Compliant,Partially compliant,Not compliant,Unanswered,Unclear,Mandatory requirements not met"
expect_out "globex,40,39,0,1,0,0,None"
run import answers "$work/acme.xlsx" "$work/globex.xlsx" --format xlsx -o "$work/evaluation.xlsx"
"$py" - "$work/evaluation.xlsx" <<'PY' || fail "the evaluation workbook"
import sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1])
assert book.sheetnames == ["Summary", "Answers"], book.sheetnames
answers = book["Answers"]
header = [c.value for c in answers[1]]
assert header[:5] == ["Id", "Priority", "Requirement", "acme", "globex"], header
PY
run import answers "$bwc"
expect_code 2 "a YAML file is not a matrix"
expect_err "is not a readable zip archive"

for reason in "${skipped[@]}"; do
  echo "SKIPPED PART: $reason"
done
finish
