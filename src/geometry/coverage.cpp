#include "geometry/coverage.hpp"

#include "geometry/shapes.hpp"
#include "reckon/error.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace reckon::geometry {

namespace {

constexpr double rad_per_deg = M_PI / 180.0;

GEOSContextHandle_t h() { return static_cast<GEOSContextHandle_t>(detail::geos_context()); }

GEOSGeometry* raw(const Geometry& g) { return static_cast<GEOSGeometry*>(g.handle()); }

[[noreturn]] void fail(const std::string& what) { throw Error("geometry: " + what); }

// Nearest site to a point in the scaled plane: a uniform grid with about
// sites_per_bucket sites a bucket, searched ring by ring.
class NearestSites {
public:
    NearestSites(const std::vector<std::pair<double, double>>& xy) : m_xy(xy) {
        m_min_x = m_min_y = std::numeric_limits<double>::max();
        double max_x = -m_min_x, max_y = -m_min_y;
        for (const auto& [x, y] : xy) {
            m_min_x = std::min(m_min_x, x);
            m_min_y = std::min(m_min_y, y);
            max_x = std::max(max_x, x);
            max_y = std::max(max_y, y);
        }
        constexpr double sites_per_bucket = 2.0;
        const double w = std::max(max_x - m_min_x, 1e-9), hgt = std::max(max_y - m_min_y, 1e-9);
        m_cell = std::max(std::sqrt(w * hgt * sites_per_bucket / static_cast<double>(xy.size())), 1e-9);
        m_nx = static_cast<int>(w / m_cell) + 1;
        m_ny = static_cast<int>(hgt / m_cell) + 1;
        m_buckets.resize(static_cast<std::size_t>(m_nx) * static_cast<std::size_t>(m_ny));
        for (std::size_t i = 0; i < xy.size(); ++i) m_buckets[bucket(ix(xy[i].first), iy(xy[i].second))].push_back(i);
    }

    std::size_t nearest(double x, double y) const {
        const int cx = std::clamp(ix(x), 0, m_nx - 1), cy = std::clamp(iy(y), 0, m_ny - 1);
        std::size_t best = 0;
        double best_d2 = std::numeric_limits<double>::max();
        const int max_ring = std::max(m_nx, m_ny);
        for (int r = 0; r <= max_ring; ++r) {
            for (int gy = cy - r; gy <= cy + r; ++gy) {
                if (gy < 0 || gy >= m_ny) continue;
                for (int gx = cx - r; gx <= cx + r; ++gx) {
                    if (gx < 0 || gx >= m_nx) continue;
                    if (std::max(std::abs(gx - cx), std::abs(gy - cy)) != r) continue;  // ring only
                    for (std::size_t i : m_buckets[bucket(gx, gy)]) {
                        const double dx = m_xy[i].first - x, dy = m_xy[i].second - y;
                        const double d2 = dx * dx + dy * dy;
                        if (d2 < best_d2) best_d2 = d2, best = i;
                    }
                }
            }
            // every site not yet seen lies at least r cells away from the query's bucket edge
            if (best_d2 < std::numeric_limits<double>::max() && std::sqrt(best_d2) <= r * m_cell) break;
        }
        return best;
    }

private:
    int ix(double x) const { return static_cast<int>((x - m_min_x) / m_cell); }
    int iy(double y) const { return static_cast<int>((y - m_min_y) / m_cell); }
    std::size_t bucket(int gx, int gy) const {
        return static_cast<std::size_t>(std::clamp(gy, 0, m_ny - 1)) * static_cast<std::size_t>(m_nx) +
               static_cast<std::size_t>(std::clamp(gx, 0, m_nx - 1));
    }
    const std::vector<std::pair<double, double>>& m_xy;
    double m_min_x, m_min_y, m_cell;
    int m_nx, m_ny;
    std::vector<std::vector<std::size_t>> m_buckets;
};

int scale_x(double* x, double*, void* userdata) {
    *x *= *static_cast<const double*>(userdata);
    return 1;
}

} // namespace

Geometry rectangle(const Envelope& e) {
    GEOSGeometry* g = GEOSGeom_createRectangle_r(h(), e.min_lon, e.min_lat, e.max_lon, e.max_lat);
    if (!g) fail("cannot build rectangle");
    return Geometry::adopt(g);
}

