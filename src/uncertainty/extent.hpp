#pragma once
/// @file extent.hpp
/// Extent of a named place for the point-radius method (Wieczorek, Guo &
/// Hijmans 2004, "The point-radius method for georeferencing locality
/// descriptions"; Chapman & Wieczorek 2020, Georeferencing: Best Practices,
/// GBIF): the distance from the place's reference point to its furthest point.
/// Used when no boundary polygon is known.

#include <cstdint>
#include <string>
#include <string_view>

namespace reckon::uncertainty {

struct Extent {
    double extent_m = 0.0;
    const char* basis = "feature-default";  ///< population | feature-default
};

/// Extent of a place from its GeoNames feature code and population.
/// @param[in] feature_class GeoNames feature class (P, A, S, ...)
/// @param[in] feature_code  GeoNames feature code (PPL, PPLA2, ADM1, ...)
/// @param[in] population    inhabitants, 0 if unknown
Extent place_extent(std::string_view feature_class, std::string_view feature_code, std::int64_t population) noexcept;

/// Extent floor for a settlement known by many names when its population is
/// unknown (many large towns in Who's On First-derived extracts have none):
/// a place with names in dozens of languages is a city, not a hamlet.
/// @param[in] name_count distinct names of the place
/// @return 0 when the count says nothing
double prominence_extent_m(std::int64_t name_count) noexcept;

} // namespace reckon::uncertainty
