#include "geometry/shapes.hpp"

#include "geodesy/geodesic.hpp"
#include "reckon/error.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>

namespace reckon::geometry {

namespace {

constexpr double deg_per_rad = 180.0 / M_PI;
// Mean Earth radius, for the local planar approximations used only to rank
// vertices and to find a centre; final distances are geodesic.
constexpr double mean_earth_radius_m = 6371008.8;

GEOSContextHandle_t h() { return static_cast<GEOSContextHandle_t>(detail::geos_context()); }

Geometry polygon_from(const std::vector<LatLon>& ring, const std::vector<std::vector<LatLon>>& holes = {}) {
    auto make_ring = [](const std::vector<LatLon>& pts) {
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h(), static_cast<unsigned>(pts.size() + 1), 2);
        for (std::size_t i = 0; i <= pts.size(); ++i) {
            const LatLon& p = pts[i % pts.size()];
            GEOSCoordSeq_setXY_r(h(), seq, static_cast<unsigned>(i), p.lon_deg, p.lat_deg);
        }
        return GEOSGeom_createLinearRing_r(h(), seq);
    };
    GEOSGeometry* shell = make_ring(ring);
    std::vector<GEOSGeometry*> hs;
    for (const auto& hole : holes) hs.push_back(make_ring(hole));
    GEOSGeometry* poly = GEOSGeom_createPolygon_r(h(), shell, hs.empty() ? nullptr : hs.data(),
                                                  static_cast<unsigned>(hs.size()));
    if (!poly) throw Error("geometry: cannot build polygon");
    return Geometry::adopt(poly);
}

// Segments for an arc of @p span_deg: the chord of a step of angle a lies
// r(1 - cos(a/2)) inside the arc.
// @p tol_m: the largest distance the chords may stray from the arc; arcs of
// one shape share the shape's tolerance, so its small corner arcs get few
// vertices and its large arcs many.
int arc_segments(double span_deg, double r_m, double tol_m) {
    const double sagitta = r_m > 0 ? std::clamp(tol_m / r_m, arc_sagitta_fraction, 0.5) : 0.5;
    const double step_deg = 2.0 * std::acos(1.0 - sagitta) * deg_per_rad;
    return std::max(min_arc_vertices, static_cast<int>(std::ceil(std::fabs(span_deg) / step_deg)));
}

// The vertices of an arc from @p from_deg to @p to_deg, the end vertex left
// out (a closed circle, or an arc whose ends the caller has already).
// A full circle (0 → 360° or 360 → 0°) is symmetric about the meridian of its
// centre, as the ellipsoid is: the geodesic at azimuth -θ is the mirror image
// of the one at θ (same latitude, longitude mirrored; GeographicLib keeps this
// to the last bit in latitude and ~1e-15° in longitude), so half its vertices
// are computed and the others mirrored.
std::vector<LatLon> arc_open(const LatLon& c, double r_m, double from_deg, double to_deg, double tol_m = 0.0) {
    const double span = to_deg - from_deg;
    const int n = arc_segments(span, r_m, tol_m);
    std::vector<LatLon> out(static_cast<std::size_t>(n));
    const bool full_circle = std::fabs(span) == 360.0 && (from_deg == 0.0 || from_deg == 360.0);
    const int computed = full_circle ? n / 2 : n - 1;
    for (int i = 0; i <= computed; ++i) out[static_cast<std::size_t>(i)] = geodesy::direct(c, from_deg + span * i / n, r_m);
    for (int i = computed + 1; i < n; ++i) {
        const LatLon& m = out[static_cast<std::size_t>(n - i)];
        double lon = c.lon_deg - (m.lon_deg - c.lon_deg);
        if (lon > 180.0) lon -= 360.0;
        if (lon < -180.0) lon += 360.0;
        out[static_cast<std::size_t>(i)] = LatLon{m.lat_deg, lon};
    }
    return out;
}

// The interior vertices of an arc (both ends left out), appended to @p out.
void arc_interior(std::vector<LatLon>& out, const LatLon& c, double r_m, double from_deg, double to_deg) {
    const double span = to_deg - from_deg;
    const int n = arc_segments(span, r_m, 0.0);
    for (int i = 1; i < n; ++i) out.push_back(geodesy::direct(c, from_deg + span * i / n, r_m));
}

Geometry make_valid(GEOSGeometry* g) {
    if (!g) throw Error("geometry: operation failed");
    if (GEOSisValid_r(h(), g) != 1) {
        GEOSGeometry* v = GEOSMakeValid_r(h(), g);
        GEOSGeom_destroy_r(h(), g);
        g = v;
    }
    return Geometry::adopt(g);
}

void collect_rings(const GEOSGeometry* g, std::vector<std::vector<LatLon>>& shells,
                   std::vector<std::vector<LatLon>>& holes) {
    auto ring_points = [](const GEOSGeometry* ring) {
        std::vector<LatLon> pts;
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h(), ring);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h(), seq, &n);
        pts.reserve(n);
        for (unsigned i = 0; i < n; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h(), seq, i, &x, &y);
            pts.push_back(LatLon{y, x});
        }
        return pts;
    };
    const int type = GEOSGeomTypeId_r(h(), g);
    if (type == GEOS_POLYGON) {
        shells.push_back(ring_points(GEOSGetExteriorRing_r(h(), g)));
        const int nh = GEOSGetNumInteriorRings_r(h(), g);
        for (int i = 0; i < nh; ++i) holes.push_back(ring_points(GEOSGetInteriorRingN_r(h(), g, i)));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h(), g);
        for (int i = 0; i < n; ++i) collect_rings(GEOSGetGeometryN_r(h(), g, i), shells, holes);
    }
}

