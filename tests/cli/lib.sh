# Helpers for the shell tests that run the real leaspec binary.
# Each test sources this file; LEASPEC names the binary, SOURCE_DIR the repository and
# LEASPEC_TEST_DATA the third-party test data (have_data, in ../data.sh).
set -u
. "$(dirname "${BASH_SOURCE[0]}")/../data.sh"
: "${LEASPEC:?LEASPEC must name the leaspec binary}"
: "${SOURCE_DIR:?SOURCE_DIR must name the repository}"
export NO_COLOR=1
failures=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run ARGS...: runs leaspec, keeping stdout in $out, stderr in $err and the exit code in $code.
run() {
  out=$("$LEASPEC" "$@" 2>"$work/stderr")
  code=$?
  err=$(cat "$work/stderr")
}

fail() {
  echo "FAIL: $*"
  echo "  stdout: $out" | head -20
  echo "  stderr: $err" | head -10
  failures=$((failures + 1))
}

expect_code() { [ "$code" -eq "$1" ] || fail "expected exit code $1, got $code (${2:-})"; }
expect_out() { grep -qF -- "$1" <<<"$out" || fail "stdout lacks: $1"; }
expect_err() { grep -qF -- "$1" <<<"$err" || fail "stderr lacks: $1"; }
expect_no_out() { ! grep -qF -- "$1" <<<"$out" || fail "stdout should not hold: $1"; }

# finish: fails when a check failed; otherwise skips when data was missing (the checks that
# had their data passed), or passes.
finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed"
    exit 1
  fi
  skip_if_data_missing
  echo "all checks passed"
}
