#!/usr/bin/env bash
# Times `leaspec validate` on a generated corpus (500 specs of 50 requirements) and on the
# bundled examples. Uses hyperfine when it is installed, otherwise repeats and takes the best.
#
#   scripts/bench.sh [LEASPEC]
set -euo pipefail
cd "$(dirname "$0")/.."
leaspec=${1:-build/leaspec}
corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
/usr/bin/python3 tests/bench/make_corpus.py "$corpus" 500 50
bytes=$(cat "$corpus"/*.yaml | wc -c)
echo "corpus: $(ls "$corpus" | wc -l) files, $((bytes / 1024)) KiB, 25000 requirements"

best_of() {
  local best=999999 start end ms
  for _ in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

for target in "$corpus" data/examples; do
  "$leaspec" validate "$target" >/dev/null || { echo "bench: $target does not validate"; exit 1; }
  if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs 10 "$leaspec validate $target"
  else
    ms=$(best_of "$leaspec" validate "$target")
    echo "leaspec validate $target: best of 5 runs ${ms} ms"
  fi
done
size_mib=$(awk "BEGIN {print $bytes / 1048576}")
ms=$(best_of "$leaspec" validate "$corpus")
awk "BEGIN {printf \"throughput on the corpus: %.1f MiB/s\\n\", $size_mib / ($ms / 1000)}"
