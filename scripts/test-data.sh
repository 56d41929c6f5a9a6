#!/usr/bin/env bash
# Fills the folder of third-party test data (LEASPEC_TEST_DATA) with the pinned versions of
# the suites and schemas the tests read. Each data set is copied from ../shared/data beside
# the repository when that folder exists, otherwise downloaded from its upstream repository
# at a pinned commit; either way its files are checked against the SHA-256 recorded below.
# The JSON Schema meta-schemas come from pinned npm packages, checked the same way.
# A data set that cannot be had is reported and left out: the tests that need it are then
# skipped with that reason. Safe to run again.
#
#   scripts/test-data.sh DIR
#   LEASPEC_GITHUB_RAW=URL LEASPEC_GITHUB_ARCHIVE=URL scripts/test-data.sh DIR   (a mirror)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/test-data.sh DIR}
mkdir -p "$target"
target=$(cd "$target" && pwd)
shared=$(cd .. && pwd)/shared/data
cache=${XDG_CACHE_HOME:-$HOME/.cache}/leaspec/test-data
raw=${LEASPEC_GITHUB_RAW:-https://raw.githubusercontent.com}
archive=${LEASPEC_GITHUB_ARCHIVE:-https://codeload.github.com}
missing=()

# digest DIR PATH...: one SHA-256 over the names and contents of the files under PATH...
# (licence files aside), so that a whole tree is pinned by one value.
digest() {
  (cd "$1" && shift && find "$@" -type f ! -name 'LICENSE*' -print0 | LC_ALL=C sort -z |
    xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

# download URL FILE: fetches URL to FILE (through a temporary file); on failure prints one
# line that says why.
download() {
  command -v curl >/dev/null || { echo "curl is not installed"; return 1; }
  local log
  if ! log=$(curl --fail --silent --show-error --location --retry 2 --connect-timeout 15 \
    --output "$2.part" "$1" 2>&1); then
    rm -f "$2.part"
    echo "cannot download $1: $(tail -1 <<<"$log")"
    return 1
  fi
  mv "$2.part" "$2"
}

# github_archive OWNER/REPO COMMIT: prints the folder the repository's archive at COMMIT
# was unpacked into.
github_archive() {
  local name=${1//\//-}-$2
  local file=$cache/$name.tar.gz
  mkdir -p "$cache"
  if [ ! -s "$file" ]; then
    download "$archive/$1/tar.gz/$2" "$file" >&2 || return 1
  fi
  rm -rf "$cache/$name" && mkdir -p "$cache/$name"
  tar -xzf "$file" -C "$cache/$name" --strip-components=1 || return 1
  echo "$cache/$name"
}

# provide NAME DIGESTS SOURCE...: NAME is in place when its files match one of DIGESTS;
# otherwise it is copied from ../shared/data, or made by the function named by SOURCE (which
# fills the folder $work and prints its origin); files with another digest are refused.
provide() {
  local name=$1 expected=" $2 "
  shift 2
  if [ -d "$target/$name" ] && [[ $expected == *" $(digest "$target/$name" .) "* ]]; then
    echo "test data: $name is in place"
    return
  fi
  work=$(mktemp -d "$target/.$name.XXXXXX")
  local origin
  if [ -d "$shared/$name" ]; then
    cp -R "$shared/$name/." "$work/"
    chmod -R u+w "$work"
    origin="../shared/data/$name"
  elif ! origin=$("$@" 2>&1); then
    rm -rf "$work"
    missing+=("$name: $origin")
    return
  fi
  local actual
  actual=$(digest "$work" .)
  if [[ $expected != *" $actual "* ]]; then
    rm -rf "$work"
    missing+=("$name: the files from $origin are not the pinned version (SHA-256 $actual)")
    return
  fi
  rm -rf "$target/$name"
  mv "$work" "$target/$name"
  echo "test data: $name from $origin"
}

# raw_file OWNER/REPO COMMIT PATH TO: one file of a repository at a pinned commit.
raw_file() {
  mkdir -p "$(dirname "$work/$4")"
  download "$raw/$1/$2/$3" "$work/$4" || return 1
}

# The official JSON Schema Test Suite (commit 44401e0): the four drafts leaspec implements
# and the remote documents they reference.
fetch_suite() {
  local from
  from=$(github_archive json-schema-org/JSON-Schema-Test-Suite \
    44401e0c046704b476ec9d2e2fccdaee618f259d) || return 1
  mkdir -p "$work/tests"
  for draft in draft4 draft6 draft7 draft2020-12; do
    cp -R "$from/tests/$draft" "$work/tests/"
  done
  cp -R "$from/remotes" "$from/LICENSE" "$from/README.md" "$work/"
  echo "JSON-Schema-Test-Suite at 44401e0"
}

# The SARIF 2.1.0 schema, as code scanning reads SARIF (draft-04).
fetch_sarif() {
  raw_file oasis-tcs/sarif-spec a560296ca8c921f3bdb8d4a8db57ab83dae968a7 \
    sarif-2.1/schema/sarif-schema-2.1.0.json sarif-schema-2.1.0.json || return 1
  raw_file oasis-tcs/sarif-spec a560296ca8c921f3bdb8d4a8db57ab83dae968a7 LICENSE.md LICENSE.md ||
    return 1
  echo "sarif-spec at a560296"
}

# The OCDS release schema (draft-04) from the standard's 1.2-dev branch at e7bd89d: its "id"
# still names 1.1.5, but it is the 1.2 development schema (Address.country, a country code).
fetch_ocds() {
  raw_file open-contracting/standard e7bd89d54715dd61f2463e5226196b360aea92e8 \
    schema/release-schema.json release-schema.json || return 1
  raw_file open-contracting/standard e7bd89d54715dd61f2463e5226196b360aea92e8 LICENSE LICENSE ||
    return 1
  echo "OCDS standard 1.2-dev at e7bd89d"
}

# The ReqIF 1.0 XSD with its XHTML modules. Upstream leaves the imports of the XML namespace
# without a location; they are pointed at a local xml.xsd that declares xml:lang, xml:space,
# xml:base and xml:id, so that xmllint loads the schema without a network.
fetch_reqif() {
  local from
  from=$(github_archive strictdoc-project/reqif 4e3976d7edbb0b64ca9b2e9655ce2ebdbd57b2e7) ||
    return 1
  cp -R "$from/reqif/reqif_schema/." "$work/"
  cp "$from/LICENSE" "$work/"
  local upstream
  upstream=$(digest "$work" .)
  if [ "$upstream" != 76f16aa6b74f9688634c2a9cef28faaa6c755d06bcaa4a7a0ea83144ad6e2cc7 ]; then
    echo "strictdoc-project/reqif at 4e3976d is not the pinned version (SHA-256 $upstream)"
    return 1
  fi
  cat >"$work/xml.xsd" <<'XSD'
<?xml version="1.0"?>
<xs:schema targetNamespace="http://www.w3.org/XML/1998/namespace" xmlns:xs="http://www.w3.org/2001/XMLSchema" xml:lang="en">
  <xs:attribute name="lang" type="xs:language"/>
  <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName"><xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
  <xs:attribute name="base" type="xs:anyURI"/>
  <xs:attribute name="id" type="xs:ID"/>
</xs:schema>
XSD
  (cd "$work" && find . -name '*.xsd' ! -name xml.xsd -print0 | while IFS= read -r -d '' xsd; do
    local folder up=.
    folder=$(dirname "${xsd#./}")
    [ "$folder" = . ] || up=$(sed 's|[^/][^/]*|..|g' <<<"$folder")
    sed -i "s|schemaLocation=\"\"|schemaLocation=\"$up/xml.xsd\"|" "$xsd"
  done)
  echo "strictdoc-project/reqif at 4e3976d, imports pointed at xml.xsd"
}

# The full CPV 2008 list (Regulation (EC) 213/2008), as codes and English labels.
fetch_cpv() {
  raw_file openprocurement/standards 60c887b994809561943491eb2dc4c63bb52d87ee \
    classifiers/cpv/en.json cpv-2008-en.json || return 1
  echo "openprocurement/standards at 60c887b"
}

# npm_package NAME@VERSION SHA256: prints the folder the package's tarball was unpacked into.
npm_package() {
  local file=$cache/${1/@/-}.tgz
  mkdir -p "$cache"
  if [ ! -s "$file" ]; then
    command -v npm >/dev/null || { echo "npm is not installed"; return 1; }
    local packed
    packed=$(cd "$cache" && npm pack --silent "$1" 2>&1) || { echo "$packed"; return 1; }
    [ "$cache/$packed" = "$file" ] || mv "$cache/$packed" "$file"
  fi
  local actual
  actual=$(sha256sum "$file" | cut -d' ' -f1)
  if [ "$actual" != "$2" ]; then
    rm -f "$file"
    echo "the npm package $1 is not the pinned tarball (SHA-256 $actual)"
    return 1
  fi
  rm -rf "${file%.tgz}" && mkdir -p "${file%.tgz}"
  tar -xzf "$file" -C "${file%.tgz}" --strip-components=1
  echo "${file%.tgz}"
}

# The official meta-schemas of draft-04, -06, -07, 2019-09 and 2020-12 (with their vocabulary
# meta-schemas), as the npm packages ajv and ajv-draft-04 ship them.
fetch_metaschemas() {
  local ajv draft4
  ajv=$(npm_package ajv@8.17.1 f09dae78b8cc984dbf178eba92a7b19bff9e5f7c990508f3af0bf8f118770308) ||
    { echo "$ajv"; return 1; }
  draft4=$(npm_package ajv-draft-04@1.0.0 \
    b2328acf9b3a5b1b3a098789770c2dd34ed86b5913c904c056091ec10319c2e7) || { echo "$draft4"; return 1; }
  cp "$draft4/dist/refs/json-schema-draft-04.json" "$work/draft-04.json"
  cp "$ajv/dist/refs/json-schema-draft-06.json" "$work/draft-06.json"
  cp "$ajv/dist/refs/json-schema-draft-07.json" "$work/draft-07.json"
  for version in 2019-09 2020-12; do
    mkdir -p "$work/$version"
    cp -R "$ajv/dist/refs/json-schema-$version/." "$work/$version/"
  done
  echo "npm ajv@8.17.1 and ajv-draft-04@1.0.0"
}

provide json-schema-test-suite b9e3e7a933ac176d3fe6fa6e3b40b6acd926aecce27260f599b07854b5028300 \
  fetch_suite
provide sarif 3e6a88926eb92566f7f42ebfe29a6e0f948c6ffcec8631ca15753a6a64dbed4d fetch_sarif
provide ocds 78193df5c9b2c007dc6f2beb54940565bb12e425572e674d02db0378e32dde73 fetch_ocds
# ../shared/data's copy and the download differ only in how the imports are laid out.
reqif_shared=0dd3cd9feb9ab79c68ec190bdbc1354a0ab2f75ae5dde4f7f3846d11528f177d
reqif_fetched=c6e1df527ddfec9a23a4afc8f9d979b5ef4613269e744da650d2b0d83f6e9af6
provide reqif "$reqif_shared $reqif_fetched" fetch_reqif
provide cpv cc382edd9bd7580705d109985688f17baa5c6a7b11d1c0c41ad887a017a3e9de fetch_cpv
provide metaschemas 6ce4710eb0fd0e925b63958d923a5c5d03e181701142094641ee373368974583 fetch_metaschemas

if [ "${#missing[@]}" -gt 0 ]; then
  echo "test data: MISSING in $target (the tests that need it will be skipped):"
  printf '  %s\n' "${missing[@]}"
  echo "  Run scripts/setup.sh --tests where the data can be reached (../shared/data beside the"
  echo "  repository, or the network), or point LEASPEC_TEST_DATA at a folder that holds it."
else
  echo "test data: complete in $target"
fi