std::vector<LatLon> all_vertices(const Geometry& g) {
    std::vector<std::vector<LatLon>> shells, holes;
    if (!g.empty()) collect_rings(static_cast<const GEOSGeometry*>(g.handle()), shells, holes);
    std::vector<LatLon> out;
    for (auto* set : {&shells, &holes}) {
        for (auto& r : *set) out.insert(out.end(), r.begin(), r.end());
    }
    return out;
}

// Local planar coordinates (metres) around @p o: equirectangular, good to a
// fraction of a percent over a few hundred kilometres.
struct Local {
    LatLon o;
    double cos_lat;
    explicit Local(const LatLon& origin) : o(origin), cos_lat(std::cos(origin.lat_deg / deg_per_rad)) {}
    void to_xy(const LatLon& p, double& x, double& y) const {
        x = (p.lon_deg - o.lon_deg) / deg_per_rad * mean_earth_radius_m * cos_lat;
        y = (p.lat_deg - o.lat_deg) / deg_per_rad * mean_earth_radius_m;
    }
    LatLon from_xy(double x, double y) const {
        return LatLon{o.lat_deg + y / mean_earth_radius_m * deg_per_rad,
                      o.lon_deg + x / (mean_earth_radius_m * cos_lat) * deg_per_rad};
    }
};

} // namespace

namespace {

// Local azimuthal-equidistant plane around the anchor: x east, y north
// (metres). geodesy::direct maps it exactly (distance and azimuth from the
// anchor are preserved), so shapes built in it keep true distances.
struct Pt {
    double x, y;
};
// Sectors wider than this are grown half by half (a sector is convex up to a
// half-width of 90°; the margin keeps the offset edges from touching).
constexpr double max_convex_half_width_deg = 85.0;

Pt unit(double az_deg) { return {std::sin(az_deg / deg_per_rad), std::cos(az_deg / deg_per_rad)}; }
Pt at(double r, double az_deg) {
    const Pt u = unit(az_deg);
    return {r * u.x, r * u.y};
}
LatLon to_geo(const LatLon& c, const Pt& p) {
    const double r = std::hypot(p.x, p.y);
    if (r < 1e-6) return c;
    return geodesy::direct(c, std::atan2(p.x, p.y) * deg_per_rad, r);
}
void arc_xy(std::vector<Pt>& out, const Pt& centre, double r, double from_deg, double to_deg, double tol_m) {
    const double span = to_deg - from_deg;
    const int n = arc_segments(span, std::fabs(r), tol_m);
    for (int i = 0; i <= n; ++i) {
        const Pt d = at(r, from_deg + span * i / n);
        out.push_back({centre.x + d.x, centre.y + d.y});
    }
}

} // namespace

