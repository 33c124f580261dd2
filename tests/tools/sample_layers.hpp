#pragma once
// Realistic sample features for every reckon layer (hand-written, not from
// ../shared): incidents in Syria and Iraq with Arabic names, NULLs, dates,
// unresolved incidents without geometry, uncertainty polygons (one with a
// hole), multi-part control areas. Used by the unit tests, the
// reckon_write_sample tool and the script tests.

#include "export/layers.hpp"
#include "reckon/control.hpp"
#include "reckon/export.hpp"

#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace reckon::sample {

/// The default controller colours (the control module's colours file).
inline std::vector<layers::Category> controllers() {
    std::vector<layers::Category> out;
    const ControllerTable table = ControllerTable::defaults();
    for (const ControllerStyle& c : table.entries()) {
        out.push_back({c.controller, c.label, c.colour, layers::FillPattern::solid});
    }
    return out;
}

/// Every layer schema, the control layers in the default colours.
inline std::vector<LayerSchema> schemas() { return layers::all(controllers()); }

/// Values by field name -> one value per schema field (NULL where not given).
/// Throws std::logic_error for a name the schema does not have.
inline std::vector<FieldValue> values_for(const LayerSchema& schema, const std::map<std::string, FieldValue>& by_name) {
    std::vector<FieldValue> out(schema.fields.size());
    std::size_t found = 0;
    for (std::size_t i = 0; i < schema.fields.size(); ++i) {
        const auto it = by_name.find(schema.fields[i].name);
        if (it != by_name.end()) {
            out[i] = it->second;
            ++found;
        }
    }
    if (found != by_name.size()) throw std::logic_error("sample for " + schema.name + " names a field it does not have");
    return out;
}

inline std::string fmt_coord(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6f", v);
    return buf;
}

/// A closed ring of @p n vertices around (lon, lat), radius in degrees of
/// latitude (longitude scaled by cos(lat)); counter-clockwise unless @p cw.
inline std::string ring(double lon, double lat, double radius_deg, int n, bool cw = false) {
    const double pi = 3.14159265358979323846;
    std::string s = "(";
    for (int i = 0; i <= n; ++i) {
        const int k = cw ? (n - i) % n : i % n;
        const double a = 2 * pi * k / n;
        const double x = lon + radius_deg * std::cos(a) / std::cos(lat * pi / 180);
        const double y = lat + radius_deg * std::sin(a);
        if (i) s += ", ";
        s += fmt_coord(x) + " " + fmt_coord(y);
    }
    return s + ")";
}

inline std::string box(double lon0, double lat0, double lon1, double lat1) {
    return "((" + fmt_coord(lon0) + " " + fmt_coord(lat0) + ", " + fmt_coord(lon1) + " " + fmt_coord(lat0) + ", " +
           fmt_coord(lon1) + " " + fmt_coord(lat1) + ", " + fmt_coord(lon0) + " " + fmt_coord(lat1) + ", " +
           fmt_coord(lon0) + " " + fmt_coord(lat0) + "))";
}

struct SamplePlace {
    const char* id;
    const char* name;
    const char* name_ar;
    const char* code;
    const char* cc;
    const char* admin1;
    double lon, lat;
    std::int64_t population;  // 0: unknown
};

