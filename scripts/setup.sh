#!/usr/bin/env bash
# Installs what leaspec needs on Debian 12 (only the missing packages), then configures and
# builds a Release build in build/. Safe to run again.
#
#   scripts/setup.sh                  build in build/
#   BUILD_DIR=out LEASPEC_WERROR=ON scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libyaml-cpp-dev libcli11-dev libfmt-dev doctest-dev libpcre2-dev nlohmann-json3-dev libzip-dev
  libxlsxwriter-dev libudunits2-dev
  python3 bsdutils mandoc clang-format clang-tidy
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils python3-docx python3-openpyxl python-odf-tools
  libxml2-utils python3-jsonschema python3-yaml
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo_cmd=(sudo)
  fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" \
  -DLEASPEC_WERROR="${LEASPEC_WERROR:-OFF}" -DLEASPEC_SANITIZE="${LEASPEC_SANITIZE:-OFF}" >/dev/null
cmake --build "$build_dir"
echo "setup: built $build_dir/leaspec"
