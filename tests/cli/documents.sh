#!/usr/bin/env bash
# Generated documents open in the software their readers use: LibreOffice converts DOCX and
# ODT to PDF and the text is there; python-docx sees the heading styles and tables; odflint
# finds nothing wrong. Two runs give identical bytes; failed runs leave old files intact.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
spec="$SOURCE_DIR/data/examples/body-worn-cameras.yaml"
for tool in soffice pdftotext odflint; do
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

# LibreOffice converts DOCX and ODT to PDF; it exits 0 even when a file does not load, so
# the text of the PDF is what tells.
for format in docx odt; do
  profile="$work/lo-profile-$format"
  soffice --headless -env:UserInstallation="file://$profile" --convert-to pdf \
    --outdir "$work/pdf-$format" "$work/annex.$format" >/dev/null 2>&1
  [ -s "$work/pdf-$format/annex.pdf" ] || { fail "LibreOffice made no PDF of annex.$format"; continue; }
  text=$(pdftotext -layout "$work/pdf-$format/annex.pdf" -)
  for needle in "BWC-VID-001" "BWC-SVC-002" "Annex: Technical specifications" "2 Lots" \
                "5 Requirements" "Lot LOT-1: Body-worn cameras" "Politie Nederland" "8700" \
                "or equivalent" "Joint procurement arrangements"; do
    grep -qF -- "$needle" <<<"$text" || fail "the PDF of annex.$format lacks \"$needle\""
  done
  grep -qE "Komenda Główna Policji +PL +1200" <<<"$text" || fail "the lots table of annex.$format is not in the PDF"
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
standard = docx.Document(sys.argv[2])
headings = [p.text for p in standard.paragraphs if p.style.name == "Heading 1"]
assert headings[:5] == ["Foreword", "Introduction", "1 Scope", "2 Normative references",
                        "3 Terms and definitions"], headings
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
expect_out "| **BWC-VID-001** | The camera shall record video at a resolution of at least 1920 x 1080 pixels. |"
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
