#!/usr/bin/env bash
# reckon installs like a Debian tool:
#  - `cmake --install --prefix P` puts the binary, the man pages, the bash
#    completion, the gazetteer tree and the default-gazetteer recipe under P,
#    and P/bin/reckon runs;
#  - `cpack -G DEB` builds a package whose Depends name the Debian package of
#    every shared library the binary links (dpkg-shlibdeps), no -dev package;
#    `dpkg-deb --info`, `dpkg -c`, an install into a scratch root, and apt's
#    simulation that this system satisfies the Depends.
#   install_package.sh RECKON_EXE SOURCE_DIR WORK_DIR   (RECKON_BINARY_DIR in the environment)
# Exit 0 pass, 1 fail, 77 skip (no cpack/dpkg-deb: not a Debian system).
set -uo pipefail
src="$2"
work="$3"
bin="${RECKON_BINARY_DIR:?RECKON_BINARY_DIR not set}"
for tool in cpack dpkg-deb dpkg dpkg-shlibdeps readelf; do
  command -v "$tool" >/dev/null || { echo "SKIP: no $tool (packaging needs a Debian system with dpkg-dev)"; exit 77; }
done
version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$bin/CMakeCache.txt")
failed=0
fail() { echo "FAIL: $*"; failed=1; }
rm -rf "$work" && mkdir -p "$work"

# what is installed is what is built: the binary and the generated docs
cmake --build "$bin" --target reckon reckon_docs_generated >"$work/build.log" 2>&1 ||
  { cat "$work/build.log"; fail "cmake --build"; exit 1; }
pages=$(cd "$bin/docs/man" && ls -- *.1)

# --- cmake --install
prefix="$work/prefix"
cmake --install "$bin" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; exit 1; }
got=$("$prefix/bin/reckon" --version) || fail "$prefix/bin/reckon --version failed"
[ "$got" = "reckon $version" ] || fail "installed --version says '$got', expected 'reckon $version'"
for page in $pages; do
  [ -s "$prefix/share/man/man1/$page.gz" ] || fail "not installed: share/man/man1/$page.gz"
done
if command -v man >/dev/null; then
  MANPATH="$prefix/share/man" MANWIDTH=120 man -P cat reckon-convert 2>/dev/null | grep -q -- '--output' ||
    fail "man reckon-convert (MANPATH=$prefix/share/man) does not show --output"
fi
for f in share/bash-completion/completions/reckon share/reckon/gazetteer/schema.sql \
         share/reckon/scripts/build-default-gazetteer share/reckon/build-default-gazetteer share/doc/reckon/README.md; do
  [ -s "$prefix/$f" ] || fail "not installed: $f"
done
[ -x "$prefix/share/reckon/build-default-gazetteer" ] || fail "share/reckon/build-default-gazetteer is not executable"
# the whole gazetteer tree, by directory: every file of the source's gazetteer/
while IFS= read -r f; do
  cmp -s "$src/gazetteer/$f" "$prefix/share/reckon/gazetteer/$f" || fail "share/reckon/gazetteer/$f differs or is missing"
done < <(cd "$src/gazetteer" && find . -type f | sed 's|^\./||')
[ "$failed" = 0 ] && echo "ok: cmake --install --prefix $prefix; reckon --version: $got"

# --- cpack -G DEB
(cd "$bin" && cpack -G DEB -B "$work/pkg") >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; fail "cpack -G DEB"; exit 1; }
deb=$(ls "$work"/pkg/reckon_*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || { cat "$work/cpack.log"; fail "cpack wrote no .deb"; exit 1; }
dpkg-deb --info "$deb" >"$work/info.txt" || fail "dpkg-deb --info $deb"
field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = reckon ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), expected $version"
depends=$(field Depends)
[ -n "$depends" ] || fail "no Depends"
case "$depends" in *-dev*) fail "Depends names a -dev package: $depends" ;; esac
# every library the binary links comes from a package the Depends names
linked=0
depend_names=$(sed 's/ ([^)]*)//g; s/ *| */\n/g; s/, /\n/g' <<<"$depends")
while read -r soname; do
  linked=$((linked + 1))
  path=$(ldd "$bin/reckon" | awk -v s="$soname" '$1 == s { print $3 }')
  [ -n "$path" ] || { fail "ldd does not resolve $soname"; continue; }
  pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null)
  pkg=${pkg%%:*}
  [ -n "$pkg" ] || { echo "note: $soname ($path) is in no Debian package"; continue; }
  grep -qxF -- "$pkg" <<<"$depend_names" || fail "Depends lacks $pkg (for $soname): $depends"
done < <(readelf -d "$bin/reckon" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ "$linked" -ge 5 ] || fail "only $linked NEEDED libraries read from $bin/reckon"
dpkg -c "$deb" >"$work/contents.txt" || fail "dpkg -c $deb"
for f in ./usr/bin/reckon ./usr/share/bash-completion/completions/reckon ./usr/share/reckon/gazetteer/schema.sql \
         ./usr/share/reckon/build-default-gazetteer ./usr/share/reckon/scripts/build-default-gazetteer; do
  grep -qF -- " $f" "$work/contents.txt" || fail "the package lacks $f"
done
for page in $pages; do
  grep -qF -- " ./usr/share/man/man1/$page.gz" "$work/contents.txt" || fail "the package lacks man page $page.gz"
done
[ "$failed" = 0 ] && echo "ok: $(basename "$deb"): the packages of all $linked linked libraries in Depends: $depends"

# --- install into a scratch root (its dpkg database is empty, so Depends are
# forced there; apt's simulation checks them against this system)
root="$work/root"
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" && : >"$root/var/lib/dpkg/status"
force=(--force-depends --force-script-chrootless)
[ "$(id -u)" -ne 0 ] && force+=(--force-not-root)
if dpkg --root="$root" "${force[@]}" -i "$deb" >"$work/dpkg.log" 2>&1; then
  how="dpkg --root"
  dpkg --root="$root" -s reckon 2>/dev/null | grep -q '^Status: install ok installed' || fail "dpkg --root: reckon not installed"
else
  echo "note: dpkg --root refused here ($(tail -n1 "$work/dpkg.log")); unpacking with dpkg -x"
  rm -rf "$root" && dpkg -x "$deb" "$root" || fail "dpkg -x $deb"
  how="dpkg -x"
fi
got=$("$root/usr/bin/reckon" --version) || fail "$root/usr/bin/reckon --version failed"
[ "$got" = "reckon $version" ] || fail "packaged --version says '$got'"
if command -v apt-get >/dev/null; then
  apt-get install -s "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; fail "apt-get -s install: the Depends are not satisfiable here"; }
fi
[ "$failed" = 0 ] && echo "ok: installed with $how into $root; reckon --version: $got"
exit "$failed"
