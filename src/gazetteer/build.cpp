// Gazetteer build: GeoNames dumps, boundary layers and curated CSVs into one
// SQLite file, written under a temporary name and renamed on success.

#include "reckon/gazetteer.hpp"

#include "export/ogr_reader.hpp"
#include "gazetteer/index.hpp"
#include "gazetteer/sqlite.hpp"
#include "geodesy/geodesic.hpp"
#include "geometry/geos.hpp"
#include "geometry/shapes.hpp"
#include "reckon/error.hpp"
#include "reckon/version.hpp"
#include "text/csv.hpp"
#include "text/normalize.hpp"
#include "uncertainty/extent.hpp"

#include <strings.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace fs = std::filesystem;

namespace reckon {

namespace {

using gazetteer::detail::Db;
using gazetteer::detail::Stmt;

constexpr std::size_t geonames_columns = 19;

std::string now_utc_iso() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find(sep, start);
        out.emplace_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool parse_double(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end && *end == '\0' && std::isfinite(out);
}

bool parse_int64(const std::string& s, std::int64_t& out) {
    if (s.empty()) {
        out = 0;
        return true;
    }
    char* end = nullptr;
    const long long v = std::strtoll(s.c_str(), &end, 10);
    if (!end || *end != '\0') return false;
    out = v;
    return true;
}

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string script_name(text::Script s) {
    switch (s) {
    case text::Script::latin: return "Latn";
    case text::Script::arabic: return "Arab";
    case text::Script::other: return "Other";
    }
    return "Other";
}

// The builder: one open transaction on the temporary database.
class Builder {
public:
    Builder(Db& db, const BuildOptions& opt, BuildReport& report)
        : m_db(db), m_opt(opt), m_report(report),
          m_insert_source(db, "INSERT INTO sources(kind, path, licence, records, skipped, imported_at) "
                              "VALUES (?1, ?2, ?3, 0, 0, ?4)"),
          m_update_source(db, "UPDATE sources SET records = ?2, skipped = ?3 WHERE id = ?1"),
          m_insert_place(db, "INSERT OR IGNORE INTO places(source_id, name, name_ar, feature_class, feature_code, "
                             "country, admin1, admin2, lat, lon, population, extent_m, extent_basis, source_ref, source) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"),
          m_insert_name(db, "INSERT INTO names(place_id, name, lang, kind, script, key_fold, key_translit, key_skel) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"),
          m_insert_area(db, "INSERT INTO admin_areas(level, country, admin1, admin2, name, name_ar, place_id, "
                            "min_lon, min_lat, max_lon, max_lat, geom, source) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)") {
        for (const auto& c : opt.countries) m_countries.insert(upper(c));
    }

    void import_geonames(const std::string& path);
    void import_boundaries(const std::string& path);
    void import_curated(const std::string& path);
    void finish();

private:
    void assign_admin_codes();
    /// A course CSV (river_id, seq, lat, lon, vertex, source): one row per vertex.
    void import_course(const std::string& path, text::CsvReader& csv, const std::vector<std::string>& header,
                       std::int64_t source);
    /// Courses become place_lines rows of the places they name (curated:<river_id>).
    void link_courses();
    /// The next data row of a curated CSV with as many fields as @p header:
    /// blank lines are skipped, short or long rows counted as bad. False at
    /// the end (or after a row the reader cannot recover from).
    bool next_row(text::CsvReader& csv, const std::string& path, const std::vector<std::string>& header,
                  std::vector<std::string>& row, std::size_t& line);

    bool keep_country(const std::string& cc) const { return m_countries.empty() || m_countries.count(cc) > 0; }

    std::int64_t begin_source(const std::string& kind, const std::string& path, const std::string& licence) {
        m_insert_source.reset().bind(1, kind).bind(2, path).bind(3, licence).bind(4, now_utc_iso()).run();
        SourceReport sr;
        sr.kind = kind;
        sr.path = path;
        m_report.sources.push_back(sr);
        return sqlite3_last_insert_rowid(m_db.get());
    }
    void end_source(std::int64_t id) {
        const auto& sr = m_report.sources.back();
        m_update_source.reset()
            .bind(1, id)
            .bind(2, static_cast<std::int64_t>(sr.records))
            .bind(3, static_cast<std::int64_t>(sr.skipped))
            .run();
    }
    // A malformed row: fail, or warn and count (against source report @p report_index, default the current one).
    void bad_row(const std::string& path, std::size_t line, const std::string& problem,
                 std::size_t report_index = static_cast<std::size_t>(-1)) {
        if (m_opt.on_bad_row == OnBadRow::fail) throw InputError(path, line, problem);
        auto& sr = report_index < m_report.sources.size() ? m_report.sources[report_index] : m_report.sources.back();
        ++sr.skipped;
        if (sr.warnings.size() < m_opt.max_warnings) {
            sr.warnings.push_back(InputError(path, line, problem).what());
        }
    }

