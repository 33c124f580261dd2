#include "cli/validate_output.hpp"

#include "text/csv.hpp"
#include "text/normalize.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace reckon::cli {

namespace {

bool listed(const PlaceMention& m, bool problems_only) {
    return !problems_only || m.verdict != MentionVerdict::resolved;
}

const char* severity(const PlaceMention& m) {
    return m.verdict == MentionVerdict::resolved ? "note" : "warning";
}

std::string location(const PlaceMention& m) {
    std::string s = m.where.file;
    if (m.where.line > 0) s += ":" + std::to_string(m.where.line);
    if (m.where.column > 0) s += ":" + std::to_string(m.where.column);
    return s;
}

std::string headline(const PlaceMention& m) {
    std::string s = m.message;
    if (m.verdict == MentionVerdict::inconsistent) s += fmt::format(" [{}]", to_string(m.inconsistency));
    if (m.respell) s += "; write '" + m.canonical + "'";
    return s;
}

nlohmann::json candidate_json(const MentionCandidate& c) {
    nlohmann::json j{{"id", c.id},   {"name", c.name},   {"name_ar", c.name_ar}, {"province", c.province},
                     {"country", c.country}, {"score", std::round(c.score * 1000.0) / 1000.0}};
    if (c.position.valid()) {
        j["lat"] = c.position.lat_deg;
        j["lon"] = c.position.lon_deg;
    }
    return j;
}

nlohmann::json summary_json(const ValidationSummary& s) {
    nlohmann::json verdicts = nlohmann::json::object();
    for (auto v : {MentionVerdict::resolved, MentionVerdict::unknown, MentionVerdict::ambiguous,
                   MentionVerdict::inconsistent}) {
        auto it = s.by_verdict.find(v);
        verdicts[to_string(v)] = it == s.by_verdict.end() ? 0 : it->second;
    }
    nlohmann::json kinds = nlohmann::json::object();
    for (const auto& [k, n] : s.by_inconsistency) kinds[to_string(k)] = n;
    nlohmann::json spellings = nlohmann::json::array();
    for (const auto& [id, forms] : s.spellings) {
        nlohmann::json f = nlohmann::json::object();
        for (const auto& [w, n] : forms) f[w] = n;
        spellings.push_back({{"id", id}, {"spellings", f}});
    }
    return {{"files", s.files}, {"mentions", s.mentions}, {"verdicts", verdicts}, {"inconsistencies", kinds},
            {"spelling_variants", spellings}};
}

} // namespace

void print_validation_text(std::ostream& out, const std::vector<PlaceMention>& mentions, bool problems_only) {
    for (const PlaceMention& m : mentions) {
        if (!listed(m, problems_only)) continue;
        out << location(m) << ": " << severity(m) << ": " << headline(m) << "\n";
        if (m.verdict == MentionVerdict::resolved) continue;
        if (!m.excerpt.empty()) {
            const std::string num = m.where.line > 0 ? std::to_string(m.where.line) : "";
            out << fmt::format(" {:>5} | {}\n", num, m.excerpt);
            if (m.excerpt_column > 0) {
                const std::size_t width = std::max<std::size_t>(1, text::length_cp(m.text));
                out << "       | " << std::string(m.excerpt_column - 1, ' ') << '^' << std::string(width - 1, '~') << "\n";
            }
        }
        for (std::size_t i = 1; i < m.evidence.size(); ++i) out << "  note: " << m.evidence[i] << "\n";
        if (m.verdict == MentionVerdict::ambiguous) {
            for (const MentionCandidate& c : m.candidates) {
                out << fmt::format("  note: candidate {} ({}{}), score {:.2f}\n", c.name, c.id,
                                   c.province.empty() ? "" : ", " + c.province, c.score);
            }
            if (!m.decide.empty()) out << "  note: " << m.decide << "\n";
        }
    }
    const ValidationSummary s = summarize(mentions);
    auto count = [&](MentionVerdict v) {
        auto it = s.by_verdict.find(v);
        return it == s.by_verdict.end() ? std::size_t{0} : it->second;
    };
    out << fmt::format("{} place mention{} in {} file{}: {} resolved, {} unknown, {} ambiguous, {} inconsistent\n",
                       s.mentions, s.mentions == 1 ? "" : "s", s.files, s.files == 1 ? "" : "s",
                       count(MentionVerdict::resolved), count(MentionVerdict::unknown),
                       count(MentionVerdict::ambiguous), count(MentionVerdict::inconsistent));
    for (const auto& [k, n] : s.by_inconsistency) out << fmt::format("  inconsistent ({}): {}\n", to_string(k), n);
    for (const auto& [id, forms] : s.spellings) {
        std::string list;
        for (const auto& [w, n] : forms) list += fmt::format("{}'{}' ×{}", list.empty() ? "" : ", ", w, n);
        out << "  spelled " << forms.size() << " ways: " << id << ": " << list << "\n";
    }
}