int circle_vertex_count(double r_m) { return arc_segments(360.0, r_m, 0.0); }

Geometry annular_sector(const LatLon& centre, double azimuth_deg, double half_width_deg, double r_min_m,
                        double r_max_m, double buffer_m) {
    if (!centre.valid() || !std::isfinite(azimuth_deg) || !(r_max_m > 0)) throw Error("geometry: invalid sector");
    const double e = std::max(0.0, buffer_m);
    const double r1 = std::clamp(r_min_m, 0.0, r_max_m);
    const double r2 = r_max_m;
    const double tol_m = arc_sagitta_fraction * (r2 + e);
    if (half_width_deg >= 180.0) {  // annulus (or disk)
        std::vector<LatLon> outer = arc_open(centre, r2 + e, 0.0, 360.0);
        if (r1 - e <= 0) return polygon_from(outer);
        return polygon_from(outer, {arc_open(centre, r1 - e, 360.0, 0.0)});
    }
    if (e > 0 && half_width_deg >= max_convex_half_width_deg) {
        // (A ∪ B) ⊕ D = (A ⊕ D) ∪ (B ⊕ D): grow each half, which is convex
        const double q = half_width_deg / 2.0;
        return unite(annular_sector(centre, azimuth_deg - q, q, r_min_m, r_max_m, e),
                     annular_sector(centre, azimuth_deg + q, q, r_min_m, r_max_m, e));
    }
    const double p1 = azimuth_deg - half_width_deg, p2 = azimuth_deg + half_width_deg;
    std::vector<Pt> ring;
    const Pt o{0, 0};
    std::size_t outer_end = 0;  // index of the outer arc's last point (its first is 0)
    if (e <= 0) {
        arc_xy(ring, o, r2, p1, p2, tol_m);
        outer_end = ring.size() - 1;
        if (r1 > 0) arc_xy(ring, o, r1, p2, p1, tol_m);
        else ring.push_back(o);
    } else if (r1 > e) {
        // Minkowski sum of the annular sector and a disk of radius e: outer
        // arc, rounded corners, edges offset by e, inner arc at r1 - e.
        arc_xy(ring, o, r2 + e, p1, p2, tol_m);
        outer_end = ring.size() - 1;
        arc_xy(ring, at(r2, p2), e, p2, p2 + 90.0, tol_m);
        arc_xy(ring, at(r1, p2), e, p2 + 90.0, p2 + 180.0, tol_m);
        arc_xy(ring, o, r1 - e, p2, p1, tol_m);
        arc_xy(ring, at(r1, p1), e, p1 + 180.0, p1 + 270.0, tol_m);
        arc_xy(ring, at(r2, p1), e, p1 - 90.0, p1, tol_m);
    } else {
        // The inner radius lies within e of the anchor: grow the whole pie
        // slice instead (a slight over-cover near the anchor), whose back is
        // a disk of radius e around the anchor.
        arc_xy(ring, o, r2 + e, p1, p2, tol_m);
        outer_end = ring.size() - 1;
        arc_xy(ring, at(r2, p2), e, p2, p2 + 90.0, tol_m);
        arc_xy(ring, o, e, p2 + 90.0, p1 + 270.0, tol_m);
        arc_xy(ring, at(r2, p1), e, p1 - 90.0, p1, tol_m);
    }
    // A sector pointing north or south is symmetric about the anchor's
    // meridian, and so is its ring: point k mirrors point (outer_end - k) mod
    // size. Where that holds (checked), the mirrored half is not computed:
    // geodesics at azimuths θ and -θ are mirror images (see arc_open).
    const std::size_t m = ring.size();
    constexpr double mirror_tolerance_m = 1e-6;
    bool symmetric = true;
    for (std::size_t k = 0; k < m && symmetric; ++k) {
        const Pt& a = ring[k];
        const Pt& b = ring[(outer_end + m - k) % m];
        symmetric = std::fabs(a.x + b.x) < mirror_tolerance_m && std::fabs(a.y - b.y) < mirror_tolerance_m;
    }
    std::vector<LatLon> mapped(m);
    std::vector<char> done(m, 0);
    for (std::size_t k = 0; k < m; ++k) {
        if (done[k]) continue;
        mapped[k] = to_geo(centre, ring[k]);
        done[k] = 1;
        const std::size_t j = (outer_end + m - k) % m;
        if (symmetric && !done[j]) {
            double lon = centre.lon_deg - (mapped[k].lon_deg - centre.lon_deg);
            if (lon > 180.0) lon -= 360.0;
            if (lon < -180.0) lon += 360.0;
            mapped[j] = LatLon{mapped[k].lat_deg, lon};
            done[j] = 1;
        }
    }
    std::vector<LatLon> geo;
    geo.reserve(ring.size());
    for (const LatLon& g : mapped) {
        if (!geo.empty() && std::fabs(geo.back().lat_deg - g.lat_deg) < 1e-9 && std::fabs(geo.back().lon_deg - g.lon_deg) < 1e-9) continue;
        geo.push_back(g);
    }
    // Below max_convex_half_width_deg the ring is simple by construction
    // (tests/unit/resolver/test_geometry.cpp checks a grid of cases), so the
    // costly validity check is skipped here.
    return polygon_from(geo);
}

