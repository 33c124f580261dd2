#!/bin/sh
# Build the gazetteer the golden CLI tests search: WORKDIR/mini.sqlite from the
# hand-written fixtures in tests/data/mini.
# usage: make_fixture.sh RECKON_BIN WORKDIR
set -eu
if [ $# -ne 2 ]; then
    echo "usage: $0 RECKON_BIN WORKDIR" >&2
    exit 2
fi
bin=$1
case "$bin" in /*) ;; */*) bin="$(pwd)/$bin" ;; esac
mkdir -p "$2"
work=$(cd "$2" && pwd)
src=$(cd "$(dirname "$0")/../data/mini" && pwd)
rm -f "$work/mini.sqlite"
# Relative input paths, so the sources listed by 'gazetteer info' do not
# depend on where the checkout lives.
cd "$src"
"$bin" gazetteer build -q -o "$work/mini.sqlite" \
    --geonames mini.geonames.txt \
    --curated mini.curated.csv \
    --boundaries mini_adm1.geojson
test -s "$work/mini.sqlite"
# The validation fixtures' gazetteer: WORKDIR/validate.sqlite (tests/data/validate).
cd "$src/../validate"
"$bin" gazetteer build -q -o "$work/validate.sqlite" \
    --geonames places.geonames.txt \
    --boundaries adm1.geojson
test -s "$work/validate.sqlite"
