#!/usr/bin/python3
"""Golden-file test of every document builder and writer on the bundled examples.

    golden.py check|update LEASPEC

For Markdown and HTML the whole file is compared; for DOCX and ODT the text of the XML parts
that carry the content, one element per line, so that a difference reads well. `update`
rewrites the golden files after an intended change; review the diff before committing.
"""
import os
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "data", "examples")
SPECS = ["anpr", "body-worn-cameras", "forensic-acquisition"]
FORMATS = {"annex": ["md", "html", "docx", "odt"], "standard": ["md", "html", "docx", "odt"],
           "matrix": ["md", "html", "csv", "xlsx"]}
PARTS = {"docx": ["word/document.xml", "docProps/core.xml"], "odt": ["content.xml", "meta.xml"],
         "xlsx": ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet4.xml", "xl/sharedStrings.xml"]}


def outputs(leaspec, spec, kind, fmt, work):
    path = os.path.join(work, f"{spec}-{kind}.{fmt}")
    subprocess.run([leaspec, "generate", kind, os.path.join(EXAMPLES, spec + ".yaml"),
                    "--format", fmt, "-o", path], check=True)
    if fmt in PARTS:
        with zipfile.ZipFile(path) as archive:
            for part in PARTS[fmt]:
                text = archive.read(part).decode("utf-8").replace("><", ">\n<")
                yield f"{spec}-{kind}.{fmt}.{part.replace('/', '_')}", text + "\n"
    else:
        with open(path, encoding="utf-8", newline="") as f:
            yield f"{spec}-{kind}.{fmt}", f.read()


def main():
    mode, leaspec = sys.argv[1], os.path.abspath(sys.argv[2])
    env_date = os.environ.pop("SOURCE_DATE_EPOCH", None)
    failures = compared = 0
    with tempfile.TemporaryDirectory() as work:
        for spec in SPECS:
            for kind, formats in FORMATS.items():
                for fmt in formats:
                    for name, text in outputs(leaspec, spec, kind, fmt, work):
                        golden = os.path.join(HERE, name)
                        compared += 1
                        if mode == "update":
                            with open(golden, "w", encoding="utf-8", newline="") as f:
                                f.write(text)
                            continue
                        expected = (open(golden, encoding="utf-8", newline="").read()
                                    if os.path.exists(golden) else None)
                        if expected != text:
                            failures += 1
                            print(f"FAIL: {name} differs from tests/golden/{name}"
                                  + (" (missing)" if expected is None else ""))
                            if expected is not None:
                                for i, (a, b) in enumerate(zip(expected.splitlines(), text.splitlines())):
                                    if a != b:
                                        print(f"  line {i + 1}:\n  - {a[:200]}\n  + {b[:200]}")
                                        break
    if env_date is not None:
        os.environ["SOURCE_DATE_EPOCH"] = env_date
    print(f"golden: {compared - failures} passed, {failures} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
