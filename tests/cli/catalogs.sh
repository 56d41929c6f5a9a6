#!/usr/bin/env bash
# `leaspec rules` and `leaspec catalog`, and --cpv-list.
. "$(dirname "$0")/lib.sh"

run rules
expect_code 0 "rules"
for rule in duplicate-id unknown-reference dependency-cycle lead-agency award-weights \
            cpv-check-digit cpv-unknown withdrawn-reference verbal-form vague-term must will; do
  expect_out "  $rule "
done
# The manual page documents every rule the binary lists.
listed=$(awk '/^  [a-z]/ {print $1}' <<<"$out")
[ "$(wc -l <<<"$listed")" -ge 40 ] || fail "leaspec rules lists too few rules"
for rule in $listed; do
  grep -qxF ".It Cm $rule" "$SOURCE_DIR/man/leaspec-rules.1" || fail "leaspec-rules(1) lacks $rule"
done

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

# --cpv-list makes codes missing from the full list errors.
printf 'code,label\n35125300-2,Security cameras\n' > "$work/cpv.csv"
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
expect_code 0 "bundled catalog knows 35113400-3"
run validate --cpv-list "$work/cpv.csv" "$work/spec.yaml"
expect_code 1 "missing from the full list"
expect_out "error: CPV code 35113400-3 is not in the CPV list [cpv-unknown]"

finish
