#!/usr/bin/env bash
# need-data.sh PATH... -- COMMAND...: runs COMMAND when every PATH exists in the test data
# folder $LEASPEC_TEST_DATA; otherwise says what is missing and exits 77, which CTest reports
# as a skipped test.
set -u
. "$(dirname "$0")/data.sh"
while [ "$#" -gt 0 ] && [ "$1" != -- ]; do
  have_data "$1" || true
  shift
done
[ "$#" -gt 0 ] && shift
skip_if_data_missing
exec "$@"