Geometry disk(const LatLon& centre, double radius_m) {
    if (!centre.valid() || !(radius_m > 0)) throw Error("geometry: invalid disk");
    return polygon_from(arc_open(centre, radius_m, 0.0, 360.0));
}

Geometry corridor(const LatLon& a, const LatLon& b, double half_width_m) {
    const geodesy::Inverse inv = geodesy::inverse(a, b);
    if (!std::isfinite(inv.distance_m) || !(half_width_m > 0)) throw Error("geometry: invalid corridor");
    if (inv.distance_m < 1.0) return disk(a, half_width_m);
    constexpr double sample_m = 5000.0;
    const int n = std::clamp(static_cast<int>(std::ceil(inv.distance_m / sample_m)), 1, 64);
    // the centre line: one geodesic walked in n steps; the ends exactly a and b
    std::vector<geodesy::Station> mids = geodesy::stations(a, b, n);
    if (mids.size() != static_cast<std::size_t>(n) + 1) throw Error("geometry: invalid corridor");
    mids.front() = {a, inv.azimuth1_deg};
    mids.back() = {b, inv.azimuth2_deg};
    std::vector<LatLon> ring;
    ring.reserve(2 * mids.size() + 2 * static_cast<std::size_t>(circle_vertex_count(half_width_m)));
    for (int i = 0; i <= n; ++i) ring.push_back(geodesy::direct(mids[i].position, mids[i].azimuth_deg - 90.0, half_width_m));  // left
    const double az_b = mids[n].azimuth_deg, az_a = mids[0].azimuth_deg;
    arc_interior(ring, b, half_width_m, az_b - 90.0, az_b + 90.0);
    for (int i = n; i >= 0; --i) ring.push_back(geodesy::direct(mids[i].position, mids[i].azimuth_deg + 90.0, half_width_m));  // right
    arc_interior(ring, a, half_width_m, az_a + 90.0, az_a + 270.0);
    Geometry poly = polygon_from(ring);
    if (poly.is_valid()) return poly;
    return make_valid(GEOSGeom_clone_r(h(), static_cast<GEOSGeometry*>(poly.handle())));
}

