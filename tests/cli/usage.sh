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

finish
