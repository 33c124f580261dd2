#include "cli/output.hpp"

#include "geometry/geos.hpp"

#include <fmt/format.h>

namespace reckon::cli {

namespace {
const char* status_of(const SearchResult& r) {
    if (r.candidates.empty()) return "unresolved";
    return r.ambiguous ? "ambiguous" : "ok";
}

std::string where(const Candidate& c) {
    std::string s;
    if (!c.admin2_name.empty()) s += c.admin2_name + ", ";
    if (!c.admin1_name.empty()) s += c.admin1_name + ", ";
    return s + c.place.country;
}
} // namespace

nlohmann::json candidate_json(const Candidate& c) {
    const Place& p = c.place;
    return nlohmann::json{{"id", p.id},
                          {"name", p.name},
                          {"name_ar", p.name_ar},
                          {"feature_class", p.feature_class},
                          {"feature_code", p.feature_code},
                          {"country", p.country},
                          {"admin1", p.admin1},
                          {"admin1_name", c.admin1_name},
                          {"admin2_name", c.admin2_name},
                          {"lat", p.position.lat_deg},
                          {"lon", p.position.lon_deg},
                          {"population", p.population},
                          {"extent_m", p.extent_m},
                          {"extent_basis", p.extent_basis},
                          {"matched_name", c.matched_name},
                          {"match", to_string(c.match)},
                          {"match_score", std::round(c.match_score * 1000.0) / 1000.0},
                          {"score", std::round(c.score * 1000.0) / 1000.0},
                          {"reasons", c.reasons},
                          {"source", p.source_ref}};
}

nlohmann::json search_result_json(const SearchResult& r) {
    nlohmann::json j{{"query", r.query}, {"status", status_of(r)}};
    j["candidates"] = nlohmann::json::array();
    for (const auto& c : r.candidates) j["candidates"].push_back(candidate_json(c));
    j["suggestions"] = nlohmann::json::array();
    for (const auto& c : r.suggestions) j["suggestions"].push_back(candidate_json(c));
    if (r.ambiguous) j["ambiguity"] = r.ambiguity;
    j["messages"] = r.messages;
    return j;
}

void print_search_result(std::ostream& out, const SearchResult& r) {
    out << r.query << ": " << status_of(r) << "\n";
    for (const auto& m : r.messages) out << "  note: " << m << "\n";
    if (r.ambiguous) out << "  ambiguous: " << r.ambiguity << "\n";
    std::size_t i = 0;
    for (const auto& c : r.candidates) {
        const Place& p = c.place;
        out << fmt::format("  {}. {}{}  [{}]  {} {}  ({:.5f}, {:.5f})  extent {:.1f} km  score {:.2f}\n", ++i, p.name,
                           p.name_ar.empty() ? "" : " / " + p.name_ar, p.id, p.feature_code, where(c),
                           p.position.lat_deg, p.position.lon_deg, p.extent_m / 1000.0, c.score);
        out << "     ";
        for (std::size_t k = 0; k < c.reasons.size(); ++k) out << (k ? "; " : "") << c.reasons[k];
        out << "\n";
    }
    if (r.candidates.empty() && !r.suggestions.empty()) {
        out << "  no good match; did you mean:\n";
        for (const auto& c : r.suggestions) {
            out << fmt::format("    {} [{}] {} ({:.2f})\n", c.place.name, c.place.id, where(c), c.match_score);
        }
    } else if (r.candidates.empty()) {
        out << "  no match and nothing close\n";
    }
}

} // namespace reckon::cli

