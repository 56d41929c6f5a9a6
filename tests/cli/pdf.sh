#!/usr/bin/env bash
# What the documents look like on paper, through LibreOffice: no word of a table breaks
# across lines in the annexes (DOCX and ODT) and matrices (XLSX) of the bundled examples,
# identifiers do not break at their hyphens, every page has its footer, the matrix prints
# one page wide with its header on every page, the conformance tables (the `conformance`
# report and the annex's section) show in each row the clause, the requirement, both bounds
# with their units and the verdict, and `--format pdf` writes a PDF whose text holds every
# requirement id. LibreOffice is slow to start, so one run converts all files.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
for tool in soffice pdftotext pdfinfo; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (libreoffice-writer-nogui, libreoffice-calc-nogui, poppler-utils)"; exit 77; }
done
"$py" -c 'import yaml' 2>/dev/null || { echo "SKIP: python3-yaml is not installed"; exit 77; }

examples="$SOURCE_DIR/data/examples"
export TMPDIR="$work/tmp"
mkdir -p "$TMPDIR" "$work/in"
for name in anpr body-worn-cameras forensic-acquisition; do
  for target in annex:docx annex:odt annex:html matrix:xlsx matrix:html; do
    kind=${target%%:*}
    format=${target#*:}
    file="$work/in/$name-$kind-$format.$format"
    [ "$format" = html ] && file="$work/$name-$kind.html"
    run generate "$kind" "$examples/$name.yaml" --format "$format" -o "$file"
    expect_code 0 "generate $kind $format of $name"
  done
done
# The conformance report of the test tender (every verdict: meets, tightens, weakens, missing,
# left out) and of the ANPR example, with the JSON report of the same rows.
here="$SOURCE_DIR/tests/cli/conformance"
run conformance "$here/tender.yaml" --standard "$here/standard.yaml" --format docx \
  -o "$work/in/tender-conformance-docx.docx"
expect_code 1 "the conformance report of a tender that weakens and misses clauses"
run conformance "$here/tender.yaml" --standard "$here/standard.yaml" --format json \
  -o "$work/tender-conformance.json"
run conformance "$examples/anpr.yaml" --format docx -o "$work/in/anpr-conformance-docx.docx"
expect_code 0 "the conformance report of the ANPR example"
for name in anpr body-worn-cameras forensic-acquisition; do
  run conformance "$examples/$name.yaml" --format json -o "$work/$name-conformance.json"
  expect_code 0 "the JSON conformance report of $name"
done
soffice --headless --norestore -env:UserInstallation="file://$work/profile" --convert-to pdf \
  --outdir "$work/pdf" "$work"/in/* >/dev/null 2>&1
for file in "$work"/in/*; do
  base=$(basename "${file%.*}")
  [ -s "$work/pdf/$base.pdf" ] || fail "LibreOffice made no PDF of $(basename "$file")"
done

"$py" - "$work" "$examples" <<'PY' || fail "table words broken across lines"
import html.parser, os, re, subprocess, sys
import yaml

work, examples = sys.argv[1], sys.argv[2]
PUNCT = "()[]{},.;:!?\"'“”„«»*"


class Text(html.parser.HTMLParser):
    """The words of an HTML document, and of the texts its print style adds."""
    def __init__(self):
        super().__init__()
        self.words = []
    def handle_data(self, data):
        self.words += data.split()


def words_of(html_file):
    parser = Text()
    source = open(html_file, encoding="utf-8").read()
    parser.feed(source)
    for content in re.findall(r'content: "([^"]*)"', source):
        parser.words += content.split()
    return parser.words


def strip(word):
    return word.strip(PUNCT)


def pdf_words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = out.split("<page ")[1:]
    return [[html.unescape(w) for w in re.findall(r"<word [^>]*>([^<]*)</word>", page)]
            for page in pages]


failures = 0
for name in ["anpr", "body-worn-cameras", "forensic-acquisition"]:
    spec = yaml.safe_load(open(os.path.join(examples, name + ".yaml"), encoding="utf-8"))
    ids = {r["id"] for s in spec["sections"] for r in s.get("requirements", [])}
    ids |= {lot["id"] for lot in spec.get("procurement", {}).get("lots", [])}
    ids |= {a["id"] for a in spec.get("agencies", [])}
    for kind, formats in (("annex", ["docx", "odt"]), ("matrix", ["xlsx"])):
        # Words of the document, and what a break after a hyphen leaves of them on each line:
        # "pre-" and "event" of "pre-event" (a statement may break there; an id may not).
        known = {"•"}
        for word in words_of(os.path.join(work, f"{name}-{kind}.html")):
            word = strip(word)
            known.add(word)
            for hyphen in [m.end() for m in re.finditer("-", word)]:
                known.add(word[:hyphen])
                known.add(word[hyphen:])
        for fmt in formats:
            pdf = os.path.join(work, "pdf", f"{name}-{kind}-{fmt}.pdf")
            pages = pdf_words(pdf)
            broken = set()
            for page in pages:
                for word in page:
                    bare = strip(word)
                    if bare.endswith("-") and any(i.startswith(bare) for i in ids):
                        broken.add(word)  # an identifier broken at one of its hyphens
                    elif bare and not bare.isdigit() and bare not in known:
                        broken.add(word)
            if broken:
                failures += 1
                print(f"{name}-{kind}.{fmt}: broken words: {sorted(broken)[:12]}")
            text = [" ".join(page) for page in pages]
            missing = [i for i in sorted(ids) if not any(re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", t) for t in text)]
            if kind == "annex" and missing:
                failures += 1
                print(f"{name}-{kind}.{fmt}: ids missing from the PDF: {missing}")
            for number, page in enumerate(text, 1):
                if f"Page {number} of {len(text)}" not in page:
                    failures += 1
                    print(f"{name}-{kind}.{fmt}: page {number} lacks its footer")
                    break
sys.exit(1 if failures else 0)
PY

# Each row of a conformance table, as the PDF shows it: its first line starts with the clause
# and ends with the verdict and holds the implementing requirement; every word of both bounds
# (with the unit, and the bound as written when the units differ) is in the row.
"$py" - "$work" <<'PY' || fail "the printed conformance tables"
import json, os, re, subprocess, sys
work = sys.argv[1]
VERDICT = {"meets": "meets", "tightens": "tightens", "weakens": "weakens", "missing": "missing",
           "left-out": "left out"}
# (PDF, JSON report, whether the PDF is an annex with the section among others)
cases = [("tender-conformance-docx", "tender-conformance", False),
         ("anpr-conformance-docx", "anpr-conformance", False)]
for name in ["anpr", "body-worn-cameras", "forensic-acquisition"]:
    cases += [(f"{name}-annex-docx", f"{name}-conformance", True),
              (f"{name}-annex-odt", f"{name}-conformance", True)]
failures = 0
seen = set()
for pdf, report, annex in cases:
    text = subprocess.run(["pdftotext", "-layout", os.path.join(work, "pdf", pdf + ".pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    if annex:
        start = text.find("Conformance to common standards")
        end = text.find("Award criteria", start)
        assert start >= 0, f"{pdf}: no section on conformance"
        text = text[start:end if end > start else None]
    lines = text.splitlines()
    rows = [r for s in json.load(open(os.path.join(work, report + ".json")))["standards"]
            for r in s["clauses"]]
    starts = {}
    for number, line in enumerate(lines):
        first = line.split()[0] if line.split() else ""
        if any(r["clause"] == first for r in rows):
            starts.setdefault(first, []).append(number)
    ordered = sorted(n for found in starts.values() for n in found)
    for row in rows:
        clause = row["clause"]
        found = starts.get(clause, [])
        if len(found) != 1:
            failures += 1
            print(f"{pdf}: {clause} starts {len(found)} rows")
            continue
        first = found[0]
        after = [n for n in ordered if n > first]
        chunk = lines[first:after[0] if after else first + 4]
        # A row ends at the page footer or the note under the table.
        chunk = [l for l in chunk if not re.search(r"Page \d+ of \d+$", l)]
        words = " ".join(chunk).split()
        head = lines[first]
        verdict = VERDICT[row["verdict"]]
        problems = []
        if not head.rstrip().endswith(verdict):
            problems.append(f"the first line does not end with {verdict!r}")
        if row["implemented_by"] and row["implemented_by"] not in head.split():
            problems.append(f"no {row['implemented_by']} on the first line")
        for bound in ("standard_bound", "spec_bound"):
            for word in row[bound].split():
                if word not in words:
                    problems.append(f"{bound} {row[bound]!r} lacks {word!r}")
        if row["standard_bound"] and row["standard_bound"] == row["spec_bound"] and \
                head.count(row["standard_bound"]) < 2 and " ".join(words).count(row["spec_bound"]) < 2:
            problems.append(f"the bound {row['standard_bound']!r} is not shown twice")
        if problems:
            failures += 1
            print(f"{pdf}: {clause}: {'; '.join(problems)}\n  {head}")
        seen.add(verdict)
assert seen == set(VERDICT.values()), seen
sys.exit(1 if failures else 0)
PY

# The matrix prints one page wide: every page starts with the whole header row, from Id to
# Evidence reference, on one line.
for name in anpr body-worn-cameras forensic-acquisition; do
  pdf="$work/pdf/$name-matrix-xlsx.pdf"
  [ -s "$pdf" ] || continue
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  "$py" - "$pdf" "$pages" <<'PY' || fail "$name matrix does not print one page wide"
import subprocess, sys
pdf, pages = sys.argv[1], int(sys.argv[2])
text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
sheets = [p for p in text.split("\f") if p.strip()]
assert len(sheets) == pages, (len(sheets), pages)
requirement_pages = [p for p in sheets if "Compliance" in p]
for page in requirement_pages:
    header = next(line for line in page.splitlines() if line.strip())
    assert header.split()[0] == "Id" and header.rstrip().endswith("Evidence reference"), header
PY
done

# generate --format pdf: LibreOffice behind the writer, the ids in the text.
run generate annex "$examples/body-worn-cameras.yaml" --format pdf -o "$work/annex.pdf"
expect_code 0 "annex as pdf"
head -c 5 "$work/annex.pdf" | grep -q '%PDF-' || fail "annex.pdf is no PDF"
text=$(pdftotext -layout "$work/annex.pdf" - 2>/dev/null)
for id in $("$py" -c 'import sys, yaml; s = yaml.safe_load(open(sys.argv[1])); print(" ".join(r["id"] for x in s["sections"] for r in x["requirements"]))' "$examples/body-worn-cameras.yaml"); do
  grep -qE "(^|[^-A-Z0-9])$id([^-0-9]|$)" <<<"$text" || fail "annex.pdf lacks $id"
done
run generate matrix "$examples/anpr.yaml" --format pdf -o "$work/matrix.pdf"
expect_code 0 "matrix as pdf"
pdftotext -layout "$work/matrix.pdf" - | grep -q "ANPR-TRN-001" || fail "matrix.pdf lacks ANPR-TRN-001"
[ -z "$(ls -A "$TMPDIR")" ] || fail "the PDF writer left $(ls -A "$TMPDIR") behind"

finish
