#!/usr/bin/env bash
# `leaspec site`: the site of the bundled examples, specs with errors, two versions compared,
# refusals; byte-identical runs.
#   site.sh          the site as files
#   site.sh browser  opened in headless Chromium: screenshots of the index and a spec page at
#                    1280x800 (kept in SCREENSHOT_DIR), every requirement anchor and every
#                    chart title in the DOM, the search answering
#   site.sh tidy     every page through HTML Tidy: no errors and no warnings
# The browser and tidy checks skip (exit code 77) when chromium or tidy is not installed.
. "$(dirname "$0")/lib.sh"
mode=${1:-files}
out="" err=""
py=/usr/bin/python3
examples="$SOURCE_DIR/data/examples"

# A collection with a spec whose rules fail, one the schema rejects, and two versions of the
# body-worn cameras spec: tightened battery, relaxed charging, a requirement removed (and no
# longer the claim of conformance to the common standard, whose charging time it relaxes).
make_collection() {
  local col=$1
  mkdir -p "$col/broken" "$col/v1" "$col/v2"
  cat >"$col/broken/rules.yaml" <<'EOF'
leaspec: 1
id: X-1
title: Broken rules
version: "1"
status: draft
area: forensics
agencies:
  - {id: NL-POL, name: Politie, country: NL, role: lead}
procurement:
  award:
    method: best-price-quality-ratio
    criteria:
      - {id: P, name: Price, type: price, weight: 50}
sections:
  - id: S
    title: Things
    requirements:
      - {id: R-1, text: The thing shall be robust., priority: mandatory}
      - {id: R-1, text: The thing shall stop., priority: mandatory, requested_by: [XX-YY]}
EOF
  printf 'leaspec: 1\nid: BAD\ntitle: Bad\nsections:\n  - id: S\n    title: S\n    requirements:\n      - id: R-1\n        text: The thing shall work.\n        priorty: mandatory\n' >"$col/broken/schema.yaml"
  cp "$examples/body-worn-cameras.yaml" "$col/v1/bwc.yaml"
  sed -e 's/^version: 1.0.0/version: 1.1.0/' -e 's/value: 12, unit: h}/value: 14, unit: h}/' \
    -e 's/op: "<=", value: 4, unit: h}/op: "<=", value: 5, unit: h}/' \
    -e 's/for at least 12 hours on one battery/for at least 14 hours on one battery/' \
    -e 's/to 100 % within 4 hours\./to 100 % within 5 hours./' \
    -e '/- id: BWC-VID-007/,/requested_by: \[PL-KGP\]/d' \
    -e '/^conforms_to: /d' -e '/^ *implements: /d' "$col/v1/bwc.yaml" >"$col/v2/bwc.yaml"
}

# The conformance of the body-worn cameras spec to BWV-EU 1.0 on its page: the standard
# listed, each clause's row with both bounds and the verdict of the conform library.
conformance_checks() {
  local page="$work/site/body-worn-cameras.html" row
  grep -qF '<h2 id="conformance">Conformance to common standards</h2>' "$page" ||
    fail "the conformance section is missing"
  grep -qF '<li><strong>BWV-EU 1.0</strong> Body-worn video for front-line policing <span class="meta">(CWA BWV-EU:2026, CEN/WS BWV, stage working-draft; bundled with leaspec)</span></li>' "$page" ||
    fail "the standard is not listed"
  grep -qF '<p>30 rows: 27 meet, 2 tighten, 0 weaken, 0 missing, 1 left out.' "$page" ||
    fail "the counts of the verdicts"
  # clause | implemented by | standard's bound | spec's bound | verdict, one row per clause.
  "$py" - "$page" <<'PY' || fail "the clause table of body-worn-cameras"
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
table = page[page.index('<table class="conformance">'):]
table = table[:table.index("</table>")]
rows = {}
for tr in re.findall(r"<tr class=\"verdict-[a-z-]+\">(.*?)</tr>", table):
    cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).strip()
             for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr)]
    rows[cells[0].split()[0]] = cells
