#include "cli/output.hpp"

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