    // Not an error: a duplicate record merged away (reported, not counted as skipped).
    void note_row(const std::string& path, std::size_t line, const std::string& note) {
        auto& sr = m_report.sources.back();
        if (sr.warnings.size() < m_opt.max_warnings) sr.warnings.push_back(InputError(path, line, note).what());
    }

    struct PlaceRow {
        std::string source_id, name, name_ar, fclass, fcode, country, admin1, admin2, source_ref;
        double lat = 0, lon = 0;
        std::int64_t population = 0;
        double extent_m = 0;
        std::string extent_basis;
    };
    // Insert a place; returns its row id, or 0 if the source id already exists.
    std::int64_t insert_place(const PlaceRow& p, std::int64_t source) {
        m_insert_place.reset()
            .bind(1, p.source_id)
            .bind(2, p.name)
            .bind(4, p.fclass)
            .bind(5, p.fcode)
            .bind(6, p.country)
            .bind(7, p.admin1)
            .bind(8, p.admin2)
            .bind(9, p.lat)
            .bind(10, p.lon)
            .bind(11, p.population)
            .bind(12, p.extent_m)
            .bind(13, p.extent_basis)
            .bind(14, p.source_ref)
            .bind(15, source);
        if (p.name_ar.empty()) m_insert_place.bind_null(3);
        else m_insert_place.bind(3, p.name_ar);
        m_insert_place.run();
        if (sqlite3_changes(m_db.get()) == 0) return 0;
        return sqlite3_last_insert_rowid(m_db.get());
    }

    // Add names of one place, skipping ones with a fold key it already has.
    void add_names(std::int64_t place_id, const std::vector<std::pair<std::string, std::string>>& names_kinds) {
        std::unordered_set<std::string> seen;
        for (const auto& [raw, kind] : names_kinds) {
            const std::string name = trim(raw);
            if (name.empty()) continue;
            const text::MatchKeys k = text::match_keys(name);
            if (k.fold.empty() || !seen.insert(k.fold).second) continue;
            const std::string script = script_name(k.script);
            m_insert_name.reset()
                .bind(1, place_id)
                .bind(2, name)
                .bind(3, std::string(k.script == text::Script::arabic ? "ar" : ""))
                .bind(4, kind)
                .bind(5, script)
                .bind(6, k.fold)
                .bind(7, k.translit)
                .bind(8, k.skel)
                .run();
            ++m_report.names;
        }
    }
    void add_more_names(std::int64_t place_id, const std::vector<std::pair<std::string, std::string>>& names_kinds) {
        // names of a place that already has some: skip existing fold keys
        Stmt q(m_db, "SELECT key_fold FROM names WHERE place_id = ?1");
        q.bind(1, place_id);
        std::unordered_set<std::string> existing;
        while (q.step()) existing.insert(q.text(0));
        std::vector<std::pair<std::string, std::string>> fresh;
        for (const auto& nk : names_kinds) {
            if (!existing.count(text::fold(nk.first))) fresh.push_back(nk);
        }
        add_names(place_id, fresh);
    }

