#!/usr/bin/env bash
# The bidders' compliance matrix as a spreadsheet a bidder fills in and buyers score.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
spec="$SOURCE_DIR/data/examples/body-worn-cameras.yaml"
command -v soffice >/dev/null || { echo "FAIL: soffice is not installed (scripts/setup.sh installs it)"; exit 1; }
"$py" -c 'import openpyxl, yaml' 2>/dev/null || { echo "FAIL: python3-openpyxl and python3-yaml are needed"; exit 1; }

run generate matrix "$spec" --format xlsx -o "$work/matrix.xlsx"
expect_code 0 "xlsx"
run generate matrix "$spec" --format xlsx -o "$work/again.xlsx"
cmp -s "$work/matrix.xlsx" "$work/again.xlsx" || fail "two runs give different XLSX bytes"
run generate matrix "$spec" --format csv -o "$work/matrix.csv"
expect_code 0 "csv"
run generate matrix "$spec" --format docx -o "$work/matrix.docx"
expect_code 2 "matrix as docx"

# openpyxl sees what a bidder needs.
"$py" - "$work/matrix.xlsx" "$spec" <<'PY' || fail "openpyxl checks"
import sys
import openpyxl, yaml
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["All requirements", "Lot LOT-1", "Lot LOT-2", "Summary"], wb.sheetnames
spec = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
count = sum(len(s.get("requirements", [])) for s in spec["sections"])
ws = wb["All requirements"]
assert ws.freeze_panes == "A2", ws.freeze_panes
assert ws.auto_filter.ref == f"A1:J{count + 1}", ws.auto_filter.ref
header = [c.value for c in ws[1]]
assert header == ["Id", "Section", "Requirement", "Priority", "Verification", "Lots",
                  "Award criterion", "Compliance", "Response", "Evidence reference"], header
validations = ws.data_validations.dataValidation
assert len(validations) == 1 and str(validations[0].sqref) == f"H2:H{count + 1}"
assert validations[0].formula1 == '"Compliant,Partially compliant,Not compliant"'
assert ws.protection.sheet
for row in range(2, count + 2):
    assert all(ws.cell(row, col).protection.locked for col in range(1, 8)), row
    assert not any(ws.cell(row, col).protection.locked for col in range(8, 11)), row
lot2 = [c.value for c in wb["Lot LOT-2"]["A"]][1:]
assert "BWC-EMS-001" in lot2 and "BWC-VID-001" not in lot2 and "BWC-SVC-002" in lot2, lot2
assert wb["Lot LOT-1"].protection.sheet and wb["Lot LOT-1"].freeze_panes == "A2"
assert wb.properties.title.startswith("Compliance matrix")
PY

# Python's csv module reads every statement back intact.
"$py" - "$work/matrix.csv" "$spec" <<'PY' || fail "csv statements"
import csv, sys, yaml
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
spec = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
texts = {r["id"]: r["text"] for s in spec["sections"] for r in s.get("requirements", [])}
assert rows[0][0] == "Id" and len(rows) == len(texts) + 1
for row in rows[1:]:
    assert row[2] == texts[row[0]], (row[0], row[2])
PY

# LibreOffice converts the XLSX to CSV (its first sheet), and the rows match leaspec's CSV.
soffice --headless -env:UserInstallation="file://$work/lo" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/lo-csv" \
  "$work/matrix.xlsx" >/dev/null 2>&1
[ -s "$work/lo-csv/matrix.csv" ] || fail "LibreOffice made no CSV"
"$py" - "$work/lo-csv/matrix.csv" "$work/matrix.csv" <<'PY' || fail "LibreOffice rows differ from leaspec's CSV"
import csv, sys
office = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
ours = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert office == ours, next((a, b) for a, b in zip(office, ours) if a != b)
PY

# The summary counts follow the bidder's answers: answer three rows, recalculate in LibreOffice.
"$py" - "$work/matrix.xlsx" "$work/answered.xlsx" <<'PY' || fail "answering"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["All requirements"]
ws["H2"] = "Compliant"          # BWC-VID-001, mandatory
ws["H3"] = "Not compliant"      # BWC-VID-002, mandatory
ws["H5"] = "Partially compliant"  # BWC-VID-004, recommended
wb.save(sys.argv[2])
PY
soffice --headless -env:UserInstallation="file://$work/lo" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work/answered" "$work/answered.xlsx" >/dev/null 2>&1
summary=$(cat "$work/answered/answered-Summary.csv" 2>/dev/null)
grep -q '^Mandatory,24,1,0,1,22' <<<"$summary" || fail "summary after answers: $summary"
grep -q '^Recommended,2,0,1,0,1' <<<"$summary" || fail "summary after answers: $summary"
grep -q '^Total,27,1,1,1,24' <<<"$summary" || fail "summary totals: $summary"

# No cell runs as a formula: statements starting with = + - @ or a tab are neutralised.
cat > "$work/formulas.yaml" <<'YAML'
leaspec: 1
id: F-1
title: Formulas
version: "1"
status: draft
area: cybercrime
sections:
  - id: S
    title: S
    requirements:
      - {id: R-1, text: "=HYPERLINK(\"http://evil.example\",\"click\") shall not run", priority: mandatory}
      - {id: R-2, text: "+1 shall stay text", priority: mandatory}
      - {id: R-3, text: "-2 shall stay text", priority: mandatory}
      - {id: R-4, text: "@SUM(A1) shall stay text", priority: mandatory}
      - {id: R-5, text: "\tTabbed text shall stay text", priority: mandatory}
      - {id: R-6, text: "\rReturn shall stay text", priority: mandatory}
YAML
run generate matrix "$work/formulas.yaml" --format csv -o "$work/formulas.csv"
expect_code 0 "formula spec"
"$py" - "$work/formulas.csv" <<'PY' || fail "formula neutralisation"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))[1:]
statements = [row[2] for row in rows]
assert statements[0] == "'=HYPERLINK(\"http://evil.example\",\"click\") shall not run", statements[0]
for statement in statements[:5]:
    assert statement.startswith("'"), statement
    assert statement[1] in "=+-@\t", statement
# A carriage return is a control character: it is replaced before it reaches any cell.
assert statements[5] == "\ufffdReturn shall stay text", statements[5]
PY

finish
