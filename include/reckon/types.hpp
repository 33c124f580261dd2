#pragma once
/// @file types.hpp
/// Small value types shared by every module.

#include <cmath>
#include <cstdint>
#include <string>

namespace reckon {

/// A WGS84 position in degrees. NaN coordinates mean "no position".
struct LatLon {
    double lat_deg = std::nan("");
    double lon_deg = std::nan("");
    bool valid() const noexcept {
        return std::isfinite(lat_deg) && std::isfinite(lon_deg) && lat_deg >= -90.0 && lat_deg <= 90.0 &&
               lon_deg >= -180.0 && lon_deg <= 180.0;
    }
};

/// A gazetteer place, as stored.
struct Place {
    std::int64_t row_id = 0;        ///< internal row id (not stable across builds)
    std::string id;                 ///< stable public id: "geonames:170794", "curated:al-hol-camp"
    std::string name;               ///< primary name
    std::string name_ar;            ///< Arabic-script name ("" if unknown)
    std::string feature_class;      ///< GeoNames feature class (P, A, S, L, H, T)
    std::string feature_code;       ///< GeoNames feature code (PPL, PPLA, ADM1, DAM, ...)
    std::string country;            ///< ISO 3166-1 alpha-2
    std::string admin1;             ///< GeoNames admin1 code ("" unknown)
    std::string admin2;             ///< GeoNames admin2 code ("" unknown)
    LatLon position;                ///< representative point
    std::int64_t population = 0;    ///< 0 when unknown
    std::int64_t name_count = 0;    ///< distinct names known: a proxy for prominence
    double extent_m = 0.0;          ///< point-radius extent (metres)
    std::string extent_basis;       ///< polygon | population | prominence | feature-default | curated
    std::string source_ref;         ///< provenance of the row
};

} // namespace reckon
