// Resolved incidents → features of the incidents, incident_areas and places
// layers (schemas and styles: src/export/layers.cpp), and the per-incident
// diagnostics file.

#include "export/layers.hpp"
#include "geometry/geos.hpp"
#include "geometry/shapes.hpp"
#include "reckon/convert.hpp"
#include "reckon/error.hpp"
#include "text/csv.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

namespace reckon {

namespace {

using Values = std::map<std::string, FieldValue>;

OutFeature make_feature(const LayerSchema& schema, const Values& values, std::string wkt) {
    OutFeature f;
    f.values.reserve(schema.fields.size());
    for (const FieldDef& d : schema.fields) {
        auto it = values.find(d.name);
        f.values.push_back(it == values.end() ? FieldValue{} : it->second);
    }
    f.wkt = std::move(wkt);
    return f;
}

FieldValue opt_string(const std::string& s) {
    return s.empty() ? FieldValue{} : FieldValue{s};
}

FieldValue opt_date(const std::optional<Date>& d) {
    return d ? FieldValue{*d} : FieldValue{};
}

FieldValue count_value(const CasualtyCount& c) {
    return c.count ? FieldValue{static_cast<std::int64_t>(*c.count)} : FieldValue{};
}

std::string casualty_note(const Incident& inc) {
    std::string note;
    auto add = [&](const char* what, const CasualtyCount& c) {
        if (!c.mentioned()) return;
        if (!note.empty()) note += "; ";
        note += what;
        note += ": ";
        if (c.count) note += (c.at_least ? "at least " : "") + std::to_string(*c.count);
        else note += "unknown, nonzero";
    };
    add("killed", inc.killed);
    add("wounded", inc.wounded);
    add("killed or wounded", inc.killed_or_wounded);
    return note;
}

// The place the incident is located at or from: the named target, else the first anchor found.
const Place* located_place(const Resolution& r) {
    if (r.target) return &*r.target;
    for (const ResolvedAnchor& a : r.anchors) {
        if (a.place) return &*a.place;
    }
    return nullptr;
}

bool has_estimate(const ResolvedIncident& ri) {
    const auto s = ri.resolution.status;
    return ri.has_location && (s == ResolveStatus::ok || s == ResolveStatus::inconsistent) &&
           ri.resolution.point.valid();
}

std::string point_wkt(const LatLon& p) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "POINT (%.7f %.7f)", p.lon_deg, p.lat_deg);
    return buf;
}


std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const auto& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

std::string join_messages(const std::vector<std::string>& messages) { return join(messages, "; "); }

std::string join_types(const std::vector<EventType>& types) {
    std::vector<std::string> names;
    for (EventType t : types) names.emplace_back(to_string(t));
    return join(names, ",");
}

std::string location_status(const ResolvedIncident& ri) {
    return ri.has_location ? to_string(ri.resolution.status) : "none";
}

void write_atomically(const std::string& path, const std::string& content) {
    namespace fs = std::filesystem;
    const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw IoError(path + ": cannot write (directory missing or not writable?)");
        out << content;
        out.flush();
        if (!out) {
            std::error_code ec;
            fs::remove(tmp, ec);
            throw IoError(path + ": write failed");
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw IoError(path + ": cannot move into place: " + ec.message());
    }
}

} // namespace