Geometry line_string(const std::vector<LatLon>& points) {
    if (points.size() < 2) throw Error("geometry: a line needs two points");
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h(), static_cast<unsigned>(points.size()), 2);
    for (std::size_t i = 0; i < points.size(); ++i) {
        GEOSCoordSeq_setXY_r(h(), seq, static_cast<unsigned>(i), points[i].lon_deg, points[i].lat_deg);
    }
    GEOSGeometry* g = GEOSGeom_createLineString_r(h(), seq);
    if (!g) throw Error("geometry: cannot build line");
    return Geometry::adopt(g);
}

Geometry intersection(const Geometry& a, const Geometry& b) {
    return make_valid(GEOSIntersection_r(h(), static_cast<GEOSGeometry*>(a.handle()), static_cast<GEOSGeometry*>(b.handle())));
}

Geometry unite(const Geometry& a, const Geometry& b) {
    return make_valid(GEOSUnion_r(h(), static_cast<GEOSGeometry*>(a.handle()), static_cast<GEOSGeometry*>(b.handle())));
}

Geometry common_border(const Geometry& a, const Geometry& b) {
    // ~3 km: Natural Earth and Who's On First borders differ by up to that
    constexpr double touch_tolerance_deg = 0.03;
    GEOSGeometry* boundary = GEOSBoundary_r(h(), static_cast<GEOSGeometry*>(a.handle()));
    GEOSGeometry* near_b = GEOSBuffer_r(h(), static_cast<GEOSGeometry*>(b.handle()), touch_tolerance_deg, 4);
    GEOSGeometry* out = (boundary && near_b) ? GEOSIntersection_r(h(), boundary, near_b) : nullptr;
    if (boundary) GEOSGeom_destroy_r(h(), boundary);
    if (near_b) GEOSGeom_destroy_r(h(), near_b);
    if (!out) throw Error("geometry: cannot intersect borders");
    return Geometry::adopt(out);
}

Geometry band_around(const Geometry& line, double r_min_m, double r_max_m) {
    constexpr double metres_per_degree_lat = 111320.0;
    const Envelope e = line.envelope();
    const double cos_lat = std::max(0.2, std::cos((e.min_lat + e.max_lat) / 2.0 / deg_per_rad));
    const double outer_deg = std::max(1.0, r_max_m) / (metres_per_degree_lat * cos_lat);
    const double inner_deg = r_min_m / metres_per_degree_lat;
    Geometry outer = make_valid(GEOSBuffer_r(h(), static_cast<GEOSGeometry*>(line.handle()), outer_deg, 8));
    if (inner_deg <= 0) return outer;
    Geometry inner = make_valid(GEOSBuffer_r(h(), static_cast<GEOSGeometry*>(line.handle()), inner_deg, 8));
    return difference(outer, inner);
}

namespace {
void collect_lines(const GEOSGeometry* g, std::vector<std::vector<LatLon>>& out) {
    const int type = GEOSGeomTypeId_r(h(), g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h(), g);
        unsigned n = 0;
        GEOSCoordSeq_getSize_r(h(), seq, &n);
        std::vector<LatLon> pts(n);
        for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h(), seq, i, &pts[i].lon_deg, &pts[i].lat_deg);
        out.push_back(std::move(pts));
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h(), g);
        for (int i = 0; i < n; ++i) collect_lines(GEOSGetGeometryN_r(h(), g, i), out);
    }
}
} // namespace

