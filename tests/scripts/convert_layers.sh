#!/usr/bin/env bash
# reckon convert end to end on the project's example reports
# (tests/data/reports), with the default gazetteer:
#  - the bad reports are named on stderr, the rest is still written (exit 1);
#  - the GeoPackage passes GDAL's validator; headless QGIS opens every layer
#    styled, with the expected counts, in all four formats;
#  - the layers, dumped as sorted text, match tests/data/golden/convert/;
#  - --append of the same reports adds nothing; an existing output is refused
#    without --overwrite; an output that is not a GeoPackage is left intact.
#   convert_layers.sh RECKON_EXE SOURCE_DIR WORK_DIR   (RECKON_BINARY_DIR in the environment)
# Exit 0 pass, 1 fail, 77 skip (no python3-gdal / default gazetteer).
# Regenerate the golden file after an intended change: RECKON_UPDATE_GOLDEN=1.
set -uo pipefail
exe="$1"
src="$2"
work="$3"
bin="${RECKON_BINARY_DIR:?RECKON_BINARY_DIR not set}"
py=/usr/bin/python3
gaz="$bin/default-gazetteer.sqlite"
golden="$src/tests/data/golden/convert/layers.txt"

[ -f "$gaz" ] || { echo "SKIP: no default gazetteer at $gaz"; exit 77; }
"$py" -c "from osgeo import ogr" 2>/dev/null || { echo "SKIP: $py has no osgeo (python3-gdal)"; exit 77; }
rm -rf "$work" && mkdir -p "$work"
export RECKON_GAZETTEER="$gaz" QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work/xdg"
mkdir -p -m 0700 "$XDG_RUNTIME_DIR"
status=0
fail() { echo "FAIL: $*"; status=1; }

cd "$src"  # relative report paths in the layers
# the directory (its script and image are skipped by name) and a binary file named on purpose
"$exe" convert tests/data/reports tests/data/reports/bad/photo.png -o "$work/out.gpkg" --report "$work/diag.json" \
  >"$work/stdout" 2>"$work/stderr"
rc=$?
[ "$rc" = 1 ] || fail "exit code $rc with bad reports among the inputs, expected 1"
for bad in empty.txt latin1.txt photo.png truncated.pdf utf16.txt; do
  grep -q "bad/$bad" "$work/stderr" || fail "stderr does not name bad/$bad"
done
grep -q "^reports: 11 (5 failed)" "$work/stdout" || fail "summary: $(head -1 "$work/stdout")"
grep -Eq "skipped [0-9]+ files in the input directories" "$work/stderr" || fail "the fixtures' script, README and image not reported as skipped"
[ -s "$work/out.gpkg" ] || fail "no GeoPackage written"

# expected counts, from the diagnostics (not from the GeoPackage itself)
read -r n_inc n_area < <("$py" -c '
import json, sys
rows = [r for r in json.load(open(sys.argv[1])) if "incident_id" in r]
print(len(rows), sum(1 for r in rows if "lat" in r))' "$work/diag.json")
n_places=$("$py" -c '
import json, sys
print(len({r["place_id"] for r in json.load(open(sys.argv[1])) if r.get("place_id")}))' "$work/diag.json")
echo "expect incidents=$n_inc incident_areas=$n_area places=$n_places"

if ! "$py" -m osgeo_utils.samples.validate_gpkg --warning-as-error "$work/out.gpkg"; then
  fail "validate_gpkg"
fi

qgis_ok=1
QT_QPA_PLATFORM=offscreen "$py" -c "import qgis.core" 2>/dev/null || { qgis_ok=0; echo "note: no python3-qgis, QGIS checks skipped"; }
counts=(incidents="$n_inc" incident_areas="$n_area" places="$n_places")
if [ "$qgis_ok" = 1 ]; then
  "$py" tests/scripts/qgis_smoke.py --png "$work/out.png" "$work/out.gpkg" "${counts[@]}" || fail "QGIS, GeoPackage"
fi
for fmt in shp geojson csv; do
  "$exe" convert tests/data/reports/*.txt tests/data/reports/*.html tests/data/reports/*.pdf -q \
    -f "$fmt" -o "$work/out-$fmt" || fail "convert -f $fmt"
  if [ "$qgis_ok" = 1 ]; then
    "$py" tests/scripts/qgis_smoke.py "$work/out-$fmt" "${counts[@]}" || fail "QGIS, $fmt"
  fi
done

# golden layers (messages and offsets are covered by unit tests; keep the dump to what an analyst reads)
"$py" tests/scripts/dump_layers.py "$work/out.gpkg" >"$work/layers.txt" || fail "dump_layers"
if [ "${RECKON_UPDATE_GOLDEN:-0}" = 1 ]; then
  mkdir -p "$(dirname "$golden")" && cp "$work/layers.txt" "$golden" && echo "updated $golden"
elif ! diff -u "$golden" "$work/layers.txt"; then
  fail "layers differ from $golden (RECKON_UPDATE_GOLDEN=1 after an intended change)"
fi

# refuse to overwrite; append adds nothing new; a file that is not a GeoPackage survives
before=$(md5sum <"$work/out.gpkg")
"$exe" convert tests/data/reports/*.txt -q -o "$work/out.gpkg" 2>"$work/refuse.err"
[ $? = 1 ] && grep -q -- "--overwrite" "$work/refuse.err" || fail "existing output not refused: $(cat "$work/refuse.err")"
[ "$(md5sum <"$work/out.gpkg")" = "$before" ] || fail "refused output was modified"
"$exe" convert tests/data/reports/*.txt tests/data/reports/*.html tests/data/reports/*.pdf --append -o "$work/out.gpkg" \
  >"$work/append.out" || fail "append"
grep -q "already there" "$work/append.out" || fail "append did not skip duplicates: $(tail -1 "$work/append.out")"
"$py" -c '
import sys
from osgeo import ogr
ds = ogr.Open(sys.argv[1])
n = ds.GetLayerByName("incidents").GetFeatureCount()
sys.exit(0 if n == int(sys.argv[2]) else f"incidents after append: {n}, expected {sys.argv[2]}")' "$work/out.gpkg" "$n_inc" || fail "append duplicated"
echo "not a geopackage" >"$work/notes.gpkg"
"$exe" convert tests/data/reports/*.txt -q --append -o "$work/notes.gpkg" 2>"$work/notgpkg.err"
[ $? != 0 ] && grep -q "not a GeoPackage" "$work/notgpkg.err" || fail "not-a-GeoPackage: $(cat "$work/notgpkg.err")"
[ "$(cat "$work/notes.gpkg")" = "not a geopackage" ] || fail "the non-GeoPackage file was changed"
"$exe" convert tests/data/reports/*.txt -q -o "$work/no/such/dir/x.gpkg" 2>"$work/nodir.err"
[ $? != 0 ] && [ -s "$work/nodir.err" ] || fail "unwritable output directory accepted"

[ "$status" = 0 ] && echo "ok"
exit "$status"
