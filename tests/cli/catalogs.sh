#!/usr/bin/env bash
# `leaspec rules` and `leaspec catalog`, with catalogs of one's own.
. "$(dirname "$0")/lib.sh"

run rules
expect_code 0 "rules"
for rule in duplicate-id unknown-reference dependency-cycle lead-agency award-weights \
            cpv-check-digit cpv-unknown withdrawn-reference verbal-form vague-term must will; do
  expect_out "  $rule "
done
listed=$(awk '/^  [a-z]/ {print $1}' <<<"$out")
[ "$(wc -l <<<"$listed")" -ge 40 ] || fail "leaspec rules lists too few rules"
# The manual page shows every rule with the same texts as the binary (and SARIF).
run rules --format man
expect_code 0 "rules --format man"
manual=$(sed -n '/^\.\\" The rules as/,/^\.\\" End of the rules\./p' "$SOURCE_DIR/man/leaspec-rules.1" | sed '1d;$d')
[ "$manual" = "$out" ] || fail "the rules in leaspec-rules(1) differ from leaspec rules --format man (scripts/update-golden.sh rewrites them): $(diff <(printf '%s\n' "$manual") <(printf '%s\n' "$out") | head -5)"
run rules verbal-form
expect_code 0 "explain one rule"
expect_out "verbal-form                error    the verb does not match the priority"
expect_out "ISO/IEC Directives, Part 2"
run rules no-such-rule
expect_code 2 "unknown rule"
expect_err "unknown rule \"no-such-rule\"; leaspec rules lists them all"
run rules --format json
"/usr/bin/python3" -c 'import json,sys; r=json.loads(sys.stdin.read()); assert all(x["help"] for x in r), [x["id"] for x in r if not x["help"]]' <<<"$out" || fail "a rule without help"

run catalog standards 27001
expect_code 0 "standards search"
expect_out "ISO/IEC 27001:2013"
expect_out "withdrawn, use ISO/IEC 27001:2022"

run catalog cpv security cameras
expect_code 0 "cpv search"
expect_out "35125300-2  Security cameras"

run catalog cpv no such thing
expect_code 1 "nothing found"

run catalog recipes
expect_code 2 "unknown catalog"

# The complete CPV vocabulary: a real code outside any short list is known, a wrong check
# digit names the right code.
cat > "$work/spec.yaml" <<'YAML'
leaspec: 1
id: CAM-1
title: Cameras
version: "1"
status: draft
area: forensics
agencies: [{id: NL-POL, name: Politie, country: NL, role: lead}]
procurement:
  nature: supplies
  cpv: [35125300-2, 35113400-3]
sections: [{id: S, title: S, requirements: []}]
YAML
run validate "$work/spec.yaml"
expect_code 0 "the vocabulary knows 35113400-3"
sed 's/35113400-3/38433200-7/' "$work/spec.yaml" > "$work/wrong.yaml"
run validate "$work/wrong.yaml"
expect_code 1 "a wrong check digit"
expect_out "wrong.yaml:10:21: error: CPV code 38433200-7 has the wrong check digit: write 38433200-1 (\"Emission measurement equipment\") [cpv-check-digit]"

# Catalogs of one's own come before the bundled ones, for validate and for catalog.
mkdir -p "$work/own"
cat > "$work/own/.leaspec.yaml" <<'YAML'
catalogs:
  standards: catalog/standards.yaml
  cpv: catalog/cpv.yaml
YAML
mkdir -p "$work/own/catalog"
cat > "$work/own/catalog/standards.yaml" <<'YAML'
standards:
  - {designation: "NEN 7510-1:2017", title: Medische informatica - Informatiebeveiliging in de zorg, status: withdrawn, superseded_by: "NEN 7510-1:2024"}
  - {designation: "NEN 7510-1:2024", title: Medische informatica - Informatiebeveiliging in de zorg, status: current}