Geometry side_of_line(const Geometry& line, double azimuth_deg, double half_width_deg, double reach_m) {
    constexpr double metres_per_degree_lat = 111320.0;
    // Rays that stand for the sector of directions: its arc is drawn by chords.
    constexpr int rays = 5;
    if (line.empty() || !std::isfinite(azimuth_deg) || !(reach_m > 0)) throw Error("geometry: invalid side of line");
    const double half = std::clamp(half_width_deg, 0.0, 89.0);
    std::vector<std::vector<LatLon>> parts;
    collect_lines(static_cast<const GEOSGeometry*>(line.handle()), parts);
    std::vector<GEOSGeometry*> hulls;
    for (const auto& pts : parts) {
        for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
            const LatLon& a = pts[i];
            const LatLon& b = pts[i + 1];
            const double cos_lat = std::max(0.2, std::cos((a.lat_deg + b.lat_deg) / 2.0 / deg_per_rad));
            std::vector<GEOSGeometry*> corners{GEOSGeom_createPointFromXY_r(h(), a.lon_deg, a.lat_deg),
                                               GEOSGeom_createPointFromXY_r(h(), b.lon_deg, b.lat_deg)};
            for (int k = 0; k < rays; ++k) {
                const double az = (azimuth_deg - half + 2.0 * half * k / (rays - 1)) / deg_per_rad;
                const double dlon = reach_m * std::sin(az) / (metres_per_degree_lat * cos_lat);
                const double dlat = reach_m * std::cos(az) / metres_per_degree_lat;
                for (const LatLon* p : {&a, &b}) {
                    corners.push_back(GEOSGeom_createPointFromXY_r(h(), p->lon_deg + dlon, p->lat_deg + dlat));
                }
            }
            GEOSGeometry* mp = GEOSGeom_createCollection_r(h(), GEOS_MULTIPOINT, corners.data(),
                                                           static_cast<unsigned>(corners.size()));
            GEOSGeometry* hull = GEOSConvexHull_r(h(), mp);
            GEOSGeom_destroy_r(h(), mp);
            if (hull) hulls.push_back(hull);
        }
    }
    if (hulls.empty()) throw Error("geometry: a side of an empty line");
    GEOSGeometry* all = GEOSGeom_createCollection_r(h(), GEOS_GEOMETRYCOLLECTION, hulls.data(),
                                                    static_cast<unsigned>(hulls.size()));
    GEOSGeometry* u = GEOSUnaryUnion_r(h(), all);
    GEOSGeom_destroy_r(h(), all);
    return make_valid(u);
}

Geometry difference(const Geometry& a, const Geometry& b) {
    return make_valid(GEOSDifference_r(h(), static_cast<GEOSGeometry*>(a.handle()), static_cast<GEOSGeometry*>(b.handle())));
}

Geometry convex_hull(const Geometry& g) {
    return make_valid(GEOSConvexHull_r(h(), static_cast<GEOSGeometry*>(g.handle())));
}

double max_distance_m(const LatLon& from, const Geometry& g) {
    const std::vector<LatLon> v = all_vertices(g);
    if (v.empty()) return 0.0;
    // rank vertices in the plane, then measure the few farthest exactly
    const Local local(from);
    std::vector<std::pair<double, std::size_t>> d2;
    d2.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        double x, y;
        local.to_xy(v[i], x, y);
        d2.emplace_back(x * x + y * y, i);
    }
    constexpr std::size_t exact_candidates = 4;
    const std::size_t k = std::min(exact_candidates, d2.size());
    std::partial_sort(d2.begin(), d2.begin() + static_cast<std::ptrdiff_t>(k), d2.end(),
                      [](const auto& x, const auto& y) { return x.first > y.first; });
    double best = 0.0;
    for (std::size_t i = 0; i < k; ++i) best = std::max(best, geodesy::distance_m(from, v[d2[i].second]));
    return best;
}

LatLon min_radius_centre(const Geometry& g) {
    const std::vector<LatLon> v = all_vertices(g);
    if (v.empty()) return {};
    const Local local(v.front());
    std::vector<std::pair<double, double>> xy(v.size());
    double cx = 0, cy = 0;
    for (std::size_t i = 0; i < v.size(); ++i) {
        local.to_xy(v[i], xy[i].first, xy[i].second);
        cx += xy[i].first;
        cy += xy[i].second;
    }
    cx /= static_cast<double>(v.size());
    cy /= static_cast<double>(v.size());
    // Bădoiu-Clarkson: step towards the farthest point with shrinking steps.
    constexpr int iterations = 60;
    for (int it = 1; it <= iterations; ++it) {
        std::size_t far = 0;
        double far_d2 = -1;
        for (std::size_t i = 0; i < xy.size(); ++i) {
            const double dx = xy[i].first - cx, dy = xy[i].second - cy;
            const double d2 = dx * dx + dy * dy;
            if (d2 > far_d2) far_d2 = d2, far = i;
        }
        cx += (xy[far].first - cx) / (it + 1);
        cy += (xy[far].second - cy) / (it + 1);
    }
    return local.from_xy(cx, cy);
}

