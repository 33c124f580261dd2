#!/usr/bin/python3
"""Print the layers of a dataset as sorted, diffable text (golden tests).

    /usr/bin/python3 dump_layers.py [--drop FIELD,...] [--digits N] DATASET

One line per feature: "layer | field=value | ... | WKT", fields in schema
order, features sorted by their text, coordinates rounded to N decimals
(default 4, ~10 m) so that last-digit changes in the geometry do not show.
DATASET: a GeoPackage, or a directory of layer files (each opened by GDAL).
"""

import os
import re
import sys

from osgeo import ogr

ogr.UseExceptions()


def rounded_wkt(geom, digits):
    if geom is None:
        return "EMPTY"
    wkt = geom.ExportToIsoWkt()
    return re.sub(r"-?\d+\.\d+", lambda m: f"{float(m.group(0)):.{digits}f}", wkt)


def dump_layer(layer, drop, digits, out):
    defn = layer.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    lines = []
    for f in layer:
        parts = [layer.GetName()]
        for i, n in enumerate(names):
            if n in drop:
                continue
            v = f.GetField(i) if f.IsFieldSet(i) and not f.IsFieldNull(i) else None
            if isinstance(v, float):
                v = f"{v:.{digits}f}"
            parts.append(f"{n}={'' if v is None else v}")
        parts.append(rounded_wkt(f.GetGeometryRef(), digits))
        lines.append(" | ".join(str(p) for p in parts))
    for line in sorted(lines):
        out.write(line + "\n")


def main(argv):
    drop, digits = set(), 4
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--drop":
            drop |= set(argv[i + 1].split(","))
            i += 2
        elif argv[i] == "--digits":
            digits = int(argv[i + 1])
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if len(args) != 1:
        sys.exit(__doc__)
    path = args[0]
    sources = [path]
    if os.path.isdir(path):
        sources = sorted(os.path.join(path, n) for n in os.listdir(path)
                         if os.path.splitext(n)[1] in (".shp", ".geojson", ".csv"))
    for src in sources:
        ds = ogr.Open(src)
        for li in range(ds.GetLayerCount()):
            layer = ds.GetLayerByIndex(li)
            if layer.GetName() == "layer_styles":
                continue
            dump_layer(layer, drop, digits, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