std::vector<Geometry> voronoi_cells(const std::vector<LatLon>& sites, const Envelope& extent) {
    std::vector<Geometry> out(sites.size());
    if (sites.empty()) return out;
    Envelope env = extent;
    for (const LatLon& s : sites) {
        if (!s.valid()) fail("invalid Voronoi site");
        env.min_lon = std::min(env.min_lon, s.lon_deg);
        env.max_lon = std::max(env.max_lon, s.lon_deg);
        env.min_lat = std::min(env.min_lat, s.lat_deg);
        env.max_lat = std::max(env.max_lat, s.lat_deg);
    }
    // A margin keeps GEOS's clipping of the outer cells to its frame well
    // outside the extent the caller cares about.
    constexpr double frame_margin_fraction = 0.1, frame_margin_min_deg = 0.1;
    const double mx = std::max((env.max_lon - env.min_lon) * frame_margin_fraction, frame_margin_min_deg);
    const double my = std::max((env.max_lat - env.min_lat) * frame_margin_fraction, frame_margin_min_deg);
    env = Envelope{env.min_lon - mx, env.min_lat - my, env.max_lon + mx, env.max_lat + my};
    if (sites.size() == 1) {
        out[0] = rectangle(env);
        return out;
    }

    double k = std::cos((env.min_lat + env.max_lat) / 2.0 * rad_per_deg);
    double inv_k = 1.0 / k;
    std::vector<std::pair<double, double>> xy(sites.size());
    std::vector<GEOSGeometry*> points(sites.size());
    for (std::size_t i = 0; i < sites.size(); ++i) {
        xy[i] = {sites[i].lon_deg * k, sites[i].lat_deg};
        points[i] = GEOSGeom_createPointFromXY_r(h(), xy[i].first, xy[i].second);
    }
    Geometry multipoint = Geometry::adopt(GEOSGeom_createCollection_r(h(), GEOS_MULTIPOINT, points.data(),
                                                                      static_cast<unsigned>(points.size())));
    if (multipoint.empty()) fail("cannot build Voronoi sites");
    Geometry frame = rectangle(Envelope{env.min_lon * k, env.min_lat, env.max_lon * k, env.max_lat});
    Geometry diagram = Geometry::adopt(GEOSVoronoiDiagram_r(h(), raw(multipoint), raw(frame), 0.0, 0));
    if (!diagram.handle()) fail("Voronoi diagram failed");
    // Back to degrees: the same multiplication on every vertex, so shared
    // vertices stay identical.
    Geometry cells = Geometry::adopt(GEOSGeom_transformXY_r(h(), raw(diagram), &scale_x, &inv_k));
    if (!cells.handle()) fail("cannot unscale Voronoi cells");

    // GEOS returns cells in its own order: a cell's site is the site nearest
    // to any point inside it (that is what a Voronoi cell is); the centroid
    // of a convex cell lies inside it.
    const NearestSites index(xy);
    const int n = GEOSGetNumGeometries_r(h(), raw(cells));
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* cell = GEOSGetGeometryN_r(h(), raw(cells), i);
        GEOSGeometry* c = GEOSGetCentroid_r(h(), cell);
        double x = 0, y = 0;
        const bool ok = c && GEOSGeomGetX_r(h(), c, &x) == 1 && GEOSGeomGetY_r(h(), c, &y) == 1;
        if (c) GEOSGeom_destroy_r(h(), c);
        if (!ok) continue;  // an empty cell: no site
        const std::size_t site = index.nearest(x * k, y);
        if (out[site].handle()) fail("two Voronoi cells for one site (coincident sites?)");
        out[site] = Geometry::adopt(GEOSGeom_clone_r(h(), cell));
    }
    for (const Geometry& g : out) {
        if (!g.handle()) fail("a Voronoi site got no cell (coincident sites?)");
    }
    return out;
}

namespace {

// Only the polygons of a (possibly mixed) geometry, as a MultiPolygon or Polygon.
GEOSGeometry* polygonal_parts(const GEOSGeometry* g) {
    std::vector<GEOSGeometry*> polys;
    auto walk = [&](const GEOSGeometry* x, auto& self) -> void {
        const int t = GEOSGeomTypeId_r(h(), x);
        if (t == GEOS_POLYGON) {
            if (GEOSisEmpty_r(h(), x) != 1) polys.push_back(GEOSGeom_clone_r(h(), x));
        } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
            const int n = GEOSGetNumGeometries_r(h(), x);
            for (int i = 0; i < n; ++i) self(GEOSGetGeometryN_r(h(), x, i), self);
        }
    };
    walk(g, walk);
    if (polys.size() == 1) return polys.front();
    return GEOSGeom_createCollection_r(h(), GEOS_MULTIPOLYGON, polys.empty() ? nullptr : polys.data(),
                                       static_cast<unsigned>(polys.size()));
}

} // namespace

