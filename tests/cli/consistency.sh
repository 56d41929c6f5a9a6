#!/usr/bin/env bash
# A joint spec says one thing: statements agree with metrics, a policy takes one input's
# requirement as a whole, units compare only within a dimension, quantities come from the
# agency's own spec, and nothing invalid is written.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3

spec() {  # FILE AGENCY QUANTITIES ID TEXT PRIORITY METRIC [EXTRA AGENCY LINE]
  cat > "$work/$1" <<YAML
leaspec: 1
id: DET-2027
title: Detectors
version: "1"
status: draft
area: forensics
agencies:
  - {id: $2, name: Agency $2, country: CZ, role: lead}
${8:-}
procurement:
  reference: DET-2027
  procedure: open
  nature: supplies
  cpv: [35125300-2]
  lots:
    - id: LOT-1
      title: Detectors
      quantities: {$3}
sections:
  - id: REQ
    title: Requirements
    requirements:
      - id: $4
        text: $5
        priority: $6
        metric: $7
YAML
}
cd "$work" || exit 2

# two FILE_A FILE_B ID TEXT_A PRIORITY_A METRIC_A TEXT_B PRIORITY_B METRIC_B [MERGE OPTION...]:
# CZ-POL's and SK-POL's versions of one requirement, merged with --prefer strictest into
# FILE_A's name without .yaml followed by FILE_B's.
two() {
  spec "$1" CZ-POL "CZ-POL: 30" "$3" "$4" "$5" "$6"
  spec "$2" SK-POL "SK-POL: 10" "$3" "$7" "$8" "$9"
  local out="${1%.yaml}${2%.yaml}.yaml"
  local first="$1" second="$2"
  shift 9
  run merge "$first" "$second" --prefer strictest -o "$out" "$@"
}

# metric-text: a statement that says 60 s under a 30 s metric, or 4 h under 5 h, is an error.
spec t1.yaml CZ-POL "CZ-POL: 30" R-1 "The device shall identify a substance in 60 seconds or less." mandatory '{parameter: time to result, op: "<=", value: 30, unit: s}'
run validate t1.yaml
expect_code 1 "60 s in the text, 30 s in the metric"
expect_out "t1.yaml:24:56: error: the text states 60 seconds, but the metric says <= 30 s [metric-text]"
spec t2.yaml CZ-POL "CZ-POL: 30" R-2 "The battery shall last at least 4 hours." mandatory '{parameter: battery endurance, op: ">=", value: 5, unit: h}'
run validate t2.yaml
expect_code 1 "4 h in the text, 5 h in the metric"
expect_out "t2.yaml:24:47: error: the text states 4 hours, but the metric says >= 5 h [metric-text]"
# An input with errors is not merged.
run merge t2.yaml t1.yaml --prefer strictest -o bad.yaml
expect_code 1 "inputs with errors"
[ -e bad.yaml ] && fail "a joint spec was written from inputs with errors"

# --prefer strictest takes the stricter requirement as a whole; the agency's own spec gives
# its quantity (30, not 25 + 30).
spec a.yaml CZ-POL "CZ-POL: 30" R-1 "The device shall identify a substance in 60 seconds or less." mandatory '{parameter: time to result, op: "<=", value: 60, unit: s}'
spec b.yaml SK-POL "SK-POL: 10, CZ-POL: 25" R-1 "The device shall identify a substance in 30 seconds or less." mandatory '{parameter: time to result, op: "<=", value: 30, unit: s}' "  - {id: CZ-POL, name: Agency CZ-POL, country: CZ, role: participant}"
sed -i 's/{id: SK-POL, name: Agency SK-POL, country: CZ/{id: SK-POL, name: Agency SK-POL, country: SK/' b.yaml
run merge a.yaml b.yaml --prefer strictest -o ab.yaml --report ab.md
expect_code 0 "60 s and 30 s merge"
cat > expected.md <<'MD'
## Merge report: DET-2027

Inputs: a.yaml, b.yaml.

Conflicts: 0. Decisions: 3.

### Decisions

**R-1** (metric): requirement R-1 asks for &lt;= 60 s in a.yaml and &lt;= 30 s in b.yaml; took the requirement of b.yaml as a whole: it asks for more (&lt;= 30 s against &lt;= 60 s). *Sides: a.yaml:23, b.yaml:23.*

| Input | Priority | Bound as written | Bound in s | Statement |
| --- | --- | --- | --- | --- |
| a.yaml:23 | Mandatory | &lt;= 60 s | &lt;= 60 s | The device shall identify a substance in 60 seconds or less. |
| b.yaml:23 | Mandatory | &lt;= 30 s | &lt;= 30 s | The device shall identify a substance in 30 seconds or less. |

*Wording:* The device shall identify a substance in ~~60~~ **30** seconds or less.

