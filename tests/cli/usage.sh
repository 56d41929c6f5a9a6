#!/usr/bin/env bash
# Usage errors exit with 2 and say what is wrong; help and version exit with 0.
. "$(dirname "$0")/lib.sh"

run
expect_code 2 "no subcommand"
expect_err "A subcommand is required"

run validate --bogus "$SOURCE_DIR/data/examples"
expect_code 2 "unknown flag"
expect_err "--bogus"

run validate "$work/does-not-exist.yaml"
expect_code 2 "missing file"
expect_err "does-not-exist.yaml: no such file or directory"

run validate
expect_code 2 "no path"

run validate --format xml "$SOURCE_DIR/data/examples"
expect_code 2 "unknown format"

mkdir -p "$work/empty"
run validate "$work/empty"
expect_code 2 "folder without specs"
expect_err "no spec files found"

run --help
expect_code 0 "--help"
expect_out "validate"
expect_out "Examples:"

run validate --help
expect_code 0 "validate --help"
expect_out "leaspec validate data/examples"

run --version
expect_code 0 "--version"
expect_out "leaspec "

# Every subcommand has --help with an example and a manual page that mandoc finds clean.
run --help
commands=$(awk '/^Subcommands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on=0}' <<<"$out")
[ "$(wc -w <<<"$commands")" -ge 5 ] || fail "leaspec --help lists too few subcommands: $commands"
for command in $commands; do
  run "$command" --help
  expect_code 0 "$command --help"
  expect_out "Example"
  page="$SOURCE_DIR/man/leaspec-$command.1"
  [ -f "$page" ] || fail "no manual page for $command"
  grep -qF "leaspec-$command" "$SOURCE_DIR/man/leaspec.1" || fail "leaspec(1) does not name leaspec-$command"
  grep -qF "leaspec $command" "$SOURCE_DIR/README.md" || fail "the README does not show leaspec $command"
done

finish