Geometry dissolve(const std::vector<const Geometry*>& parts, PartsLayout layout) {
    std::vector<GEOSGeometry*> clones;
    clones.reserve(parts.size());
    for (const Geometry* p : parts) {
        if (!p || p->empty()) continue;
        // a collection takes simple parts: split multipolygons
        const GEOSGeometry* g = raw(*p);
        if (GEOSGeomTypeId_r(h(), g) == GEOS_POLYGON) {
            clones.push_back(GEOSGeom_clone_r(h(), g));
        } else {
            GEOSGeometry* polys = polygonal_parts(g);
            const int n = GEOSGetNumGeometries_r(h(), polys);
            for (int i = 0; i < n; ++i) clones.push_back(GEOSGeom_clone_r(h(), GEOSGetGeometryN_r(h(), polys, i)));
            GEOSGeom_destroy_r(h(), polys);
        }
    }
    if (clones.empty()) return Geometry::adopt(GEOSGeom_createEmptyPolygon_r(h()));
    Geometry all = Geometry::adopt(
        GEOSGeom_createCollection_r(h(), GEOS_GEOMETRYCOLLECTION, clones.data(), static_cast<unsigned>(clones.size())));
    if (!all.handle()) fail("cannot collect parts");
    if (layout == PartsLayout::coverage) {
        GEOSGeometry* u = GEOSCoverageUnion_r(h(), raw(all));
        if (u && GEOSisValid_r(h(), u) == 1) {
            GEOSGeometry* p = polygonal_parts(u);
            GEOSGeom_destroy_r(h(), u);
            return Geometry::adopt(p);
        }
        if (u) GEOSGeom_destroy_r(h(), u);
    }
    GEOSGeometry* u = GEOSUnaryUnion_r(h(), raw(all));
    if (!u) fail("union failed");
    if (GEOSisValid_r(h(), u) != 1) {
        GEOSGeometry* v = GEOSMakeValid_r(h(), u);
        GEOSGeom_destroy_r(h(), u);
        if (!v) fail("union result cannot be made valid");
        u = v;
    }
    GEOSGeometry* p = polygonal_parts(u);
    GEOSGeom_destroy_r(h(), u);
    return Geometry::adopt(p);
}

Geometry to_multipolygon(const Geometry& g) {
    if (!g.handle()) return Geometry::adopt(GEOSGeom_createEmptyCollection_r(h(), GEOS_MULTIPOLYGON));
    GEOSGeometry* p = polygonal_parts(raw(g));
    if (p && GEOSGeomTypeId_r(h(), p) == GEOS_POLYGON) {
        GEOSGeometry* parts[] = {p};
        p = GEOSGeom_createCollection_r(h(), GEOS_MULTIPOLYGON, parts, 1);
    }
    if (!p) fail("cannot collect polygons");
    return Geometry::adopt(p);
}

bool is_polygonal(const Geometry& g) {
    if (!g.handle()) return false;
    const int t = GEOSGeomTypeId_r(h(), raw(g));
    if (t == GEOS_POLYGON || t == GEOS_MULTIPOLYGON) return true;
    if (t != GEOS_GEOMETRYCOLLECTION) return false;
    const int n = GEOSGetNumGeometries_r(h(), raw(g));
    for (int i = 0; i < n; ++i) {
        const int ti = GEOSGeomTypeId_r(h(), GEOSGetGeometryN_r(h(), raw(g), i));
        if (ti != GEOS_POLYGON && ti != GEOS_MULTIPOLYGON) return false;
    }
    return n > 0;
}

std::string type_name(const Geometry& g) {
    if (!g.handle()) return {};
    char* t = GEOSGeomType_r(h(), raw(g));
    if (!t) return {};
    std::string out(t);
    GEOSFree_r(h(), t);
    return out;
}

std::string invalid_reason(const Geometry& g) {
    if (!g.handle() || GEOSisValid_r(h(), raw(g)) == 1) return {};
    char* r = GEOSisValidReason_r(h(), raw(g));
    if (!r) return "invalid";
    std::string out(r);
    GEOSFree_r(h(), r);
    return out;
}

Geometry repair_polygonal(const Geometry& g) {
    if (!g.handle()) return Geometry::adopt(GEOSGeom_createEmptyPolygon_r(h()));
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h());
    // structure: rings are read as areas (a bow-tie is two triangles), the
    // reading a digitiser means; linework would keep self-crossings as holes
    GEOSMakeValidParams_setMethod_r(h(), params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(h(), params, 0);
    GEOSGeometry* v = GEOSMakeValidWithParams_r(h(), raw(g), params);
    GEOSMakeValidParams_destroy_r(h(), params);
    if (!v) fail("cannot repair polygon");
    GEOSGeometry* p = polygonal_parts(v);
    GEOSGeom_destroy_r(h(), v);
    return Geometry::adopt(p);
}

double lonlat_area_m2(const Geometry& g) {
    if (g.empty()) return 0.0;
    // 0.001° steps: a geodesic chord of 100 m strays < 1 mm from the straight lon/lat segment
    constexpr double densify_step_deg = 0.001;
    Geometry dense = Geometry::adopt(GEOSDensify_r(h(), raw(g), densify_step_deg));
    if (!dense.handle()) fail("cannot densify");
    return area_m2(dense);
}

double planar_area_deg2(const Geometry& g) {
    double a = 0.0;
    if (g.empty()) return 0.0;
    if (GEOSArea_r(h(), raw(g), &a) != 1) fail("area failed");
    return a;
}

bool interiors_intersect(const Geometry& a, const Geometry& b) {
    if (a.empty() || b.empty()) return false;
    const char r = GEOSRelatePattern_r(h(), raw(a), raw(b), "T********");
    if (r == 2) fail("relate failed");
    return r == 1;
}

} // namespace reckon::geometry