    Db& m_db;
    const BuildOptions& m_opt;
    BuildReport& m_report;
    Stmt m_insert_source, m_update_source, m_insert_place, m_insert_name, m_insert_area;
    std::set<std::string> m_countries;
    struct Course {
        std::string path;
        std::size_t line = 0;          // first row, for messages
        std::size_t report_index = 0;  // into m_report.sources
        std::int64_t source = 0;
        std::vector<std::pair<std::int64_t, LatLon>> vertices;  // (seq, position)
    };
    std::map<std::string, Course> m_courses;  // by river id, linked in finish()
};

// ---------------------------------------------------------------------------
// GeoNames
// ---------------------------------------------------------------------------

void Builder::import_geonames(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path + ": cannot open GeoNames file");
    const std::int64_t source = begin_source("geonames", path, "GeoNames, CC BY 4.0 (geonames.org)");
    const std::string stem = fs::path(path).filename().string();
    std::string line;
    std::size_t lineno = 0;
    std::vector<std::pair<std::string, std::string>> names;
    while (std::getline(in, line)) {
        ++lineno;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        if (!text::valid_utf8(line)) {
            bad_row(path, lineno, "invalid UTF-8");
            continue;
        }
        const std::vector<std::string> f = split(line, '\t');
        if (f.size() != geonames_columns) {
            bad_row(path, lineno, std::to_string(geonames_columns) + " tab-separated columns expected, found " +
                                      std::to_string(f.size()));
            continue;
        }
        PlaceRow p;
        p.country = upper(trim(f[8]));
        if (p.country.size() != 2) {
            bad_row(path, lineno, "country code (column 9) must be two letters, found '" + f[8] + "'");
            continue;
        }
        if (!keep_country(p.country)) continue;
        if (!parse_double(trim(f[4]), p.lat) || p.lat < -90 || p.lat > 90) {
            bad_row(path, lineno, "latitude (column 5) is not a number in [-90, 90]: '" + f[4] + "'");
            continue;
        }
        if (!parse_double(trim(f[5]), p.lon) || p.lon < -180 || p.lon > 180) {
            bad_row(path, lineno, "longitude (column 6) is not a number in [-180, 180]: '" + f[5] + "'");
            continue;
        }
        p.name = trim(f[1]);
        if (p.name.empty()) p.name = trim(f[2]);
        if (p.name.empty()) {
            bad_row(path, lineno, "name (column 2) is empty");
            continue;
        }
        if (!parse_int64(trim(f[14]), p.population) || p.population < 0) {
            bad_row(path, lineno, "population (column 15) is not a whole number: '" + f[14] + "'");
            continue;
        }
        std::string gid = trim(f[0]);
        if (gid == "0") gid.clear();  // some extracts write 0 for "no geonameid"
        std::int64_t gid_num = 0;
        if (!gid.empty() && (!parse_int64(gid, gid_num) || gid_num <= 0)) {
            bad_row(path, lineno, "geonameid (column 1) is not a positive number: '" + gid + "'");
            continue;
        }
        // The few records without a geonameid get an id from file and line:
        // stable for a given input file.
        p.source_id = gid.empty() ? "geonames-row:" + stem + ":" + std::to_string(lineno) : "geonames:" + gid;
        p.fclass = trim(f[6]);
        p.fcode = trim(f[7]);
        if (p.fclass.empty()) p.fclass = "P";
        p.admin1 = trim(f[10]);
        p.admin2 = trim(f[11]);
        p.source_ref = stem + ":" + std::to_string(lineno);
        const auto ext = uncertainty::place_extent(p.fclass, p.fcode, p.population);
        p.extent_m = ext.extent_m;
        p.extent_basis = ext.basis;

        names.clear();
        names.emplace_back(p.name, "primary");
        names.emplace_back(f[2], "ascii");
        if (!f[3].empty()) {
            for (auto& alt : split(f[3], ',')) {
                if (p.name_ar.empty() && text::match_keys(alt).script == text::Script::arabic) p.name_ar = trim(alt);
                names.emplace_back(std::move(alt), "alternate");
            }
        }
        if (text::match_keys(p.name).script == text::Script::arabic) p.name_ar = p.name;
        const std::int64_t id = insert_place(p, source);
        if (id == 0) {
            note_row(path, lineno, "duplicate id " + p.source_id + " (kept the first)");
            continue;
        }
        add_names(id, names);
        ++m_report.sources.back().records;
    }
    if (in.bad()) throw IoError(path + ": read error");
    end_source(source);
}

// ---------------------------------------------------------------------------
// Boundaries
// ---------------------------------------------------------------------------

namespace {

std::string first_attr(const vector_io::VectorFeature& f, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
        for (const auto& [name, value] : f.attributes) {
            if (strcasecmp(name.c_str(), k) == 0 && !trim(value).empty()) return trim(value);
        }
    }
    return {};
}

// Admin level from the layer name: adm1, ADM2, states_provinces, countries...
int guess_level(const std::string& layer, const vector_io::VectorFeature& f) {
    std::string l = layer;
    for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string lvl = first_attr(f, {"admin_level", "adm_level", "level"});
    if (!lvl.empty() && lvl.size() == 1 && lvl[0] >= '0' && lvl[0] <= '2') return lvl[0] - '0';
    if (l.find("adm0") != std::string::npos || l.find("countr") != std::string::npos) return 0;
    if (l.find("adm1") != std::string::npos || l.find("admin1") != std::string::npos ||
        l.find("province") != std::string::npos || l.find("governorate") != std::string::npos) {
        return 1;
    }
    if (l.find("adm2") != std::string::npos || l.find("admin2") != std::string::npos ||
        l.find("district") != std::string::npos) {
        return 2;
    }
    return -1;
}

} // namespace

