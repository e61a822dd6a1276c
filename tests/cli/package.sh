#!/bin/bash
# `cpack -G DEB` builds a package that holds the binary, the man page and the
# bash/zsh completions, and its binary converts a sample exactly as the build
# does. Without --install the package is unpacked with dpkg -x (the machine is
# not changed); with --install (CI: .ci/run) it is installed with dpkg -i, the
# installed /usr/bin/noticetab is run, and the package is removed again.
# usage: package.sh BUILD_DIR SOURCE_DIR [--install]
set -eu
build=$1 src=$2 install=${3:-}
command -v cpack >/dev/null && command -v dpkg-deb >/dev/null || { echo "skipped: no cpack or dpkg-deb"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
(cd "$T" && cpack -G DEB --config "$build/CPackConfig.cmake" >/dev/null)
deb=$(ls "$T"/noticetab_*.deb)
dpkg-deb -I "$deb" | grep -q '^ Package: noticetab$'
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/noticetab ./usr/share/man/man1/noticetab.1 ./usr/share/bash-completion/completions/noticetab \
         ./usr/share/zsh/vendor-completions/_noticetab; do
  grep -qx "$f" <<< "$files" || { echo "FAIL: $f is not in the package"; exit 1; }
done
if [ "$install" = --install ]; then
  dpkg -i "$deb" >/dev/null
  trap 'dpkg -r noticetab >/dev/null; rm -rf "$T"' EXIT
  bin=/usr/bin/noticetab
  man -w noticetab >/dev/null 2>&1 || [ -f /usr/share/man/man1/noticetab.1 ] || { echo "FAIL: no man page"; exit 1; }
else
  dpkg-deb -x "$deb" "$T/root"
  bin=$T/root/usr/bin/noticetab
fi
cd "$src"
"$bin" --version | grep -q '^rules: built-in '
"$bin" -f csv samples/linyi-2023.txt > "$T/installed.csv"
"$build/noticetab" -f csv samples/linyi-2023.txt > "$T/built.csv"
cmp "$T/installed.csv" "$T/built.csv" || { echo "FAIL: the packaged binary converts differently"; exit 1; }
echo "ok: $(basename "$deb") ($([ "$install" = --install ] && echo installed with dpkg -i || echo unpacked)), $(wc -l < "$T/installed.csv") CSV lines"
