#!/usr/bin/env bash
# The Markdown leaspec writes reads as meant in a CommonMark renderer (cmark-gfm, GitHub's):
# every emphasis opens and closes, so no literal * or ~ is left in the rendered text; ids are
# bold in the annex and the matrix, italic in the standard; spec text that looks like markup
# stays text; a corrigendum strikes its deleted words through.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
command -v cmark-gfm >/dev/null || { echo "SKIP: cmark-gfm is not installed (apt-get install cmark-gfm)"; exit 77; }
examples="$SOURCE_DIR/data/examples"
render() { cmark-gfm --unsafe -e table -e strikethrough -e autolink "$1"; }

cat > "$work/tricky.yaml" <<'YAML'
leaspec: 1
id: TRICKY-1
title: "Marks * and _ in [brackets] #1"
version: "1"
status: draft
area: cybercrime
summary: "- not a list item\n2026. not a numbered item either"
agencies:
  - {id: NL-POL, name: Politie, country: NL, role: lead}
references:
  - {id: ISO-1, designation: "ISO/IEC 27001:2022", title: "Security (*all* parts)", type: standard}
definitions:
  - {term: "*star*", definition: "A mark (*) used twice: * and *.", source: "ISO 1:2000, 3.1"}
sections:
  - id: S
    title: "Section *one*"
    intro: "+ plus at the start\n= equals"
    requirements:
      - id: R-1
        text: "The tool shall mark 2 * 3 cells with ~ and _ signs."
        priority: mandatory
        references: [{ref: ISO-1, clause: "5.1"}]
        note: "(see *notes*)"
YAML
for name in anpr body-worn-cameras forensic-acquisition; do
  for kind in annex standard matrix; do
    run generate "$kind" "$examples/$name.yaml" --format md -o "$work/$name-$kind.md"
    expect_code 0 "$kind md of $name"
  done
done
for kind in annex standard matrix; do
  run generate "$kind" "$work/tricky.yaml" --format md -o "$work/tricky-$kind.md"
  expect_code 0 "$kind md of a spec with markup in its texts"
done
sed 's/record video at a resolution of at least 1920 x 1080 pixels/record video at a resolution of at least 3840 x 2160 pixels/' \
  "$examples/body-worn-cameras.yaml" > "$work/bwc-v2.yaml"
"$LEASPEC" diff "$examples/body-worn-cameras.yaml" "$work/bwc-v2.yaml" --format md > "$work/corrigendum.md"
for file in "$work"/*.md; do
  render "$file" > "${file%.md}.html" || fail "cmark-gfm cannot render $(basename "$file")"
done

"$py" - "$work" "$examples" <<'PY' || fail "Markdown not read as meant"
import html.parser, os, re, sys
import yaml

work, examples = sys.argv[1], sys.argv[2]


class Reader(html.parser.HTMLParser):
    """The text of rendered HTML, and the text inside each kind of element."""
    def __init__(self):
        super().__init__()
        self.open = []
        self.text = []
        self.inside = {"strong": [], "em": [], "del": [], "ul": [], "ol": []}
    def handle_starttag(self, tag, attrs):
        self.open.append(tag)
    def handle_endtag(self, tag):
        if tag in self.open:
            del self.open[len(self.open) - 1 - self.open[::-1].index(tag)]
    def handle_data(self, data):
        self.text.append(data)
        for tag in self.inside:
            if tag in self.open:
                self.inside[tag].append(data)


def read(name):
    reader = Reader()
    reader.feed(open(os.path.join(work, name + ".html"), encoding="utf-8").read())
    return reader


failures = []
for name in ["anpr", "body-worn-cameras", "forensic-acquisition"]:
    spec = yaml.safe_load(open(os.path.join(examples, name + ".yaml"), encoding="utf-8"))
    ids = [r["id"] for s in spec["sections"] for r in s.get("requirements", [])]
    for kind in ["annex", "standard", "matrix"]:
        reader = read(f"{name}-{kind}")
        text = "".join(reader.text)
        for mark in ["*", "~", "\\"]:
            if mark in text:
                at = text.index(mark)
                failures.append(f"{name}-{kind}: literal {mark!r} in {text[max(0, at - 40):at + 40]!r}")
        marked = "".join(reader.inside["strong" if kind != "standard" else "em"])
        missing = [i for i in ids if i not in marked]
        if kind != "matrix" and missing:
            failures.append(f"{name}-{kind}: ids not emphasised: {missing[:5]}")

# Markup in spec texts stays text: every * and _ of the spec is in the rendered text, and no
# summary or intro line became a list.
for kind in ["annex", "standard", "matrix"]:
    reader = read(f"tricky-{kind}")
    text = "".join(reader.text)
    for literal in ["2 * 3 cells with ~ and _ signs", "Section *one*"]:
        if literal not in text:
            failures.append(f"tricky-{kind}: {literal!r} is not shown as written")
    if kind != "matrix":
        for item in reader.inside["ul"] + reader.inside["ol"]:
            if "not a list item" in item or "plus at the start" in item:
                failures.append(f"tricky-{kind}: spec text became a list: {item!r}")
    if kind == "standard":
        for literal in ["A mark (*) used twice: * and *.", "(see *notes*)", "Security (*all* parts)"]:
            if literal not in text:
                failures.append(f"tricky-standard: {literal!r} is not shown as written")

corrigendum = read("corrigendum")
if "1920" not in "".join(corrigendum.inside["del"]) or "~" in "".join(corrigendum.text):
    failures.append("corrigendum: deleted words are not struck through")
print("\n".join(failures))
sys.exit(1 if failures else 0)
PY

finish