void Builder::import_boundaries(const std::string& path) {
    const std::vector<vector_io::VectorLayer> layers = vector_io::read_layers(path, m_opt.boundary_layers);
    const std::int64_t source = begin_source("boundaries", path, "");
    Stmt find_admin_place(m_db,
                          "SELECT id FROM places WHERE country = ?1 AND feature_class = 'A' AND feature_code = ?2 "
                          "AND admin1 = ?3 AND (?4 = '' OR admin2 = ?4) ORDER BY id LIMIT 1");
    Stmt find_by_source_id(m_db, "SELECT id, admin1, admin2 FROM places WHERE source_id = ?1");
    Stmt update_extent(m_db, "UPDATE places SET extent_m = ?2, extent_basis = 'polygon', lat = ?3, lon = ?4 "
                             "WHERE id = ?1");
    for (const auto& layer : layers) {
        for (const auto& f : layer.features) {
            const std::string where = "layer " + layer.name + " feature " + std::to_string(f.fid);
            const int level = guess_level(layer.name, f);
            if (level < 0) {
                bad_row(path, 0, where + ": cannot tell the admin level from the layer name or an admin_level field");
                continue;
            }
            std::string cc = upper(first_attr(f, {"cc", "iso_a2", "iso2", "country_code", "adm0_pcode", "iso"}));
            if (cc.size() > 2) cc = cc.substr(0, 2);
            if (cc.size() != 2) {
                bad_row(path, 0, where + ": no two-letter country code field (cc, iso_a2, ADM0_PCODE)");
                continue;
            }
            if (!keep_country(cc)) continue;
            std::string name = first_attr(f, {"name", level == 1 ? "ADM1_EN" : (level == 2 ? "ADM2_EN" : "ADM0_EN"),
                                              "NAME_EN", "shapeName", "name_en", "admin"});
            if (name.empty()) {
                bad_row(path, 0, where + ": no name field");
                continue;
            }
            const std::string name_ar = first_attr(f, {"name_ar", level == 1 ? "ADM1_AR" : "ADM2_AR"});
            std::string admin1, admin2;
            if (level == 1) {
                admin1 = first_attr(f, {"gn_admin1", "admin1_code", "admin1"});
                if (admin1.empty()) {
                    // Natural Earth: fips "SY04" is GeoNames admin1 "04" (GeoNames
                    // admin1 codes for these countries are FIPS 10-4 codes).
                    const std::string fips = first_attr(f, {"fips"});
                    if (fips.size() > 2 && upper(fips.substr(0, 2)).size() == 2) admin1 = fips.substr(2);
                }
            } else if (level == 2) {
                admin1 = first_attr(f, {"gn_admin1", "admin1_code", "admin1"});
                admin2 = first_attr(f, {"gn_admin2", "admin2_code", "admin2"});
            }
            if (f.wkb.empty()) {
                bad_row(path, 0, where + ": no geometry");
                continue;
            }
            geometry::Geometry g;
            try {
                g = geometry::Geometry::from_wkb(f.wkb);
            } catch (const Error& e) {
                bad_row(path, 0, where + ": " + e.what());
                continue;
            }
            if (g.empty()) {
                bad_row(path, 0, where + ": empty geometry");
                continue;
            }
            const geometry::Envelope env = g.envelope();

            // Link to the GeoNames ADM row for the same unit, or create a place.
            std::int64_t place_id = 0;
            const char* code = level == 0 ? "PCLI" : (level == 1 ? "ADM1" : "ADM2");
            const std::string gn_id = first_attr(f, {"gn_id", "geonameid"});
            if (!gn_id.empty() && gn_id != "0") {
                find_by_source_id.reset().bind(1, "geonames:" + gn_id);
                if (find_by_source_id.step()) {
                    place_id = find_by_source_id.int64(0);
                    if (admin1.empty()) admin1 = find_by_source_id.text(1);
                    if (admin2.empty() && level == 2) admin2 = find_by_source_id.text(2);
                }
                find_by_source_id.reset();
            }
            // a district needs its own code: admin1 alone would match every district of the province
            if (place_id == 0 && level > 0 && !admin1.empty() && (level == 1 || !admin2.empty())) {
                find_admin_place.reset().bind(1, cc).bind(2, std::string(code)).bind(3, admin1).bind(4, admin2);
                if (find_admin_place.step()) place_id = find_admin_place.int64(0);
                find_admin_place.reset();
            }
            if (place_id == 0 && level > 0) {
                // No code: the GeoNames admin row of the same name in that country.
                Stmt by_name(m_db, "SELECT p.id, p.admin1, p.admin2 FROM names n JOIN places p ON p.id = n.place_id "
                                   "WHERE n.key_translit = ?1 AND p.country = ?2 AND p.feature_class = 'A' "
                                   "AND p.feature_code = ?3 AND p.id NOT IN (SELECT place_id FROM admin_areas "
                                   "WHERE place_id IS NOT NULL) ORDER BY p.id LIMIT 1");
                by_name.bind(1, text::match_keys(name).translit).bind(2, cc).bind(3, std::string(code));
                if (by_name.step()) {
                    place_id = by_name.int64(0);
                    if (admin1.empty()) admin1 = by_name.text(1);
                    if (admin2.empty() && level == 2) admin2 = by_name.text(2);
                }
            }
            const LatLon centre = g.point_on_surface();
            double extent_m = 0.0;
            for (const LatLon& v : g.vertices()) extent_m = std::max(extent_m, geodesy::distance_m(centre, v));
            std::vector<std::pair<std::string, std::string>> names{{name, "boundary"}};
            if (!name_ar.empty()) names.emplace_back(name_ar, "boundary");
            for (const char* k : {"variants", "gn_name", "woe_name", "name_alt", "ADM1ALT1EN", "ADM2ALT1EN"}) {
                const std::string v = first_attr(f, {k});
                if (v.empty()) continue;
                for (auto& part : split(v, '|')) names.emplace_back(part, "boundary");
            }
            if (place_id == 0) {
                PlaceRow p;
                p.source_id = "boundary:" + fs::path(path).filename().string() + ":" + layer.name + ":" +
                              std::to_string(f.fid);
                p.name = name;
                p.name_ar = name_ar;
                p.fclass = "A";
                p.fcode = code;
                p.country = cc;
                p.admin1 = admin1;
                p.admin2 = admin2;
                p.lat = centre.lat_deg;
                p.lon = centre.lon_deg;
                p.extent_m = extent_m;
                p.extent_basis = "polygon";
                p.source_ref = fs::path(path).filename().string() + ":" + layer.name + ":" + std::to_string(f.fid);
                place_id = insert_place(p, source);
                if (place_id == 0) continue;
                add_names(place_id, names);
            } else {
                update_extent.reset().bind(1, place_id).bind(2, extent_m).bind(3, centre.lat_deg).bind(4, centre.lon_deg).run();
                add_more_names(place_id, names);
            }
            m_insert_area.reset()
                .bind(1, static_cast<std::int64_t>(level))
                .bind(2, cc)
                .bind(3, admin1)
                .bind(4, admin2)
                .bind(5, name)
                .bind(7, place_id)
                .bind(8, env.min_lon)
                .bind(9, env.min_lat)
                .bind(10, env.max_lon)
                .bind(11, env.max_lat)
                .bind_blob(12, g.to_wkb())
                .bind(13, source);
            if (name_ar.empty()) m_insert_area.bind_null(6);
            else m_insert_area.bind(6, name_ar);
            m_insert_area.run();
            ++m_report.admin_areas;
            ++m_report.sources.back().records;
        }
    }
    end_source(source);
}

