#include "geometry/geos.hpp"

#include "reckon/error.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstdio>

namespace reckon::geometry {

namespace {

struct Context {
    GEOSContextHandle_t handle;
    std::string last_error;
    Context() : handle(GEOS_init_r()) {
        GEOSContext_setErrorMessageHandler_r(handle, &Context::on_error, this);
    }
    ~Context() { GEOS_finish_r(handle); }
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    static void on_error(const char* message, void* userdata) {
        static_cast<Context*>(userdata)->last_error = message ? message : "unknown GEOS error";
    }
};

Context& ctx() {
    thread_local Context c;
    return c;
}

GEOSContextHandle_t h() { return ctx().handle; }

[[noreturn]] void fail(const char* what) {
    throw Error(std::string("geometry: ") + what + (ctx().last_error.empty() ? "" : ": " + ctx().last_error));
}

} // namespace

void* detail::geos_context() { return h(); }

void detail::GeomDeleter::operator()(void* g) const noexcept {
    if (g) GEOSGeom_destroy_r(h(), static_cast<GEOSGeometry*>(g));
}

void detail::PreparedDeleter::operator()(const void* p) const noexcept {
    if (p) GEOSPreparedGeom_destroy_r(h(), static_cast<const GEOSPreparedGeometry*>(p));
}

Geometry Geometry::adopt(void* geos_geometry) {
    Geometry out;
    out.m_geom.reset(geos_geometry);
    return out;
}

Geometry Geometry::from_wkb(std::string_view wkb) {
    GEOSWKBReader* r = GEOSWKBReader_create_r(h());
    GEOSGeometry* g = GEOSWKBReader_read_r(h(), r, reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size());
    GEOSWKBReader_destroy_r(h(), r);
    if (!g) fail("cannot parse WKB");
    Geometry out;
    out.m_geom.reset(g);
    return out;
}

Geometry Geometry::from_wkt(std::string_view wkt) {
    GEOSWKTReader* r = GEOSWKTReader_create_r(h());
    const std::string s(wkt);
    GEOSGeometry* g = GEOSWKTReader_read_r(h(), r, s.c_str());
    GEOSWKTReader_destroy_r(h(), r);
    if (!g) fail("cannot parse WKT");
    Geometry out;
    out.m_geom.reset(g);
    return out;
}

bool Geometry::empty() const noexcept {
    return !m_geom || GEOSisEmpty_r(h(), static_cast<GEOSGeometry*>(m_geom.get())) == 1;
}

std::string Geometry::to_wkb() const {
    if (!m_geom) return {};
    GEOSWKBWriter* w = GEOSWKBWriter_create_r(h());
    std::size_t size = 0;
    unsigned char* buf = GEOSWKBWriter_write_r(h(), w, static_cast<GEOSGeometry*>(m_geom.get()), &size);
    GEOSWKBWriter_destroy_r(h(), w);
    if (!buf) fail("cannot write WKB");
    std::string out(reinterpret_cast<char*>(buf), size);
    GEOSFree_r(h(), buf);
    return out;
}

namespace {

// WKT of polygons written directly (GEOS's writer formats each number
// through streams, the slowest part of a resolve); other types go to GEOS.
// Fixed-point decimal with @p precision digits (0-9), trailing zeros trimmed
// as GEOS's trimmed writer does; printf's %f is the slow part otherwise.
void append_fixed(std::string& out, double v, int precision) {
    static constexpr double pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    precision = std::clamp(precision, 0, 9);
    if (!std::isfinite(v) || std::fabs(v) >= 1e9) {
        char buf[64];
        const int len = std::snprintf(buf, sizeof buf, "%.*f", precision, v);
        out.append(buf, static_cast<std::size_t>(len));
        return;
    }
    const auto scaled = static_cast<long long>(std::llround(std::fabs(v) * pow10[precision]));
    const auto unit = static_cast<long long>(pow10[precision]);
    long long whole = scaled / unit;
    long long frac = scaled % unit;
    // digits written right to left into a small buffer: no temporary strings
    char buf[32];
    char* const end = buf + sizeof buf;
    char* b = end;
    if (frac != 0 && precision > 0) {
        int digits = precision;
        while (frac % 10 == 0) {
            frac /= 10;
            --digits;
        }
        for (int i = 0; i < digits; ++i) {
            *--b = static_cast<char>('0' + frac % 10);
            frac /= 10;
        }
        *--b = '.';
    }
    do {
        *--b = static_cast<char>('0' + whole % 10);
        whole /= 10;
    } while (whole != 0);
    if (v < 0 && scaled != 0) *--b = '-';
    out.append(b, static_cast<std::size_t>(end - b));
}

void append_ring(std::string& out, const GEOSGeometry* ring, int precision) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h(), ring);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h(), seq, &n);
    constexpr std::size_t bytes_per_vertex = 24;  // "-180.123456 -90.123456, "
    out.reserve(out.size() + n * bytes_per_vertex + 2);
    out += '(';
    for (unsigned i = 0; i < n; ++i) {
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h(), seq, i, &x, &y);
        if (i) out += ", ";
        append_fixed(out, x, precision);
        out += ' ';
        append_fixed(out, y, precision);
    }
    out += ')';
}