namespace reckon::cli {

namespace {

nlohmann::json number_or_null(double v, double scale = 1.0, double round_to = 1e6) {
    if (!std::isfinite(v)) return nullptr;
    return std::round(v * scale * round_to) / round_to;
}

nlohmann::json anchor_json(const Anchor& a) {
    nlohmann::json j{{"kind", to_string(a.kind)}, {"name", a.name}, {"text", a.text}};
    if (!a.feature_hint.empty()) j["feature_hint"] = a.feature_hint;
    if (!a.full_name.empty()) j["full_name"] = a.full_name;
    if (!a.countries.empty()) j["countries"] = a.countries;
    return j;
}

nlohmann::json parse_json(const ParsedPhrase& p) {
    nlohmann::json j;
    j["target"] = p.target ? anchor_json(*p.target) : nlohmann::json(nullptr);
    j["constraints"] = nlohmann::json::array();
    for (const auto& c : p.constraints) {
        nlohmann::json cj{{"relation", to_string(c.relation)}, {"text", c.text}};
        cj["anchors"] = nlohmann::json::array();
        for (const auto& a : c.anchors) cj["anchors"].push_back(anchor_json(a));
        if (c.distance) {
            cj["distance"] = {{"value_m", number_or_null(c.distance->value_m)},
                              {"min_m", number_or_null(c.distance->min_m)},
                              {"max_m", number_or_null(c.distance->max_m)},
                              {"unit", c.distance->unit},
                              {"qualifier", to_string(c.distance->qualifier)},
                              {"text", c.distance->text}};
        }
        if (c.direction) {
            cj["direction"] = {{"azimuth_deg", number_or_null(c.direction->azimuth_deg)},
                               {"points", c.direction->points},
                               {"text", c.direction->text}};
        }
        if (!c.part.empty()) cj["part"] = c.part;
        if (c.midway) cj["midway"] = true;
        j["constraints"].push_back(cj);
    }
    j["unparsed"] = p.unparsed;
    return j;
}

nlohmann::json place_json(const Place& p) {
    return {{"name", p.name},
            {"id", p.id},
            {"lat", p.position.lat_deg},
            {"lon", p.position.lon_deg},
            {"country", p.country},
            {"feature_code", p.feature_code},
            {"extent_m", std::round(p.extent_m)}};
}

} // namespace

nlohmann::json resolution_json(const Resolution& r) {
    nlohmann::json j{{"input", r.input}, {"status", to_string(r.status)}};
    const bool located = r.point.valid();
    j["lat"] = located ? number_or_null(r.point.lat_deg) : nlohmann::json(nullptr);
    j["lon"] = located ? number_or_null(r.point.lon_deg) : nlohmann::json(nullptr);
    j["uncertainty_m"] = located ? nlohmann::json(std::round(r.uncertainty_m)) : nlohmann::json(nullptr);
    j["uncertainty_wkt"] = r.uncertainty_wkt.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.uncertainty_wkt);
    j["anchor"] = nullptr;
    for (const auto& a : r.anchors) {
        if (a.place) {
            j["anchor"] = place_json(*a.place);
            break;
        }
    }
    j["target"] = r.target ? place_json(*r.target) : nlohmann::json(nullptr);
    j["precision"] = {{"ucdp", r.precision.ucdp_where_prec}, {"acled", r.precision.acled_geo_precision}};
    if (r.offset) {
        j["offset"] = {{"distance_m", std::round(r.offset->distance_m)},
                       {"distance_min_m", std::round(r.offset->distance_min_m)},
                       {"distance_max_m", std::round(r.offset->distance_max_m)},
                       {"azimuth_deg", number_or_null(r.offset->azimuth_deg)},
                       {"half_width_deg", r.offset->half_width_deg}};
    } else {
        j["offset"] = nullptr;
    }
    j["anchors"] = nlohmann::json::array();
    for (const auto& a : r.anchors) {
        nlohmann::json aj{{"name", a.anchor.name}, {"kind", to_string(a.anchor.kind)}, {"status", a.status}};
        if (a.place) aj["place"] = place_json(*a.place);
        if (!a.candidates.empty()) {
            aj["candidates"] = nlohmann::json::array();
            for (const auto& c : a.candidates) aj["candidates"].push_back(candidate_json(c));
        }
        j["anchors"].push_back(aj);
    }
    j["parse"] = parse_json(r.parse);
    j["messages"] = r.messages;
    return j;
}

nlohmann::json resolution_feature(const Resolution& r) {
    nlohmann::json props = resolution_json(r);
    props.erase("uncertainty_wkt");
    nlohmann::json geom = nullptr;
    if (!r.uncertainty_wkt.empty()) {
        geom = nlohmann::json::parse(geometry::Geometry::from_wkt(r.uncertainty_wkt).to_geojson());
    } else if (r.point.valid()) {
        geom = {{"type", "Point"}, {"coordinates", {r.point.lon_deg, r.point.lat_deg}}};
    }
    return {{"type", "Feature"}, {"geometry", geom}, {"properties", props}};
}

void print_resolution(std::ostream& out, const Resolution& r) {
    out << r.input << "\n  " << to_string(r.status);
    if (r.point.valid()) {
        out << fmt::format(": ({:.5f}, {:.5f}) ± {:.1f} km  UCDP {} ACLED {}", r.point.lat_deg, r.point.lon_deg,
                           r.uncertainty_m / 1000.0, r.precision.ucdp_where_prec, r.precision.acled_geo_precision);
    }
    out << "\n";
    if (r.target) out << "  place: " << r.target->name << " [" << r.target->id << "]\n";
    for (const auto& a : r.anchors) {
        out << "  anchor: " << a.anchor.name << " → " << a.status;
        if (a.place) out << " " << a.place->name << " [" << a.place->id << "]";
        out << "\n";
    }
    if (r.offset) {
        out << fmt::format("  offset: {:.1f} km ({:.1f}–{:.1f})", r.offset->distance_m / 1000.0,
                           r.offset->distance_min_m / 1000.0, r.offset->distance_max_m / 1000.0);
        if (std::isfinite(r.offset->azimuth_deg)) {
            out << fmt::format(" at {:.1f}° ± {:.1f}°", r.offset->azimuth_deg, r.offset->half_width_deg);
        }
        out << "\n";
    }
    for (const auto& m : r.messages) out << "  note: " << m << "\n";
}

} // namespace reckon::cli