// ---------------------------------------------------------------------------
// Curated CSV
// ---------------------------------------------------------------------------

void Builder::import_curated(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path + ": cannot open curated CSV");
    const std::int64_t source = begin_source("curated", path, "reckon curated (sources per row)");
    text::CsvReader csv(in, path);
    std::vector<std::string> header, row;
    if (!csv.next(header)) {
        bad_row(path, 1, "empty file: a header line is required");
        end_source(source);
        return;
    }
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < header.size(); ++i) col[trim(header[i])] = i;
    if (col.count("river_id") && col.count("seq")) {
        import_course(path, csv, header, source);
        end_source(source);
        return;
    }
    static const std::vector<std::string> required{"id", "name", "feature_class", "feature_code", "country",
                                                   "lat", "lon", "extent_m", "source"};
    for (const auto& r : required) {
        if (!col.count(r)) throw InputError(path, 1, "missing column '" + r + "' in the header");
    }
    auto get = [&](const char* name) -> std::string {
        auto it = col.find(name);
        return it == col.end() || it->second >= row.size() ? std::string() : trim(row[it->second]);
    };
    const std::string stem = fs::path(path).filename().string();
    std::size_t line = 0;
    while (next_row(csv, path, header, row, line)) {
        bool utf8_ok = true;
        for (const auto& v : row) utf8_ok = utf8_ok && text::valid_utf8(v);
        if (!utf8_ok) {
            bad_row(path, line, "invalid UTF-8");
            continue;
        }
        PlaceRow p;
        p.source_id = "curated:" + get("id");
        p.name = get("name");
        p.name_ar = get("name_ar");
        p.fclass = get("feature_class");
        p.fcode = get("feature_code");
        p.country = upper(get("country"));
        p.admin1 = get("admin1");
        p.source_ref = get("source");
        if (get("id").empty() || p.name.empty()) {
            bad_row(path, line, "id and name must not be empty");
            continue;
        }
        if (p.source_ref.empty()) {
            bad_row(path, line, "source must say where the coordinates come from");
            continue;
        }
        if (p.country.size() != 2) {
            bad_row(path, line, "country must be a two-letter code, found '" + p.country + "'");
            continue;
        }
        if (!keep_country(p.country)) continue;
        if (!parse_double(get("lat"), p.lat) || p.lat < -90 || p.lat > 90 || !parse_double(get("lon"), p.lon) ||
            p.lon < -180 || p.lon > 180) {
            bad_row(path, line, "lat/lon are not valid WGS84 degrees: '" + get("lat") + "', '" + get("lon") + "'");
            continue;
        }
        if (!parse_double(get("extent_m"), p.extent_m) || p.extent_m <= 0) {
            bad_row(path, line, "extent_m must be a positive number of metres, found '" + get("extent_m") + "'");
            continue;
        }
        p.extent_basis = "curated";
        p.population = 0;
        std::vector<std::pair<std::string, std::string>> names{{p.name, "curated"}};
        if (!p.name_ar.empty()) names.emplace_back(p.name_ar, "curated");
        for (auto& alt : split(get("alt_names"), '|')) names.emplace_back(alt, "curated");
        const std::int64_t id = insert_place(p, source);
        if (id == 0) {
            bad_row(path, line, "duplicate id " + p.source_id + " (kept the first)");
            continue;
        }
        add_names(id, names);
        ++m_report.sources.back().records;
    }
    end_source(source);
}

