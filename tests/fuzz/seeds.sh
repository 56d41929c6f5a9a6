#!/usr/bin/env bash
# The seed inputs of a fuzz target, copied from the tests at run time (nothing is kept in
# git): the CLI cases, the bundled examples, the golden inputs and the bundled schemas; for
# the schema target also the JSON Schema Test Suite's schema/instance pairs when
# $LEASPEC_TEST_DATA holds it. Two-part inputs join their parts with the separator of
# fuzz.hpp.
#
#   tests/fuzz/seeds.sh TARGET DIR                 fill DIR with TARGET's seeds
#   tests/fuzz/seeds.sh --run BINARY TARGET DIR    fill DIR, then run BINARY once on each seed
#
# TARGET is one of yaml_load, schema, check, generate, joint.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
binary=""
if [ "${1:-}" = --run ]; then
  binary=$2
  shift 2
fi
target=${1:?usage: seeds.sh [--run BINARY] TARGET DIR}
out=${2:?usage: seeds.sh [--run BINARY] TARGET DIR}
separator=$'\n#---8<---\n'
rm -rf "$out"
mkdir -p "$out"

# The spec files of the tests (the CLI cases are specs, most of them with errors).
specs=("$root"/tests/cli/cases/*.yaml "$root"/data/examples/*.yaml "$root"/data/examples/joint/*.yaml
  "$root"/tests/golden/specs/*.yaml)

# pair NAME FIRST SECOND: one two-part seed.
pair() {
  { cat "$2"; printf '%s' "$separator"; cat "$3"; } >"$out/$1"
}

case $target in
  yaml_load)
    cp "${specs[@]}" "$out/"
    for file in "$root"/schemas/*.yaml "$root"/tests/differential/examples/*/*.json; do
      cp "$file" "$out/$(basename "$(dirname "$file")")-$(basename "$file")"
    done
    ;;
  check | generate)
    cp "${specs[@]}" "$out/"
    ;;
  schema)
    for spec in "$root"/data/examples/*.yaml "$root"/tests/golden/specs/*.yaml; do
      pair "spec-$(basename "$spec")" "$root/schemas/spec.yaml" "$spec"
      pair "national-$(basename "$spec")" "$root/data/examples/national-schema.yaml" "$spec"
    done
    pair config "$root/schemas/config.yaml" "$root/tests/cli/cases/empty.yaml"
    suite=${LEASPEC_TEST_DATA:-}/json-schema-test-suite/tests
    if [ -d "$suite" ]; then
      /usr/bin/python3 - "$suite" "$out" "$separator" <<'PY'
import json, os, sys
suite, out, separator = sys.argv[1:]
count = 0
for draft in ("draft4", "draft7", "draft2020-12"):
    folder = os.path.join(suite, draft)
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as stream:
            groups = json.load(stream)
        for g, group in enumerate(groups):
            for t, test in enumerate(group["tests"]):
                path = os.path.join(out, f"suite-{draft}-{name[:-5]}-{g}-{t}.json")
                with open(path, "w", encoding="utf-8") as stream:
                    stream.write(json.dumps(group["schema"]) + separator + json.dumps(test["data"]))
                count += 1
PY
    fi
    ;;
  joint)
    joint=("$root"/data/examples/joint/*.yaml)
    for first in "${joint[@]}"; do
      for second in "${joint[@]}"; do
        pair "$(basename "$first" .yaml)-$(basename "$second")" "$first" "$second"
      done
    done
    for spec in "$root"/data/examples/*.yaml "$root"/tests/golden/specs/*.yaml; do
      pair "same-$(basename "$spec")" "$spec" "$spec"
    done
    pair anpr-bwc "$root/data/examples/anpr.yaml" "$root/data/examples/body-worn-cameras.yaml"
    ;;
  *)
    echo "seeds.sh: unknown target $target (yaml_load, schema, check, generate, joint)" >&2
    exit 2
    ;;
esac
echo "seeds: $(find "$out" -type f | wc -l) for $target in $out"
if [ -n "$binary" ]; then
  # -runs=0 runs every input of the folder once and stops; a crash fails with its input.
  "$binary" -runs=0 -rss_limit_mb=2048 -timeout=60 "$out"
fi
