#!/bin/sh
# reckon control build end to end on the grid fixture (tests/data/control):
# every output format, read back with GDAL's Python bindings: layers,
# fields and their types, valid geometries, the snapshot invariants, the
# QGIS styles; and, when python3-qgis is there, the default style and the
# temporal properties as QGIS loads them.
# usage: control_build.sh RECKON_EXE SOURCE_DIR WORK_DIR
set -eu
bin=$1
src=$2
work=$3
py=/usr/bin/python3
if ! "$py" -c 'from osgeo import ogr' 2>/dev/null; then
    echo "SKIP: no GDAL Python bindings for $py"
    exit 77
fi
rm -rf "$work"
mkdir -p "$work"
data="$src/tests/data/control"
"$bin" gazetteer build -q -o "$work/grid.sqlite" --geonames "$data/grid.geonames.txt" --boundaries "$data/grid_admin.geojson"

run() {
    "$bin" control build --gazetteer "$work/grid.sqlite" --evidence "$data/grid_evidence.csv" \
        --evidence "$data/grid_incidents.geojson" --baseline "$data/grid_baseline_3857.geojson" \
        --from 2020-02-01 --to 2020-02-17 --step week -q "$@" 2>"$work/stderr" || rc=$?
    # the bad rows of the fixtures: exit code 1, each named, the rest written
    test "${rc:-0}" -eq 1 || { echo "FAIL: exit code ${rc:-0}, expected 1"; cat "$work/stderr"; exit 1; }
    grep -q "grid_evidence.csv:7: place 'Az Zahra' is ambiguous" "$work/stderr"
    rc=0
}
run -o "$work/control.gpkg"
run -o "$work/shp" --format shp
run -o "$work/geojson" --format geojson
run -o "$work/csv" --format csv
# the output exists: refused without --overwrite, and left intact
if "$bin" control build --gazetteer "$work/grid.sqlite" --evidence "$data/grid_evidence.csv" --as-of 2020-02-17 \
    -o "$work/control.gpkg" 2>"$work/stderr"; then
    echo "FAIL: an existing output was overwritten"; exit 1
fi
grep -q -- "--overwrite" "$work/stderr"

"$py" - "$work" <<'PY'
import os, sys
from osgeo import ogr, gdal
gdal.UseExceptions()
gdal.PushErrorHandler("CPLQuietErrorHandler")  # areas of the lines where neighbours touch
work = sys.argv[1]
want_areas = {"area_id": "String", "controller": "String", "as_of": "Date", "valid_from": "Date", "valid_to": "Date",
              "area_km2": "Real", "evidence_count": "Integer", "first_evidence": "Date", "last_evidence": "Date",
              "contested": "Integer", "method": "String"}
want_changes = {"change_id": "String", "controller_from": "String", "controller_to": "String", "valid_from": "Date",
                "valid_to": "Date", "area_km2": "Real", "incident_ids": "String", "place_ids": "String",
                "evidence_count": "Integer"}

def fields(layer):
    d = layer.GetLayerDefn()
    return {d.GetFieldDefn(i).GetName(): d.GetFieldDefn(i).GetTypeName() for i in range(d.GetFieldCount())}

def area(g):
    return g.GetArea() if g is not None and ogr.GT_Flatten(g.GetGeometryType()) in (ogr.wkbPolygon, ogr.wkbMultiPolygon, ogr.wkbGeometryCollection) else 0.0

def check(path, layer_of, typed=True):
    areas, changes = layer_of("control_areas"), layer_of("control_changes")
    if typed:
        assert fields(areas) == want_areas, (path, fields(areas))
        assert fields(changes) == want_changes, (path, fields(changes))
    by_date = {}
    for f in areas:
        g = f.GetGeometryRef()
        assert g is not None and g.IsValid(), (path, f.GetField("area_id"))
        by_date.setdefault(f.GetField("as_of"), []).append(g.Clone())
    assert sorted(by_date) == ["2020/02/01", "2020/02/08", "2020/02/15", "2020/02/17"], (path, sorted(by_date))
    clip = ogr.CreateGeometryFromWkt("POLYGON ((36 35, 37 35, 37 35.6, 36 35.6, 36 35))")
    for day, gs in by_date.items():
        union = ogr.Geometry(ogr.wkbMultiPolygon)
        for i, a in enumerate(gs):
            for b in gs[i + 1:]:
                assert area(a.Intersection(b)) < 1e-9, (path, day, "overlap")
            union = union.Union(a)
        assert area(union.SymmetricDifference(clip)) < 1e-9, (path, day, "union is not the clip area")
    n = 0
    for f in changes:
        n += 1
        assert f.GetGeometryRef().IsValid()
        assert f.GetField("incident_ids" if typed else "inc_ids")
    assert n == 2, (path, n)

ds = ogr.Open(os.path.join(work, "control.gpkg"))
check("gpkg", ds.GetLayerByName)
styles = ds.GetLayerByName("layer_styles")
assert styles is not None, "no layer_styles"
qml = {f.GetField("f_table_name"): f.GetField("styleQML") for f in styles}
assert "temporal" in qml["control_areas"] and "(contested)" in qml["control_areas"], "control_areas style"
assert "#e31a1c" not in qml["control_areas"]  # QML colours are r,g,b,a
assert "227,26,28" in qml["control_areas"], "the Syrian army's red"
for fmt, ext in (("shp", "shp"), ("geojson", "geojson")):
    opened = {}
    def layer(name, fmt=fmt, ext=ext):
        opened[name] = ogr.Open(os.path.join(work, fmt, name + "." + ext))
        return opened[name].GetLayer(0)
    check(fmt, layer, typed=(fmt != "shp"))
    assert os.path.exists(os.path.join(work, fmt, "control_areas.qml"))
csv = ogr.Open(os.path.join(work, "csv", "control_areas.csv"))
assert csv.GetLayer(0).GetFeatureCount() > 0
print("ok: gpkg, shp, geojson, csv")
PY

if "$py" -c 'import qgis.core' 2>/dev/null; then
    QT_QPA_PLATFORM=offscreen "$py" - "$work/control.gpkg" <<'PY'
import sys
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
for name in ("control_areas", "control_changes"):
    layer = QgsVectorLayer(sys.argv[1] + "|layername=" + name, name, "ogr")
    assert layer.isValid(), name
    msg, ok = layer.loadDefaultStyle()
    assert ok, (name, msg)
    assert layer.renderer().type() == "categorizedSymbol", name
    t = layer.temporalProperties()
    assert t.isActive() and t.startField() == "valid_from" and t.endField() == "valid_to", name
    del layer
print("ok: QGIS loads the styles and temporal properties", flush=True)
# QGIS 3.22 can crash in exitQgis() on the way out; the checks are done
import os
os._exit(0)
PY
else
    echo "note: no python3-qgis: QGIS check skipped"
fi