bool Builder::next_row(text::CsvReader& csv, const std::string& path, const std::vector<std::string>& header,
                       std::vector<std::string>& row, std::size_t& line) {
    while (true) {
        try {
            if (!csv.next(row)) return false;
        } catch (const InputError& e) {
            bad_row(path, e.line(), e.detail());
            return false;
        }
        line = csv.line();
        if (row.size() == 1 && trim(row[0]).empty()) continue;
        if (row.size() != header.size()) {
            bad_row(path, line, std::to_string(header.size()) + " fields expected, found " + std::to_string(row.size()));
            continue;
        }
        return true;
    }
}

void Builder::import_course(const std::string& path, text::CsvReader& csv, const std::vector<std::string>& header,
                            std::int64_t source) {
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < header.size(); ++i) col[trim(header[i])] = i;
    for (const char* r : {"river_id", "seq", "lat", "lon", "source"}) {
        if (!col.count(r)) throw InputError(path, 1, std::string("missing column '") + r + "' in the course header");
    }
    std::vector<std::string> row;
    auto get = [&](const char* name) -> std::string {
        auto it = col.find(name);
        return it == col.end() || it->second >= row.size() ? std::string() : trim(row[it->second]);
    };
    std::size_t line = 0;
    while (next_row(csv, path, header, row, line)) {
        const std::string river = get("river_id");
        std::int64_t seq = 0;
        double lat = 0, lon = 0;
        if (river.empty()) {
            bad_row(path, line, "river_id must not be empty");
            continue;
        }
        if (!parse_int64(get("seq"), seq) || seq <= 0) {
            bad_row(path, line, "seq must be a positive integer, found '" + get("seq") + "'");
            continue;
        }
        if (!parse_double(get("lat"), lat) || lat < -90 || lat > 90 || !parse_double(get("lon"), lon) || lon < -180 ||
            lon > 180) {
            bad_row(path, line, "lat/lon are not valid WGS84 degrees: '" + get("lat") + "', '" + get("lon") + "'");
            continue;
        }
        if (get("source").empty() || !text::valid_utf8(get("source"))) {
            bad_row(path, line, "source must say where the vertex comes from");
            continue;
        }
        Course& c = m_courses[river];
        if (c.vertices.empty()) {
            c.path = path;
            c.line = line;
            c.report_index = m_report.sources.size() - 1;
            c.source = source;
        }
        if (!c.vertices.empty() && seq <= c.vertices.back().first) {
            bad_row(path, line, "seq " + std::to_string(seq) + " of '" + river + "' does not follow " +
                                    std::to_string(c.vertices.back().first));
            continue;
        }
        c.vertices.emplace_back(seq, LatLon{lat, lon});
        ++m_report.sources.back().records;
    }
}

