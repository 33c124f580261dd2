// Evidence of control: incidents layers (`reckon convert` output) and
// analysts' tables (CSV or any OGR layer), read into ControlEvidence.

#include "control/dates.hpp"
#include "control/util.hpp"
#include "export/ogr_reader.hpp"
#include "geometry/coverage.hpp"
#include "geometry/shapes.hpp"
#include "reckon/control.hpp"
#include "reckon/error.hpp"
#include "reckon/resolver.hpp"
#include "text/csv.hpp"
#include "text/normalize.hpp"
#include "uncertainty/extent.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>

namespace reckon {

namespace {

using namespace control::detail;
namespace cols = control::detail::columns;
using geometry::Geometry;

// An incident's place_id names the place itself only when its uncertainty
// is about the place's own extent: the resolver gives a named target the
// target's extent (README "The resolver"); a relative description
// ("west of Aleppo") keeps its anchor's id with a radius many times larger.
// The slack absorbs rounding and the reporter-error floor.
constexpr double place_match_slack_m = 1000.0;

const char* const takeover_event_types[] = {"takeover", "capture", "seizure"};

struct Record {
    std::string where;  // "FILE:LINE" or "FILE:LAYER:FID"
    std::map<std::string, std::string> attributes;
    std::vector<std::string> fields;
    std::string wkb;    // geometry, "" if none
    std::string wkt;    // or WKT from a CSV column
};

bool has(const std::vector<std::string>& fields, const std::vector<std::string>& names) {
    return !find_field(fields, names).empty();
}

bool is_incidents(const std::vector<std::string>& fields) {
    return has(fields, {"incident_id"}) && has(fields, {"event_type"});
}

std::string lower_ext(const std::string& path) {
    std::string e = std::filesystem::path(path).extension().string();
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

class EvidenceReader {
public:
    EvidenceReader(const Gazetteer& gaz, const ControllerTable& ctl, const EvidenceOptions& opt, EvidenceRead& out)
        : m_gaz(gaz), m_ctl(ctl), m_opt(opt), m_out(out) {}

    void read(const std::string& path) {
        if (lower_ext(path) == ".csv") {
            read_csv(path);
        } else {
            read_ogr(path);
        }
    }

private:
    // ---- sources -------------------------------------------------------
    void read_csv(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw IoError(path + ": cannot open");
        text::CsvReader csv(in, path);
        std::vector<std::string> header, row;
        if (!csv.next(header)) throw InputError(path, 1, "empty file: a header line is required");
        for (auto& h : header) h = trim(h);
        const auto wkt_col = find_column(header, {"wkt", "geometry", "geom"});
        std::vector<Record> records;
        std::string stopped;  // a malformed record ends the file; reported after the rows before it
        while (true) {
            try {
                if (!csv.next(row)) break;
            } catch (const InputError& e) {
                stopped = e.what();
                break;
            }
            if (row.size() == 1 && trim(row[0]).empty()) continue;  // blank line
            Record r;
            r.where = fmt::format("{}:{}", path, csv.line());
            r.fields = header;
            for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) {
                if (!trim(row[i]).empty()) r.attributes[header[i]] = row[i];
            }
            if (wkt_col && *wkt_col < row.size()) r.wkt = trim(row[*wkt_col]);
            if (!text::valid_utf8(r.where + row_text(row))) {
                m_out.errors.push_back(r.where + ": invalid UTF-8");
                continue;
            }
            records.push_back(std::move(r));
        }
        dispatch(path, header, records, {});
        if (!stopped.empty()) m_out.errors.push_back(stopped + ": the rest of the file is not read");
    }

    static std::string row_text(const std::vector<std::string>& row) { return join(row, ","); }

    void read_ogr(const std::string& path) {
        // attribute-only tables too: an analyst's table needs no geometry
        vector_io::ReadOptions ro;
        ro.selection = vector_io::LayerSelection::all;
        const std::vector<vector_io::VectorLayer> layers = vector_io::read_dataset(path, ro);
        // incident_areas: uncertainty polygons by incident_id
        std::map<std::string, std::string> areas;
        for (const auto& l : layers) {
            if (l.name != "incident_areas" && !(has(l.field_names, {"incident_id"}) && !has(l.field_names, {"event_type"}) &&
                                                !has(l.field_names, cols::controller))) {
                continue;
            }
            for (const auto& f : l.features) {
                const std::string id = attribute(f.attributes, {"incident_id"});
                if (!id.empty() && !f.wkb.empty()) areas.emplace(id, f.wkb);
            }
        }
        std::vector<std::string> skipped;
        std::size_t used = 0;
        for (const auto& l : layers) {
            // incident_areas carries the polygons of the incidents layer (read above), not evidence of its own
            const bool internal = l.name == "incident_areas" || l.name == "layer_styles" || l.name.rfind("gpkg_", 0) == 0;
            if (internal) continue;
            const bool incidents = is_incidents(l.field_names);
            const bool table = has(l.field_names, cols::controller);
            if (!incidents && !table) {
                skipped.push_back(l.name + " (fields: " + join(l.field_names) + ")");
                continue;
            }
            ++used;
            m_out.crs.push_back(l.source_crs);
            if (l.reprojected) {
                m_out.notes.push_back(fmt::format("{}: layer {} reprojected from {} to EPSG:4326", path, l.name, l.source_crs));
            }
            std::vector<Record> records;
            records.reserve(l.features.size());
            for (const auto& f : l.features) {
                Record r;
                r.where = fmt::format("{}:{}:{}", path, l.name, f.fid);
                r.attributes = f.attributes;
                r.fields = l.field_names;
                r.wkb = f.wkb;
                records.push_back(std::move(r));
            }
            dispatch(path + ":" + l.name, l.field_names, records, areas);
        }
        if (used == 0) {
            throw InputError(path, 0, "no incidents layer (fields incident_id, event_type) and no table with a "
                                      "controller column; its layers: " + (skipped.empty() ? std::string("none") : join(skipped, "; ")));
        }
    }

    void dispatch(const std::string& name, const std::vector<std::string>& fields, const std::vector<Record>& records,
                  const std::map<std::string, std::string>& areas) {
        if (is_incidents(fields)) {
            read_incidents(name, records, areas);
            return;
        }
        if (!has(fields, cols::controller)) {
            throw InputError(name, 1, "no controller column (looked for " + join(cols::controller) + "); columns: " + join(fields));
        }
        if (!has(fields, cols::date)) {
            throw InputError(name, 1, "no date column (looked for " + join(cols::date) + "); columns: " + join(fields));
        }
        read_table(name, records);
    }

    // ---- incidents -----------------------------------------------------
    void read_incidents(const std::string& name, const std::vector<Record>& records,
                        const std::map<std::string, std::string>& areas) {
        std::size_t counts[3] = {0, 0, 0};
        std::map<std::string, std::size_t> other_types;
        for (const Record& r : records) {
            const std::string id = attribute(r.attributes, {"incident_id"});
            const std::string type = attribute(r.attributes, {"event_type"});
            const std::string where = r.where + (id.empty() ? "" : " (incident " + id + ")");
            ControlEvidence e;
            e.id = id.empty() ? r.where : id;
            e.source = r.where;
            const std::string stated = attribute(r.attributes, {"controller", "controlled_by", "held_by"});
            if (!stated.empty()) {
                e.kind = EvidenceKind::statement;
                e.controller = m_ctl.canonical(stated);
            } else if (std::find(std::begin(takeover_event_types), std::end(takeover_event_types), type) !=
                       std::end(takeover_event_types)) {
                e.kind = EvidenceKind::takeover;
                const std::string actor = attribute(r.attributes, {"perpetrator"});
                if (actor.empty()) {
                    m_out.errors.push_back(where + ": takeover without a perpetrator (the new controller): not used");
                    continue;
                }
                e.controller = m_ctl.canonical(actor);
                e.taken_from = known_controller(attribute(r.attributes, {"target"}));
            } else if (std::find(m_opt.fighting_event_types.begin(), m_opt.fighting_event_types.end(), type) !=
                       m_opt.fighting_event_types.end()) {
                e.kind = EvidenceKind::fighting;
            } else {
                ++other_types[type.empty() ? "(none)" : type];
                continue;
            }
            if (!set_date(e, attribute(r.attributes, {"event_date", "date"}), where)) continue;
            try {
                if (!locate_incident(e, r, areas, where)) continue;
            } catch (const GazetteerError&) {
                throw;
            } catch (const Error& ex) {
                m_out.errors.push_back(where + ": " + ex.what() + ": not used");
                continue;
            }
            ++counts[static_cast<int>(e.kind)];
            m_out.evidence.push_back(std::move(e));
        }
        std::string note = fmt::format("{}: {} takeovers, {} statements, {} fighting reports", name, counts[0], counts[1], counts[2]);
        if (!other_types.empty()) {
            std::size_t n = 0;
            std::vector<std::string> parts;
            for (const auto& [t, c] : other_types) {
                n += c;
                parts.push_back(fmt::format("{} {}", t, c));
            }
            note += fmt::format("; {} incidents of other types are no evidence of control ({})", n, join(parts));
        }
        m_out.notes.push_back(note);
    }

    bool locate_incident(ControlEvidence& e, const Record& r, const std::map<std::string, std::string>& areas,
                         const std::string& where) {
        const std::string place_id = attribute(r.attributes, {"place_id"});
        e.place_name = attribute(r.attributes, {"place_name"});
        const std::string unc = attribute(r.attributes, {"uncertainty_m"});
        double uncertainty_m = std::nan("");
        if (!unc.empty()) {
            try {
                uncertainty_m = std::stod(unc);
            } catch (const std::exception&) {
                m_out.errors.push_back(where + ": uncertainty_m '" + unc + "' is not a number: not used");
                return false;
            }
        }
        if (!place_id.empty()) {
            if (auto p = m_gaz.place(place_id)) {
                if (!(uncertainty_m > p->extent_m + place_match_slack_m)) return set_place(e, *p);
            }
        }
        if (auto it = areas.find(e.id); it != areas.end()) {
            return set_area(e, Geometry::from_wkb(it->second), where);
        }
        if (!r.wkb.empty() || !r.wkt.empty()) {
            Geometry g = r.wkb.empty() ? Geometry::from_wkt(r.wkt) : Geometry::from_wkb(r.wkb);
            if (geometry::is_polygonal(g)) return set_area(e, g, where);
            const LatLon p = g.point_on_surface();
            if (p.valid() && uncertainty_m > 0) return set_area(e, geometry::disk(p, uncertainty_m), where);
            if (p.valid()) {
                e.point = p;
                return true;
            }
        }
        const std::string phrase = attribute(r.attributes, {"location_phrase"});
        if (!phrase.empty()) return resolve_phrase(e, phrase, attribute(r.attributes, {"section"}), where);
        m_out.errors.push_back(where + ": no location (place_id, geometry or location_phrase): not used");
        return false;
    }

    bool resolve_phrase(ControlEvidence& e, const std::string& phrase, const std::string& context, const std::string& where) {
        if (!m_resolver) m_resolver = std::make_unique<Resolver>(m_gaz);
        ResolveOptions ro;
        ro.context = context;
        const Resolution res = m_resolver->resolve(phrase, ro);
        if (res.status == ResolveStatus::ok && res.target) return set_place(e, *res.target);
        // a bare name ("Anjara", "in Tall Jurn"): the place itself
        const auto& cs = res.parse.constraints;
        if (res.status == ResolveStatus::ok && cs.size() == 1 && cs.front().relation == Relation::at &&
            res.anchors.size() == 1 && res.anchors.front().place) {
            return set_place(e, *res.anchors.front().place);
        }
        if (res.status == ResolveStatus::ok && !res.uncertainty_wkt.empty()) {
            return set_area(e, Geometry::from_wkt(res.uncertainty_wkt), where);
        }
        if (res.status == ResolveStatus::inconsistent && !res.uncertainty_wkt.empty()) {
            // the resolver keeps the part it trusts more: its area stands for the place
            m_out.notes.push_back(fmt::format("{}: location '{}' is inconsistent ({}): its resolved area is used", where, phrase,
                                              join(res.messages, "; ")));
            return set_area(e, Geometry::from_wkt(res.uncertainty_wkt), where);
        }
        m_out.errors.push_back(fmt::format("{}: location '{}' is {}: {}: not used", where, phrase, to_string(res.status),
                                           join(res.messages, "; ")));
        return false;
    }

    // ---- analysts' tables ----------------------------------------------
    void read_table(const std::string& name, const std::vector<Record>& records) {
        std::size_t counts[3] = {0, 0, 0};
        for (const Record& r : records) {
            ControlEvidence e;
            e.source = r.where;
            const std::string id = attribute(r.attributes, cols::evidence_id);
            e.id = id.empty() ? r.where : id;
            const std::string controller = attribute(r.attributes, cols::controller);
            const std::string kind = name_key(attribute(r.attributes, cols::kind));
            const std::string ckey = name_key(controller);
            if (kind == "fighting" || kind == "contested" || ckey == "contested" || ckey == "fighting" || ckey == "clashes") {
                e.kind = EvidenceKind::fighting;
            } else if (controller.empty()) {
                m_out.errors.push_back(r.where + ": no controller: not used");
                continue;
            } else {
                e.controller = m_ctl.canonical(controller);
                if (kind.empty() || kind == "statement" || kind == "control" || kind == "held") {
                    e.kind = EvidenceKind::statement;
                } else if (kind == "takeover" || kind == "capture" || kind == "captured" || kind == "taken") {
                    e.kind = EvidenceKind::takeover;
                    e.taken_from = known_controller(attribute(r.attributes, {"taken_from", "from"}));
                } else {
                    m_out.errors.push_back(r.where + ": kind '" + attribute(r.attributes, cols::kind) +
                                           "' is none of takeover, statement, fighting: not used");
                    continue;
                }
            }
            if (!set_date(e, attribute(r.attributes, cols::date), r.where)) continue;
            try {
                if (!locate_row(e, r)) continue;
            } catch (const GazetteerError&) {
                throw;
            } catch (const Error& ex) {
                m_out.errors.push_back(r.where + ": " + ex.what() + ": not used");
                continue;
            }
            ++counts[static_cast<int>(e.kind)];
            m_out.evidence.push_back(std::move(e));
        }
        m_out.notes.push_back(fmt::format("{}: {} statements, {} takeovers, {} fighting reports", name, counts[1], counts[0], counts[2]));
    }

    bool locate_row(ControlEvidence& e, const Record& r) {
        const std::string place_id = attribute(r.attributes, cols::place_id);
        const std::string lat = attribute(r.attributes, cols::lat), lon = attribute(r.attributes, cols::lon);
        const std::string name = attribute(r.attributes, cols::place_name);
        e.place_name = name;
        if (!place_id.empty()) {
            e.place_id = place_id;
            if (auto p = m_gaz.place(place_id)) return set_place(e, *p);
            return true;  // perhaps an id of the --places settlements: build_control decides
        }
        if (!lat.empty() || !lon.empty()) {
            const auto p = parse_lat_lon(lat, lon);
            if (!p) {
                m_out.errors.push_back(r.where + ": bad coordinates lat '" + lat + "', lon '" + lon + "': not used");
                return false;
            }
            e.point = *p;
            return true;
        }
        if (!r.wkb.empty() || !r.wkt.empty()) {
            Geometry g;
            try {
                g = r.wkb.empty() ? Geometry::from_wkt(r.wkt) : Geometry::from_wkb(r.wkb);
            } catch (const Error& ex) {
                m_out.errors.push_back(r.where + ": " + ex.what() + ": not used");
                return false;
            }
            if (geometry::is_polygonal(g)) return set_area(e, g, r.where);
            e.point = g.point_on_surface();
            if (e.point.valid()) return true;
        }
        if (name.empty()) {
            m_out.errors.push_back(r.where + ": no place (give place, place_id or lat/lon): not used");
            return false;
        }
        SearchOptions so;
        so.in_admin = attribute(r.attributes, cols::province);
        so.country = attribute(r.attributes, cols::country);
        for (auto& c : so.country) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        so.limit = 3;
        so.explain = false;
        const SearchResult found = m_gaz.search(name, so);
        if (found.candidates.empty()) {
            std::string msg = r.where + ": place '" + name + "' not found in the gazetteer";
            if (!found.suggestions.empty()) {
                std::vector<std::string> s;
                for (const auto& c : found.suggestions) s.push_back(c.place.name + " (" + c.place.id + ")");
                msg += "; did you mean " + join(s, ", ");
            }
            m_out.errors.push_back(msg + ": not used");
            return false;
        }
        if (found.ambiguous) {
            m_out.errors.push_back(r.where + ": place '" + name + "' is ambiguous: " + found.ambiguity +
                                   " (or give place_id or lat/lon): not used");
            return false;
        }
        return set_place(e, found.candidates.front().place);
    }

    // ---- shared --------------------------------------------------------
    // A target that names a controller of the table (an incident's target
    // may be anything: "a checkpoint", "civilians"); "" otherwise.
    std::string known_controller(const std::string& name) const {
        if (name.empty()) return {};
        const std::string c = m_ctl.canonical(name);
        for (const auto& entry : m_ctl.entries()) {
            if (entry.controller == c && c != unknown_controller) return c;
        }
        return {};
    }

    bool set_date(ControlEvidence& e, const std::string& value, const std::string& where) {
        if (value.empty()) {
            m_out.errors.push_back(where + ": no date: not used");
            return false;
        }
        const auto d = parse_date(value);
        if (!d) {
            m_out.errors.push_back(where + ": date '" + value + "' is not YYYY-MM-DD: not used");
            return false;
        }
        e.date = *d;
        return true;
    }

    bool set_place(ControlEvidence& e, const Place& p) {
        if (p.feature_class == "A") {
            if (auto wkb = m_gaz.area_wkb(p.id)) {
                e.place_name = e.place_name.empty() ? p.name : e.place_name;
                return set_area(e, Geometry::from_wkb(*wkb), e.source);
            }
        }
        e.place_id = p.id;
        if (e.place_name.empty()) e.place_name = p.name;
        e.point = p.position;
        return true;
    }

    bool set_area(ControlEvidence& e, const Geometry& g, const std::string& where) {
        Geometry area = g.is_valid() ? g.clone() : geometry::repair_polygonal(g);
        if (area.empty() || !geometry::is_polygonal(area)) {
            m_out.errors.push_back(where + ": area is not a polygon (" + geometry::type_name(g) + "): not used");
            return false;
        }
        e.place_id.clear();
        e.point = LatLon{};
        e.area_wkt = area.to_wkt(wkt_decimals);
        return true;
    }

    const Gazetteer& m_gaz;
    const ControllerTable& m_ctl;
    const EvidenceOptions& m_opt;
    EvidenceRead& m_out;
    std::unique_ptr<Resolver> m_resolver;
};

} // namespace

const char* to_string(EvidenceKind k) noexcept {
    switch (k) {
    case EvidenceKind::takeover: return "takeover";
    case EvidenceKind::statement: return "statement";
    case EvidenceKind::fighting: return "fighting";
    }
    return "statement";
}

EvidenceRead read_control_evidence(const std::string& path, const Gazetteer& gazetteer, const ControllerTable& controllers,
                                   const EvidenceOptions& options) {
    EvidenceRead out;
    EvidenceReader(gazetteer, controllers, options, out).read(path);
    return out;
}

std::vector<Settlement> read_settlements_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(path + ": cannot open");
    text::CsvReader csv(in, path);
    std::vector<std::string> row;
    if (!csv.next(row)) throw InputError(path, 1, "empty file: header id,name,lat,lon expected");
    const auto c_id = find_column(row, {"id", "place_id"});
    const auto c_name = find_column(row, {"name", "place", "place_name"});
    const auto c_lat = find_column(row, cols::lat);
    const auto c_lon = find_column(row, cols::lon);
    if (!c_id || !c_lat || !c_lon) {
        throw InputError(path, 1, "header must name the columns id, lat and lon (and name); it has: " + join(row));
    }
    const double default_extent_m = uncertainty::place_extent("P", "PPL", 0).extent_m;
    std::vector<Settlement> out;
    std::map<std::string, std::size_t> seen;
    while (csv.next(row)) {
        if (row.size() == 1 && trim(row[0]).empty()) continue;
        auto field = [&](const std::optional<std::size_t>& c) { return c && *c < row.size() ? trim(row[*c]) : std::string(); };
        Settlement s;
        s.id = field(c_id);
        s.name = field(c_name);
        const std::string lat = field(c_lat), lon = field(c_lon);
        if (s.id.empty()) throw InputError(path, csv.line(), "empty id");
        const auto p = parse_lat_lon(lat, lon);
        if (!p) throw InputError(path, csv.line(), "bad coordinates lat '" + lat + "', lon '" + lon + "'");
        s.position = *p;
        if (auto it = seen.find(s.id); it != seen.end()) {
            throw InputError(path, csv.line(), "id '" + s.id + "' already used on line " + std::to_string(it->second));
        }
        seen.emplace(s.id, csv.line());
        s.extent_m = default_extent_m;
        out.push_back(std::move(s));
    }
    return out;
}

} // namespace reckon