assert len(rows) == 30, len(rows)
expect = {
    "BWV-EU-VID-001": ["BWC-VID-001 mandatory, by metric parameter", ">= 1080 lines", ">= 1080 lines", "meets"],
    "BWV-EU-PWR-001": ["BWC-PWR-001 mandatory, by metric parameter", ">= 12 h", ">= 12 h", "meets"],
    "BWV-EU-ENV-001": ["BWC-ENV-002 mandatory, by metric parameter", "-20 to 50 °C (to cover)", "-20 to 50 °C (to cover)", "meets"],
    "BWV-EU-ENV-003": ["BWC-ENV-003 mandatory, by metric parameter", ">= 1.5 m", ">= 2 m", "tightensdrop height >= 2 m is stricter than >= 1.5 m"],
    "BWV-EU-PWR-005": ["BWC-STD-004 mandatory", ">= 64 GB", ">= 128 GB", "tightensstorage capacity >= 128 GB is stricter than >= 64 GB"],
    "BWV-EU-VID-008": ["", "", "", "left out"],
}
for clause, cells in expect.items():
    assert rows[clause][1:] == cells, (clause, rows[clause])
verdicts = [cells[4][:8] for cells in rows.values()]
assert verdicts.count("meets") == 27 and verdicts.count("tightens") == 2, verdicts
PY
  # With the standard in the collection, its clauses link to its page.
  mkdir -p "$work/with-standard"
  cp "$examples/body-worn-cameras.yaml" "$SOURCE_DIR/data/standards/bwv-eu.yaml" "$work/with-standard/"
  run site "$work/with-standard" -o "$work/linked"
  expect_code 0 "a spec and its standard"
  grep -qF '<a href="bwv-eu.html#BWV-EU-PWR-001">BWV-EU-PWR-001</a>' "$work/linked/body-worn-cameras.html" ||
    fail "the clause does not link to the standard's page"
  grep -qF 'id="conformance"' "$work/linked/bwv-eu.html" && fail "the standard's own page has a conformance section"
  # A copy that weakens the battery floor: the row and the finding on the page.
  sed -e 's/value: 12, unit: h}/value: 600, unit: min}/' \
    -e 's/for at least 12 hours on one battery/for at least 600 minutes on one battery/' \
    "$examples/body-worn-cameras.yaml" >"$work/weaker.yaml"
  run site "$work/weaker.yaml" -o "$work/weaker"
  expect_code 1 "a spec that weakens a clause"
  page=$(ls "$work/weaker"/*weaker.html)
  row=$(grep -oE '<tr class="verdict-weakens"><th scope="row">BWV-EU-PWR-001 .*' "$page" | head -1)
  grep -qF '<td>&gt;= 12 h</td><td>&gt;= 10 h (&gt;= 600 min)</td><td><span class="verdict weakens">weakens</span>' <<<"$row" ||
    fail "the weakened row: $row"
  grep -qF 'BWC-PWR-001 weakens BWV-EU-PWR-001 of BWV-EU 1.0: battery endurance &gt;= 10 h (&gt;= 600 min) is weaker than &gt;= 12 h' "$page" ||
    fail "the conformance-weakens finding is not on the page"
}

files_checks() {
  run site "$examples" -o "$work/site"
  expect_code 0 "site of the examples"
  [ "$out" = "$work/site: 10 files for 6 specs: 0 errors, 0 warnings" ] || fail "summary line: $out"
  for file in index.html anpr.html body-worn-cameras.html forensic-acquisition.html joint-be.html \
              joint-nl.html joint-pl.html style.css site.js search-index.js; do
    [ -s "$work/site/$file" ] || fail "the site lacks $file"
  done
  [ "$(ls "$work/site" | wc -l)" -eq 10 ] || fail "the site has other files: $(ls "$work/site")"
  run site "$examples" -o "$work/again"
  diff -r "$work/site" "$work/again" >/dev/null || fail "two runs differ"
  index=$(cat "$work/site/index.html")
  for needle in 'href="anpr.html">ANPR-2027<' 'href="body-worn-cameras.html">BWC-2026<' \
                'href="forensic-acquisition.html">DFA-2026<' 'Folder <code>'"$examples"'/joint</code>' \
                '6 specs with 198 requirements in 2 folders: 0 errors, 0 warnings.'; do
    grep -qF -- "$needle" <<<"$index" || fail "the index lacks $needle"
  done
  # Nothing is fetched at view time: no remote script, style, image or font.
  if grep -lE '(src|href)="(https?:)?//|url\((https?:)?//|@import' "$work/site"/*; then
    fail "a page refers to the network"
  fi
  grep -qF '<article class="requirement" id="BWC-VID-001"' "$work/site/body-worn-cameras.html" ||
    fail "the requirement anchor is missing"
  conformance_checks

  make_collection "$work/col"
  run site "$work/col" -o "$work/col-site"
  expect_code 1 "a collection with errors is written and exits 1"
  expect_out "$work/col-site: 8 files for 4 specs: 7 errors, 1 warning"
  expect_err 'rules.yaml:19:14: error: requirement id "R-1" is already used at line 18 [duplicate-id]'
  expect_err 'schema.yaml:10:9: error: unknown key "priorty"; did you mean "priority", which is required here? [unknown-key]'
  page=$(cat "$work/col-site/broken-rules.html")
  grep -qF '<article class="requirement has-error" id="R-1-duplicate-2"' <<<"$page" ||
    fail "the second R-1 is not marked"
  grep -qF 'requirement id &quot;R-1&quot; is already used at line 18' <<<"$page" ||
    fail "the duplicate id finding is not on the page"
  grep -qF '<tr id="L10" class="has-finding">' "$work/col-site/broken-schema.html" ||
    fail "the schema finding is not under its line"

  run site --compare "$work/col/v1/bwc.yaml" "$work/col/v2/bwc.yaml" -o "$work/versions"
  expect_code 0 "two versions compared"
  v2=$(ls "$work/versions"/*v2-bwc.html)
  for needle in '<h2 id="changes">Changes</h2>' '<title>Changes per section</title>' \
                '<a href="#BWC-PWR-001">BWC-PWR-001</a> metric tightened from battery endurance &gt;= 12 h to battery endurance &gt;= 14 h' \
                'metric relaxed from charging time &lt;= 4 h to charging time &lt;= 5 h' \
                'BWC-VID-007</a> removed'; do
    grep -qF -- "$needle" "$v2" || fail "the later version's page lacks $needle"
  done
  grep -qF 'Versions compared' "$work/versions/index.html" || fail "the index lists no comparison"

  # Refusals: exit code 2, nothing written.
  : >"$work/a-file"
  run site "$examples" -o "$work/a-file"
  expect_code 2 "output over a file"
  expect_err "leaspec: error: cannot create the folder $work/a-file"
  run site -o "$work/none"
  expect_code 2 "no spec named"
  expect_err "leaspec: error: name the specs: PATH or --compare OLD NEW"
  run site "$work/missing" -o "$work/none"
  expect_code 2 "a path that does not exist"
  mkdir -p "$work/empty"
  run site "$work/empty" -o "$work/none"
  expect_code 2 "a folder without specs"
  expect_err "leaspec: error: no spec files found in $work/empty"
  run site --compare "$work/col/v1" "$work/col/v2/bwc.yaml" -o "$work/none"
  expect_code 2 "a folder to compare"
  expect_err "leaspec: error: --compare takes two spec files; $work/col/v1 is a folder"
  run site --compare "$work/col/v1/bwc.yaml" -o "$work/none"
  expect_code 2 "one file to compare"
  [ ! -e "$work/none" ] || fail "a failed run wrote $work/none"
  run site --help
  expect_code 0 "help"
  expect_out "leaspec site data/examples -o site"
}

# Headless Chromium as the checks need it, stopped after two minutes at most.
browser() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$(mktemp -d -p "$work")" "$@" 2>/dev/null
}

browser_checks() {
  if ! command -v chromium >/dev/null; then
    echo "SKIP: chromium is not installed (apt-get install chromium); the site was not opened"
    exit 77
  fi
  shots=${SCREENSHOT_DIR:-$work/screenshots}
  mkdir -p "$shots"
  make_collection "$work/col"
  "$LEASPEC" site "$examples" "$work/col" --compare "$work/col/v1/bwc.yaml" \
    "$work/col/v2/bwc.yaml" -o "$work/site" >/dev/null 2>&1
  [ -s "$work/site/index.html" ] || { fail "no site was built"; finish; }
  for shot in index body-worn-cameras; do
    rm -f "$shots/$shot.png"
    browser --hide-scrollbars --window-size=1280,800 --screenshot="$shots/$shot.png" \
      "file://$work/site/$shot.html" >/dev/null
    "$py" - "$shots/$shot.png" <<'PY' || fail "the screenshot of $shot.html"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 800), (width, height)
pixels, at = b"", 8
while at < len(data):
    length, kind = struct.unpack(">I4s", data[at:at + 8])
    if kind == b"IDAT":
        pixels += data[at + 8:at + 8 + length]
    at += 12 + length
raw = zlib.decompress(pixels)
ink = sum(1 for b in raw[::7] if b < 0xE0) / (len(raw) / 7)
assert ink > 0.01, f"the page looks blank ({ink:.4f} of it has ink)"
PY
  done
  echo "screenshots: $shots/index.png $shots/body-worn-cameras.png"

  # The DOM as the browser built it: every requirement of each spec has its anchor, every
  # SVG starts with a <title>, and the search finds a requirement by its id and its words.
  for page in anpr body-worn-cameras forensic-acquisition v2-bwc broken-rules; do
    file="$work/site/$page.html"
    browser --dump-dom "file://$file" >"$work/$page.dom"
    case $page in
      v2-bwc) spec_file="$work/col/v2/bwc.yaml" ;;
      broken-rules) spec_file="$work/col/broken/rules.yaml" ;;
      *) spec_file="$examples/$page.yaml" ;;
    esac
    "$py" - "$work/$page.dom" "$spec_file" <<'PY' || fail "the DOM of $page.html"
import html.parser, sys, yaml
class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.svgs, self.stack, self.titled = [], 0, [], 0
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if self.stack and self.stack[-1] == "svg-open":
            self.titled += tag == "title"
            self.stack[-1] = "svg"
        if tag == "svg":
            self.svgs += 1
            self.stack.append("svg-open")
    def handle_endtag(self, tag):
        if tag == "svg":
            self.stack.pop()
page = Page()
page.feed(open(sys.argv[1], encoding="utf-8").read())
spec = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
def requirements(sections):
    for section in sections:
        yield from (r["id"] for r in section.get("requirements", []))
        yield from requirements(section.get("sections", []))
wanted = list(requirements(spec["sections"]))
missing = [r for r in wanted if r not in page.ids]
assert wanted and not missing, f"requirement anchors missing: {missing}"
assert len(page.ids) == len(set(page.ids)), "an id is used twice"
assert page.svgs >= 2, f"only {page.svgs} charts"
assert page.titled == page.svgs, f"{page.svgs - page.titled} of {page.svgs} charts lack a <title>"
print(f"{sys.argv[1]}: {len(wanted)} requirement anchors, {page.svgs} charts with titles")
PY
  done
  browser --dump-dom "file://$work/site/index.html?q=bwc-sec-001" >"$work/search.dom"
  grep -qF '<a href="body-worn-cameras.html#BWC-SEC-001">BWC-SEC-001</a>' "$work/search.dom" ||
    fail "the search does not find BWC-SEC-001 by its id"
  browser --dump-dom "file://$work/site/index.html?q=encrypt%20AES" >"$work/search.dom"
  grep -qF '<p class="status" role="status">7 matches.</p>' "$work/search.dom" ||
    fail "the search for two words: $(grep -o '<p class="status"[^<]*' "$work/search.dom")"
}

tidy_checks() {
  if ! command -v tidy >/dev/null; then
    echo "SKIP: tidy is not installed (apt-get install tidy); the pages were not checked"
    exit 77
  fi
  make_collection "$work/col"
  "$LEASPEC" site "$examples" "$work/col" --compare "$work/col/v1/bwc.yaml" \
    "$work/col/v2/bwc.yaml" -o "$work/site" >/dev/null 2>&1
  pages=0
  for page in "$work/site"/*.html; do
    pages=$((pages + 1))
    report=$(tidy -errors -quiet "$page" 2>&1)
    status=$?
    [ "$status" -eq 0 ] || fail "tidy on $(basename "$page") (exit $status): $(head -5 <<<"$report")"
  done
  [ "$pages" -ge 10 ] || fail "only $pages pages"
  echo "tidy: $pages pages checked"
}

case $mode in
  files) files_checks ;;
  browser) browser_checks ;;
  tidy) tidy_checks ;;
  *) echo "unknown mode $mode"; exit 2 ;;
esac
finish
