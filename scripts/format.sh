#!/usr/bin/env bash
# Formats the C++ sources with clang-format, or with --check lists the files it would change
# and fails.
set -eu
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp')
if [ "${1:-}" = "--check" ]; then
  bad=0
  for file in "${files[@]}"; do
    if ! clang-format --style=file "$file" | cmp -s - "$file"; then
      echo "needs formatting: $file"
      bad=1
    fi
  done
  [ "$bad" -eq 0 ] && echo "formatting: ${#files[@]} files clean"
  exit "$bad"
fi
clang-format --style=file -i "${files[@]}"
