#!/usr/bin/env bash
# Fuzzes leaspec with libFuzzer: builds build-fuzz/ with clang (LEASPEC_FUZZ=ON: AddressSanitizer,
# UndefinedBehaviorSanitizer, coverage) when it is missing, then runs each target for SECONDS
# (default 300) with its seeds (tests/fuzz/seeds.sh) and the dictionary tests/fuzz/leaspec.dict.
# New inputs that reach new code are kept in build-fuzz/corpus/TARGET and used again on the
# next run; crashes, leaks and timeouts go to build-fuzz/crashes/TARGET, with the command that
# reproduces each. Targets run one after another unless FUZZ_JOBS is 2 or more.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     TARGET: yaml_load schema check generate joint
#   BUILD_DIR=build-sanitize FUZZ_JOBS=2 scripts/fuzz.sh 30    (.ci/run's smoke run)
#
# Exit code 1 when any target crashed. A crash found is fixed in the library and its input
# becomes a case in tests/cli/cases/ (see tests/cli/run-case.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=300
if [ "$#" -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then
  seconds=$1
  shift
fi
all_targets=(yaml_load schema check generate joint)
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
  [[ " ${all_targets[*]} " == *" $target "* ]] ||
    { echo "fuzz: unknown target $target (${all_targets[*]})" >&2; exit 2; }
done
build=${BUILD_DIR:-build-fuzz}
jobs=${FUZZ_JOBS:-1}

if [ ! -f "$build/CMakeCache.txt" ]; then
  command -v clang++ >/dev/null ||
    { echo "fuzz: clang++ is not installed (apt-get install clang libfuzzer-14-dev)" >&2; exit 2; }
  CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DLEASPEC_FUZZ=ON \
    -DLEASPEC_TESTS=OFF >/dev/null
fi
grep -q '^LEASPEC_FUZZ:BOOL=ON' "$build/CMakeCache.txt" ||
  { echo "fuzz: $build is not configured with -DLEASPEC_FUZZ=ON" >&2; exit 2; }
cmake --build "$build" -j2 --target "${targets[@]/#/fuzz_}"

# run TARGET: fuzzes one target; its log is $build/fuzz-TARGET.log.
run() {
  local target=$1 corpus=$build/corpus/$1 crashes=$build/crashes/$1 seeds=$build/seeds/$1
  # The crashes folder holds this run's findings only.
  rm -rf "$crashes"
  mkdir -p "$corpus" "$crashes"
  bash tests/fuzz/seeds.sh "$target" "$seeds" >/dev/null
  # New inputs go to the first folder (the kept corpus); the seeds are read, not written.
  "$build/tests/fuzz/fuzz_$target" "$corpus" "$seeds" -dict=tests/fuzz/leaspec.dict \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 -timeout=30 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$build/fuzz-$target.log" 2>&1
}

failed=()
pids=()
names=()
for target in "${targets[@]}"; do
  run "$target" &
  pids+=($!)
  names+=("$target")
  # At most $jobs targets at once.
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do
    wait -n || true
  done
done
for index in "${!pids[@]}"; do
  wait "${pids[$index]}" || true
done
for target in "${targets[@]}"; do
  log=$build/fuzz-$target.log
  stats=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  corpus=$(find "$build/corpus/$target" -type f | wc -l)
  found=$(find "$build/crashes/$target" -type f | sort)
  if [ -n "$found" ] || ! grep -q 'Done [0-9]* runs' "$log"; then
    failed+=("$target")
    echo "fuzz: $target FAILED after ${stats:-?} runs (log: $log)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -5 | sed 's/^/  /'
    for file in $found; do
      echo "  input: $file"
      echo "  reproduce: $build/tests/fuzz/fuzz_$target $file"
    done
  else
    echo "fuzz: $target ok, ${stats:-?} runs in ${seconds} s, corpus $corpus inputs"
  fi
done
[ "${#failed[@]}" -eq 0 ]
