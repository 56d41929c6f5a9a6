#!/usr/bin/env bash
# Installs the npm packages of the differential test (ajv, ajv-formats, ajv-cli and the
# packages whose schemas and examples it compares leaspec with) into tests/differential/
# node_modules, at the versions package-lock.json pins. Run by scripts/setup.sh --tests; safe
# to run again: nothing is done when the installed lock file matches. Without npm or the
# registry it says so and exits 0: the differential test then skips with that reason.
set -uo pipefail
cd "$(dirname "$0")"
if cmp -s package-lock.json node_modules/.installed-lock.json; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "differential: npm is not installed; the differential test will be skipped"
  exit 0
fi
echo "setup: installing the npm packages of tests/differential/"
if ! log=$(npm ci --no-audit --no-fund --loglevel=error 2>&1); then
  echo "differential: npm ci failed; the differential test will be skipped:"
  tail -5 <<<"$log" | sed 's/^/  /'
  rm -rf node_modules
  exit 0
fi
cp package-lock.json node_modules/.installed-lock.json
