#!/usr/bin/env bash
# Times the document writers and measures their peak memory: `leaspec generate` of the annex
# as DOCX and ODT and of the compliance matrix as XLSX, for generated joint-tender specs of
# 5,000 and 50,000 requirements (tests/bench/make_spec.py). Prints wall time, CPU time and
# peak resident set size as /usr/bin/time -v reports them; the best of three runs.
#
#   scripts/bench-documents.sh [LEASPEC]
set -euo pipefail
cd "$(dirname "$0")/.."
leaspec=$(realpath "${1:-build/leaspec}")
[ -x /usr/bin/time ] || { echo "bench-documents: /usr/bin/time is not installed (package time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-13s %-6s %-7s %9s %9s %12s\n' requirements kind format "wall s" "cpu s" "peak RSS MB"
for count in 5000 50000; do
  spec="$work/spec-$count.yaml"
  /usr/bin/python3 tests/bench/make_spec.py "$spec" "$count"
  "$leaspec" validate "$spec" >/dev/null || { echo "bench-documents: $spec does not validate" >&2; exit 1; }
  for target in annex:docx annex:odt matrix:xlsx; do
    kind=${target%%:*}
    format=${target#*:}
    best_wall=999999 best_cpu=0 best_rss=0
    for _ in 1 2 3; do
      /usr/bin/time -v -o "$work/time" "$leaspec" generate "$kind" "$spec" --format "$format" \
        -o "$work/out.$format" 2>/dev/null
      wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {split($2, t, ":"); s = 0;
                          for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' "$work/time")
      cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {print u + s}' "$work/time")
      rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
      if awk "BEGIN {exit !($wall < $best_wall)}"; then
        best_wall=$wall best_cpu=$cpu best_rss=$rss
      fi
    done
    printf '%-13s %-6s %-7s %9.2f %9.2f %12.1f\n' "$count" "$kind" "$format" "$best_wall" \
      "$best_cpu" "$(awk "BEGIN {print $best_rss / 1024}")"
  done
done
