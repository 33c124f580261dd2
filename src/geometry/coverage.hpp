#pragma once
/// @file coverage.hpp
/// Polygon coverages for control areas: Voronoi tessellation of settlements,
/// dissolve (union) of many parts, repair of invalid input polygons.
/// GEOS stays behind this header (src/geometry is its only user).

#include "geometry/geos.hpp"
#include "reckon/types.hpp"

#include <string>
#include <vector>

namespace reckon::geometry {

/// Voronoi cells of @p sites, one per site and in site order, that together
/// cover at least @p extent. The tessellation is computed in a plane where
/// longitude is scaled by cos(φ0), φ0 the middle latitude of @p extent, so
/// that cells follow ground distance rather than degrees (over Syria and
/// Iraq, 29–37° N, the remaining east–west scale error is under ±5%).
/// Cells are convex; neighbouring cells share their edges exactly, so they
/// form a coverage (see dissolve()).
/// @param[in] sites  distinct positions (callers merge coincident sites)
/// @param[in] extent area the cells must cover
/// Throws reckon::Error when GEOS fails.
std::vector<Geometry> voronoi_cells(const std::vector<LatLon>& sites, const Envelope& extent);

/// How the parts handed to dissolve() relate to each other.
enum class PartsLayout {
    coverage,    ///< no overlaps, shared edges identical (Voronoi cells): fast coverage union
    overlapping  ///< anything polygonal: full (cascaded) union
};

/// The union of @p parts (null entries are skipped) as one valid polygonal
/// geometry; empty for no parts. A coverage union that GEOS finds invalid is
/// redone as a full union, so the result is valid either way.
Geometry dissolve(const std::vector<const Geometry*>& parts, PartsLayout layout);

/// The polygons of @p g (a Polygon, MultiPolygon or mixed collection, as
/// overlays can return) as one MultiPolygon; lines and points are dropped.
Geometry to_multipolygon(const Geometry& g);

/// True for Polygon and MultiPolygon (and collections of only polygons).
bool is_polygonal(const Geometry& g);

/// GEOS type name ("Polygon", "LineString", ...), "" for an empty handle.
std::string type_name(const Geometry& g);

/// Why @p g is not valid (GEOS: "Self-intersection[36.1 35.2]"), "" when valid.
std::string invalid_reason(const Geometry& g);

/// @p g made valid (GEOS MakeValid, structure method) with everything that
/// is not polygonal (collapsed rings become lines or points) dropped.
/// Empty when nothing polygonal remains.
Geometry repair_polygonal(const Geometry& g);

/// The rectangle @p e as a polygon.
Geometry rectangle(const Envelope& e);

/// Ellipsoidal area (m²) of the region @p g encloses when its edges are
/// straight lines in longitude/latitude, as GEOS computes and GIS draws
/// them: edges are divided every 0.001° (~100 m) before the geodesic area
/// (area_m2 in shapes.hpp, which reads each edge as a geodesic), so that a
/// polygon's area equals the sum of the areas of its parts. For a 1° edge
/// along a parallel at 35° N the two readings differ by ~0.5 km².
double lonlat_area_m2(const Geometry& g);

/// Planar area in square degrees (GEOS Area): for tolerance checks only;
/// geodesic areas come from area_m2() in shapes.hpp.
double planar_area_deg2(const Geometry& g);

/// True when the interiors of @p a and @p b intersect (GEOS relate pattern
/// T********), i.e. they overlap in more than a shared boundary.
bool interiors_intersect(const Geometry& a, const Geometry& b);

} // namespace reckon::geometry
