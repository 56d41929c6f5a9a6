#!/usr/bin/env bash
# Runs `leaspec validate` on one case file and compares its output and exit code with the
# case's .expected file.  Usage: run-case.sh LEASPEC CASES_DIR NAME
set -u
leaspec=$1 dir=$2 name=$3
cd "$dir" || exit 2
actual=$(NO_COLOR=1 "$leaspec" validate "$name.yaml" 2>&1; echo "exit $?")
if ! diff -u "$name.expected" <(printf '%s\n' "$actual"); then
  echo "FAIL: output of 'leaspec validate $name.yaml' differs from $name.expected (above)"
  exit 1
fi
echo "ok: $name"