// Coordinates rounded from public knowledge of these towns (not ../shared).
inline const std::vector<SamplePlace>& sample_places() {
    static const std::vector<SamplePlace> p{
        {"geonames:170794", "Al Mayadin", "\xd8\xa7\xd9\x84\xd9\x85\xd9\x8a\xd8\xa7\xd8\xaf\xd9\x8a\xd9\x86", "PPLA2", "SY", "07", 40.4518, 35.0196, 44028},
        {"geonames:170792", "Deir ez-Zor", "\xd8\xaf\xd9\x8a\xd8\xb1 \xd8\xa7\xd9\x84\xd8\xb2\xd9\x88\xd8\xb1", "PPLA", "SY", "07", 40.1408, 35.3359, 242565},
        {"geonames:98860", "Baqubah", "\xd8\xa8\xd8\xb9\xd9\x82\xd9\x88\xd8\xa8\xd8\xa9", "PPLA", "IQ", "10", 44.6551, 33.7466, 152550},
        {"geonames:94787", "Kirkuk", "\xd9\x83\xd8\xb1\xd9\x83\xd9\x88\xd9\x83", "PPLA", "IQ", "13", 44.3922, 35.4681, 601433},
        {"geonames:172955", "Ar Raqqah", "\xd8\xa7\xd9\x84\xd8\xb1\xd9\x82\xd8\xa9", "PPLA", "SY", "04", 39.0090, 35.9528, 177636},
        {"geonames:169304", "Idlib", "\xd8\xa5\xd8\xaf\xd9\x84\xd8\xa8", "PPLA", "SY", "10", 36.6333, 35.9306, 128840},
        {"geonames:166365", "Manbij", "\xd9\x85\xd9\x86\xd8\xa8\xd8\xac", "PPL", "SY", "09", 37.9523, 36.5281, 0},
        {"curated:al-hol-camp", "Al-Hol camp", "\xd9\x85\xd8\xae\xd9\x8a\xd9\x85 \xd8\xa7\xd9\x84\xd9\x87\xd9\x88\xd9\x84", "CMPRF", "SY", "", 41.1420, 36.3800, 0},
    };
    return p;
}

inline Date d(int y, int m, int dd) { return Date{y, m, dd}; }

