#!/usr/bin/env bash
# SIGINT, SIGTERM and SIGHUP in the middle of writing an output file: the temporary file is
# removed, the file being replaced is kept, and the run ends by the signal (exit status
# 128 + its number). PROBE is leaspec with a pause halfway through each write
# (signal_probe.cpp); the pause exists only in that test executable.
. "$(dirname "$0")/lib.sh"
: "${PROBE:?PROBE must name the signal probe}"
# Job control: a background job's SIGINT is then not ignored, as it is in plain scripts.
set -m
out="" err=""

for signal in INT TERM HUP; do
  number=$(kill -l "$signal")
  printf 'old\n' > "$work/annex.md"
  "$PROBE" generate annex "$SOURCE_DIR/data/examples/anpr.yaml" --format md \
    -o "$work/annex.md" 2>"$work/probe.err" &
  pid=$!
  temporary=""
  for _ in $(seq 100); do
    temporary=$(find "$work" -maxdepth 1 -name '.annex.md.??????' -print -quit)
    if [ -n "$temporary" ] && grep -q "probe: writing" "$work/probe.err"; then
      break
    fi
    sleep 0.1
  done
  [ -n "$temporary" ] || fail "SIG$signal: no temporary file appeared"
  kill -s "$signal" "$pid"
  wait "$pid"
  code=$?
  err=$(cat "$work/probe.err") out=""
  expect_code $((128 + number)) "SIG$signal ends the run by the signal"
  [ -e "$temporary" ] && fail "SIG$signal left $temporary behind"
  [ "$(cat "$work/annex.md")" = old ] || fail "SIG$signal: the file being replaced changed"
done

# An ignored signal stays ignored (nohup): the write completes.
printf 'old\n' > "$work/annex.md"
nohup "$PROBE" generate annex "$SOURCE_DIR/data/examples/anpr.yaml" --format md \
  -o "$work/annex.md" >/dev/null 2>"$work/probe.err" &
pid=$!
for _ in $(seq 100); do
  grep -q "probe: writing" "$work/probe.err" && break
  sleep 0.1
done
kill -s HUP "$pid"
sleep 0.2
kill -0 "$pid" 2>/dev/null || fail "SIGHUP ended a run started with nohup"
kill -s TERM "$pid"
wait "$pid"
code=$? out="" err=""
expect_code $((128 + 15)) "SIGTERM after an ignored SIGHUP"
finish