bool append_polygon(std::string& out, const GEOSGeometry* g, int precision) {
    out += '(';
    append_ring(out, GEOSGetExteriorRing_r(h(), g), precision);
    const int nh = GEOSGetNumInteriorRings_r(h(), g);
    for (int i = 0; i < nh; ++i) {
        out += ", ";
        append_ring(out, GEOSGetInteriorRingN_r(h(), g, i), precision);
    }
    out += ')';
    return true;
}

} // namespace

std::string Geometry::to_wkt(int precision) const {
    if (!m_geom) return {};
    const auto* g = static_cast<const GEOSGeometry*>(m_geom.get());
    const int type = GEOSGeomTypeId_r(h(), g);
    if (GEOSisEmpty_r(h(), g) != 1 && type == GEOS_POLYGON) {
        std::string out = "POLYGON ";
        append_polygon(out, g, precision);
        return out;
    }
    if (GEOSisEmpty_r(h(), g) != 1 && type == GEOS_MULTIPOLYGON) {
        std::string out = "MULTIPOLYGON (";
        const int n = GEOSGetNumGeometries_r(h(), g);
        for (int i = 0; i < n; ++i) {
            if (i) out += ", ";
            append_polygon(out, GEOSGetGeometryN_r(h(), g, i), precision);
        }
        return out + ")";
    }
    GEOSWKTWriter* w = GEOSWKTWriter_create_r(h());
    GEOSWKTWriter_setRoundingPrecision_r(h(), w, precision);
    GEOSWKTWriter_setTrim_r(h(), w, 1);
    char* s = GEOSWKTWriter_write_r(h(), w, g);
    GEOSWKTWriter_destroy_r(h(), w);
    if (!s) fail("cannot write WKT");
    std::string out(s);
    GEOSFree_r(h(), s);
    return out;
}

Geometry Geometry::clone() const {
    Geometry out;
    if (m_geom) out.m_geom.reset(GEOSGeom_clone_r(h(), static_cast<GEOSGeometry*>(m_geom.get())));
    return out;
}

Geometry Geometry::simplified(double tolerance_deg) const {
    Geometry out;
    if (m_geom) out.m_geom.reset(GEOSTopologyPreserveSimplify_r(h(), static_cast<GEOSGeometry*>(m_geom.get()), tolerance_deg));
    if (!out.m_geom) fail("cannot simplify");
    return out;
}

