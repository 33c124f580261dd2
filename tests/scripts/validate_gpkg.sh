#!/usr/bin/env bash
# Every GeoPackage reckon writes (created, overwritten, appended to) passes
# GDAL's GeoPackage validator, warnings included.
#   validate_gpkg.sh RECKON_EXE SOURCE_DIR WORK_DIR   (RECKON_BINARY_DIR in the environment)
# Exit 0 pass, 1 fail, 77 skip (no python3-gdal).
set -euo pipefail
work="$3"
bin="${RECKON_BINARY_DIR:?RECKON_BINARY_DIR not set}"
sample="$bin/tests/reckon_write_sample"
py=/usr/bin/python3

if ! "$py" -c "import osgeo_utils.samples.validate_gpkg" 2>/dev/null; then
  echo "SKIP: $py has no osgeo_utils (install python3-gdal)"
  exit 77
fi
[ -x "$sample" ] || { echo "FAIL: $sample not built"; exit 1; }

rm -rf "$work" && mkdir -p "$work"
failed=0
validate() {  # FILE WHAT
  if out=$("$py" -m osgeo_utils.samples.validate_gpkg --warning-as-error "$1" 2>&1); then
    echo "ok: $2"
  else
    echo "FAIL: $2: $1"
    echo "$out" | sed 's/^/    /'
    failed=1
  fi
}

"$sample" "$work/all.gpkg" >/dev/null
validate "$work/all.gpkg" "all layers, created"

"$sample" --mode overwrite --range 2:9 "$work/all.gpkg" >/dev/null
validate "$work/all.gpkg" "all layers, overwritten"

# Append with overlapping keys, then append layers that were not there.
"$sample" --range 0:6 --layers incidents,places "$work/append.gpkg" >/dev/null
validate "$work/append.gpkg" "two layers, created"
"$sample" --mode append --range 4:12 --layers incidents "$work/append.gpkg" >/dev/null
validate "$work/append.gpkg" "appended with duplicate keys"
stats=$("$sample" --mode append "$work/append.gpkg")
validate "$work/append.gpkg" "appended new layers"
# 16 incidents in the sample pool: 0..11 were there, 12..15 are new.
if ! grep -qx "incidents 4 12 0" <<<"$stats"; then
  echo "FAIL: append statistics: expected 'incidents 4 12 0' in:"; echo "$stats" | sed 's/^/    /'; failed=1
fi

# Append to a missing file creates it.
"$sample" --mode append "$work/fresh.gpkg" >/dev/null
validate "$work/fresh.gpkg" "append to a missing file"

leftovers=$(find "$work" -name '*.tmp-*' -o -name '*-journal' | head -5)
if [ -n "$leftovers" ]; then echo "FAIL: temporary files left: $leftovers"; failed=1; fi
exit $failed
