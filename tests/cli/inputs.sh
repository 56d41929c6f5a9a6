#!/usr/bin/env bash
# Inputs: a FIFO, socket or device is refused without being opened (nothing blocks), errors
# say truthfully what is wrong (a loop of symbolic links is a loop), and a file found while
# searching that cannot be read is reported, never skipped.
. "$(dirname "$0")/lib.sh"
spec="$SOURCE_DIR/data/examples/anpr.yaml"

mkfifo "$work/fifo.yaml"
run_bounded validate "$work/fifo.yaml"
expect_code 2 "validate a FIFO"
expect_err "cannot read $work/fifo.yaml: it is a FIFO (named pipe), not a spec file or a folder"
for command in "generate annex FIFO --format md -o $work/out.md" "export json FIFO -o $work/out.json" \
  "merge FIFO -o $work/out.yaml" "diff $spec FIFO" "validate --schema FIFO $spec" \
  "validate --config FIFO $spec"; do
  # shellcheck disable=SC2086
  run_bounded ${command//FIFO/$work/fifo.yaml}
  expect_code 2 "$command"
  expect_err "cannot read $work/fifo.yaml: it is a FIFO (named pipe), not a regular file"
done
run_bounded validate /dev/zero
expect_code 2 "validate a character device"
expect_err "cannot read /dev/zero: it is a character device, not a spec file or a folder"
run_bounded generate annex /dev/zero --format md -o "$work/out.md"
expect_code 2 "generate from a character device"
expect_err "cannot read /dev/zero: it is a character device, not a regular file"

# Truthful reasons for named paths.
ln -s loop-b.yaml "$work/loop-a.yaml"
ln -s loop-a.yaml "$work/loop-b.yaml"
ln -s nowhere.yaml "$work/dangling.yaml"
run_bounded validate "$work/loop-a.yaml"
expect_code 2 "a symbolic link loop"
expect_err "cannot read $work/loop-a.yaml: symbolic link loop (too many levels of symbolic links)"
run_bounded export json "$work/loop-a.yaml" -o "$work/out.json"
expect_code 2 "export from a symbolic link loop"
expect_err "cannot read $work/loop-a.yaml: symbolic link loop"
run_bounded validate "$work/dangling.yaml"
expect_code 2 "a dangling symbolic link"
expect_err "cannot read $work/dangling.yaml: it is a symbolic link to a file that does not exist"
run_bounded generate annex "$work/missing.yaml" --format md -o "$work/out.md"
expect_code 2 "a missing spec"
expect_err "cannot read $work/missing.yaml: no such file or directory"
run_bounded validate "$spec/inside.yaml"
expect_code 2 "a file as a folder"
expect_err "cannot read $spec/inside.yaml: a part of the path is not a folder"

# Found while searching: the broken entries are errors (exit 2), the good spec is checked,
# a symbolic link to a folder is not followed (so a link to its own folder cannot loop).
mkdir -p "$work/specs/sub"
cp "$spec" "$work/specs/sub/anpr.yaml"
ln -s "$work/loop-a.yaml" "$work/specs/loop.yaml"
mkfifo "$work/specs/pipe.yml"
ln -s . "$work/specs/self"
run_bounded validate "$work/specs"
expect_code 2 "a search that meets a loop and a FIFO"
expect_out "$work/specs/loop.yaml: error: the file cannot be read: symbolic link loop (too many levels of symbolic links) [unreadable]"
expect_out "$work/specs/pipe.yml: error: the file cannot be read: it is a FIFO (named pipe), not a regular file [unreadable]"
expect_out "1 file checked, 2 unreadable: 2 errors, 0 warnings"
expect_err "leaspec: error: 2 files and folders could not be read; the check is incomplete"
run_bounded validate --format json "$work/specs"
expect_code 2 "the same search in JSON"
/usr/bin/python3 -c '
import json, sys
report = json.loads(sys.argv[1])
rules = sorted((d["file"].rsplit("/", 1)[1], d["rule"]) for d in report["diagnostics"])
assert rules == [("loop.yaml", "unreadable"), ("pipe.yml", "unreadable")], rules
assert report["summary"] == {"files": 3, "errors": 2, "warnings": 0}, report["summary"]
' "$out" || fail "JSON report of unreadable files"
finish
