#pragma once
// Helpers for the export tests: a per-test work directory, file contents,
// and comparison of what was written with what ogr_reader reads back.

#include "../gazetteer/fixtures.hpp"
#include "export/schema.hpp"
#include "export/ogr_reader.hpp"
#include "geometry/geos.hpp"
#include "reckon/export.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace reckon::test {

namespace fs = std::filesystem;

/// A fresh directory for one test case (pid-unique: ctest runs cases of this
/// binary in parallel), removed when the case ends.
struct ExportDir {
    fs::path dir;
    explicit ExportDir(const std::string& name)
        : dir(fs::path(RECKON_BINARY_DIR) / "test-work" / ("export-" + name + "-" + std::to_string(::getpid()))) {
        std::error_code ec;
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir, ec);
        fs::create_directories(dir);
    }
    ~ExportDir() {
        std::error_code ec;
        fs::permissions(dir, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(dir, ec);
    }
    std::string file(const std::string& name) const { return (dir / name).string(); }
    /// Names in the directory, sorted.
    std::vector<std::string> entries(const std::string& sub = "") const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(sub.empty() ? dir : dir / sub)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

inline bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

/// Every file under @p dir (recursively) with its bytes, for "untouched" checks.
inline std::vector<std::pair<std::string, std::string>> snapshot(const std::string& path) {
    std::vector<std::pair<std::string, std::string>> out;
    if (fs::is_regular_file(path)) {
        out.emplace_back(path, read_file(path));
        return out;
    }
    for (const auto& e : fs::recursive_directory_iterator(path)) {
        if (e.is_regular_file()) out.emplace_back(e.path().string(), read_file(e.path().string()));
    }
    std::sort(out.begin(), out.end());
    return out;
}

inline const vector_io::VectorLayer* find_layer(const std::vector<vector_io::VectorLayer>& layers, const std::string& name) {
    for (const auto& l : layers) {
        if (l.name == name) return &l;
    }
    return nullptr;
}

/// Vertices of a WKB or WKT geometry, sorted (ring orientation and start
/// vertex differ between formats; the vertex multiset does not).
inline std::vector<std::pair<double, double>> sorted_vertices(const geometry::Geometry& g) {
    std::vector<std::pair<double, double>> v;
    for (const LatLon& p : g.vertices()) v.emplace_back(p.lon_deg, p.lat_deg);
    std::sort(v.begin(), v.end());
    return v;
}

/// "POINT", "POLYGON", "MULTIPOLYGON" from a WKT string.
inline std::string wkt_type(const std::string& wkt) {
    const auto end = wkt.find_first_of(" (");
    return wkt.substr(0, end);
}

/// How a format is expected to give values back.
struct RoundTrip {
    VectorFormat format = VectorFormat::gpkg;
    double coordinate_tolerance = 1e-9;   ///< degrees
    bool types_inferred = false;          ///< GeoJSON: all-NULL fields read back as strings
    std::size_t max_string_bytes = 0;     ///< Shapefile: 254
    double real_tolerance = 0;            ///< absolute, for formats that round reals (0: relative 1e-12)
};

/// Check that layer @p got holds exactly @p written (by key), with values,
/// NULLs and geometry intact.
inline void check_round_trip(const LayerSchema& schema, const std::vector<OutFeature>& written,
                             const vector_io::VectorLayer& got, const RoundTrip& rt) {
    INFO("format " << to_string(rt.format) << ", layer " << schema.name);
    vector_io::detail::FormatRules rules;
    rules.shapefile_names = rt.format == VectorFormat::shp;
    REQUIRE(got.features.size() == written.size());
    std::size_t key_index = 0;
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
        if (schema.fields[i].name == schema.key_field) key_index = i;
    }
    const std::string key_name = vector_io::detail::stored_field_name(schema.fields[key_index], rules);
    for (const OutFeature& w : written) {
        const std::string key = std::get<std::string>(w.values[key_index]);
        INFO("feature " << key);
        const vector_io::VectorFeature* f = nullptr;
        for (const auto& g : got.features) {
            const auto it = g.attributes.find(key_name);
            if (it != g.attributes.end() && it->second == key) f = &g;
        }
        REQUIRE(f != nullptr);
        for (std::size_t k = 0; k < schema.fields.size(); ++k) {
            const FieldDef& def = schema.fields[k];
            const std::string name = vector_io::detail::stored_field_name(def, rules);
            INFO("field " << def.name << " stored as " << name);
            const int idx = got.field_index(name);
            REQUIRE(idx >= 0);
            const FieldType type = got.field_types[static_cast<std::size_t>(idx)];
            const FieldValue& want = w.values[k];
            const FieldValue& have = f->values[static_cast<std::size_t>(idx)];
            if (std::holds_alternative<std::monostate>(want)) {
                if (rt.format == VectorFormat::csv && def.type == FieldType::string) {
                    // CSV cannot tell a NULL text from an empty one.
                    CHECK((std::holds_alternative<std::monostate>(have) ||
                           (std::holds_alternative<std::string>(have) && std::get<std::string>(have).empty())));
                } else {
                    CHECK(std::holds_alternative<std::monostate>(have));
                }
                continue;
            }
            switch (def.type) {
            case FieldType::string: {
                CHECK(type == FieldType::string);
                std::string s = std::get<std::string>(want);
                if (rt.max_string_bytes && s.size() > rt.max_string_bytes) s.resize(rt.max_string_bytes);
                REQUIRE(std::holds_alternative<std::string>(have));
                CHECK(std::get<std::string>(have) == s);
                break;
            }
            case FieldType::integer:
            case FieldType::integer64:
                CHECK((type == FieldType::integer || type == FieldType::integer64));
                REQUIRE(std::holds_alternative<std::int64_t>(have));
                CHECK(std::get<std::int64_t>(have) == std::get<std::int64_t>(want));
                break;
            case FieldType::real: {
                CHECK((type == FieldType::real || (rt.types_inferred && type == FieldType::integer)));
                const double x = std::holds_alternative<double>(have) ? std::get<double>(have)
                                                                        : static_cast<double>(std::get<std::int64_t>(have));
                if (rt.real_tolerance > 0) {
                    CHECK(x == Approx(std::get<double>(want)).margin(rt.real_tolerance));
                } else {
                    CHECK(x == Approx(std::get<double>(want)).epsilon(1e-12));
                }
                break;
            }
            case FieldType::date: {
                CHECK(type == FieldType::date);
                REQUIRE(std::holds_alternative<Date>(have));
                CHECK(std::get<Date>(have) == std::get<Date>(want));
                break;
            }
            case FieldType::datetime:
                CHECK(type == FieldType::datetime);
                break;
            }
        }
        if (w.wkt.empty()) {
            CHECK(f->wkb.empty());
            continue;
        }
        REQUIRE_FALSE(f->wkb.empty());
        const geometry::Geometry g = geometry::Geometry::from_wkb(f->wkb);
        const std::string got_type = wkt_type(g.to_wkt());
        const std::string want_type = wkt_type(w.wkt);
        if (schema.geometry == GeometryKind::multipolygon) {
            // Polygons are promoted; Shapefile readers and GDAL's RFC 7946
            // GeoJSON writer make one-part multipolygons polygons again.
            if (rt.format == VectorFormat::shp || rt.format == VectorFormat::geojson) {
                CHECK((got_type == "MULTIPOLYGON" || got_type == "POLYGON"));
            } else {
                CHECK(got_type == "MULTIPOLYGON");
            }
        } else {
            CHECK(got_type == want_type);
        }
        const auto a = sorted_vertices(g);
        const auto b = sorted_vertices(geometry::Geometry::from_wkt(w.wkt));
        REQUIRE(a.size() == b.size());
        for (std::size_t v = 0; v < a.size(); ++v) {
            CHECK(a[v].first == Approx(b[v].first).margin(rt.coordinate_tolerance));
            CHECK(a[v].second == Approx(b[v].second).margin(rt.coordinate_tolerance));
        }
    }
}

} // namespace reckon::test
