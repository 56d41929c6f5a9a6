#!/usr/bin/python3
"""Golden-file test of every document builder and writer on the bundled examples.

    golden.py check|update LEASPEC

Covers the bundled examples and, in specs/, a common standard of each CEN deliverable (EN,
prEN, TS, TR, CWA). For Markdown, HTML and CSV the whole file is compared; for DOCX, ODT and
XLSX the text of the XML parts that carry the content, one element per line, so that a
difference reads well. `update` rewrites the golden files after an intended change and
removes those no output produces any more; review the diff before committing.
"""
import os
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "data", "examples")
# The bundled examples, and one common standard of each CEN deliverable in specs/.
SPECS = ["anpr", "body-worn-cameras", "forensic-acquisition"]
DELIVERABLES = ["en", "pren", "ts", "tr", "cwa"]
FORMATS = {"annex": ["md", "html", "docx", "odt"], "standard": ["md", "html", "docx", "odt"],
           "matrix": ["md", "html", "csv", "xlsx"]}
DELIVERABLE_FORMATS = {"standard": ["md", "docx"]}
# The example with a translation, in Polish and in Polish and English side by side.
TRANSLATED = [("body-worn-cameras", "annex", "md", "pl"), ("body-worn-cameras", "annex", "docx", "pl"),
              ("body-worn-cameras", "matrix", "csv", "pl"), ("body-worn-cameras", "annex", "md", "pl,en"),
              ("body-worn-cameras", "annex", "docx", "pl,en")]
PARTS = {"docx": ["word/document.xml", "word/footer1.xml", "docProps/core.xml"],
         "odt": ["content.xml", "styles.xml", "meta.xml"],
         "xlsx": ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
                  "xl/worksheets/sheet5.xml", "xl/sharedStrings.xml"]}


def source(spec):
    if spec in DELIVERABLES:
        return os.path.join(HERE, "specs", spec + ".yaml"), "deliverable-" + spec
    return os.path.join(EXAMPLES, spec + ".yaml"), spec


def outputs(leaspec, spec, kind, fmt, work, lang=None):
    path_in, name = source(spec)
    if lang:
        name += "-" + lang.replace(",", "-")
    path = os.path.join(work, f"{name}-{kind}.{fmt}")
    options = ["--lang", lang] if lang else []
    subprocess.run([leaspec, "generate", kind, path_in, "--format", fmt, "-o", path] + options,
                   check=True)
    if fmt in PARTS:
        with zipfile.ZipFile(path) as archive:
            for part in PARTS[fmt]:
                if part not in archive.namelist():
                    continue
                text = archive.read(part).decode("utf-8").replace("><", ">\n<")
                yield f"{name}-{kind}.{fmt}.{part.replace('/', '_')}", text + "\n"
    else:
        with open(path, encoding="utf-8", newline="") as f:
            yield f"{name}-{kind}.{fmt}", f.read()


# The conformance report of the test tender against the test standard, in every format.
CONFORMANCE = os.path.join(HERE, "..", "cli", "conformance")
CONFORMANCE_FORMATS = ["text", "md", "html", "json", "docx"]


def conformance_outputs(leaspec, fmt, work):
    path = os.path.join(work, f"tender-conformance.{fmt}")
    # Run beside the fixtures, so that the report names them as the same relative paths
    # wherever the sources are.
    result = subprocess.run([os.path.abspath(leaspec), "conformance", "tender.yaml",
                             "--standard", "standard.yaml", "--format", fmt,
                             "-o", os.path.abspath(path)],
                            stderr=subprocess.DEVNULL, cwd=CONFORMANCE)
    if result.returncode != 1:  # the tender weakens the standard
        raise SystemExit(f"conformance --format {fmt} exited with {result.returncode}")
    if fmt in PARTS:
        with zipfile.ZipFile(path) as archive:
            for part in PARTS[fmt]:
                if part in archive.namelist():
                    text = archive.read(part).decode("utf-8").replace("><", ">\n<")
                    yield f"tender-conformance.{fmt}.{part.replace('/', '_')}", text + "\n"
    else:
        with open(path, encoding="utf-8", newline="") as f:
            yield f"tender-conformance.{fmt}", f.read()


def compare(name, text, mode):
    """Checks one output against its golden file, or rewrites it; True when they differ."""
    golden = os.path.join(HERE, name)
    if mode == "update":
        with open(golden, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return False
    expected = (open(golden, encoding="utf-8", newline="").read()
                if os.path.exists(golden) else None)
    if expected == text:
        return False
    print(f"FAIL: {name} differs from tests/golden/{name}"
          + (" (missing)" if expected is None else ""))
    if expected is not None:
        for i, (a, b) in enumerate(zip(expected.splitlines(), text.splitlines())):
            if a != b:
                print(f"  line {i + 1}:\n  - {a[:200]}\n  + {b[:200]}")
                break
    return True


def main():
    mode, leaspec = sys.argv[1], os.path.abspath(sys.argv[2])
    env_date = os.environ.pop("SOURCE_DATE_EPOCH", None)
    failures = compared = 0
    runs = [(spec, kind, fmt) for spec in SPECS for kind, formats in FORMATS.items()
            for fmt in formats]
    runs += [(spec, kind, fmt) for spec in DELIVERABLES
             for kind, formats in DELIVERABLE_FORMATS.items() for fmt in formats]
    runs += TRANSLATED
    names = set()
    with tempfile.TemporaryDirectory() as work:
        for spec, kind, fmt, *lang in runs:
            for name, text in outputs(leaspec, spec, kind, fmt, work, *lang):
                names.add(name)
                compared += 1
                failures += compare(name, text, mode)
        for fmt in CONFORMANCE_FORMATS:
            for name, text in conformance_outputs(leaspec, fmt, work):
                names.add(name)
                compared += 1
                failures += compare(name, text, mode)
    # A golden file that no output matches any more is stale.
    for name in sorted(os.listdir(HERE)):
        if name in names or name.endswith(".py") or name in ("specs", "__pycache__"):
            continue
        if mode == "update":
            os.remove(os.path.join(HERE, name))
        else:
            failures += 1
            print(f"FAIL: tests/golden/{name} is produced by no output any more")
    if env_date is not None:
        os.environ["SOURCE_DATE_EPOCH"] = env_date
    print(f"golden: {compared - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
