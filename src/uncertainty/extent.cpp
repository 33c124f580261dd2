#include "uncertainty/extent.hpp"

#include <algorithm>
#include <cmath>

namespace reckon::uncertainty {

namespace {

// Built-up density used to turn a population into an urban footprint.
// Iraqi and Syrian cities run at roughly 5,000-10,000 inhabitants per km² of
// built-up area (Atlas of Urban Expansion, NYU/UN-Habitat/Lincoln Institute,
// 2016 edition: Baghdad ~ 9,000/km², Aleppo ~ 10,000/km² in 2014); we take the
// low end so the footprint, and with it the extent, errs on the large side.
constexpr double urban_density_per_km2 = 5000.0;

// A settlement's footprint is not a disc: the furthest point lies further out
// than the radius of the equal-area circle. Factor from the ratio of
// maximum radius to equal-area radius of elongated built-up areas (~1.5).
constexpr double footprint_shape_factor = 1.5;

// Floors and defaults per feature kind, metres. A village in the region is a
// few hundred metres across with fields around it; GeoNames points sit
// anywhere in the built-up area, so 1 km covers it (Wieczorek et al. 2004
// recommend the feature's full extent when unknown, erring large).
constexpr double village_extent_m = 1000.0;
constexpr double neighbourhood_extent_m = 750.0;
constexpr double admin3_seat_extent_m = 2000.0;    // PPLA3/PPLA4: sub-district seats
constexpr double admin2_seat_extent_m = 3000.0;    // PPLA2: district seats
constexpr double admin1_seat_extent_m = 5000.0;    // PPLA: governorate capitals
constexpr double capital_extent_m = 15000.0;       // PPLC: Damascus, Baghdad
constexpr double admin1_area_extent_m = 100000.0;  // ADM1 without a polygon
constexpr double admin2_area_extent_m = 40000.0;   // ADM2 without a polygon
constexpr double admin3_area_extent_m = 15000.0;
constexpr double facility_extent_m = 1000.0;       // S class: buildings, bases, posts
constexpr double natural_feature_extent_m = 5000.0;

double floor_for_code(std::string_view fclass, std::string_view code) noexcept {
    if (fclass == "P") {
        if (code == "PPLC") return capital_extent_m;
        if (code == "PPLA") return admin1_seat_extent_m;
        if (code == "PPLA2") return admin2_seat_extent_m;
        if (code == "PPLA3" || code == "PPLA4") return admin3_seat_extent_m;
        if (code == "PPLX") return neighbourhood_extent_m;
        return village_extent_m;
    }
    if (fclass == "A") {
        if (code == "ADM1" || code == "ADM1H") return admin1_area_extent_m;
        if (code == "ADM2" || code == "ADM2H") return admin2_area_extent_m;
        return admin3_area_extent_m;
    }
    if (fclass == "S") return facility_extent_m;
    return natural_feature_extent_m;
}

} // namespace

Extent place_extent(std::string_view feature_class, std::string_view feature_code, std::int64_t population) noexcept {
    Extent e;
    e.extent_m = floor_for_code(feature_class, feature_code);
    if (feature_class == "P" && population > 0) {
        const double area_km2 = static_cast<double>(population) / urban_density_per_km2;
        const double radius_m = std::sqrt(area_km2 / M_PI) * 1000.0 * footprint_shape_factor;
        if (radius_m > e.extent_m) {
            e.extent_m = radius_m;
            e.basis = "population";
        }
    }
    return e;
}

double prominence_extent_m(std::int64_t name_count) noexcept {
    // Names in many languages mark regional centres; the floors follow the
    // seat extents above (capitals of governorates run 5-15 km in extent).
    constexpr std::int64_t city_names = 40, town_names = 20, small_town_names = 10;
    if (name_count >= city_names) return 8000.0;
    if (name_count >= town_names) return admin2_seat_extent_m;
    if (name_count >= small_town_names) return admin3_seat_extent_m;
    return 0.0;
}

} // namespace reckon::uncertainty