std::string Geometry::to_geojson() const {
    if (!m_geom) return "null";
    GEOSGeoJSONWriter* w = GEOSGeoJSONWriter_create_r(h());
    char* s = GEOSGeoJSONWriter_writeGeometry_r(h(), w, static_cast<GEOSGeometry*>(m_geom.get()), -1);
    GEOSGeoJSONWriter_destroy_r(h(), w);
    if (!s) fail("cannot write GeoJSON");
    std::string out(s);
    GEOSFree_r(h(), s);
    return out;
}

Envelope Geometry::envelope() const {
    Envelope e;
    if (empty()) return e;
    GEOSGeom_getXMin_r(h(), static_cast<GEOSGeometry*>(m_geom.get()), &e.min_lon);
    GEOSGeom_getYMin_r(h(), static_cast<GEOSGeometry*>(m_geom.get()), &e.min_lat);
    GEOSGeom_getXMax_r(h(), static_cast<GEOSGeometry*>(m_geom.get()), &e.max_lon);
    GEOSGeom_getYMax_r(h(), static_cast<GEOSGeometry*>(m_geom.get()), &e.max_lat);
    return e;
}

namespace {
LatLon point_of(GEOSGeometry* p) {
    LatLon out;
    if (!p) return out;
    double x = 0, y = 0;
    if (GEOSGeomGetX_r(h(), p, &x) == 1 && GEOSGeomGetY_r(h(), p, &y) == 1) {
        out.lon_deg = x;
        out.lat_deg = y;
    }
    GEOSGeom_destroy_r(h(), p);
    return out;
}
} // namespace

LatLon Geometry::point_on_surface() const {
    if (empty()) return {};
    return point_of(GEOSPointOnSurface_r(h(), static_cast<GEOSGeometry*>(m_geom.get())));
}

LatLon Geometry::centroid() const {
    if (empty()) return {};
    return point_of(GEOSGetCentroid_r(h(), static_cast<GEOSGeometry*>(m_geom.get())));
}

std::vector<LatLon> Geometry::vertices() const {
    std::vector<LatLon> out;
    if (empty()) return out;
    // GEOSGeom_getCoordSeq only works on simple geometries; walk the structure.
    GEOSGeometry* coords = GEOSGeom_extractUniquePoints_r(h(), static_cast<GEOSGeometry*>(m_geom.get()));
    if (!coords) fail("cannot extract vertices");
    const int n = GEOSGetNumGeometries_r(h(), coords);
    out.reserve(static_cast<std::size_t>(std::max(n, 0)));
    for (int i = 0; i < n; ++i) {
        const GEOSGeometry* p = GEOSGetGeometryN_r(h(), coords, i);
        double x = 0, y = 0;
        if (GEOSGeomGetX_r(h(), p, &x) == 1 && GEOSGeomGetY_r(h(), p, &y) == 1) out.push_back(LatLon{y, x});
    }
    GEOSGeom_destroy_r(h(), coords);
    return out;
}

bool Geometry::is_valid() const {
    return m_geom && GEOSisValid_r(h(), static_cast<GEOSGeometry*>(m_geom.get())) == 1;
}

PreparedGeometry::PreparedGeometry(Geometry geom) : m_geom(std::move(geom)) {
    if (m_geom.empty()) return;
    const GEOSPreparedGeometry* p = GEOSPrepare_r(h(), static_cast<GEOSGeometry*>(m_geom.m_geom.get()));
    if (!p) fail("cannot prepare geometry");
    m_prepared.reset(p);
    m_env = m_geom.envelope();
}

bool PreparedGeometry::contains(const LatLon& p) const {
    if (!m_prepared || !p.valid() || !m_env.contains(p)) return false;
    GEOSGeometry* pt = GEOSGeom_createPointFromXY_r(h(), p.lon_deg, p.lat_deg);
    const char r = GEOSPreparedIntersects_r(h(), static_cast<const GEOSPreparedGeometry*>(m_prepared.get()), pt);
    GEOSGeom_destroy_r(h(), pt);
    return r == 1;
}

} // namespace reckon::geometry
