#!/usr/bin/env bash
# Peak memory and time of leaspec on a spec of 50,000 requirements (about 10 MB): validate
# (also of a version in which every requirement has a finding), the tender annex as DOCX and
# ODT and the compliance matrix as XLSX, export json and reqif, merge of two agencies'
# versions, diff of two revisions. Prints one line per command and fails when one exceeds
# the bound of 250 MB peak resident memory.
#
#   scripts/bench-scale.sh [LEASPEC] [REQUIREMENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
leaspec=$(realpath "${1:-build/leaspec}")
requirements=${2:-50000}
bound_kb=250000
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 tests/bench/make_large.py "$work/nl.yaml" "$requirements"
/usr/bin/python3 tests/bench/make_large.py "$work/pl.yaml" "$requirements" --agency PL-KGP:PL
/usr/bin/python3 tests/bench/make_large.py "$work/v2.yaml" "$requirements" --revision 2
/usr/bin/python3 tests/bench/make_large.py "$work/vague.yaml" "$requirements" --vague
echo "spec: $requirements requirements, $(($(stat -c %s "$work/nl.yaml") / 1000)) kB"

over=0
# measure EXPECTED_EXIT ARGS...: runs leaspec under /usr/bin/time -v and prints its figures.
measure() {
  local expected=$1 code=0
  shift
  (cd "$work" && /usr/bin/time -v "$leaspec" "$@" >/dev/null 2>"$work/time") || code=$?
  if [ "$code" -ne "$expected" ]; then
    echo "bench-scale: leaspec $* exited with $code, not $expected:"
    grep -v '^\s' "$work/time" | head -5
    exit 1
  fi
  local kb seconds
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
  local verdict="ok"
  if [ "$kb" -gt "$bound_kb" ]; then
    verdict="OVER the bound of $((bound_kb / 1000)) MB"
    over=1
  fi
  printf '%-48s peak %4d MB  %8s  %s\n' "leaspec $*" $((kb / 1000)) "$seconds" "$verdict"
}

measure 0 validate nl.yaml
measure 0 validate vague.yaml
measure 0 generate annex --format docx nl.yaml -o annex.docx
measure 0 generate annex --format odt nl.yaml -o annex.odt
measure 0 generate matrix --format xlsx nl.yaml -o matrix.xlsx
measure 0 export json nl.yaml -o nl.json
measure 0 export reqif nl.yaml -o nl.reqif
measure 0 export reqif nl.yaml -o nl.reqifz
measure 0 merge nl.yaml pl.yaml --prefer strictest -o joint.yaml --report merge.json
measure 1 diff nl.yaml v2.yaml -o changes.txt
measure 1 diff nl.yaml v2.yaml --format json -o changes.json
exit "$over"
