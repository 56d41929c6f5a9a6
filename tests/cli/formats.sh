#!/usr/bin/env bash
# --format json prints one object that tools can read; text is compiler style.
. "$(dirname "$0")/lib.sh"
py=/usr/bin/python3
cases="$SOURCE_DIR/tests/cli/cases"

run validate --format json "$cases/misspelt-key.yaml" "$SOURCE_DIR/data/examples/anpr.yaml"
expect_code 1 "json with findings"
printf '%s' "$out" > "$work/report.json"
"$py" - "$work/report.json" "$cases/misspelt-key.yaml" <<'PY' || fail "json report content"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["summary"] == {"files": 2, "errors": 1, "warnings": 0}, report["summary"]
# A misspelt key is one finding: the unknown key names the required key it would fill.
(only,) = report["diagnostics"]
assert only == {"file": sys.argv[2], "line": 13, "column": 9, "severity": "error",
                "rule": "unknown-key",
                "message": 'unknown key "priorty"; did you mean "priority", which is required here?',
                "pointer": "/sections/0/requirements/0/priorty"}, only
PY

run validate --format json "$SOURCE_DIR/data/examples"
expect_code 0 "json clean"
printf '%s' "$out" | "$py" -c 'import json,sys; r=json.load(sys.stdin); assert r["diagnostics"]==[] and r["summary"]["files"]==6' \
  || fail "clean json report"

# Colour only on a terminal, and never with NO_COLOR.
if command -v script >/dev/null; then
  coloured=$(NO_COLOR= TERM=xterm script -qec "$LEASPEC validate $cases/enum-miss.yaml" /dev/null)
  grep -q $'\x1b\[' <<<"$coloured" || fail "no colour on a terminal"
  plain=$(NO_COLOR=1 TERM=xterm script -qec "$LEASPEC validate $cases/enum-miss.yaml" /dev/null)
  ! grep -q $'\x1b\[' <<<"$plain" || fail "colour despite NO_COLOR"
else
  fail "the 'script' command (bsdutils) is needed to test colour on a terminal"
fi
run validate "$cases/enum-miss.yaml"
! grep -q $'\x1b\[' <<<"$out" || fail "colour when not on a terminal"

finish
