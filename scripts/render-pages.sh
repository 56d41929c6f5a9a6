#!/usr/bin/env bash
# Renders the pages of every document leaspec generates from a spec to PNG files, so that a
# person can look at what is shipped: the annex and the draft standard as DOCX and ODT, the
# compliance matrix as XLSX, and for a spec that names common standards the conformance
# report as DOCX, each through LibreOffice to PDF, then pdftoppm.
#
#   scripts/render-pages.sh SPEC [OUT_DIR] [LANG]
#
# OUT_DIR defaults to pages/ (created); LANG to the spec's own. Needs soffice
# (libreoffice-writer-nogui, libreoffice-calc-nogui) and pdftoppm (poppler-utils).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
leaspec=${LEASPEC:-$root/build/leaspec}
spec=${1:?usage: scripts/render-pages.sh SPEC [OUT_DIR] [LANG]}
out=${2:-pages}
lang=${3:-}
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render-pages: $tool is not installed" >&2; exit 1; }
done
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
name=$(basename "${spec%.*}")
lang_option=()
[ -n "$lang" ] && lang_option=(--lang "$lang")
for target in annex:docx annex:odt standard:docx standard:odt matrix:xlsx; do
  kind=${target%%:*}
  format=${target#*:}
  "$leaspec" generate "$kind" "$spec" --format "$format" "${lang_option[@]}" \
    -o "$work/$name-$kind-$format.$format"
done
expected=5
if grep -q '^conforms_to:' "$spec"; then
  # Exit status 1 says the spec does not conform; the report is written all the same.
  status=0
  "$leaspec" conformance "$spec" --format docx "${lang_option[@]}" \
    -o "$work/$name-conformance-docx.docx" || status=$?
  [ "$status" -le 1 ] || exit "$status"
  expected=6
fi
# One LibreOffice run converts every file, with a profile of its own.
soffice --headless --norestore -env:UserInstallation="file://$work/profile" \
  --convert-to pdf --outdir "$work/pdf" "$work"/*.docx "$work"/*.odt "$work"/*.xlsx >/dev/null 2>&1
for pdf in "$work"/pdf/*.pdf; do
  base=$(basename "${pdf%.pdf}")
  rm -f "$out/$base"-*.png
  pdftoppm -png -r 50 "$pdf" "$out/$base"
  pages=$(ls "$out/$base"-*.png | wc -l)
  echo "$out/$base-*.png: $pages page(s)"
done
made=$(ls "$work"/pdf/*.pdf 2>/dev/null | wc -l)
[ "$made" -eq "$expected" ] || { echo "render-pages: LibreOffice converted $made of $expected files" >&2; exit 1; }
