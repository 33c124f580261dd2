#!/usr/bin/env bash
# Headless QGIS (Debian's python3-qgis) opens every layer reckon writes,
# applies the stored default styles and renders them: a GeoPackage (styles in
# layer_styles), a Shapefile directory and a GeoJSON directory (.qml beside
# each file). The checks are in qgis_smoke.py, reusable by other tests.
#   qgis_smoke.sh RECKON_EXE SOURCE_DIR WORK_DIR   (RECKON_BINARY_DIR in the environment)
# Exit 0 pass, 1 fail, 77 skip (python3-qgis missing).
set -euo pipefail
src="$2"
work="$3"
bin="${RECKON_BINARY_DIR:?RECKON_BINARY_DIR not set}"
sample="$bin/tests/reckon_write_sample"
py=/usr/bin/python3

if ! QT_QPA_PLATFORM=offscreen "$py" -c "import qgis.core" 2>/dev/null; then
  echo "SKIP: $py cannot import qgis.core (install python3-qgis)"
  exit 77
fi
[ -x "$sample" ] || { echo "FAIL: $sample not built"; exit 1; }

rm -rf "$work" && mkdir -p "$work"
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR="$work/xdg" && mkdir -p -m 0700 "$XDG_RUNTIME_DIR"

"$sample" "$work/layers.gpkg" >/dev/null
"$sample" --format shp "$work/shp" >/dev/null
"$sample" --format geojson "$work/geojson" >/dev/null
"$sample" --format csv "$work/csv" >/dev/null

# Feature counts of the sample pool (tests/tools/sample_layers.hpp).
counts=(incidents=16 incident_areas=14 places=8 control_areas=6 control_changes=3)
"$py" "$src/tests/scripts/qgis_smoke.py" --png "$work/gpkg.png" "$work/layers.gpkg" "${counts[@]}"
"$py" "$src/tests/scripts/qgis_smoke.py" --png "$work/shp.png" "$work/shp" "${counts[@]}"
"$py" "$src/tests/scripts/qgis_smoke.py" "$work/geojson" "${counts[@]}" "$work/csv" incidents=16 places=8