void Builder::link_courses() {
    Stmt find(m_db, "SELECT id FROM places WHERE source_id = ?1");
    Stmt ins(m_db, "INSERT OR REPLACE INTO place_lines(place_id, vertices, min_lon, min_lat, max_lon, max_lat, geom, source) "
                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    for (const auto& [river, c] : m_courses) {
        if (c.vertices.size() < 2) {
            bad_row(c.path, c.line, "course of '" + river + "' has fewer than two vertices", c.report_index);
            continue;
        }
        find.reset().bind(1, "curated:" + river);
        if (!find.step()) {
            find.reset();
            // a country filter may have dropped the river; otherwise the id is wrong
            if (m_countries.empty()) {
                bad_row(c.path, c.line, "course of 'curated:" + river + "', which no curated CSV defines", c.report_index);
            }
            continue;
        }
        const std::int64_t place_id = find.int64(0);
        find.reset();
        std::vector<LatLon> pts;
        pts.reserve(c.vertices.size());
        for (const auto& v : c.vertices) pts.push_back(v.second);
        const geometry::Geometry line = geometry::line_string(pts);
        const geometry::Envelope e = line.envelope();
        ins.reset()
            .bind(1, place_id)
            .bind(2, static_cast<std::int64_t>(pts.size()))
            .bind(3, e.min_lon)
            .bind(4, e.min_lat)
            .bind(5, e.max_lon)
            .bind(6, e.max_lat)
            .bind_blob(7, line.to_wkb())
            .bind(8, c.source)
            .run();
    }
}

// ---------------------------------------------------------------------------
// Post-processing
// ---------------------------------------------------------------------------

// Admin membership from polygons. Areas without a GeoNames code take the
// code most places inside them carry (or a code of their own when that one
// belongs to another area: Halabja was split from Sulaymaniyah in 2014, and
// GeoNames still files its villages there); then every place inside a polygon
// gets that polygon's codes, so hints and labels follow the boundaries given.
void Builder::assign_admin_codes() {
    struct Area {
        std::int64_t id;
        int level;
        std::string country, admin1, admin2;
        std::int64_t place_id;
        geometry::PreparedGeometry geom;
    };
    std::vector<Area> areas;
    {
        Stmt q(m_db, "SELECT id, level, country, admin1, admin2, IFNULL(place_id, 0), geom FROM admin_areas "
                     "WHERE level IN (1, 2) ORDER BY level, id");
        while (q.step()) {
            areas.push_back(Area{q.int64(0), static_cast<int>(q.int64(1)), q.text(2), q.text(3), q.text(4), q.int64(5),
                                 geometry::PreparedGeometry(geometry::Geometry::from_wkb(q.blob(6)))});
        }
    }
    if (areas.empty()) return;
    struct Pt {
        std::int64_t id;
        std::string country, admin1, admin2;
        LatLon pos;
        bool is_admin;
    };
    std::vector<Pt> pts;
    {
        Stmt q(m_db, "SELECT id, country, admin1, admin2, lat, lon, feature_class = 'A' FROM places");
        while (q.step()) pts.push_back(Pt{q.int64(0), q.text(1), q.text(2), q.text(3), {q.real(4), q.real(5)}, q.int64(6) != 0});
    }
    Stmt upd_area(m_db, "UPDATE admin_areas SET admin1 = ?2, admin2 = ?3 WHERE id = ?1");
    for (int level = 1; level <= 2; ++level) {
        std::set<std::string> used;
        for (const Area& a : areas) {
            if (a.level == level && !(level == 1 ? a.admin1 : a.admin2).empty()) {
                used.insert(a.country + "|" + a.admin1 + "|" + (level == 2 ? a.admin2 : ""));
            }
        }
        for (Area& a : areas) {
            if (a.level != level) continue;
            std::string& code = level == 1 ? a.admin1 : a.admin2;
            if (!code.empty()) continue;
            std::map<std::string, int> votes;
            for (const Pt& p : pts) {
                if (p.is_admin || p.country != a.country) continue;
                const std::string& c = level == 1 ? p.admin1 : p.admin2;
                if (!c.empty() && a.geom.contains(p.pos)) ++votes[level == 2 ? p.admin1 + "|" + c : c];
            }
            std::string best;
            int best_n = 0;
            for (const auto& [c, n] : votes) {
                if (n > best_n) best = c, best_n = n;
            }
            if (level == 1) {
                if (best.empty() || used.count(a.country + "|" + best + "|")) best = "x" + std::to_string(a.id);
                a.admin1 = best;
            } else {
                const auto bar = best.find('|');
                std::string a1 = bar == std::string::npos ? "" : best.substr(0, bar);
                std::string a2 = bar == std::string::npos ? "" : best.substr(bar + 1);
                if (a2.empty() || used.count(a.country + "|" + a1 + "|" + a2)) a2 = "x" + std::to_string(a.id);
                if (a.admin1.empty()) a.admin1 = a1;
                a.admin2 = a2;
            }
            used.insert(a.country + "|" + a.admin1 + "|" + (level == 2 ? a.admin2 : ""));
            upd_area.reset().bind(1, a.id).bind(2, a.admin1).bind(3, a.admin2).run();
        }
    }
    // Linked admin places carry their area's codes.
    Stmt upd_place(m_db, "UPDATE places SET admin1 = ?2, admin2 = ?3 WHERE id = ?1");
    std::unordered_map<std::int64_t, const Area*> linked;
    for (const Area& a : areas) {
        if (a.place_id == 0) continue;
        linked[a.place_id] = &a;
        upd_place.reset().bind(1, a.place_id).bind(2, a.admin1).bind(3, a.level == 2 ? a.admin2 : std::string()).run();
    }
    // Every other place: the polygons that contain it.
    for (const Pt& p : pts) {
        if (linked.count(p.id)) continue;
        std::string a1 = p.admin1, a2 = p.admin2;
        bool in1 = false, in2 = false;
        for (const Area& a : areas) {
            if (a.country != p.country || a.admin1.empty()) continue;
            if (a.level == 1 && !in1 && a.geom.contains(p.pos)) {
                if (a1 != a.admin1) a2.clear();  // a district code is only meaningful within its province
                a1 = a.admin1;
                in1 = true;
            } else if (a.level == 2 && !in2 && !a.admin2.empty() && a.geom.contains(p.pos)) {
                a2 = a.admin2;
                if (!in1) a1 = a.admin1;
                in2 = true;
            }
        }
        if (a1 != p.admin1 || a2 != p.admin2) upd_place.reset().bind(1, p.id).bind(2, a1).bind(3, a2).run();
    }
}

void Builder::finish() {
    link_courses();
    assign_admin_codes();

    m_db.exec("UPDATE places SET name_count = (SELECT COUNT(*) FROM names WHERE names.place_id = places.id)");
    {
        // Settlements without a population: the number of names says how big they are.
        Stmt q(m_db, "SELECT id, name_count, extent_m FROM places WHERE feature_class = 'P' AND population = 0 "
                     "AND extent_basis = 'feature-default'");
        Stmt upd(m_db, "UPDATE places SET extent_m = ?2, extent_basis = 'prominence' WHERE id = ?1");
        std::vector<std::pair<std::int64_t, double>> updates;
        while (q.step()) {
            const double floor_m = uncertainty::prominence_extent_m(q.int64(1));
            if (floor_m > q.real(2)) updates.emplace_back(q.int64(0), floor_m);
        }
        for (const auto& [id, e] : updates) upd.reset().bind(1, id).bind(2, e).run();
    }

    // Fuzzy index: each skeleton and its single deletions.
    {
        Stmt q(m_db, "SELECT DISTINCT key_skel FROM names");
        Stmt ins(m_db, "INSERT OR IGNORE INTO skel_deletes(del_key, skel) VALUES (?1, ?2)");
        std::vector<std::string> skels;
        while (q.step()) skels.push_back(q.text(0));
        constexpr std::size_t min_fuzzy_cp = 4;  // shorter skeletons match too much at one edit
        for (const auto& s : skels) {
            if (text::length_cp(s) < min_fuzzy_cp) continue;
            ins.reset().bind(1, s).bind(2, s).run();
            for (const auto& d : text::single_deletions(s)) ins.reset().bind(1, d).bind(2, s).run();
        }
    }

    // The exact-lookup index.
    {
        using gazetteer::detail::IndexEntry;
        std::vector<IndexEntry> entries;
        std::string pool;
        Stmt q(m_db, "SELECT rowid, place_id, key_translit, key_fold, name FROM names");
        while (q.step()) {
            const std::string_view name = q.text_view(4);
            entries.push_back(IndexEntry{gazetteer::detail::fnv1a64(q.text_view(2)), gazetteer::detail::fnv1a64(q.text_view(3)),
                                         q.int64(1), q.int64(0), static_cast<std::uint32_t>(pool.size()),
                                         static_cast<std::uint32_t>(name.size())});
            pool.append(name);
        }
        Stmt ins(m_db, "INSERT INTO search_index(id, data) VALUES (1, ?1)");
        ins.bind_blob(1, gazetteer::detail::pack_index(std::move(entries), pool)).run();
    }

    Stmt meta(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?1, ?2)");
    meta.reset().bind(1, std::string("schema_version")).bind(2, std::string(gazetteer::detail::schema_version)).run();
    meta.reset().bind(1, std::string("built_at")).bind(2, now_utc_iso()).run();
    meta.reset().bind(1, std::string("reckon_version")).bind(2, std::string(version_string)).run();

    Stmt count(m_db, "SELECT COUNT(*) FROM places");
    count.step();
    m_report.places = static_cast<std::size_t>(count.int64(0));
}

} // namespace

