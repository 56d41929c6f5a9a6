#!/usr/bin/env bash
# Folders are searched recursively for spec files; other YAML files and hidden folders are
# skipped, and a broken spec found in a folder is reported.
. "$(dirname "$0")/lib.sh"

mkdir -p "$work/specs/nested" "$work/specs/.hidden"
cp "$SOURCE_DIR/data/examples/anpr.yaml" "$work/specs/nested/anpr.yml"
printf 'name: build\non: [push]\n' > "$work/specs/workflow.yaml"
printf 'leaspec: 1\nid: [\n' > "$work/specs/.hidden/broken.yaml"
run validate "$work/specs"
expect_code 0 "folder with one spec"
expect_out "1 file checked"

printf 'leaspec: 1\nid: X\n  title: bad indent\n' > "$work/specs/broken.yaml"
run validate "$work/specs"
expect_code 1 "folder with a broken spec"
expect_out "broken.yaml:3:"
expect_out "2 files checked"

# A file named on the command line is checked even when it is not a spec.
run validate "$work/specs/workflow.yaml"
expect_code 1 "named non-spec file"
expect_out 'missing required key "leaspec"'

finish
