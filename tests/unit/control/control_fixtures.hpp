#pragma once
// Control-area test fixtures: the grid gazetteer (tests/data/control), and
// checks of the invariants every snapshot must satisfy.

#include "../gazetteer/fixtures.hpp"
#include "control/dates.hpp"
#include "geometry/coverage.hpp"
#include "geometry/geos.hpp"
#include "geometry/shapes.hpp"
#include "reckon/control.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace reckon::test {

inline std::string control_data(const std::string& name) { return data_path("control/" + name); }

/// The grid gazetteer (60 villages on a 0.1° grid, country and provinces), built once.
inline Gazetteer& grid_gazetteer() {
    static std::unique_ptr<Gazetteer> g = [] {
        const std::string path = binary_dir() + "/test-control-grid.sqlite";
        BuildOptions opt;
        opt.geonames = {control_data("grid.geonames.txt")};
        opt.boundaries = {control_data("grid_admin.geojson")};
        build_gazetteer(path, opt);
        return std::make_unique<Gazetteer>(path);
    }();
    return *g;
}

inline Date date(const char* iso) {
    const auto d = control::detail::parse_date(iso);
    REQUIRE(d);
    return *d;
}

inline std::string iso(const Date& d) { return control::detail::iso(d); }

/// Grid site (i, j): its public id and position.
inline std::string grid_id(int i, int j) { return "geonames:88000" + std::to_string(j) + std::to_string(i); }
inline LatLon grid_point(int i, int j) { return LatLon{35.05 + 0.1 * j, 36.05 + 0.1 * i}; }

inline geometry::Geometry wkt(const std::string& s) { return geometry::Geometry::from_wkt(s); }

/// Area (m²) of the symmetric difference of @p a and @p b.
inline double sym_diff_m2(const geometry::Geometry& a, const geometry::Geometry& b) {
    return geometry::lonlat_area_m2(geometry::difference(a, b)) + geometry::lonlat_area_m2(geometry::difference(b, a));
}

/// The areas of snapshot @p as_of.
inline std::vector<const ControlArea*> snapshot(const ControlResult& r, const Date& as_of) {
    std::vector<const ControlArea*> out;
    for (const auto& a : r.areas) {
        if (a.as_of == as_of) out.push_back(&a);
    }
    return out;
}

/// The area of snapshot @p as_of that covers @p p (nullptr if none).
inline const ControlArea* area_at(const ControlResult& r, const Date& as_of, const LatLon& p) {
    for (const ControlArea* a : snapshot(r, as_of)) {
        if (geometry::covers(wkt(a->wkt), p)) return a;
    }
    return nullptr;
}

/// Every snapshot: each polygon valid, no two areas overlapping, their union
/// the clip area (tolerances relative to the clip area: overlay noise only).
inline void require_invariants(const ControlResult& r) {
    const geometry::Geometry clip = wkt(r.clip_wkt);
    const double clip_m2 = geometry::lonlat_area_m2(clip);
    REQUIRE(clip_m2 > 0);
    constexpr double relative_tolerance = 1e-7;
    std::map<std::int64_t, std::vector<const ControlArea*>> by_date;
    for (const auto& a : r.areas) by_date[control::detail::day_number(a.as_of)].push_back(&a);
    REQUIRE(!by_date.empty());
    for (const auto& [day, areas] : by_date) {
        INFO("snapshot " << iso(areas.front()->as_of));
        std::vector<geometry::Geometry> geoms;
        double sum_m2 = 0;
        for (const ControlArea* a : areas) {
            INFO(a->area_id);
            geometry::Geometry g = wkt(a->wkt);
            CHECK(g.is_valid());
            CHECK(geometry::is_polygonal(g));
            CHECK(a->area_km2 == Approx(geometry::lonlat_area_m2(g) / 1e6).epsilon(1e-6));  // WKT keeps 7 decimals
            sum_m2 += geometry::lonlat_area_m2(g);
            geoms.push_back(std::move(g));
        }
        for (std::size_t i = 0; i < geoms.size(); ++i) {
            for (std::size_t j = i + 1; j < geoms.size(); ++j) {
                INFO(areas[i]->area_id << " vs " << areas[j]->area_id);
                CHECK(geometry::lonlat_area_m2(geometry::intersection(geoms[i], geoms[j])) <= relative_tolerance * clip_m2);
            }
        }
        std::vector<const geometry::Geometry*> parts;
        for (const auto& g : geoms) parts.push_back(&g);
        const geometry::Geometry all = geometry::dissolve(parts, geometry::PartsLayout::overlapping);
        CHECK(sym_diff_m2(all, clip) <= relative_tolerance * clip_m2);
        CHECK(sum_m2 == Approx(clip_m2).epsilon(relative_tolerance));
    }
}

/// Read a golden file (controller TAB wkt, sorted by controller).
inline std::vector<std::pair<std::string, std::string>> read_golden(const std::string& name) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& row : read_tsv(control_data(name))) {
        REQUIRE(row.cols.size() == 2);
        out.emplace_back(row.cols[0], row.cols[1]);
    }
    return out;
}

/// The snapshot of @p as_of equals the golden areas: the same controllers in
/// the same order, each geometry within @p tolerance_m2 (symmetric difference).
inline void require_golden(const ControlResult& r, const Date& as_of, const std::string& golden, double tolerance_m2) {
    const auto expected = read_golden(golden);
    const auto got = snapshot(r, as_of);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        INFO(got[i]->area_id << " vs golden " << expected[i].first);
        CHECK(got[i]->controller == expected[i].first);
        CHECK(sym_diff_m2(wkt(got[i]->wkt), wkt(expected[i].second)) <= tolerance_m2);
    }
}

/// Exact area (km²) of the lat/lon quadrangle on the WGS84 ellipsoid
/// (authalic-latitude formula, e.g. Snyder 1987, "Map Projections: A
/// Working Manual", eq. 3-12): an independent check of area_km2.
inline double quadrangle_km2(double lon0, double lat0, double lon1, double lat1) {
    const double a = 6378137.0, f = 1.0 / 298.257223563;
    const double e2 = f * (2 - f), e = std::sqrt(e2);
    auto q = [&](double lat_deg) {
        const double s = std::sin(lat_deg * M_PI / 180.0);
        return (1 - e2) * (s / (1 - e2 * s * s) - 1 / (2 * e) * std::log((1 - e * s) / (1 + e * s)));
    };
    return a * a / 2.0 * (lon1 - lon0) * M_PI / 180.0 * (q(lat1) - q(lat0)) / 1e6;
}

inline std::string join_lines(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

inline bool contains_text(const std::vector<std::string>& lines, const std::string& needle) {
    for (const auto& l : lines) {
        if (l.find(needle) != std::string::npos) return true;
    }
    return false;
}

} // namespace reckon::test