/// The pool of sample features of @p schema (by its name; empty for a layer it does not know).
inline std::vector<OutFeature> sample_features(const LayerSchema& schema) {
    std::vector<OutFeature> out;
    const auto& P = sample_places();
    const auto add = [&](const std::map<std::string, FieldValue>& v, std::string wkt) {
        out.push_back(OutFeature{values_for(schema, v), std::move(wkt)});
    };
    using I = std::int64_t;
    const FieldValue null{};
    if (schema.name == "incidents" || schema.name == "incident_areas") {
        static const char* types[] = {"ied", "sniper_fire", "armed_attack", "rocket_missile", "mortar", "airstrike_shelling",
                                      "arrest", "abduction", "execution", "takeover", "suicide_attack", "gunfire",
                                      "shoot_down", "displacement", "other", "ied"};
        for (int i = 0; i < 16; ++i) {
            const SamplePlace& p = P[static_cast<std::size_t>(i) % P.size()];
            const bool unresolved = i % 7 == 5;  // 5 and 12 have no location
            const double east_km = (i % 5) * 3.0, north_km = (i % 3) * 4.0;
            const double lon = p.lon + east_km / (111.32 * std::cos(p.lat * 3.14159265358979 / 180)), lat = p.lat + north_km / 110.57;
            const double unc_m = 1500.0 + 1000.0 * (i % 4);
            char id[32];
            std::snprintf(id, sizeof id, "inc-%04d", i + 1);
            const std::string phrase = i % 3 == 0 ? std::string("near ") + p.name
                                                  : std::to_string(static_cast<int>(east_km + north_km)) + " km north-east of " + p.name;
            FieldValue killed = i % 4 == 1 ? null : FieldValue(I(i % 5));
            FieldValue wounded = i % 3 == 2 ? null : FieldValue(I((i * 7) % 11));
            FieldValue kow = i == 9 ? FieldValue(I(30)) : null;
            I cas = 0;
            for (const FieldValue* v : {&killed, &wounded, &kow}) {
                if (auto* n = std::get_if<I>(v)) cas += *n;
            }
            const std::string status = unresolved ? "unresolved" : (i == 7 ? "ambiguous" : "ok");
            if (schema.name == "incidents") {
                std::map<std::string, FieldValue> v{
                    {"incident_id", std::string(id)},
                    {"event_date", i == 11 ? null : FieldValue(d(2020, 2, 13 + i % 7))},
                    {"date_basis", std::string(i == 11 ? "none" : (i % 2 ? "explicit" : "report_period"))},
                    {"event_type", std::string(types[i])},
                    {"perpetrator", i % 4 == 3 ? null : FieldValue(std::string(i % 2 ? "ISIS" : "Syrian army"))},
                    {"target", std::string(i % 2 ? "SDF" : "civilians")},
                    {"killed", killed},
                    {"wounded", wounded},
                    {"killed_or_wounded", kow},
                    {"casualties", FieldValue(cas)},
                    {"casualty_note", i == 2 ? FieldValue(std::string("at least")) : null},
                    {"location_phrase", phrase},
                    {"location_status", status},
                    {"section", std::string(p.cc[0] == 'S' ? "Deir ez-Zor Province" : "Diyala Province")},
                    {"source", i % 3 == 1 ? FieldValue(std::string("Telegram")) : null},
                    {"source_date", i % 3 == 1 ? FieldValue(d(2020, 2, 19)) : null},
                    {"report", std::string("reports/2020-02-19.txt")},
                    {"paragraph", I(3 + i)},
                    {"offset_begin", I(1000 + 240 * i)},
                    {"offset_end", I(1200 + 240 * i)},
                    {"line", I(20 + 4 * i)},
                    {"text", std::string("On February ") + std::to_string(13 + i % 7) + ", an incident was reported " + phrase +
                                 " (" + p.name_ar + ")."},
                    {"messages", unresolved ? FieldValue(std::string("no place named in the phrase")) : null},
                    {"place_id", unresolved ? null : FieldValue(std::string(p.id))},
                    {"place_name", unresolved ? null : FieldValue(std::string(p.name))},
                    {"place_name_ar", unresolved ? null : FieldValue(std::string(p.name_ar))},
                    {"uncertainty_m", unresolved ? null : FieldValue(unc_m)},
                    {"ucdp_where_prec", unresolved ? null : FieldValue(I(i % 3 == 0 ? 1 : 2))},
                    {"acled_geo_precision", unresolved ? null : FieldValue(I(i % 3 == 0 ? 1 : 2))},
                };
                add(v, unresolved ? "" : "POINT (" + fmt_coord(lon) + " " + fmt_coord(lat) + ")");
            } else {
                if (unresolved) continue;
                const double r_deg = unc_m / 110570.0;
                // Incident 3 is "outside" its town: the town's disc is a hole.
                const std::string wkt = i == 3 ? "POLYGON (" + ring(lon, lat, r_deg, 24) + ", " + ring(lon, lat, r_deg / 3, 12, true) + ")"
                                               : "POLYGON (" + ring(lon, lat, r_deg, 24) + ")";
                const double area = 3.14159265358979 * unc_m * unc_m / 1e6 * (i == 3 ? 8.0 / 9.0 : 1.0);
                std::map<std::string, FieldValue> v{
                    {"incident_id", std::string(id)},
                    {"event_date", i == 11 ? null : FieldValue(d(2020, 2, 13 + i % 7))},
                    {"event_type", std::string(types[i])},
                    {"location_phrase", phrase},
                    {"location_status", status},
                    {"uncertainty_m", unc_m},
                    {"area_km2", area},
                };
                add(v, wkt);
            }
        }
    } else if (schema.name == "places") {
        for (std::size_t i = 0; i < P.size(); ++i) {
            const SamplePlace& p = P[i];
            std::map<std::string, FieldValue> v{
                {"place_id", std::string(p.id)},
                {"name", std::string(p.name)},
                {"name_ar", std::string(p.name_ar)},
                {"feature_code", std::string(p.code)},
                {"country", std::string(p.cc)},
                {"admin1", *p.admin1 ? FieldValue(std::string(p.admin1)) : null},
                {"population", p.population ? FieldValue(p.population) : null},
                {"incident_count", I(2 + static_cast<I>(i) % 3)},
            };
            add(v, "POINT (" + fmt_coord(p.lon) + " " + fmt_coord(p.lat) + ")");
        }
    } else if (schema.name == "control_areas") {
        struct A {
            const char* id;
            const char* ctrl;
            std::string wkt;
        };
        const std::vector<A> areas{
            {"ca-001", "Syrian army", "MULTIPOLYGON (" + box(36.0, 33.0, 38.5, 35.2) + ", " + box(39.8, 34.6, 40.6, 35.2) + ")"},
            {"ca-002", "SDF", "MULTIPOLYGON (((38.5 35.6, 42.2 35.6, 42.2 37.2, 38.5 37.2, 38.5 35.6), "
                              "(40.9 36.2, 41.3 36.2, 41.3 36.5, 40.9 36.5, 40.9 36.2)))"},
            {"ca-003", "HTS", "POLYGON " + box(36.2, 35.6, 36.9, 36.2)},
            {"ca-004", "Turkish forces", "MULTIPOLYGON (" + box(37.0, 36.4, 37.8, 36.8) + ", " + box(38.8, 36.5, 39.6, 36.8) + ")"},
            {"ca-005", "ISIS", "MULTIPOLYGON (" + box(38.6, 34.4, 39.7, 35.0) + ")"},
            {"ca-006", "contested", "MULTIPOLYGON (" + box(40.9, 36.2, 41.3, 36.5) + ")"},
        };
        for (std::size_t i = 0; i < areas.size(); ++i) {
            std::map<std::string, FieldValue> v{
                {"area_id", std::string(areas[i].id)},
                {"controller", std::string(areas[i].ctrl)},
                {"as_of", d(2020, 2, 19)},
                {"valid_from", d(2019, 3 + static_cast<int>(i), 1)},
                {"valid_to", i == 4 ? FieldValue(d(2020, 1, 31)) : null},
                {"area_km2", 1000.0 * static_cast<double>(i + 1)},
                {"evidence_count", I(3 * static_cast<I>(i))},
                {"first_evidence", d(2019, 3, 1)},
                {"last_evidence", i == 2 ? null : FieldValue(d(2020, 2, 18))},
                {"contested", I(i == 5 ? 1 : 0)},
                {"method", std::string(i < 3 ? "baseline" : "takeover")},
            };
            add(v, areas[i].wkt);
        }
    } else if (schema.name == "control_changes") {
        const std::vector<std::array<const char*, 4>> ch{
            {"cc-001", "ISIS", "Syrian army", "inc-0010"},
            {"cc-002", "SDF", "Turkish forces", "inc-0003,inc-0008"},
            {"cc-003", "rebels", "HTS", ""},
        };
        const std::vector<std::string> wkts{
            "MULTIPOLYGON (" + box(39.9, 34.7, 40.3, 35.0) + ")",
            "POLYGON " + box(38.9, 36.5, 39.4, 36.75),
            "MULTIPOLYGON (" + box(36.3, 35.7, 36.5, 35.9) + ", " + box(36.6, 35.8, 36.8, 36.0) + ")",
        };
        for (std::size_t i = 0; i < ch.size(); ++i) {
            std::map<std::string, FieldValue> v{
                {"change_id", std::string(ch[i][0])},
                {"controller_from", std::string(ch[i][1])},
                {"controller_to", std::string(ch[i][2])},
                {"valid_from", d(2020, 2, 10 + static_cast<int>(i))},
                {"valid_to", null},
                {"area_km2", 500.0 + 100.0 * static_cast<double>(i)},
                {"incident_ids", *ch[i][3] ? FieldValue(std::string(ch[i][3])) : null},
                {"place_ids", i == 0 ? FieldValue(std::string("geonames:170794")) : null},
                {"evidence_count", I(static_cast<I>(i) + 1)},
            };
            add(v, wkts[i]);
        }
    }
    return out;
}

} // namespace reckon::sample
