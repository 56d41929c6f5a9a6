#!/usr/bin/env bash
# Compares leaspec's JSON Schema validation with ajv-cli (with ajv-formats) and Debian's
# python3-jsonschema on the same 500 files (25,000 requirements) and the same schema.
# Installs what it needs: python3-jsonschema and python3-yaml with apt, ajv-cli with npm into
# a cache folder outside the repository.
#
#   scripts/bench-schema.sh [LEASPEC]
set -euo pipefail
cd "$(dirname "$0")/.."
leaspec=$(realpath "${1:-build/leaspec}")
cache=${XDG_CACHE_HOME:-$HOME/.cache}/leaspec-bench
py=/usr/bin/python3

if ! "$py" -c 'import jsonschema, yaml' 2>/dev/null; then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -qq python3-jsonschema python3-yaml >/dev/null
fi
if [ ! -x "$cache/node_modules/.bin/ajv" ]; then
  mkdir -p "$cache"
  (cd "$cache" && npm install --silent --no-audit --no-fund ajv-cli ajv-formats >/dev/null)
fi
ajv="$cache/node_modules/.bin/ajv"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$py" tests/bench/make_corpus.py "$work/yaml" 500 50
mkdir "$work/json"
"$py" tests/bench/to_json.py "$work/yaml" "$work/json"
"$leaspec" schema > "$work/spec.schema.json"
echo "workload: 500 specs, 50 requirements each (25,000), $(du -sh "$work/json" | cut -f1) of JSON;"
echo "schema: the bundled spec schema (draft 2020-12), formats checked"

time_ms() {
  local best=999999 start end ms
  for _ in 1 2 3; do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "bench: '$*' reported invalid files" >&2; exit 1; }
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    [ "$ms" -lt "$best" ] && best=$ms
  done
  echo "$best"
}

cd "$work"
leaspec_ms=$(time_ms "$leaspec" validate --schema spec.schema.json json)
leaspec_yaml_ms=$(time_ms "$leaspec" validate yaml)
ajv_ms=$(time_ms "$ajv" validate --spec=draft2020 --allow-union-types -c ajv-formats -s spec.schema.json -d "json/*.json")
python_ms=$(time_ms "$py" "$OLDPWD/tests/bench/validate_jsonschema.py" spec.schema.json json/*.json)

printf '%-58s %8s\n' "command (best of 3 runs)" "ms"
printf '%-58s %8d\n' "leaspec validate --schema (JSON, schema only)" "$leaspec_ms"
printf '%-58s %8d\n' "leaspec validate (YAML, schema + rules + lint)" "$leaspec_yaml_ms"
printf '%-58s %8d\n' "ajv-cli validate --spec=draft2020 -c ajv-formats" "$ajv_ms"
printf '%-58s %8d\n' "python3-jsonschema (Draft202012Validator, one process)" "$python_ms"
awk -v l="$leaspec_ms" -v a="$ajv_ms" -v p="$python_ms" \
  'BEGIN { printf "ajv-cli / leaspec: %.1fx   python3-jsonschema / leaspec: %.1fx\n", a / l, p / l }'
