#include "geodesy/geodesic.hpp"

#include <geodesic.h>

#include <algorithm>
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

double approx_distance_m(const LatLon& a, const LatLon& b) noexcept {
    if (!a.valid() || !b.valid()) return std::nan("");
    constexpr double mean_radius_m = 6371008.8;  // IUGG mean Earth radius
    constexpr double rad = M_PI / 180.0;
    const double dlat = (b.lat_deg - a.lat_deg) * rad, dlon = (b.lon_deg - a.lon_deg) * rad;
    const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                     std::cos(a.lat_deg * rad) * std::cos(b.lat_deg * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
    return 2.0 * mean_radius_m * std::asin(std::min(1.0, std::sqrt(h)));
}

LatLon direct(const LatLon& origin, double azimuth_deg, double distance_m) noexcept {
    LatLon r;
    if (!origin.valid() || !std::isfinite(azimuth_deg) || !std::isfinite(distance_m)) return r;
    double azi2 = 0.0;
    geod_direct(&wgs84(), origin.lat_deg, origin.lon_deg, azimuth_deg, distance_m, &r.lat_deg, &r.lon_deg, &azi2);
    return r;
}

} // namespace reckon::geodesy

namespace reckon::geodesy {

std::vector<Station> stations(const LatLon& a, const LatLon& b, int n) {
    std::vector<Station> out;
    if (!a.valid() || !b.valid() || n < 1) return out;
    geod_geodesicline line{};
    geod_inverseline(&line, &wgs84(), a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg,
                     GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_AZIMUTH | GEOD_DISTANCE_IN);
    out.reserve(static_cast<std::size_t>(n) + 1);
    for (int i = 0; i <= n; ++i) {
        Station st;
        geod_position(&line, line.s13 * i / n, &st.position.lat_deg, &st.position.lon_deg, &st.azimuth_deg);
        out.push_back(st);
    }
    return out;
}

double polygon_area_m2(const std::vector<LatLon>& ring) noexcept {
    if (ring.size() < 3) return 0.0;
    std::vector<double> lats, lons;
    lats.reserve(ring.size());
    lons.reserve(ring.size());
    for (const auto& p : ring) {
        lats.push_back(p.lat_deg);
        lons.push_back(p.lon_deg);
    }
    if (ring.front().lat_deg == ring.back().lat_deg && ring.front().lon_deg == ring.back().lon_deg) {
        lats.pop_back();
        lons.pop_back();
    }
    double area = 0.0, perimeter = 0.0;
    geod_polygonarea(&wgs84(), lats.data(), lons.data(), static_cast<int>(lats.size()), &area, &perimeter);
    return std::fabs(area);
}

} // namespace reckon::geodesy
