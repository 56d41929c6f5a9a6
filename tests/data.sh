# Third-party test data for the shell tests: sourced by need-data.sh and cli/lib.sh.
# The data folder is $LEASPEC_TEST_DATA (CTest sets it; scripts/setup.sh --tests fills it).
test_data=${LEASPEC_TEST_DATA:-}
missing_data=()

# have_data PATH...: true when every PATH exists in the test data folder; the missing ones are
# remembered, so that the test ends as skipped (skip_if_data_missing) rather than passed.
have_data() {
  local path present=0
  for path in "$@"; do
    if [ -z "$test_data" ] || [ ! -e "$test_data/$path" ]; then
      missing_data+=("$path")
      present=1
    fi
  done
  return "$present"
}

# skip_if_data_missing: when data was missing, says which and how to get it, and exits 77.
skip_if_data_missing() {
  [ "${#missing_data[@]}" -eq 0 ] && return 0
  echo "SKIPPED: missing test data in ${test_data:-(LEASPEC_TEST_DATA is not set)}: ${missing_data[*]}"
  echo "  Get it with scripts/setup.sh --tests (from ../shared/data or the network), or set"
  echo "  LEASPEC_TEST_DATA (or the CMake cache variable of that name) to a folder that holds it."
  exit 77
}
