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
assert wb.sheetnames == ["All requirements", "Lot LOT-1", "Lot LOT-2", "Lot LOT-3", "Summary"], wb.sheetnames
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
    # Rows are as high as their wrapped text.
    assert ws.row_dimensions[row].height >= 15, (row, ws.row_dimensions[row].height)
# Page setup: landscape, one page wide, the header row on every page.
assert ws.page_setup.orientation == "landscape"
assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
assert ws.sheet_properties.pageSetUpPr.fitToPage
assert ws.print_title_rows in ("1:1", "$1:$1"), ws.print_title_rows
assert "Page &P of &N" in ws.oddFooter.right.text, ws.oddFooter.right.text
# Ids, priorities and verification methods fit their columns on one line.
assert ws.column_dimensions["A"].width >= len("BWC-VID-001"), ws.column_dimensions["A"].width
lot2 = [c.value for c in wb["Lot LOT-2"]["A"]][1:]
assert "BWC-EMS-001" in lot2 and "BWC-SEC-003" in lot2, lot2
assert "BWC-VID-001" not in lot2 and "BWC-SVC-002" not in lot2, lot2
for name in ["Lot LOT-1", "Lot LOT-2", "Lot LOT-3"]:
    lot = wb[name]
    assert lot.protection.sheet and lot.freeze_panes == "A2", name
    # The lot sheets show the answers given on the first sheet, and take none themselves.
    for row in range(2, lot.max_row + 1):
        assert all(lot.cell(row, col).protection.locked for col in range(1, 11)), (name, row)
        assert str(lot.cell(row, 8).value).startswith("=IF('All requirements'!H"), lot.cell(row, 8).value
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

# A bidder answers where the matrix asks (the unlocked cells), for the requirements of every
# lot; a requirement of two lots is answered once.
"$py" - "$work/matrix.xlsx" "$work/answered.xlsx" "$work/expected.txt" <<'PY' || fail "answering"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["All requirements"]
rows = {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1)}
answers = ["Compliant", "Partially compliant", "Not compliant"]
counts = {}
answered = set()
for name in wb.sheetnames[1:-1]:
    for cell in wb[name]["A"][1:]:
        if cell.value in answered:
            continue
        row = rows[cell.value]
        compliance = ws.cell(row, 8)
        assert not compliance.protection.locked, (name, cell.value)
        answer = answers[len(answered) % 3]
        compliance.value = answer
        ws.cell(row, 9).value = f"Response to {cell.value}"
        answered.add(cell.value)
        priority = ws.cell(row, 4).value
        counts[(priority, answer)] = counts.get((priority, answer), 0) + 1
wb.save(sys.argv[2])
with open(sys.argv[3], "w") as out:
    for priority in ["Mandatory", "Recommended", "Optional"]:
        total = sum(1 for r in rows.values() if ws.cell(r, 4).value == priority)
        given = [counts.get((priority, a), 0) for a in answers]
        out.write(",".join(map(str, [priority, total] + given + [total - sum(given)])) + "\n")
PY

# LibreOffice reads the workbook as written (its first sheet is leaspec's CSV) and, after the
# answers, recalculates a Summary that counts each answer exactly once. One run for both.
soffice --headless -env:UserInstallation="file://$work/lo" \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$work/lo-csv" "$work/matrix.xlsx" "$work/answered.xlsx" >/dev/null 2>&1
[ -s "$work/lo-csv/matrix-All requirements.csv" ] || fail "LibreOffice made no CSV"
"$py" - "$work/lo-csv/matrix-All requirements.csv" "$work/matrix.csv" <<'PY' || fail "LibreOffice rows differ from leaspec's CSV"
import csv, sys
office = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
ours = list(csv.reader(open(sys.argv[2], encoding="utf-8-sig", newline="")))
assert office == ours, next((a, b) for a, b in zip(office, ours) if a != b)
PY
"$py" - "$work/lo-csv" "$work/expected.txt" <<'PY' || fail "the recalculated summary or lot sheets"
import csv, os, sys
folder = sys.argv[1]
def sheet(name):
    return list(csv.reader(open(os.path.join(folder, f"answered-{name}.csv"), encoding="utf-8-sig", newline="")))
summary = {row[0]: row for row in sheet("Summary")}
for line in open(sys.argv[2]).read().split():
    expected = line.split(",")
    assert summary[expected[0]] == expected, (summary[expected[0]], expected)
total = summary["Total"]
assert int(total[1]) == sum(int(l.split(",")[1]) for l in open(sys.argv[2]).read().split()), total
answers = {row[0]: row[7] for row in sheet("All requirements")[1:]}
for name in ["Lot LOT-1", "Lot LOT-2", "Lot LOT-3"]:
    for row in sheet(name)[1:]:
        assert row[7] == answers[row[0]] and row[7], (name, row[0], row[7])
        assert row[8] == f"Response to {row[0]}", (name, row[8])
PY

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