void write_incident_layers(DatasetWriter& writer, const std::vector<ReportResult>& results,
                           const Gazetteer& gazetteer) {
    const LayerSchema incidents = layers::incidents();
    const LayerSchema areas = layers::incident_areas();
    const LayerSchema places = layers::places();
    writer.add_layer(incidents);
    writer.add_layer(areas);
    writer.add_layer(places);

    std::vector<OutFeature> incident_features;
    std::vector<OutFeature> area_features;
    std::map<std::string, std::pair<Place, std::int64_t>> used;  // id → place, incident count
    for (const ReportResult& rr : results) {
        for (const ResolvedIncident& ri : rr.incidents) {
            const Incident& inc = ri.incident;
            const Resolution& r = ri.resolution;
            const bool located = has_estimate(ri);
            const Place* place = ri.has_location ? located_place(r) : nullptr;
            if (place) {
                auto& u = used[place->id];
                u.first = *place;
                ++u.second;
            }
            std::int64_t casualties = 0;
            for (const CasualtyCount* c : {&inc.killed, &inc.wounded, &inc.killed_or_wounded}) {
                if (c->count) casualties += *c->count;
            }
            Values v{
                {"incident_id", inc.id},
                {"event_date", opt_date(inc.date)},
                {"date_end", opt_date(inc.date_end)},
                {"date_basis", opt_string(inc.date_basis)},
                {"event_type", std::string(to_string(inc.type))},
                {"other_types", opt_string(join_types(inc.other_types))},
                {"perpetrator", opt_string(inc.perpetrator)},
                {"perpetrator_basis", opt_string(inc.perpetrator.empty() ? std::string() : inc.perpetrator_basis)},
                {"target", opt_string(inc.target)},
                {"killed", count_value(inc.killed)},
                {"wounded", count_value(inc.wounded)},
                {"killed_or_wounded", count_value(inc.killed_or_wounded)},
                {"casualties", casualties},
                {"casualty_note", opt_string(casualty_note(inc))},
                {"location_phrase", opt_string(ri.phrase)},
                {"location_status", location_status(ri)},
                {"section", opt_string(inc.section)},
                {"section_path", opt_string(join(inc.section_path, " > "))},
                {"source", opt_string(inc.source)},
                {"source_date", opt_date(inc.source_date)},
                {"report", inc.report},
                {"paragraph", static_cast<std::int64_t>(inc.paragraph)},
                {"offset_begin", static_cast<std::int64_t>(inc.offset_begin)},
                {"offset_end", static_cast<std::int64_t>(inc.offset_end)},
                {"line", static_cast<std::int64_t>(inc.line)},
                {"text", inc.text},
                {"messages", opt_string(join_messages(r.messages))},
            };
            if (place) {
                v["place_id"] = place->id;
                v["place_name"] = place->name;
                v["place_name_ar"] = opt_string(place->name_ar);
            }
            if (located) {
                v["uncertainty_m"] = r.uncertainty_m;
                if (r.precision.ucdp_where_prec > 0) v["ucdp_where_prec"] = std::int64_t{r.precision.ucdp_where_prec};
                if (r.precision.acled_geo_precision > 0)
                    v["acled_geo_precision"] = std::int64_t{r.precision.acled_geo_precision};
            }
            incident_features.push_back(make_feature(incidents, v, located ? point_wkt(r.point) : std::string()));
            if (located && !r.uncertainty_wkt.empty()) {
                double area_km2 = 0.0;
                try {
                    area_km2 = geometry::area_m2(geometry::Geometry::from_wkt(r.uncertainty_wkt)) / 1e6;
                } catch (const Error&) {
                    area_km2 = 0.0;
                }
                Values a{{"incident_id", inc.id},
                         {"event_date", opt_date(inc.date)},
                         {"event_type", std::string(to_string(inc.type))},
                         {"location_phrase", ri.phrase},
                         {"location_status", location_status(ri)},
                         {"uncertainty_m", r.uncertainty_m},
                         {"area_km2", area_km2}};
                area_features.push_back(make_feature(areas, a, r.uncertainty_wkt));
            }
        }
    }
    std::vector<OutFeature> place_features;
    for (const auto& [id, u] : used) {
        const Place& p = u.first;
        Values v{{"place_id", p.id},
                 {"name", p.name},
                 {"name_ar", opt_string(p.name_ar)},
                 {"feature_code", opt_string(p.feature_code)},
                 {"country", opt_string(p.country)},
                 {"admin1", opt_string(gazetteer.admin1_name(p.country, p.admin1))},
                 {"population", p.population > 0 ? FieldValue{p.population} : FieldValue{}},
                 {"incident_count", u.second}};
        place_features.push_back(make_feature(places, v, p.position.valid() ? point_wkt(p.position) : std::string()));
    }
    writer.write(incidents.name, incident_features);
    writer.write(areas.name, area_features);
    writer.write(places.name, place_features);
}

void write_diagnostics(const std::string& path, const std::vector<ReportResult>& results) {
    const bool json = path.size() >= 5 && (path.compare(path.size() - 5, 5, ".json") == 0);
    std::string out;
    if (json) {
        nlohmann::json all = nlohmann::json::array();
        for (const ReportResult& rr : results) {
            if (!rr.error.empty()) {
                all.push_back({{"report", rr.path}, {"status", "error"}, {"messages", {rr.error}}});
                continue;
            }
            for (const ResolvedIncident& ri : rr.incidents) {
                const Resolution& r = ri.resolution;
                nlohmann::json j{{"incident_id", ri.incident.id},
                                 {"report", rr.path},
                                 {"line", ri.incident.line},
                                 {"event_type", to_string(ri.incident.type)},
                                 {"event_date", ri.incident.date ? ri.incident.date->iso() : ""},
                                 {"status", location_status(ri)},
                                 {"phrase", ri.phrase},
                                 {"context", ri.context},
                                 {"messages", r.messages}};
                if (has_estimate(ri)) {
                    j["lat"] = r.point.lat_deg;
                    j["lon"] = r.point.lon_deg;
                    j["uncertainty_m"] = r.uncertainty_m;
                }
                if (const Place* p = ri.has_location ? located_place(r) : nullptr) j["place_id"] = p->id;
                all.push_back(std::move(j));
            }
        }
        out = all.dump(2) + "\n";
    } else {
        using text::csv_quote;
        out = "incident_id,report,line,event_type,event_date,status,phrase,context,lat,lon,uncertainty_m,place_id,"
              "messages\n";
        for (const ReportResult& rr : results) {
            if (!rr.error.empty()) {
                out += "," + csv_quote(rr.path) + ",,,,error,,,,,,," + csv_quote(rr.error) + "\n";
                continue;
            }
            for (const ResolvedIncident& ri : rr.incidents) {
                const Resolution& r = ri.resolution;
                const bool est = has_estimate(ri);
                const Place* p = ri.has_location ? located_place(r) : nullptr;
                char num[96] = "";
                if (est) std::snprintf(num, sizeof num, "%.6f,%.6f,%.0f", r.point.lat_deg, r.point.lon_deg, r.uncertainty_m);
                else std::snprintf(num, sizeof num, ",,");
                out += csv_quote(ri.incident.id) + "," + csv_quote(rr.path) + "," + std::to_string(ri.incident.line) +
                       "," + to_string(ri.incident.type) + "," + (ri.incident.date ? ri.incident.date->iso() : "") +
                       "," + location_status(ri) + "," + csv_quote(ri.phrase) + "," + csv_quote(ri.context) + "," +
                       num + "," + (p ? csv_quote(p->id) : "") + "," + csv_quote(join_messages(r.messages)) + "\n";
            }
        }
    }
    write_atomically(path, out);
}

} // namespace reckon
