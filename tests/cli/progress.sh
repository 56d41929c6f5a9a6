#!/usr/bin/env bash
# Progress of long work on standard error: on a terminal only, in place on a capable one,
# plain lines with TERM=dumb or NO_COLOR, never for machine-readable output or a pipe.
. "$(dirname "$0")/lib.sh"
command -v script >/dev/null || { echo "FAIL: script is not installed (bsdutils)"; exit 1; }
/usr/bin/python3 "$SOURCE_DIR/tests/bench/make_corpus.py" "$work/many" 30 5 >/dev/null
/usr/bin/python3 "$SOURCE_DIR/tests/bench/make_corpus.py" "$work/few" 5 5 >/dev/null
/usr/bin/python3 "$SOURCE_DIR/tests/bench/make_corpus.py" "$work/big" 1 1500 >/dev/null
big=$work/big/spec-0000.yaml

# on_terminal ENV... -- ARGS...: runs leaspec ARGS on a pseudo-terminal, output in $tty.
on_terminal() {
  local environment=()
  while [ "$1" != -- ]; do environment+=("$1"); shift; done
  shift
  tty=$(cd "$work" && env -u NO_COLOR "${environment[@]}" script -qec "$(printf '%q ' "$LEASPEC" "$@")" /dev/null)
}
live=$'\r\e[Kleaspec: checked 30 of 30 files\r\e[K30 files checked: 0 errors, 0 warnings'

on_terminal TERM=xterm -- validate many
[[ $tty == *"$live"* ]] || fail "no in-place count on a terminal: $(printf '%q' "$tty")"

on_terminal TERM=xterm NO_COLOR=1 -- validate many
[[ $tty != *$'\e'* ]] || fail "NO_COLOR still moves the cursor: $(printf '%q' "$tty")"
[ "$(grep -c '^leaspec: checked .* of 30 files' <<<"${tty//$'\r'/}")" -eq 4 ] ||
  fail "NO_COLOR: expected one plain line per quarter: $(printf '%q' "$tty")"
on_terminal TERM=dumb -- validate many
[[ $tty != *$'\e'* && $tty == *"leaspec: checked 30 of 30 files"* ]] ||
  fail "TERM=dumb: expected plain lines: $(printf '%q' "$tty")"

on_terminal TERM=xterm -- validate --format json many
[[ $tty != *"leaspec: checked"* ]] || fail "progress shown with --format json"
on_terminal TERM=xterm -- validate few
[[ $tty != *"leaspec: checked"* ]] || fail "progress shown for five files"
run validate "$work/many"
expect_code 0 "validate many files through a pipe"
[ -z "$err" ] || fail "progress written to a pipe: $err"

# generate: the steps of a large spec.
on_terminal TERM=xterm -- generate annex "$big" --format docx -o big.docx
[[ $tty == *$'\r\e[Kleaspec: building the annex'*$'\r\e[Kleaspec: writing big.docx\r\e[K' ]] ||
  fail "generate shows no steps for a large spec: $(printf '%q' "${tty:0:300}")"
[ -s "$work/big.docx" ] || fail "generate wrote no document"
on_terminal TERM=xterm -- generate annex "$big" --format md -o -
[[ $tty != *"leaspec: writing"* ]] || fail "progress shown while writing to standard output"
on_terminal TERM=xterm -- generate annex "$SOURCE_DIR/data/examples/anpr.yaml" --format md -o small.md
[[ $tty != *"leaspec: "* ]] || fail "progress shown for a small spec"
finish
