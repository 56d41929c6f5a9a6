#!/usr/bin/env bash
# Generated documents open in the software their readers use: python-docx sees the heading
# styles, tables and footer; odflint finds nothing wrong. Two runs give identical bytes;
# failed runs leave old files intact; PDF without LibreOffice names the package to install.
# (pdf.sh looks at the documents through LibreOffice.)
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
spec="$SOURCE_DIR/data/examples/body-worn-cameras.yaml"
for tool in odflint; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed (scripts/setup.sh installs it)"; exit 1; }
done
"$py" -c 'import docx' 2>/dev/null || { echo "FAIL: python3-docx is not installed"; exit 1; }

for format in md html docx odt; do
  for kind in annex standard; do
    run generate "$kind" "$spec" --format "$format" -o "$work/$kind.$format"
    expect_code 0 "generate $kind $format"
    run generate "$kind" "$spec" --format "$format" -o "$work/$kind-again.$format"
    cmp -s "$work/$kind.$format" "$work/$kind-again.$format" || fail "$kind.$format differs between two runs"
  done
done

# python-docx sees real heading styles, tables and properties.
"$py" - "$work/annex.docx" "$work/standard.docx" <<'PY' || fail "python-docx checks"
import sys
import docx
annex = docx.Document(sys.argv[1])
styles = {p.style.name for p in annex.paragraphs}
assert {"Heading 1", "Heading 2", "Title"} <= styles, styles
assert len(annex.tables) >= 10, len(annex.tables)
lots = annex.tables[2]
assert [c.text for c in lots.rows[0].cells] == ["Contracting authority", "Country", "Quantity"]
assert [c.text for c in lots.rows[-1].cells] == ["Total", "", "8700"]
assert annex.core_properties.title.startswith("Annex: Technical specifications")
assert annex.core_properties.subject == "Technical specifications of the joint procurement NL-POL-2026-0042"
footer = annex.sections[0].footer.paragraphs[0]
assert footer.text.startswith("BWC-2026, version 1.0.0\tPage "), footer.text
fields = footer._p.xml
assert 'w:instr=" PAGE "' in fields and 'w:instr=" NUMPAGES "' in fields, fields
# The header row of every requirement table repeats on each page.
requirements = [t for t in annex.tables if t.rows[0].cells[0].text == "Id"]
assert requirements and all(t.rows[0]._tr.xpath("./w:trPr/w:tblHeader") for t in requirements)
standard = docx.Document(sys.argv[2])
headings = [p.text for p in standard.paragraphs if p.style.name == "Heading 1"]
assert headings[:5] == ["Foreword", "1 Scope", "2 Normative references",
                        "3 Terms and definitions", "4 Video and audio recording"], headings
assert headings[-3:] == ["Annex A (informative) Verification methods",
                         "Annex B (informative) Rationale of the requirements", "Bibliography"], headings
PY

# odflint reports nothing but its false notice about the mimetype entry's extra field.
for file in "$work/annex.odt" "$work/standard.odt"; do
  report=$(odflint "$file" 2>&1 | grep -v "The 'mimetype' member must not have extra header info" || true)
  [ -z "$report" ] || fail "odflint on $(basename "$file"): $report"
done

# The ODT starts with the mimetype, stored; SOURCE_DATE_EPOCH sets the dates written.
"$py" - "$work/annex.odt" <<'PY' || fail "odt mimetype entry"
import sys, zipfile
first = zipfile.ZipFile(sys.argv[1]).infolist()[0]
assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
assert first.date_time == (1980, 1, 1, 0, 0, 0)
PY
SOURCE_DATE_EPOCH=1767225600 "$LEASPEC" generate annex "$spec" --format docx -o "$work/dated.docx"
"$py" - "$work/dated.docx" <<'PY' || fail "SOURCE_DATE_EPOCH"
import sys, zipfile
archive = zipfile.ZipFile(sys.argv[1])
assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2026-01-01T00:00:00Z" in archive.read("docProps/core.xml").decode()
assert archive.infolist()[0].date_time == (2026, 1, 1, 0, 0, 0)
PY

# Markdown and HTML to standard output; binary formats refuse it.
run generate annex "$spec" --format md -o -
expect_code 0 "markdown to stdout"
expect_out "| **BWC-VID-001** | The camera shall record video at a resolution of at least 1920 x 1080 pixels.<br>*References: EN 62676-4:2015, clause 5.3* | Mandatory | Test | LOT-1 |"
run generate annex "$spec" --format docx -o -
expect_code 2 "docx to stdout"
expect_err "binary format"

# Languages.
run generate annex "$spec" --format md --lang pl -o -
expect_code 0 "polish"
expect_out "# Załącznik: Specyfikacja techniczna"
expect_out "lub równoważne"
run generate annex "$spec" --format md --lang xx -o -
expect_code 2 "unknown language"

# PDF needs LibreOffice: without soffice on the PATH the error names the package to install.
no_office() {
  out=$(PATH=/nonexistent "$LEASPEC" "$@" 2>"$work/stderr")
  code=$?
  err=$(cat "$work/stderr")
}
no_office generate annex "$spec" --format pdf -o "$work/annex.pdf"
expect_code 2 "pdf without LibreOffice"
expect_err "error: PDF is made by LibreOffice, which is not installed (no soffice on the PATH); install the package libreoffice-writer-nogui"
no_office generate matrix "$spec" --format pdf -o "$work/matrix.pdf"
expect_code 2 "matrix pdf without LibreOffice"
expect_err "install the package libreoffice-calc-nogui"
[ -e "$work/annex.pdf" ] && fail "a failed PDF run wrote a file"
run generate annex "$spec" --format pdf -o -
expect_code 2 "pdf to stdout"
expect_err "pdf is a binary format"

# A spec with errors writes nothing, and an existing file stays as it was.
printf 'old contents\n' > "$work/keep.md"
printf 'leaspec: 1\nid: X\n' > "$work/broken.yaml"
run generate annex "$work/broken.yaml" --format md -o "$work/keep.md"
expect_code 1 "spec with errors"
expect_err "no document was written"
[ "$(cat "$work/keep.md")" = "old contents" ] || fail "a failed run changed the output file"
run generate annex "$spec" --format md -o "$work/no/such/folder/out.md"
expect_code 2 "unwritable output"
expect_err "cannot write"
ls -A "$work" | grep -q '^\.keep' && fail "a temporary file was left behind"

finish
