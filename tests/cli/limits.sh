#!/usr/bin/env bash
# Hostile input ends in a diagnostic, quickly: oversized files and alias bombs.
. "$(dirname "$0")/lib.sh"

{ echo "leaspec: 1"; echo "summary: >-"; head -c 17000000 /dev/zero | tr '\0' 'a' | fold -w 80 | sed 's/^/  /'; } > "$work/huge.yaml"
run validate "$work/huge.yaml"
expect_code 1 "oversized file"
expect_out "more than the limit of 16777216 [too-large]"

start=$(date +%s)
run validate "$SOURCE_DIR/tests/cli/cases/billion-laughs.yaml"
elapsed=$(( $(date +%s) - start ))
expect_code 1 "billion laughs"
expect_out "[alias-expansion]"
[ "$(stat -c %s "$SOURCE_DIR/tests/cli/cases/billion-laughs.yaml")" -lt 1024 ] || fail "the alias bomb should stay under 1 KB"
[ "$elapsed" -lt 5 ] || fail "an alias bomb took ${elapsed}s"

finish