LatLon nearest_point(const Geometry& g, const LatLon& p) {
    if (g.empty() || !p.valid()) return {};
    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(h(), p.lon_deg, p.lat_deg);
    GEOSCoordSequence* seq = GEOSNearestPoints_r(h(), static_cast<const GEOSGeometry*>(g.handle()), pt);
    GEOSGeom_destroy_r(h(), pt);
    LatLon out;
    if (seq) {
        GEOSCoordSeq_getXY_r(h(), seq, 0, &out.lon_deg, &out.lat_deg);
        GEOSCoordSeq_destroy_r(h(), seq);
    }
    return out;
}

bool has_area(const Geometry& g) {
    if (g.empty()) return false;
    double a = 0.0;
    return GEOSArea_r(h(), static_cast<const GEOSGeometry*>(g.handle()), &a) == 1 && a > 0.0;
}

double area_m2(const Geometry& g) {
    std::vector<std::vector<LatLon>> shells, holes;
    if (!g.empty()) collect_rings(static_cast<const GEOSGeometry*>(g.handle()), shells, holes);
    double a = 0.0;
    for (const auto& r : shells) a += geodesy::polygon_area_m2(r);
    for (const auto& r : holes) a -= geodesy::polygon_area_m2(r);
    return a;
}

namespace {

// Crossing-number test on one ring (lon/lat as planar coordinates, as GEOS
// treats them); points on an edge count as inside.
bool in_ring(const std::vector<LatLon>& ring, const LatLon& p) {
    bool inside = false;
    const std::size_t n = ring.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = ring[i].lon_deg, yi = ring[i].lat_deg, xj = ring[j].lon_deg, yj = ring[j].lat_deg;
        // on the edge (collinear and within its box)
        const double cross = (xj - xi) * (p.lat_deg - yi) - (yj - yi) * (p.lon_deg - xi);
        if (std::fabs(cross) < 1e-12 && p.lon_deg >= std::min(xi, xj) && p.lon_deg <= std::max(xi, xj) &&
            p.lat_deg >= std::min(yi, yj) && p.lat_deg <= std::max(yi, yj)) {
            return true;
        }
        if ((yi > p.lat_deg) != (yj > p.lat_deg) && p.lon_deg < (xj - xi) * (p.lat_deg - yi) / (yj - yi) + xi) {
            inside = !inside;
        }
    }
    return inside;
}

bool polygon_covers(const GEOSGeometry* g, const LatLon& p) {
    const int type = GEOSGeomTypeId_r(h(), g);
    if (type == GEOS_POLYGON) {
        std::vector<std::vector<LatLon>> shells, holes;
        collect_rings(g, shells, holes);
        if (shells.empty() || !in_ring(shells.front(), p)) return false;
        for (const auto& hole : holes) {
            if (in_ring(hole, p)) return false;
        }
        return true;
    }
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h(), g);
        for (int i = 0; i < n; ++i) {
            if (polygon_covers(GEOSGetGeometryN_r(h(), g, i), p)) return true;
        }
        return false;
    }
    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(h(), p.lon_deg, p.lat_deg);
    const char r = GEOSCovers_r(h(), g, pt);
    GEOSGeom_destroy_r(h(), pt);
    return r == 1;
}

} // namespace

bool covers(const Geometry& g, const LatLon& p) {
    if (g.empty() || !p.valid()) return false;
    return polygon_covers(static_cast<const GEOSGeometry*>(g.handle()), p);
}

} // namespace reckon::geometry