**SK-POL** (lead): agency SK-POL leads its own spec and becomes a participant of the joint one; CZ-POL leads. *Sides: b.yaml:8.*

**LOT-1** (quantity): the quantity of CZ-POL in lot LOT-1 is 30 in a.yaml (its own spec), 25 in b.yaml; took 30 from a.yaml, the agency's own spec. *Sides: a.yaml:18, b.yaml:18.*

### Quantities

Each agency's quantity per lot, every input that states it, and what the joint specification says.

| Lots | Agency | Stated in the inputs | Joint specification |
| --- | --- | --- | --- |
| LOT-1 | CZ-POL | a.yaml:18: 30 (own spec); b.yaml:18: 25 | 30 |
| LOT-1 | SK-POL | b.yaml:18: 10 (own spec) | 10 |

### Coverage

Which agency asked for which requirement.

| Id | CZ-POL | SK-POL |
| --- | --- | --- |
| R-1 | ✓ | ✓ |
MD
diff -u expected.md ab.md > report.diff || fail "the merge report of 60 s and 30 s: $(cat report.diff)"
grep -qF "text: The device shall identify a substance in 30 seconds or less." ab.yaml || fail "the text of the stricter side"
grep -qF 'metric: {parameter: time to result, op: "<=", value: 30, unit: s}' ab.yaml || fail "the metric of the stricter side"
grep -qE "^        CZ-POL: 30$" ab.yaml || fail "CZ-POL's own quantity"
run validate ab.yaml
expect_code 0 "the joint spec validates"
run merge a.yaml b.yaml --prefer strictest -o ab.yaml --report ab.json
"$py" - ab.json <<'PY' || fail "JSON report: versions, common unit, words, quantities"
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
f = r["findings"][0]
assert f["kind"] == "metric" and f["conflict"] is False, f
assert f["reason"] == "took the requirement of b.yaml as a whole: it asks for more (<= 30 s against <= 60 s)", f["reason"]
assert f["common_unit"] == "s"
assert [v["text"] for v in f["versions"]] == [
    "The device shall identify a substance in 60 seconds or less.",
    "The device shall identify a substance in 30 seconds or less."]
assert [v["metric_in_common_unit"] for v in f["versions"]] == ["<= 60 s", "<= 30 s"]
assert {"op": "delete", "word": "60"} in f["words"] or any(w["word"] == "60" and w["op"] != "keep" for w in f["words"]), f["words"]
q = {(l["lot"], l["agency"]): l for l in r["quantities"]}
assert q[("LOT-1", "CZ-POL")]["result"] == 30
assert [(s["side"]["file"], s["amount"], s["own"]) for s in q[("LOT-1", "CZ-POL")]["sources"]] == [("a.yaml", 30, True), ("b.yaml", 25, False)]
assert r["coverage"]["R-1"] == ["CZ-POL", "SK-POL"], r["coverage"]
PY

# Nothing invalid is written: the joint spec is checked with the configuration where it goes.
mkdir -p out
printf 'vague_terms: [substance]\nrules: {vague-term: error}\n' > out/.leaspec.yaml
run merge a.yaml b.yaml --prefer strictest -o out/joint.yaml
expect_code 1 "a joint spec with errors"
expect_err "b.yaml:23:9: error: in the joint spec, \"substance\" is vague: state a measurable criterion instead, for example a value and a unit in a metric [vague-term]"
expect_err "a.yaml:23:9: note: merged with this one"
expect_err "[vague-term]"
expect_err "out/joint.yaml:"
expect_err "note: the joint spec would have it here"
expect_err "the joint spec would have 1 error; nothing was written"
[ -e out/joint.yaml ] && fail "an invalid joint spec was written"

# Two figures and no own spec: a conflict.
spec c.yaml SK-POL "SK-POL: 10, CZ-POL: 25" R-1 "The device shall identify a substance in 30 seconds or less." mandatory '{parameter: time to result, op: "<=", value: 30, unit: s}' "  - {id: CZ-POL, name: Agency CZ-POL, country: CZ, role: participant}"
sed 's/CZ-POL: 25/CZ-POL: 40/; s/SK-POL/HU-POL/g' c.yaml > d.yaml
run merge c.yaml d.yaml --prefer strictest -o cd.yaml
expect_code 1 "quantities without the agency's own spec"
expect_err "c.yaml:18:32: error: the quantity of CZ-POL in lot LOT-1 is 25 in c.yaml, 40 in d.yaml: no input is the agency's own spec, which alone could settle it [merge-quantity]"

# A raised priority rewrites the verbal form when that is the only change needed...
two e.yaml f.yaml R-3 "The camera should record for at least 14 hours." recommended '{parameter: battery endurance, op: ">=", value: 14, unit: h}' \
  "The camera shall record for at least 12 hours." mandatory '{parameter: battery endurance, op: ">=", value: 12, unit: h}' --report ef.md
