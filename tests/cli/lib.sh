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

# run_bounded ARGS...: like run, for hostile or unlucky input: leaspec must finish within 2 s
# of wall time and 200 MB of address space. AddressSanitizer reserves terabytes of address
# space up front, so under it the memory bound cannot apply; that is said once, not hidden.
# A test may set the array `runner` to a command that runs leaspec (such as unprivileged).
runner=()
run_bounded() {
  if [ -z "${bound_memory+set}" ]; then
    bound_memory=1
    # CMake says so in LEASPEC_SANITIZED; g++ links ASan as a shared library, clang statically.
    if [ "${LEASPEC_SANITIZED:-0}" = 1 ] || ldd "$LEASPEC" 2>/dev/null | grep -q libasan; then
      bound_memory=0
      echo "note: AddressSanitizer build: the 200 MB bound is not applied, the 2 s bound is"
    fi
  fi
  local start=${EPOCHREALTIME/./}
  out=$( (if [ "$bound_memory" = 1 ]; then ulimit -v 204800; fi; "${runner[@]}" "$LEASPEC" "$@") \
    2>"$work/stderr")
  code=$?
  err=$(cat "$work/stderr")
  local elapsed=$(( (${EPOCHREALTIME/./} - start) / 1000 ))
  [ "$elapsed" -lt 2000 ] || fail "leaspec $* took $elapsed ms, more than 2 s"
}

# unprivileged CMD...: runs CMD as a process that file permissions apply to. Root ignores
# mode bits, so as root the two capabilities that bypass them (CAP_DAC_OVERRIDE and
# CAP_DAC_READ_SEARCH) are dropped with setpriv; the process stays root in every other way.
unprivileged() {
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --bounding-set=-dac_override,-dac_read_search \
      --inh-caps=-dac_override,-dac_read_search -- "$@"
  else
    "$@"
  fi
}

# require_permissions: ends the test as skipped (exit 77, with the reason) when mode bits
# cannot be made to apply, so that a test of unreadable files never passes without testing.
require_permissions() {
  printf 'secret\n' > "$work/probe" && chmod 000 "$work/probe"
  if unprivileged cat "$work/probe" >/dev/null 2>&1; then
    echo "SKIP: a file with mode 000 is still readable (root without setpriv, or capabilities"
    echo "      that cannot be dropped here), so unreadable files cannot be tested"
    exit 77
  fi
  rm -f "$work/probe"
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
expect_no_err() { ! grep -qF -- "$1" <<<"$err" || fail "stderr should not hold: $1"; }

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
