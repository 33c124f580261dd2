#include "geodesy/geodesic.hpp"

#include <geodesic.h>

#include <cmath>

namespace reckon::geodesy {

namespace {
// WGS84 ellipsoid (EPSG:7030): semi-major axis (m) and flattening.
constexpr double wgs84_a_m = 6378137.0;
constexpr double wgs84_f = 1.0 / 298.257223563;

const geod_geodesic& wgs84() {
    static const geod_geodesic g = [] {
        geod_geodesic tmp{};
        geod_init(&tmp, wgs84_a_m, wgs84_f);
        return tmp;
    }();
    return g;
}
} // namespace

Inverse inverse(const LatLon& a, const LatLon& b) noexcept {
    Inverse r;
    if (!a.valid() || !b.valid()) {
        r.distance_m = r.azimuth1_deg = r.azimuth2_deg = std::nan("");
        return r;
    }
    geod_inverse(&wgs84(), a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, &r.distance_m, &r.azimuth1_deg,
                 &r.azimuth2_deg);
    return r;
}

double distance_m(const LatLon& a, const LatLon& b) noexcept {
    return inverse(a, b).distance_m;
}

LatLon direct(const LatLon& origin, double azimuth_deg, double distance_m) noexcept {
    LatLon r;
    if (!origin.valid() || !std::isfinite(azimuth_deg) || !std::isfinite(distance_m)) return r;
    double azi2 = 0.0;
    geod_direct(&wgs84(), origin.lat_deg, origin.lon_deg, azimuth_deg, distance_m, &r.lat_deg, &r.lon_deg, &azi2);
    return r;
}

} // namespace reckon::geodesy
