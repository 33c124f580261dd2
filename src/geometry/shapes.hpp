#pragma once
/// @file shapes.hpp
/// Uncertainty shapes on the WGS84 ellipsoid: geodesic sectors, disks and
/// corridors, built from exact geodesic offsets (geodesy::direct) so that
/// every vertex lies at its true distance and azimuth from the anchor.

#include "geometry/geos.hpp"
#include "reckon/types.hpp"

#include <vector>

namespace reckon::geometry {

/// Arcs are drawn with as many vertices as keep the chord within
/// arc_sagitta_fraction of the radius from the true arc (0.2%: 7.2° steps,
/// 50 vertices a circle; a 10 km arc is off by at most 20 m), and at least
/// min_arc_vertices.
inline constexpr double arc_sagitta_fraction = 0.002;
inline constexpr int min_arc_vertices = 2;
/// Vertices of a full circle of radius @p r_m at that tolerance.
int circle_vertex_count(double r_m);

/// An annular sector around @p centre: distances [r_min_m, r_max_m] along
/// azimuths azimuth_deg ± half_width_deg, grown by @p buffer_m (the anchor's
/// extent: the offset may have been measured from anywhere in it). A
/// half-width ≥ 180° gives an annulus (or a disk when the inner radius is 0).
/// @param[in] centre         anchor point
/// @param[in] azimuth_deg    sector axis (degrees clockwise from north)
/// @param[in] half_width_deg half opening angle (degrees)
/// @param[in] r_min_m        inner radius (metres, ≥ 0)
/// @param[in] r_max_m        outer radius (metres, > r_min_m)
/// @param[in] buffer_m       growth on every side (metres, ≥ 0)
Geometry annular_sector(const LatLon& centre, double azimuth_deg, double half_width_deg, double r_min_m,
                        double r_max_m, double buffer_m);

/// A geodesic disk of @p radius_m around @p centre.
Geometry disk(const LatLon& centre, double radius_m);

/// A corridor of half-width @p half_width_m around the geodesic from @p a to
/// @p b, with round ends.
Geometry corridor(const LatLon& a, const LatLon& b, double half_width_m);

/// A polyline through @p points (lon/lat order in the geometry); throws
/// reckon::Error with fewer than two points.
Geometry line_string(const std::vector<LatLon>& points);

/// Intersection, union (GEOS). Results are made valid.
Geometry intersection(const Geometry& a, const Geometry& b);
Geometry unite(const Geometry& a, const Geometry& b);

/// The stretch of @p a's boundary that runs along @p b (their common border),
/// tolerant of generalised polygons that do not share vertices exactly.
/// Empty when they do not touch.
Geometry common_border(const Geometry& a, const Geometry& b);

/// Points within [r_min_m, r_max_m] of the line @p line (a band on both sides),
/// computed in degrees with a latitude-aware conversion that errs on the wide
/// side (outer buffer by the shorter longitude degree, inner by the latitude degree).
Geometry band_around(const Geometry& line, double r_min_m, double r_max_m);

/// The points a line reaches when moved by up to @p reach_m in a direction
/// within azimuth_deg ± half_width_deg (the Minkowski sum of the line and that
/// sector, each segment's sum taken as a convex hull): the side of a river a
/// direction names ("west of the Euphrates"). Degrees are converted with the
/// latitude of each segment.
/// @param[in] line           LINESTRING or MULTILINESTRING (lon/lat)
/// @param[in] azimuth_deg    direction from the line (degrees clockwise from north)
/// @param[in] half_width_deg half opening of the sector of directions (degrees, < 90)
/// @param[in] reach_m        how far the line is moved (metres, > 0)
Geometry side_of_line(const Geometry& line, double azimuth_deg, double half_width_deg, double reach_m);

/// a minus b (GEOS difference).
Geometry difference(const Geometry& a, const Geometry& b);

/// Convex hull (GEOS).
Geometry convex_hull(const Geometry& g);

/// Largest geodesic distance (metres) from @p from to any vertex of @p g.
double max_distance_m(const LatLon& from, const Geometry& g);

/// The point that minimises the largest distance to the vertices of @p g
/// (approximately: midpoint of the farthest vertex pair, refined), so that
/// the uncertainty circle is as small as the shape allows.
LatLon min_radius_centre(const Geometry& g);

/// The point of @p g nearest @p p in lon/lat (p itself when g covers it).
LatLon nearest_point(const Geometry& g, const LatLon& p);

/// True if @p g has a positive area (planar, in degrees: a cheap test that a
/// region is not empty or degenerate; area_m2 is the geodesic measure).
bool has_area(const Geometry& g);

/// Geodesic area (m²) of a polygon or multipolygon (holes subtracted).
double area_m2(const Geometry& g);

/// True if @p p lies in @p g (boundary included).
bool covers(const Geometry& g, const LatLon& p);

} // namespace reckon::geometry
