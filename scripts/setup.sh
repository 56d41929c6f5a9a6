#!/usr/bin/env bash
# Sets leaspec up on Debian 12 and builds a Release build in build/. Safe to run again.
#
#   scripts/setup.sh            the packages building and running need, then build leaspec
#   scripts/setup.sh --tests    also what the tests need (document readers, linters, npm tools
#                               in tests/tools/, third-party test data), then build the tests
#   BUILD_DIR=out BUILD_TYPE=Debug LEASPEC_WERROR=ON LEASPEC_SANITIZE=ON scripts/setup.sh --tests
#
# Only missing Debian packages are installed (with sudo unless run as root). The test data
# goes to $LEASPEC_TEST_DATA, or to test-data/ in the build folder (see scripts/test-data.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

tests=false
for argument in "$@"; do
  case $argument in
    --tests) tests=true ;;
    -h | --help) sed -n '2,10s/^# \{0,1\}//p' "$0"; exit 0 ;;
    *) echo "setup: unknown argument $argument (try --help)" >&2; exit 2 ;;
  esac
done

build_packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libyaml-dev libcli11-dev libfmt-dev libpcre2-dev nlohmann-json3-dev
  zlib1g-dev libpugixml-dev libudunits2-dev
)
test_packages=(
  doctest-dev libzip-dev libyaml-cpp-dev python3 bsdutils curl ca-certificates file
  mandoc clang-format clang-tidy clang libfuzzer-14-dev lintian bash-completion zsh fish
  libreoffice-writer-nogui libreoffice-calc-nogui gnumeric poppler-utils
  python3-docx python3-openpyxl python-odf-tools python3-yaml python3-jsonschema
  libxml2-utils tidy cmark-gfm pandoc chromium hyperfine
)

packages=("${build_packages[@]}")
if $tests; then
  packages+=("${test_packages[@]}")
  # npm comes from Debian unless a Node.js that brings its own is installed.
  command -v npm >/dev/null || packages+=(npm)
fi

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
  # Waits for another package manager to finish rather than failing.
  apt=(apt-get -o DPkg::Lock::Timeout=600)
  "${sudo_cmd[@]}" "${apt[@]}" update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" "${apt[@]}" install -y -qq \
    --no-install-recommends "${missing[@]}" >/dev/null
fi

# ccache hits across clones in other folders.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
build_dir=${BUILD_DIR:-build}
configure=(-DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" -DLEASPEC_WERROR="${LEASPEC_WERROR:-OFF}"
  -DLEASPEC_SANITIZE="${LEASPEC_SANITIZE:-OFF}" -DLEASPEC_FUZZ="${LEASPEC_FUZZ:-OFF}"
  -DLEASPEC_UNITY="${LEASPEC_UNITY:-OFF}")
if $tests; then
  # The npm packages the tests run, at the versions package-lock.json pins, in tests/tools/.
  if ! cmp -s tests/tools/package-lock.json tests/tools/node_modules/.installed-lock.json; then
    echo "setup: installing the npm packages of tests/tools/"
    npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error >/dev/null
    cp tests/tools/package-lock.json tests/tools/node_modules/.installed-lock.json
  fi
  # Their install scripts may not have run (npm can hold them back): make the tools runnable.
  find tests/tools/node_modules -path '*sarif-multitool-linux/Sarif.Multitool' -exec chmod +x {} +
  if [ -f tests/differential/setup.sh ]; then
    bash tests/differential/setup.sh
  fi
  test_data=${LEASPEC_TEST_DATA:-$build_dir/test-data}
  scripts/test-data.sh "$test_data"
  configure+=(-DLEASPEC_TESTS=ON -DLEASPEC_TEST_DATA="$(cd "$test_data" && pwd)")
fi
cmake -S . -B "$build_dir" -G Ninja "${configure[@]}" >/dev/null
cmake --build "$build_dir"
echo "setup: built $build_dir/leaspec"
