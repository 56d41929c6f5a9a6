#!/usr/bin/env bash
# The bundled examples validate cleanly, one by one and as a folder.
. "$(dirname "$0")/lib.sh"

run validate "$SOURCE_DIR/data/examples"
expect_code 0 "data/examples"
expect_out "6 files checked: 0 errors, 0 warnings"

for file in $(grep -l '^leaspec:' "$SOURCE_DIR"/data/examples/*.yaml); do
  run validate --strict "$file"
  expect_code 0 "$file"
  requirements=$(grep -c '^ *priority:' "$file")
  [ "$requirements" -ge 20 ] || fail "$file has only $requirements requirements"
done

finish
