#!/usr/bin/python3
"""Headless QGIS smoke test of written layers.

    /usr/bin/python3 qgis_smoke.py [--png FILE] [--size WxH] DATASET layer=count ... [DATASET layer=count ...]

DATASET is a GeoPackage (layers are its tables), a directory of layer files
(layer -> DATASET/layer.shp, .geojson or .csv, whichever exists) or a single
layer file (its one layer; give it as NAME=count with NAME the file's stem).

For every layer: QGIS opens it (valid), it has `count` features, its CRS is
EPSG:4326, and QGIS applied the style stored with it (GeoPackage:
layer_styles; files: the .qml beside them) -- the renderer type, classified
field, categories (value, label, colour) or single-symbol colour, and the
labelling switch match the stored QML, not QGIS's random default.
With --png, all layers are rendered (QgsMapRendererSequentialJob) into FILE,
which must be non-empty and not a single colour.

Exit 0 pass, 1 fail, 2 usage, 77 QGIS's Python bindings (python3-qgis) missing.
Reusable by other tests (e.g. the `reckon convert` tests).
"""

import os
import sqlite3
import sys
import xml.etree.ElementTree as ET

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("XDG_RUNTIME_DIR", "/tmp/runtime-" + str(os.getuid()))

try:
    from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererSequentialJob,
                           QgsMapSettings, QgsRectangle, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
except ImportError as e:  # python3-qgis absent: skip, do not fail
    print(f"SKIP: QGIS Python bindings not available ({e}); install python3-qgis")
    sys.exit(77)

FILE_EXTENSIONS = (".shp", ".geojson", ".csv", ".dbf")


def usage(msg):
    print(f"qgis_smoke.py: {msg}\n{__doc__}", file=sys.stderr)
    sys.exit(2)


def parse_args(argv):
    png, size, datasets = None, (800, 600), []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--png":
            i += 1
            png = argv[i] if i < len(argv) else usage("--png needs a file")
        elif a == "--size":
            i += 1
            try:
                w, h = argv[i].lower().split("x")
                size = (int(w), int(h))
            except (IndexError, ValueError):
                usage("--size WxH")
        elif "=" in a and datasets and not os.path.exists(a):
            name, _, count = a.rpartition("=")
            try:
                datasets[-1][1].append((name, int(count)))
            except ValueError:
                usage(f"bad layer=count: {a}")
        else:
            datasets.append((a, []))
        i += 1
    if not datasets or any(not layers for _, layers in datasets):
        usage("give DATASET layer=count ...")
    return png, size, datasets


def is_gpkg(path):
    if not os.path.isfile(path):
        return False
    with open(path, "rb") as f:
        head = f.read(72)
    return head.startswith(b"SQLite format 3\0") and head[68:72] in (b"GPKG", b"GP10", b"GP11")


def locate(dataset, layer):
    """(QGIS uri, stored QML text or None, where the style came from)"""
    if is_gpkg(dataset):
        con = sqlite3.connect(f"file:{dataset}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT styleQML FROM layer_styles WHERE f_table_name = ? AND useAsDefault "
                              "ORDER BY update_time DESC LIMIT 1", (layer,)).fetchone()
        except sqlite3.Error:
            row = None
        con.close()
        return f"{dataset}|layername={layer}", (row[0] if row else None), "layer_styles"
    if os.path.isdir(dataset):
        for ext in FILE_EXTENSIONS:
            p = os.path.join(dataset, layer + ext)
            if os.path.exists(p):
                return locate(p, layer)
        return None, None, None
    qml = os.path.splitext(dataset)[0] + ".qml"
    text = open(qml, encoding="utf-8").read() if os.path.exists(qml) else None
    return dataset, text, os.path.basename(qml)


def qml_colour(symbol_el):
    """Colour of the first symbol layer of a <symbol> element, as '#rrggbb'."""
    layer = symbol_el.find("layer")
    if layer is None:
        return None
    for opt in layer.iter("Option"):
        if opt.get("name") == "color":
            r, g, b = (int(x) for x in opt.get("value").split(",")[:3])
            return QColor(r, g, b).name()
    for prop in layer.iter("prop"):
        if prop.get("k") == "color":
            r, g, b = (int(x) for x in prop.get("v").split(",")[:3])
            return QColor(r, g, b).name()
    return None