YAML
cat > "$work/own/catalog/cpv.yaml" <<'YAML'
cpv:
  "35125399-9": Body-worn cameras of the national framework
YAML
sed 's/35113400-3/35125399-9/' "$work/spec.yaml" > "$work/own/spec.yaml"
cat >> "$work/own/spec.yaml" <<'YAML'
references:
  - {id: NEN-7510, designation: "NEN 7510-1:2017", title: Informatiebeveiliging, type: standard}
YAML
run validate "$work/own/spec.yaml"
expect_code 0 "a code and a standard of one's own catalog"
expect_out "warning: NEN 7510-1:2017 is withdrawn; cite NEN 7510-1:2024 instead [withdrawn-reference]"
(cd "$work/own" && "$LEASPEC" catalog standards nen 7510) > "$work/found.txt" 2>&1 || fail "catalog standards with one's own catalog"
grep -qF "NEN 7510-1:2024  Medische informatica" "$work/found.txt" || fail "one's own standard is not listed: $(cat "$work/found.txt")"
run catalog --config "$work/own/.leaspec.yaml" cpv 351253
expect_out "35125399-9  Body-worn cameras of the national framework"
expect_out "35125300-2  Security cameras"
# A broken catalog is a positioned error, and nothing is validated.
cat > "$work/own/catalog/cpv.yaml" <<'YAML'
cpv:
  "3512539-9": A code with seven digits
YAML
run validate "$work/own/spec.yaml"
expect_code 2 "a broken catalog of one's own"
expect_err "catalog/cpv.yaml:2:3:"
expect_err "[schema-pattern]"

# The units catalog: what each unit measures; a configuration adds units.
run catalog units charge
expect_code 0 "catalog units"
[ "$out" = "C (coulomb, coulombs)  [electric charge]  = A.s
Ah (ampere-hour, ampere-hours)  [electric charge]  = A.h
mAh (milliampere-hour, milliampere-hours)  [electric charge]  = 0.001 Ah" ] || fail "catalog units charge"
run catalog units IP
expect_out "IP  [IP code]  rating, IEC 60529, compares digit by digit"
run catalog units furlongs
expect_code 1 "an unknown unit"
expect_err "nothing in the units catalog matches \"furlongs\""
mkdir -p "$work/units"
cat > "$work/units/.leaspec.yaml" <<'YAML'
units:
  - {name: kn, dimension: speed, factor: 0.514444}
  - {name: shots, dimension: shots}
YAML
(cd "$work/units" && "$LEASPEC" catalog units kn) > "$work/kn.txt" 2>&1 || fail "catalog units with added units"
[ "$(cat "$work/kn.txt")" = "kn  [speed]  = 0.514444 m/s" ] || fail "an added unit is listed: $(cat "$work/kn.txt")"
cat > "$work/units/spec.yaml" <<'YAML'
leaspec: 1
id: BOAT-1
title: Boats
version: "1"
status: draft
area: forensics
sections:
  - id: SPD
    title: Speed
    requirements:
      - id: SPD-1
        text: The boat shall reach at least 40 kn.
        priority: mandatory
        metric: {parameter: top speed, op: ">=", value: 74.08, unit: km/h}
      - id: SPD-2
        text: The boat shall carry at least 30 kn of thrust reserve.
        priority: mandatory
        metric: {parameter: thrust, op: ">=", value: 20, unit: kn}
YAML
run validate "$work/units/spec.yaml"
expect_code 1 "an added unit converts in metric-text"
expect_out "spec.yaml:16:45: error: the text states 30 kn, but the metric says >= 20 kn [metric-text]"
expect_out "1 file checked: 1 error, 0 warnings"
cat > "$work/units/.leaspec.yaml" <<'YAML'
units:
  - {name: mAh, dimension: energy}
YAML
run validate "$work/units/spec.yaml"
expect_code 2 "an added unit the catalog knows"
expect_err ".leaspec.yaml:2:12: unit \"mAh\" is already known as electric charge [invalid-config]"

finish
