#!/usr/bin/env bash
# Rewrites the expected outputs from the current build: the bad-input cases in
# tests/cli/cases and the documents in tests/golden. Review the diff before committing it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
leaspec=$(realpath "${LEASPEC:-$root/build/leaspec}")
cd "$root/tests/cli/cases"
for file in *.yaml; do
  name=${file%.yaml}
  { NO_COLOR=1 "$leaspec" validate "$file" 2>&1 && echo "exit 0" || echo "exit $?"; } > "$name.expected"
done
cd "$root"
/usr/bin/python3 tests/golden/golden.py update "$leaspec"
git diff --stat -- tests/cli/cases tests/golden