def check_style(layer, qml_text):
    """Problems found comparing the applied renderer with the stored QML."""
    problems = []
    try:
        root = ET.fromstring(qml_text)
    except ET.ParseError as e:
        return [f"stored style is not well-formed XML ({e})"]
    rend_el = root.find("renderer-v2")
    r = layer.renderer()
    if rend_el is None:
        return ["stored style has no renderer"]
    want_type = rend_el.get("type")
    if r is None or r.type() != want_type:
        return [f"renderer {r.type() if r else None}, stored style has {want_type}"]
    symbols = {s.get("name"): s for s in rend_el.find("symbols").findall("symbol")}
    if want_type == "categorizedSymbol":
        if r.classAttribute() != rend_el.get("attr"):
            problems.append(f"classified by {r.classAttribute()}, stored style by {rend_el.get('attr')}")
        want = [(c.get("value"), c.get("label"), qml_colour(symbols[c.get("symbol")]))
                for c in rend_el.find("categories").findall("category")]
        cats = r.categories()
        have = [(str(c.value()) if c.value() is not None else "", c.label(), c.symbol().color().name()) for c in cats]
        if have != want:
            problems.append(f"categories differ from the stored style:\n      applied {have}\n      stored  {want}")
    elif want_type == "singleSymbol":
        want = qml_colour(symbols["0"])
        have = r.symbol().color().name()
        if have != want:
            problems.append(f"symbol colour {have}, stored style {want}")
    want_labels = root.get("labelsEnabled") == "1"
    if layer.labelsEnabled() != want_labels:
        problems.append(f"labels enabled {layer.labelsEnabled()}, stored style {want_labels}")
    return problems


def render(layers, png, size):
    settings = QgsMapSettings()
    # Points on top of polygons: the first layer in the list is drawn last.
    order = sorted(layers, key=lambda l: 0 if l.geometryType() == 0 else 1)
    settings.setLayers(order)
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    extent = QgsRectangle()
    extent.setMinimal()
    for l in layers:
        if not l.extent().isEmpty():
            extent.combineExtentWith(l.extent())
    extent.scale(1.1)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    if image.isNull():
        return ["rendered image is empty"]
    if not image.save(png, "PNG") or os.path.getsize(png) == 0:
        return [f"cannot write {png}"]
    colours = set()
    step_x, step_y = max(1, image.width() // 200), max(1, image.height() // 150)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
    if len(colours) < 3:
        return [f"rendered image has {len(colours)} colour(s): nothing drawn"]
    print(f"ok: rendered {len(layers)} layers into {png} ({image.width()}x{image.height()}, {len(colours)} colours sampled)")
    return []


def main(argv):
    png, size, datasets = parse_args(argv)
    app = QgsApplication([], False)
    app.initQgis()
    failures = 0
    loaded = []
    for dataset, layers in datasets:
        for name, count in layers:
            where = f"{dataset}: {name}"
            uri, qml, origin = locate(dataset, name)
            if uri is None:
                print(f"FAIL: {where}: no such layer file")
                failures += 1
                continue
            layer = QgsVectorLayer(uri, name, "ogr")
            problems = []
            if not layer.isValid():
                problems.append("QGIS cannot open it")
            else:
                if layer.featureCount() != count:
                    problems.append(f"{layer.featureCount()} features, {count} expected")
                if layer.crs().authid() != "EPSG:4326":
                    problems.append(f"CRS {layer.crs().authid() or 'unknown'}, EPSG:4326 expected")
                if qml is None:
                    problems.append(f"no stored style ({origin})")
                else:
                    problems += check_style(layer, qml)
            if problems:
                failures += 1
                print(f"FAIL: {where}: " + "; ".join(problems))
            else:
                print(f"ok: {where}: {count} features, EPSG:4326, style from {origin} applied "
                      f"({layer.renderer().type()})")
                loaded.append(layer)
    if png and loaded:
        problems = render(loaded, png, size)
        for p in problems:
            print(f"FAIL: render: {p}")
        failures += len(problems)
    # Layers must go before QGIS does, or the interpreter crashes on exit.
    del loaded[:]
    layer = None
    app.exitQgis()
    return 1 if failures else 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stdout.flush()
    # Skip Python's teardown of Qt objects, a known source of exit crashes with PyQGIS.
    os._exit(code)