void print_validation_json(std::ostream& out, const std::vector<PlaceMention>& mentions, bool problems_only) {
    nlohmann::json all = nlohmann::json::array();
    for (const PlaceMention& m : mentions) {
        if (!listed(m, problems_only)) continue;
        nlohmann::json j{{"file", m.where.file},
                         {"line", m.where.line},
                         {"column", m.where.column},
                         {"text", m.text},
                         {"role", m.role},
                         {"verdict", to_string(m.verdict)},
                         {"phrase", m.phrase},
                         {"section", m.section},
                         {"message", m.message}};
        if (m.verdict == MentionVerdict::inconsistent) j["inconsistency"] = to_string(m.inconsistency);
        if (m.place) {
            j["place"] = {{"id", m.place->id},          {"name", m.place->name},       {"name_ar", m.place->name_ar},
                          {"province", m.province},     {"country", m.place->country}, {"lat", m.place->position.lat_deg},
                          {"lon", m.place->position.lon_deg}};
            j["canonical"] = m.canonical;
            j["respell"] = m.respell;
        }
        if (!m.candidates.empty()) {
            nlohmann::json c = nlohmann::json::array();
            for (const auto& x : m.candidates) c.push_back(candidate_json(x));
            j[m.verdict == MentionVerdict::unknown ? "suggestions" : "candidates"] = c;
        }
        if (!m.decide.empty()) j["decide"] = m.decide;
        if (!m.evidence.empty()) j["evidence"] = m.evidence;
        all.push_back(std::move(j));
    }
    out << nlohmann::json{{"mentions", all}, {"summary", summary_json(summarize(mentions))}}.dump(2) << "\n";
}

void print_validation_csv(std::ostream& out, const std::vector<PlaceMention>& mentions, bool problems_only) {
    using text::csv_quote;
    out << "file,line,column,text,role,verdict,inconsistency,place_id,place_name,province,canonical,respell,suggestions,"
           "message,evidence\n";
    for (const PlaceMention& m : mentions) {
        if (!listed(m, problems_only)) continue;
        std::string cands;
        for (const auto& c : m.candidates) cands += fmt::format("{}{} ({}) {:.2f}", cands.empty() ? "" : "; ", c.name, c.id, c.score);
        std::string ev;
        for (const auto& e : m.evidence) ev += (ev.empty() ? "" : "; ") + e;
        out << csv_quote(m.where.file) << ',' << m.where.line << ',' << m.where.column << ',' << csv_quote(m.text) << ','
            << m.role << ',' << to_string(m.verdict) << ','
            << (m.verdict == MentionVerdict::inconsistent ? to_string(m.inconsistency) : "") << ','
            << (m.place ? csv_quote(m.place->id) : "") << ',' << (m.place ? csv_quote(m.place->name) : "") << ','
            << csv_quote(m.province) << ',' << csv_quote(m.canonical) << ',' << (m.respell ? "1" : "0") << ',' << csv_quote(cands) << ','
            << csv_quote(m.message) << ',' << csv_quote(ev) << "\n";
    }
}

} // namespace reckon::cli
