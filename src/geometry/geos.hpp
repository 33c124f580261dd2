#pragma once
/// @file geos.hpp
/// The only user of GEOS: RAII handles over the reentrant C API, with one
/// context per thread and errors turned into reckon::Error.

#include "reckon/types.hpp"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::geometry {

namespace detail {
struct GeomDeleter {
    void operator()(void* g) const noexcept;
};
struct PreparedDeleter {
    void operator()(const void* p) const noexcept;
};
/// This thread's GEOSContextHandle_t (for code in src/geometry only).
void* geos_context();
} // namespace detail

/// Bounding box in degrees.
struct Envelope {
    double min_lon = 0, min_lat = 0, max_lon = 0, max_lat = 0;
    bool contains(const LatLon& p) const noexcept {
        return p.lon_deg >= min_lon && p.lon_deg <= max_lon && p.lat_deg >= min_lat && p.lat_deg <= max_lat;
    }
};

/// An owned (multi)polygon or other geometry, lon/lat order.
class Geometry {
public:
    Geometry() = default;
    /// Parse WKB (ISO or extended). Throws reckon::Error on bad input.
    static Geometry from_wkb(std::string_view wkb);
    /// Parse WKT. Throws reckon::Error on bad input.
    static Geometry from_wkt(std::string_view wkt);

    bool empty() const noexcept;
    std::string to_wkb() const;
    std::string to_wkt(int precision = 6) const;
    std::string to_geojson() const;
    Geometry clone() const;
    /// Topology-preserving simplification (GEOS), tolerance in degrees.
    Geometry simplified(double tolerance_deg) const;
    Envelope envelope() const;
    /// A point inside the geometry (GEOS PointOnSurface): a centroid may fall outside.
    LatLon point_on_surface() const;
    LatLon centroid() const;
    /// All vertices of all rings, for extent computation.
    std::vector<LatLon> vertices() const;
    bool is_valid() const;

    void* handle() const noexcept { return m_geom.get(); }
    /// Take ownership of a raw GEOSGeometry* (for code in src/geometry only).
    static Geometry adopt(void* geos_geometry);

private:
    std::unique_ptr<void, detail::GeomDeleter> m_geom;
    friend class PreparedGeometry;
};

/// A prepared geometry for fast repeated point-in-polygon tests.
class PreparedGeometry {
public:
    explicit PreparedGeometry(Geometry geom);
    bool contains(const LatLon& p) const;
    const Envelope& envelope() const noexcept { return m_env; }

private:
    Geometry m_geom;
    std::unique_ptr<const void, detail::PreparedDeleter> m_prepared;
    Envelope m_env;
};

} // namespace reckon::geometry
