#pragma once
/// @file geodesic.hpp
/// Geodesics on the WGS84 ellipsoid. The only user of PROJ (its geodesic API,
/// Karney's algorithms). Out-of-domain inputs give NaN rather than throwing.

#include "reckon/types.hpp"

namespace reckon::geodesy {

/// Result of the inverse problem between two points.
struct Inverse {
    double distance_m = 0.0;     ///< geodesic distance (metres)
    double azimuth1_deg = 0.0;   ///< forward azimuth at the first point (degrees clockwise from north)
    double azimuth2_deg = 0.0;   ///< forward azimuth at the second point
};

/// Distance and azimuths from @p a to @p b.
/// @param[in] a first point (degrees)
/// @param[in] b second point (degrees)
/// @return NaN fields if either point is invalid
Inverse inverse(const LatLon& a, const LatLon& b) noexcept;

/// Geodesic distance from @p a to @p b (metres), NaN if either is invalid.
double distance_m(const LatLon& a, const LatLon& b) noexcept;

/// Fast approximate distance (metres) for ranking and thresholds, not for
/// geometry: a spherical law (haversine) on the mean radius, within ~0.5% of
/// the geodesic distance. NaN if either point is invalid.
double approx_distance_m(const LatLon& a, const LatLon& b) noexcept;

/// The point reached from @p origin after @p distance_m along @p azimuth_deg.
/// @param[in] origin      start (degrees)
/// @param[in] azimuth_deg azimuth at the start (degrees clockwise from north)
/// @param[in] distance_m  distance (metres)
LatLon direct(const LatLon& origin, double azimuth_deg, double distance_m) noexcept;

} // namespace reckon::geodesy

#include <vector>

namespace reckon::geodesy {

/// A point on a geodesic and the geodesic's forward azimuth there.
struct Station {
    LatLon position;
    double azimuth_deg = 0.0;  ///< degrees clockwise from north, towards the far end
};

/// @p n + 1 equally spaced stations along the geodesic from @p a to @p b
/// (both ends included; n ≥ 1). One geodesic line is set up and walked, which
/// costs about half of a direct problem per station. Empty if a point is invalid.
/// @param[in] a first point (degrees)
/// @param[in] b last point (degrees)
/// @param[in] n number of equal steps
std::vector<Station> stations(const LatLon& a, const LatLon& b, int n);

/// Geodesic area (square metres, positive) of a simple polygon ring given
/// counter- or clockwise, without the closing vertex repeated or with it.
/// Uses PROJ's geod_polygonarea (Karney 2013).
double polygon_area_m2(const std::vector<LatLon>& ring) noexcept;

} // namespace reckon::geodesy