BuildReport build_gazetteer(const std::string& out_path, const BuildOptions& options,
                            const std::function<void(const std::string&)>& progress) {
    const auto t0 = std::chrono::steady_clock::now();
    BuildReport report;
    const fs::path target(out_path);
    if (target.has_parent_path()) {
        std::error_code ec;
        fs::create_directories(target.parent_path(), ec);
        if (ec) throw IoError(target.parent_path().string() + ": cannot create directory: " + ec.message());
    }
    const std::string tmp = out_path + ".tmp-" + std::to_string(::getpid());
    fs::remove(tmp);
    try {
        {
            Db db(tmp, Db::Mode::create);
            // Durability comes from the rename, so the temporary file needs no journal.
            db.exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA temp_store = MEMORY; "
                    "PRAGMA cache_size = -65536; PRAGMA page_size = 4096;");
            db.exec(gazetteer::detail::schema_sql);
            db.exec("BEGIN");
            Builder b(db, options, report);
            auto note = [&](const SourceReport& sr) {
                if (progress) {
                    progress(sr.kind + " " + sr.path + ": " + std::to_string(sr.records) + " records, " +
                             std::to_string(sr.skipped) + " skipped");
                }
            };
            for (const auto& p : options.geonames) {
                b.import_geonames(p);
                note(report.sources.back());
            }
            for (const auto& p : options.curated) {
                b.import_curated(p);
                note(report.sources.back());
            }
            for (const auto& p : options.boundaries) {
                b.import_boundaries(p);
                note(report.sources.back());
            }
            b.finish();
            db.exec("COMMIT");
            db.exec("ANALYZE");
        }
        std::error_code ec;
        fs::rename(tmp, target, ec);
        if (ec) throw IoError(out_path + ": cannot move the new gazetteer into place: " + ec.message());
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return report;
}

} // namespace reckon
