#!/usr/bin/env bash
# Builds the Debian package of a configured build and checks it as a user would get it:
# cmake --install into a staging folder, cpack -G DEB, lintian (no errors allowed), then the
# package extracted with dpkg-deb -x into a temporary root, whose binary is run on the bundled
# examples away from the source tree.
#
#   scripts/package.sh [BUILD_DIR]        default build; the package is left in BUILD_DIR/package
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=$(cd "${1:-build}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package: FAIL: $*" >&2; exit 1; }

cmake --build "$build_dir" >/dev/null

# cmake --install: everything lands where the package puts it.
cmake --install "$build_dir" --prefix "$work/staged/usr" >/dev/null
for path in bin/leaspec share/man/man1/leaspec.1.gz share/man/man1/leaspec-init.1.gz \
  share/bash-completion/completions/leaspec share/zsh/vendor-completions/_leaspec \
  share/fish/vendor_completions.d/leaspec.fish share/doc/leaspec/copyright \
  share/doc/leaspec/changelog.gz share/doc/leaspec/README.md \
  share/doc/leaspec/examples/body-worn-cameras.yaml; do
  [ -e "$work/staged/usr/$path" ] || fail "cmake --install did not install $path"
done

rm -rf "$build_dir/package"
(cd "$build_dir" && cpack -G DEB -B "$build_dir/package" >/dev/null)
deb=$(ls "$build_dir"/package/leaspec_*.deb)
echo "package: built $deb ($(du -k "$deb" | cut -f1) KiB)"
dpkg-deb --field "$deb" Package Version Architecture Depends

if command -v lintian >/dev/null; then
  lintian --fail-on error --display-level '>=warning' "$deb" || fail "lintian reports errors"
  echo "package: lintian reports no errors"
else
  fail "lintian is not installed (scripts/setup.sh --tests installs it)"
fi

# The extracted package works alone: no source tree, no build folder.
root=$work/root
dpkg-deb -x "$deb" "$root"
leaspec=$root/usr/bin/leaspec
if ldd "$leaspec" | grep -q "not found"; then
  fail "the packaged binary lacks libraries: $(ldd "$leaspec" | grep 'not found')"
fi
! strings "$leaspec" | grep -qF "$PWD" || fail "the packaged binary names the source tree $PWD"
mkdir "$work/run" && cd "$work/run"
examples=$root/usr/share/doc/leaspec/examples
"$leaspec" --version
"$leaspec" validate "$examples"
"$leaspec" generate annex "$examples/body-worn-cameras.yaml" --format docx -o annex.docx
"$leaspec" export reqif "$examples/anpr.yaml" -o anpr.reqifz
"$leaspec" init new/spec.yaml --area forensics --lead NL-POL --country NL >/dev/null
"$leaspec" validate --strict new/spec.yaml
[ -s annex.docx ] && [ -s anpr.reqifz ] || fail "the packaged binary wrote no documents"
cmp -s <("$leaspec" completion bash) "$root/usr/share/bash-completion/completions/leaspec" ||
  fail "the packaged bash completion differs from what the binary prints"
man -l "$root/usr/share/man/man1/leaspec-init.1.gz" 2>/dev/null | grep -q "leaspec init" ||
  zcat "$root/usr/share/man/man1/leaspec-init.1.gz" | grep -q "leaspec init" ||
  fail "the packaged manual page of init is unreadable"
echo "package: the extracted package runs on its examples"
