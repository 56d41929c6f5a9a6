#!/usr/bin/env bash
# Files and folders that permissions make unreadable are errors that say "permission
# denied" (exit 2), never skipped and never "no such file"; a read-only output is not
# replaced. As root the test drops the capabilities that bypass permissions (see
# unprivileged in lib.sh); where that is impossible it is skipped, saying why.
. "$(dirname "$0")/lib.sh"
require_permissions
spec="$SOURCE_DIR/data/examples/anpr.yaml"

mkdir -p "$work/specs/locked" "$work/specs/open"
cp "$spec" "$work/specs/open/anpr.yaml"
cp "$spec" "$work/specs/locked/anpr.yaml"
cp "$spec" "$work/specs/secret.yaml"
chmod 000 "$work/specs/locked" "$work/specs/secret.yaml"

runner=(unprivileged)

run_bounded validate "$work/specs"
expect_code 2 "a search that meets an unreadable folder and file"
expect_out "$work/specs/locked: error: the folder cannot be read: permission denied [unreadable]"
expect_out "$work/specs/secret.yaml: error: the file cannot be read: permission denied [unreadable]"
expect_out "1 file checked, 2 unreadable: 2 errors, 0 warnings"
expect_err "leaspec: error: 2 files and folders could not be read; the check is incomplete"
run_bounded validate --format junit "$work/specs"
expect_code 2 "JUnit of an incomplete check"
expect_out '<testcase name="'"$work"'/specs/locked" classname="leaspec.validate">'
expect_out 'the folder cannot be read: permission denied [unreadable]'

run_bounded validate "$work/specs/secret.yaml"
expect_code 2 "a named unreadable file"
expect_err "cannot read $work/specs/secret.yaml: permission denied"
run_bounded validate "$work/specs/locked"
expect_code 2 "a named unreadable folder"
expect_err "cannot read folder $work/specs/locked: permission denied"
run_bounded validate "$work/specs/locked/anpr.yaml"
expect_code 2 "a file in a folder that cannot be searched"
expect_err "cannot read $work/specs/locked/anpr.yaml: permission denied"
run_bounded generate annex "$work/specs/secret.yaml" --format md -o "$work/annex.md"
expect_code 2 "generate from an unreadable spec"
expect_err "cannot read $work/specs/secret.yaml: permission denied"

# Outputs: a read-only file is not replaced; a folder that cannot be written is said so.
printf 'old\n' > "$work/readonly.json"
chmod 444 "$work/readonly.json"
run_bounded export json "$spec" -o "$work/readonly.json"
expect_code 2 "a read-only output"
expect_err "cannot write $work/readonly.json: permission denied (the file is not writable)"
[ "$(cat "$work/readonly.json")" = old ] || fail "a read-only file was replaced"
mkdir "$work/closed"
chmod 555 "$work/closed"
run_bounded export json "$spec" -o "$work/closed/out.json"
expect_code 2 "an output folder that cannot be written"
expect_err "cannot write $work/closed/out.json: permission denied"
chmod 755 "$work/specs/locked" "$work/closed"
finish