expect_code 0 "should raised to shall"
grep -qF -- '**R-3** (metric): requirement R-3 asks for &gt;= 14 h in e.yaml and &gt;= 12 h in f.yaml, and is recommended in e.yaml and mandatory in f.yaml; kept the requirement of e.yaml as a whole: it asks for more (&gt;= 14 h against &gt;= 12 h); raised to mandatory as f.yaml asks, with "should" changed to "shall". *Sides: e.yaml:23, f.yaml:23.*' ef.md || fail "the verbal-form decision: $(cat ef.md)"
grep -qF "text: The camera shall record for at least 14 hours." ef.yaml || fail "the rewritten statement"
run validate ef.yaml
expect_code 0 "the rewritten joint spec validates"
# ...and is a conflict, with both wordings, when more would have to change.
spec g.yaml CZ-POL "CZ-POL: 30" R-3 "The camera should record for at least 14 hours and may pause." recommended '{parameter: battery endurance, op: ">=", value: 14, unit: h}'
run merge g.yaml f.yaml --prefer strictest -o gf.yaml
expect_code 1 "more than the verbal form"
expect_err "g.yaml:23:9: error: requirement R-3 asks for >= 14 h in g.yaml and >= 12 h in f.yaml, and is recommended in g.yaml and mandatory in f.yaml: the requirement of g.yaml asks for more but is recommended (\"should\"), and f.yaml makes it mandatory; more than the word \"should\" would have to change, so write one statement for both [merge-verbal-form]"
expect_err "g.yaml:23:9: note: this side says: \"The camera should record for at least 14 hours and may pause.\""
expect_err "f.yaml:23:9: note: the other side says: \"The camera shall record for at least 12 hours.\""
[ -e gf.yaml ] && fail "a joint spec was written despite a verbal-form conflict"

# Charge is not energy; lines are not megapixels.
two h.yaml i.yaml R-4 "The battery shall hold at least 5000 mAh." mandatory '{parameter: battery capacity, op: ">=", value: 5000, unit: mAh}' \
  "The battery shall hold at least 20 Wh." mandatory '{parameter: battery capacity, op: ">=", value: 20, unit: Wh}'
expect_code 1 "mAh and Wh"
expect_err "h.yaml:23:9: error: requirement R-4 asks for >= 5000 mAh in h.yaml and >= 20 Wh in i.yaml: mAh is electric charge, Wh is energy; they compare only with a stated voltage [merge-unit]"
two k.yaml l.yaml R-5 "The camera shall record at least 1080 lines." mandatory '{parameter: video resolution, op: ">=", value: 1080, unit: lines}' \
  "The camera shall record at least 8 MP." mandatory '{parameter: video resolution, op: ">=", value: 8, unit: MP}'
expect_code 1 "lines and MP"
expect_err "k.yaml:23:9: error: requirement R-5 asks for >= 1080 lines in k.yaml and >= 8 MP in l.yaml: lines is image lines, MP is image size; they compare only with a stated aspect ratio [merge-unit]"

# Ranges to cover: the wider is the stricter, across °F and °C.
two m.yaml n.yaml R-6 "The camera shall operate from -20 °C to 45 °C." mandatory '{parameter: operating temperature, min: -20, max: 45, range: cover, unit: °C}' \
  "The camera shall operate from -4 °F to 122 °F." mandatory '{parameter: operating temperature, min: -4, max: 122, range: cover, unit: °F}' --report mn.md
expect_code 0 "°C and °F ranges to cover"
grep -qF -- '**R-6** (metric): requirement R-6 asks for -20 to 45 °C (to cover) in m.yaml and -4 to 122 °F (to cover) (-20 to 50 °C) in n.yaml; took the requirement of n.yaml as a whole: it asks for more (-20 to 50 °C against -20 to 45 °C). *Sides: m.yaml:23, n.yaml:23.*' mn.md || fail "the range decision: $(cat mn.md)"
grep -qF '| n.yaml:23 | Mandatory | -4 to 122 °F (to cover) | -20 to 50 °C | The camera shall operate from -4 °F to 122 °F. |' mn.md || fail "both bounds in °C"
grep -qF 'metric: {parameter: operating temperature, min: -4, max: 122, range: cover, unit: "°F"}' mn.yaml || fail "the wider range as a whole"
# Ranges to lie within: the narrower is the stricter.
sed 's/range: cover/range: within/' m.yaml > mw.yaml
sed 's/range: cover/range: within/' n.yaml > nw.yaml
run merge mw.yaml nw.yaml --prefer strictest -o mnw.yaml
expect_code 0 "ranges to lie within"
grep -qF 'metric: {parameter: operating temperature, min: -20, max: 45, range: within, unit: "°C"}' mnw.yaml || fail "the narrower range: $(grep metric mnw.yaml)"

finish
