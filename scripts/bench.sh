#!/usr/bin/env bash
# Measures `leaspec validate` on a generated corpus of 300 specs of 90 requirements each
# (tests/bench/make_corpus.py) against two floors: the bare event parse of the same files by
# yaml-cpp (tests/bench/floor.cpp), the common C++ YAML library, and by libyaml
# (tests/bench/floor_libyaml.cpp), the parser leaspec's loader runs, which leaspec cannot beat.
# Prints the CPU time (user + sys) of each, the ratios to both floors, the wall time with
# --jobs 1 and --jobs 2, and ajv-cli's time on the same files as JSON when ajv-cli is
# installed; then the start-up figures (a C++ "hello world", `leaspec --version`, validate of
# a 10-line spec, of a generated 34 KB spec and of the body-worn cameras example: the median
# of 100 runs each, started without a shell, and the page faults of one run) and
# `generate annex --format docx` of a 5,000-requirement spec (wall time, CPU time, peak
# resident set size).
#
#   scripts/bench.sh [LEASPEC]              default build/leaspec; the floors are built beside it
#   RUNS=7 scripts/bench.sh                 runs per command (the best is kept; default 5)
#
# ajv-cli is looked for in $LEASPEC_NODE_MODULES, tests/differential/node_modules (see
# tests/differential/setup.sh) and on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
leaspec=$(realpath "${1:-build/leaspec}")
floor=$(dirname "$leaspec")/tests/bench_floor
floor_libyaml=$(dirname "$leaspec")/tests/bench_floor_libyaml
runs=${RUNS:-5}
py=/usr/bin/python3
for program in "$leaspec" "$floor" "$floor_libyaml"; do
  [ -x "$program" ] || { echo "bench: $program is not built (cmake --build build)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus
"$py" tests/bench/make_corpus.py "$corpus" 300 90
"$leaspec" schema > "$work/spec.schema.json"
bytes=$(cat "$corpus"/*.yaml | wc -c)
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')
echo "corpus: 300 specs of 90 requirements (27,000), $mib MiB of YAML; best of $runs runs"

# measure NAME COMMAND...: runs the command $runs times and keeps the least CPU time (user +
# sys) and the least wall time, in seconds, in cpu[NAME] and wall[NAME].
declare -A cpu wall
measure() {
  local name=$1 best_cpu=999999 best_wall=999999 line
  shift
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
      echo "bench: '$*' failed:" >&2
      cat "$work/stderr" >&2
      exit 1
    }
    line=$(tail -n 1 "$work/time")
    read -r best_wall best_cpu < <(awk -v l="$line" -v w="$best_wall" -v c="$best_cpu" 'BEGIN {
      split(l, t, " "); cpu = t[2] + t[3];
      printf "%s %s\n", (t[1] < w ? t[1] : w), (cpu < c ? cpu : c) }')
  done
  cpu[$name]=$best_cpu
  wall[$name]=$best_wall
}

measure floor "$floor" "$corpus"/*.yaml
measure libyaml "$floor_libyaml" "$corpus"/*.yaml
measure jobs1 "$leaspec" validate --jobs 1 "$corpus"
measure jobs2 "$leaspec" validate --jobs 2 "$corpus"
measure schema1 "$leaspec" validate --jobs 1 --schema "$work/spec.schema.json" "$corpus"

row() {
  awk -v name="$1" -v c="${cpu[$2]}" -v w="${wall[$2]}" -v f="${cpu[floor]}" -v l="${cpu[libyaml]}" \
    -v m="$mib" 'BEGIN { printf "%-52s %7.2f %7.2f %8.0f %9.2fx %9.2fx\n", name, c, w, c * 1000 / m,
                         c / f, c / l }'
}
printf '%-52s %7s %7s %8s %10s %10s\n' "command" "CPU s" "wall s" "CPU ms/MiB" "/ yaml-cpp" \
  "/ libyaml"
row "floor: yaml-cpp event parse, handler does nothing" floor
row "floor: libyaml event parse, nothing kept" libyaml
row "leaspec validate --jobs 1 (load, schema, rules, lint)" jobs1
row "leaspec validate --jobs 2" jobs2
row "leaspec validate --jobs 1 --schema (load and schema)" schema1
awk -v one="${wall[jobs1]}" -v two="${wall[jobs2]}" \
  'BEGIN { printf "wall time: --jobs 1 %.2f s, --jobs 2 %.2f s (%.2fx faster)\n", one, two, one / two }'

ajv=""
for candidate in "${LEASPEC_NODE_MODULES:-}/.bin/ajv" tests/differential/node_modules/.bin/ajv \
                 "$(command -v ajv || true)"; do
  if [ -n "$candidate" ] && [ -x "$candidate" ] && [ "$candidate" != "/.bin/ajv" ]; then
    ajv=$(realpath "$candidate")
    break
  fi
done
if [ -z "$ajv" ]; then
  echo "ajv-cli: not installed (tests/differential/setup.sh installs it)"
elif ! "$py" -c 'import yaml' 2>/dev/null; then
  echo "ajv-cli: not measured, python3-yaml is needed to convert the corpus to JSON"
else
  mkdir "$work/json"
  "$py" tests/bench/to_json.py "$corpus" "$work/json"
  formats=()
  [ -d "$(dirname "$(dirname "$ajv")")/ajv-formats" ] && formats=(-c ajv-formats)
  (cd "$work" && measure ajv "$ajv" validate --spec=draft2020 --strict=false --allow-union-types "${formats[@]}" \
     -s spec.schema.json -d "json/*.json"
   awk -v c="${cpu[ajv]}" -v w="${wall[ajv]}" -v f="${cpu[floor]}" \
     'BEGIN { printf "ajv-cli validate (the same files as JSON, schema only): %.2f s CPU, %.2f s wall\n", c, w }')
fi

# Start-up: one changed file is the common CI case.
cat > "$work/hello.cpp" <<'CPP'
#include <cstdio>
int main() { std::puts("hello"); }
CPP
hello=""
if command -v g++ >/dev/null && g++ -O2 -o "$work/hello" "$work/hello.cpp" 2>/dev/null; then
  hello="$work/hello"
fi
cat > "$work/small.yaml" <<'YAML'
leaspec: 1
id: SMALL
title: A small spec
version: "1.0"
status: draft
sections:
  - id: S1
    title: One section
    requirements:
      - {id: SMALL-001, text: The device shall weigh at most 300 g., priority: mandatory}
YAML
example=data/examples/body-worn-cameras.yaml
"$py" tests/bench/make_spec.py "$work/spec-160.yaml" 160
kb() { echo $(( $(wc -c <"$1") / 1000 )); }
# Each command once per round, in turn, started without a shell (tests/bench/startup.py).
startup=("--version=$leaspec --version" "validate 10 lines=$leaspec validate $work/small.yaml"
  "validate a $(kb "$work/spec-160.yaml") KB spec=$leaspec validate $work/spec-160.yaml"
  "validate the $(kb "$example") KB example=$leaspec validate $PWD/$example")
[ -n "$hello" ] && startup=("hello world=$hello" "${startup[@]}")
"$py" tests/bench/startup.py 100 "${startup[@]}" >"$work/startup"
printf '\nstart-up (median of 100 runs, ms): %s\n' \
  "$(awk -F'\t' '{ printf "%s%s %s", (NR > 1 ? " | " : ""), $1, $2 }' "$work/startup")"
printf 'start-up page faults (one run): %s\n' \
  "$(awk -F'\t' '{ printf "%s%s %s", (NR > 1 ? " | " : ""), $1, $4 }' "$work/startup")"

# The annex of a large joint tender.
"$py" tests/bench/make_spec.py "$work/spec-5000.yaml" 5000
best_wall=999999 best_cpu=0 best_rss=0
for _ in 1 2 3; do
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$leaspec" generate annex "$work/spec-5000.yaml" \
    --format docx -o "$work/annex.docx" 2>/dev/null
  read -r wall user sys rss <"$work/time"
  if awk "BEGIN {exit !($wall < $best_wall)}"; then
    best_wall=$wall best_cpu=$(awk "BEGIN {print $user + $sys}") best_rss=$rss
  fi
done
printf 'generate annex --format docx, 5,000 requirements: %.2f s wall, %.2f s CPU, %.0f MB peak RSS\n' \
  "$best_wall" "$best_cpu" "$(awk "BEGIN {print $best_rss / 1024}")"
