#!/usr/bin/env bash
# Rewrites the expected output of every bad-input case in tests/cli/cases from the current
# build. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/../tests/cli/cases"
leaspec=${LEASPEC:-../../../build/leaspec}
for file in *.yaml; do
  name=${file%.yaml}
  { NO_COLOR=1 "$leaspec" validate "$file" 2>&1 && echo "exit 0" || echo "exit $?"; } > "$name.expected"
done
git diff --stat -- .
