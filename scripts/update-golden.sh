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
# The rules section of leaspec-rules(1), from the registry the binary holds.
rules=$("$leaspec" rules --format man)
/usr/bin/python3 - "$root/man/leaspec-rules.1" "$rules" <<'PY'
import sys
path, rules = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
start_marker = "writes them; scripts/update-golden.sh rewrites them.\n"
start = text.index(start_marker) + len(start_marker)
end = text.index(".\\\" End of the rules.\n")
open(path, "w", encoding="utf-8").write(text[:start] + rules + "\n" + text[end:])
PY
git diff --stat -- tests/cli/cases tests/golden
