// Place-name validation: mentions from report sentences and table cells,
// each checked against the gazetteer, its own phrase, its section heading,
// given coordinates and the other statements about the same place.

#include "reckon/validate.hpp"

#include "export/ogr_reader.hpp"
#include "geodesy/geodesic.hpp"
#include "geometry/shapes.hpp"
#include "reckon/convert.hpp"
#include "reckon/error.hpp"
#include "text/csv.hpp"
#include "text/normalize.hpp"
#include "validate/sentences.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <fstream>
#include <functional>
#include <iostream>
#include <unordered_map>

namespace reckon {

namespace {

using geometry::Geometry;

// The distinct relative descriptions of one place compared pairwise, at most
// (repeats of one description are compared once).
constexpr std::size_t max_pairwise_statements = 50;
// Suggestions for an unknown name: at most this many, and only names at least
// this similar (the gazetteer's edit-similarity score in [0, 1]).
constexpr std::size_t max_suggestions = 3;
constexpr double min_suggestion_score = 0.5;
// Candidates listed for an ambiguous name.
constexpr std::size_t max_candidates_listed = 4;
// Excerpts: at most this many code points either side of the mention.
constexpr std::size_t excerpt_context_cp = 60;
// Admin polygons for section checks, simplified like the resolver's (~200 m):
// the question is which province, not where exactly its border runs.
constexpr double section_polygon_tolerance_deg = 0.002;

MentionCandidate to_mention_candidate(const Candidate& c, const Gazetteer& gazetteer) {
    MentionCandidate m;
    m.id = c.place.id;
    m.name = c.place.name;
    m.name_ar = c.place.name_ar;
    m.province = !c.admin1_name.empty() ? c.admin1_name : gazetteer.admin1_name(c.place.country, c.place.admin1);
    m.country = c.place.country;
    m.position = c.place.position;
    m.score = c.match == MatchKind::exact || c.match == MatchKind::transliterated ? c.score : c.match_score;
    return m;
}

// The canonical spelling of @p p in @p style (see SpellingStyle).
std::string spelled(const Gazetteer& gazetteer, const Place& p, SpellingStyle style) {
    if (style == SpellingStyle::arabic && !p.name_ar.empty()) return p.name_ar;
    std::string latin = text::fold(p.name).empty() || p.name_ar == p.name ? std::string() : p.name;
    if (latin.empty() || text::match_keys(p.name).script != text::Script::latin) latin = gazetteer.latin_name(p.id);
    if (latin.empty()) return p.name;
    if (style == SpellingStyle::ascii) {
        std::string a = text::ascii_spelling(latin);
        return a.empty() ? latin : a;
    }
    return latin;
}

// "Halab / حلب (geonames:170063, Aleppo)": a Latin name first, then the Arabic one.
std::string place_label(const Gazetteer& gazetteer, const Place& p, const std::string& province) {
    std::string name = spelled(gazetteer, p, SpellingStyle::geonames);
    if (!p.name_ar.empty() && p.name_ar != name) name += " / " + p.name_ar;
    return fmt::format("{} ({}{})", name, p.id, province.empty() ? "" : ", " + province);
}

// A section heading that names a province, governorate or district: places
// under it are expected inside it. Looser headings ("Aleppo front", "Idlib
// region") give context for lookups but are not a claim about the province.
bool is_admin_heading(const std::string& heading) {
    const std::string f = text::fold(heading);
    for (const char* w : {"province", "governorate", "muhafazat", "district"}) {
        if (f.find(w) != std::string::npos) return true;
    }
    return false;
}

// Byte offsets of line starts, for offset → line:column.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : m_text(text) {
        m_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n') m_starts.push_back(i + 1);
        }
    }
    /// 1-based line and column (code points) of byte @p offset.
    std::pair<std::size_t, std::size_t> position(std::size_t offset) const {
        offset = std::min(offset, m_text.size());
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const std::size_t line = static_cast<std::size_t>(it - m_starts.begin());
        const std::size_t start = m_starts[line - 1];
        return {line, text::length_cp(m_text.substr(start, offset - start)) + 1};
    }
    /// The line holding @p offset, without its newline.
    std::string_view line_at(std::size_t offset) const {
        offset = std::min(offset, m_text.size());
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const std::size_t start = *(it - 1);
        std::size_t end = m_text.find('\n', start);
        if (end == std::string_view::npos) end = m_text.size();
        if (end > start && m_text[end - 1] == '\r') --end;
        return m_text.substr(start, end - start);
    }
    std::size_t line_start(std::size_t offset) const {
        offset = std::min(offset, m_text.size());
        return *(std::upper_bound(m_starts.begin(), m_starts.end(), offset) - 1);
    }

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

// Byte index of the code point boundary at or before @p i.
std::size_t cp_floor(std::string_view s, std::size_t i) {
    i = std::min(i, s.size());
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

// Advance @p n code points from byte @p i (forwards or backwards).
std::size_t cp_advance(std::string_view s, std::size_t i, std::size_t n, bool forward) {
    while (n > 0) {
        if (forward) {
            if (i >= s.size()) break;
            ++i;
            while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
        } else {
            if (i == 0) break;
            --i;
            while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
        }
        --n;
    }
    return i;
}

// A window of @p line around byte @p at: the excerpt and the mention's column in it.
std::pair<std::string, std::size_t> excerpt_of(std::string_view line, std::size_t at) {
    at = cp_floor(line, at);
    const std::size_t b = cp_advance(line, at, excerpt_context_cp, false);
    const std::size_t e = cp_advance(line, at, excerpt_context_cp * 2, true);
    std::string out;
    std::size_t col = text::length_cp(line.substr(b, at - b)) + 1;
    if (b > 0) {
        out = "…";
        ++col;
    }
    out += std::string(line.substr(b, e - b));
    if (e < line.size()) out += "…";
    return {text::sanitize_utf8(out), col};
}

// Find @p needle in @p hay at or after @p from, not inside a word.
std::size_t find_word(std::string_view hay, std::string_view needle, std::size_t from) {
    if (needle.empty()) return std::string_view::npos;
    for (std::size_t p = hay.find(needle, from); p != std::string_view::npos; p = hay.find(needle, p + 1)) {
        const bool left_ok = p == 0 || !std::isalnum(static_cast<unsigned char>(hay[p - 1]));
        const std::size_t e = p + needle.size();
        const bool right_ok = e >= hay.size() || !std::isalnum(static_cast<unsigned char>(hay[e]));
        if (left_ok && right_ok) return p;
    }
    return std::string_view::npos;
}

struct SectionArea {
    std::string label;                 // "Al-Anbar Province", "Iraq"
    std::shared_ptr<Geometry> area;    // nullptr when the gazetteer has no polygon
};

struct TableRow {
    std::size_t line;  // CSV: the record's first line; OGR: the feature id
    std::vector<std::string> fields;
};

struct Table {
    std::vector<std::string> header;
    std::vector<TableRow> rows;
    bool csv = true;
};

// A statement that places a named target by a relative description.
struct Statement {
    std::string key;      // target place id, or "name:" + fold key
    std::string target;   // as written
    std::string relative; // the relative description as written
    std::size_t mention;  // index into the mention list
    std::shared_ptr<Geometry> region;
};

// What a location expression (sentence or cell) is, before mentions are made of it.
struct ExpressionInput {
    std::string file;
    std::string text;                  // the sentence / cell
    std::string context;               // resolver context
    std::string section;               // heading (reports) or context column (tables)
    const SectionArea* section_area = nullptr;  // an admin heading's area, when it is one
    // mapping from positions within `text` to the source
    std::function<SourcePosition(std::size_t)> position;
    std::function<std::pair<std::string, std::size_t>(std::size_t)> excerpt;
    std::string role_default = "anchor";
    std::optional<LatLon> given;       // given coordinates (tables)
};

// Source offset of every byte of @p block's text (plus one past its end):
// the block text is the source with whitespace runs collapsed and a bullet
// glyph removed, so its bytes are matched in order; where they cannot be (an
// HTML entity decoded, say), the rest maps to the last matched place.
std::vector<std::size_t> detail_map_block(std::string_view source, const ReportBlock& block) {
    constexpr std::size_t max_skip = 16;  // bytes of source skipped to find the next character
    const std::string& t = block.text;
    std::vector<std::size_t> map(t.size() + 1, std::min(block.offset, source.size()));
    std::size_t s = std::min(block.offset, source.size());
    bool lost = false;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (lost) {
            map[i] = s;
            continue;
        }
        if (t[i] == ' ') {
            map[i] = s;
            while (s < source.size() && std::isspace(static_cast<unsigned char>(source[s]))) ++s;
            continue;
        }
        std::size_t k = s;
        while (k < source.size() && k - s <= max_skip && source[k] != t[i]) ++k;
        if (k < source.size() && source[k] == t[i]) {
            map[i] = k;
            s = k + 1;
        } else {
            lost = true;
            map[i] = s;
        }
    }
    map[t.size()] = s;
    return map;
}

} // namespace

const char* to_string(MentionVerdict v) noexcept {
    switch (v) {
    case MentionVerdict::resolved: return "resolved";
    case MentionVerdict::unknown: return "unknown";
    case MentionVerdict::ambiguous: return "ambiguous";
    case MentionVerdict::inconsistent: return "inconsistent";
    }
    return "unknown";
}

std::optional<MentionVerdict> mention_verdict_from_string(const std::string& s) {
    for (auto v : {MentionVerdict::resolved, MentionVerdict::unknown, MentionVerdict::ambiguous,
                   MentionVerdict::inconsistent}) {
        if (s == to_string(v)) return v;
    }
    return std::nullopt;
}

const char* to_string(InconsistencyKind k) noexcept {
    switch (k) {
    case InconsistencyKind::none: return "none";
    case InconsistencyKind::relative_mismatch: return "relative_mismatch";
    case InconsistencyKind::outside_section: return "outside_section";
    case InconsistencyKind::statements_disagree: return "statements_disagree";
    case InconsistencyKind::coordinates_far: return "coordinates_far";
    }
    return "none";
}

SpellingStyle spelling_style_from_string(const std::string& s) {
    if (s == "geonames") return SpellingStyle::geonames;
    if (s == "ascii") return SpellingStyle::ascii;
    if (s == "arabic") return SpellingStyle::arabic;
    throw UsageError("unknown spelling style '" + s + "' (geonames, ascii or arabic)");
}

ValidationSummary summarize(const std::vector<PlaceMention>& mentions) {
    ValidationSummary s;
    std::vector<std::string> files;
    for (const PlaceMention& m : mentions) {
        ++s.mentions;
        ++s.by_verdict[m.verdict];
        if (m.inconsistency != InconsistencyKind::none) ++s.by_inconsistency[m.inconsistency];
        if (std::find(files.begin(), files.end(), m.where.file) == files.end()) files.push_back(m.where.file);
        if (m.place && m.verdict == MentionVerdict::resolved) ++s.spellings[m.place->id][m.text];
    }
    for (auto it = s.spellings.begin(); it != s.spellings.end();) {
        it = it->second.size() < 2 ? s.spellings.erase(it) : std::next(it);
    }
    s.files = files.size();
    return s;
}

struct Validator::Impl {
    const Gazetteer& gazetteer;
    ValidateOptions options;
    Resolver resolver;
    std::vector<PlaceMention> mentions;
    std::vector<Statement> statements;
    std::unordered_map<std::string, SectionArea> section_areas;          // by heading
    std::unordered_map<std::string, std::string> section_contexts;      // heading → context
    // name|context → lookup: tables repeat the same names thousands of times
    std::unordered_map<std::string, SearchResult> lookups;
    static constexpr std::size_t max_cached_lookups = 100000;

    const SearchResult& lookup(const std::string& name, const std::string& context) {
        const std::string key = name + '\x1f' + context;
        auto it = lookups.find(key);
        if (it != lookups.end()) return it->second;
        if (lookups.size() >= max_cached_lookups) lookups.clear();
        return lookups.emplace(key, gazetteer.search(name, search_options(context))).first->second;
    }

    Impl(const Gazetteer& g, ValidateOptions o) : gazetteer(g), options(std::move(o)), resolver(g) {}

    SearchOptions search_options(const std::string& context) const {
        SearchOptions so;
        so.explain = false;
        so.limit = 5;
        const std::string f = text::fold(context);
        static const std::vector<std::pair<const char*, const char*>> countries{
            {"syria", "SY"}, {"iraq", "IQ"}, {"turkey", "TR"}, {"iran", "IR"}, {"jordan", "JO"}, {"lebanon", "LB"}};
        for (const auto& [n, cc] : countries) {
            if (f == n) {
                so.country = cc;
                return so;
            }
        }
        so.in_admin = context;
        return so;
    }

    const std::string& context_of(const std::string& heading) {
        auto it = section_contexts.find(heading);
        if (it == section_contexts.end()) it = section_contexts.emplace(heading, context_for_section(gazetteer, heading)).first;
        return it->second;
    }

    // The area of an admin heading ("Al-Anbar Province"), cached.
    const SectionArea* section_area(const std::string& heading, const std::string& context) {
        if (context.empty() || !is_admin_heading(heading)) return nullptr;
        auto it = section_areas.find(context);
        if (it == section_areas.end()) {
            SectionArea sa;
            sa.label = context;
            SearchOptions so;
            so.explain = false;
            so.limit = 3;
            const text::MatchKeys k = text::match_keys(context);
            so.feature = k.hint == text::FeatureHint::admin2 ? FeatureType::admin2 : FeatureType::admin1;
            const SearchResult r = gazetteer.search(context, so);
            for (const Candidate& c : r.candidates) {
                if (c.place.feature_class != "A") continue;
                if (auto wkb = gazetteer.area_wkb(c.place.id)) {
                    sa.area = std::make_shared<Geometry>(
                        Geometry::from_wkb(*wkb).simplified(section_polygon_tolerance_deg));
                }
                break;
            }
            it = section_areas.emplace(context, std::move(sa)).first;
        }
        return it->second.area ? &it->second : nullptr;
    }

    std::size_t add_mention(PlaceMention m) {
        mentions.push_back(std::move(m));
        return mentions.size() - 1;
    }

    void set_place(PlaceMention& m, const Place& p) {
        m.place = p;
        // a province or country is not "in" a province
        const bool admin = p.feature_code == "ADM1" || p.feature_code.rfind("PCL", 0) == 0 || p.feature_code == "ADM0";
        m.province = admin ? std::string() : gazetteer.admin1_name(p.country, p.admin1);
        m.canonical = spelled(gazetteer, p, options.style);
    }

    void mark_inconsistent(PlaceMention& m, InconsistencyKind kind, std::vector<std::string> evidence) {
        if (m.verdict != MentionVerdict::inconsistent) {
            m.verdict = MentionVerdict::inconsistent;
            m.inconsistency = kind;
            m.respell = false;
            m.message = "'" + m.text + "' is inconsistent: " + (evidence.empty() ? std::string() : evidence.front());
        }
        for (auto& e : evidence) m.evidence.push_back(std::move(e));
    }

    void fill_unknown(PlaceMention& m, const std::vector<Candidate>& suggestions) {
        m.verdict = MentionVerdict::unknown;
        std::string list;
        for (const Candidate& c : suggestions) {
            if (m.candidates.size() == max_suggestions) break;
            MentionCandidate mc = to_mention_candidate(c, gazetteer);
            mc.score = c.match_score;
            if (mc.score < min_suggestion_score) continue;
            list += fmt::format("{}{} ({:.2f})", list.empty() ? "" : ", ", mc.name, mc.score);
            m.candidates.push_back(std::move(mc));
        }
        m.message = "'" + m.text + "' is not in the gazetteer";
        if (!list.empty()) m.message += "; did you mean " + list + "?";
    }

    void fill_ambiguous(PlaceMention& m, const SearchResult& r) {
        m.verdict = MentionVerdict::ambiguous;
        std::string list;
        for (const Candidate& c : r.candidates) {
            if (m.candidates.size() == max_candidates_listed) break;
            MentionCandidate mc = to_mention_candidate(c, gazetteer);
            list += (list.empty() ? "" : ", ") + place_label(gazetteer, c.place, mc.province);
            m.candidates.push_back(std::move(mc));
        }
        m.decide = r.ambiguity.empty() ? "a province or country context would decide" : r.ambiguity;
        m.message = "'" + m.text + "' is ambiguous: " + list;
    }

    void fill_resolved(PlaceMention& m, const Place& p) {
        m.verdict = MentionVerdict::resolved;
        set_place(m, p);
        // "Al-Omar" for "Al-Omar oil field", "Idlib" for "Idlib region": the same spelling
        const std::string written = text::fold(m.text);
        const std::string canonical = text::fold(m.canonical);
        m.respell = written != canonical && canonical.rfind(written + " ", 0) != 0 &&
                    !(canonical.size() > written.size() &&
                      canonical.compare(canonical.size() - written.size() - 1, std::string::npos, " " + written) == 0);
        m.message = "'" + m.text + "' is " + place_label(gazetteer, p, m.province);
    }

    // The mention at @p at in the expression (byte offset in input.text).
    PlaceMention make_mention(const ExpressionInput& input, const std::string& name, std::size_t at,
                              const std::string& role) {
        PlaceMention m;
        m.where = input.position(at);
        m.text = name;
        m.role = role;
        m.phrase = input.text;
        std::tie(m.excerpt, m.excerpt_column) = input.excerpt(at);
        m.section = input.section;
        return m;
    }

    // A bare name (a table cell with no location expression around it).
    void add_bare_name(const ExpressionInput& input, std::string name) {
        // "al-Mayadin, Deir ez-Zor": a name and the province it is in
        std::string context = input.context;
        if (const auto comma = name.find(','); comma != std::string::npos) {
            std::string rest = name.substr(comma + 1);
            name = name.substr(0, comma);
            const auto b = rest.find_first_not_of(' ');
            if (b != std::string::npos && context.empty()) context = rest.substr(b);
        }
        const auto e = name.find_last_not_of(" \t");
        name = e == std::string::npos ? std::string() : name.substr(0, e + 1);
        if (name.empty()) return;
        PlaceMention m = make_mention(input, name, 0, "cell");
        if (!context.empty() && context != input.section) m.section = context;
        const SearchResult& r = lookup(name, context);
        if (r.candidates.empty()) {
            fill_unknown(m, r.suggestions);
        } else if (r.ambiguous && input.given) {
            // given coordinates decide between same-named places
            const Candidate* best = nullptr;
            double best_d = 0.0;
            for (const Candidate& c : r.candidates) {
                const double d = geodesy::distance_m(*input.given, c.place.position);
                if (!best || d < best_d) best = &c, best_d = d;
            }
            fill_resolved(m, best->place);
            m.message += "; the given coordinates decided between " + std::to_string(r.candidates.size()) +
                         " places of that name";
        } else if (r.ambiguous) {
            fill_ambiguous(m, r);
        } else {
            fill_resolved(m, r.candidates.front().place);
        }
        if (m.place && input.given) check_coordinates(m, *m.place, *input.given);
        if (m.place && input.section_area && !geometry::covers(*input.section_area->area, m.place->position)) {
            mark_inconsistent(m, InconsistencyKind::outside_section,
                              {fmt::format("{} is in {}, not in {} as the row says",
                                           place_label(gazetteer, *m.place, ""),
                                           m.province.empty() ? "another province" : m.province,
                                           input.section_area->label)});
        }
        add_mention(std::move(m));
    }

    void check_coordinates(PlaceMention& m, const Place& p, const LatLon& given) {
        const double tol = std::max(options.coordinate_min_tolerance_m, options.coordinate_extent_factor * p.extent_m);
        const double d = geodesy::distance_m(given, p.position);
        if (d > tol) {
            mark_inconsistent(m, InconsistencyKind::coordinates_far,
                              {fmt::format("the given coordinates ({:.5f}, {:.5f}) are {:.1f} km from {} at ({:.5f}, "
                                           "{:.5f}); more than {:.1f} km is not the same place",
                                           given.lat_deg, given.lon_deg, d / 1000.0, place_label(gazetteer, p, m.province),
                                           p.position.lat_deg, p.position.lon_deg, tol / 1000.0)});
        }
    }

    // A location expression: its places, checked against each other, the section and given coordinates.
    // A sentence may hold several location expressions ("in the south of the
    // Deir ez-Zor Province and in the west of Iraq"): constraints are one chain
    // when only commas, brackets or spaces separate them in the text ("in
    // Al-Hawaij, 4 km northeast of Al-Mayadeen"), as report ingest joins
    // them; each chain is checked on its own.
    static std::vector<ParsedPhrase> chains(const std::string& text, const ParsedPhrase& pp) {
        auto is_joint = [](std::string_view gap) {
            return std::all_of(gap.begin(), gap.end(), [](char c) {
                return c == ',' || c == ' ' || c == '(' || c == ')' || c == '\t';
            });
        };
        std::vector<ParsedPhrase> out;
        std::size_t prev_end = std::string::npos;
        auto start_chain = [&] {
            ParsedPhrase c;
            c.input = pp.input;
            c.messages = pp.messages;
            out.push_back(std::move(c));
        };
        if (pp.target) {
            start_chain();
            out.back().target = pp.target;
            const std::size_t at = text.find(pp.target->text);
            if (at != std::string::npos) prev_end = at + pp.target->text.size();
        }
        std::size_t cursor = 0;
        for (const Constraint& c : pp.constraints) {
            const std::size_t at = c.text.empty() ? std::string::npos : text.find(c.text, cursor);
            const bool joined = !out.empty() && (at == std::string::npos || prev_end == std::string::npos ||
                                                 at < prev_end ||
                                                 is_joint(std::string_view(text).substr(prev_end, at - prev_end)));
            if (!joined) start_chain();
            out.back().constraints.push_back(c);
            if (at != std::string::npos) {
                prev_end = at + c.text.size();
                cursor = at;
            }
        }
        return out;
    }

    void add_expression(const ExpressionInput& input, const ParsedPhrase& whole) {
        // Where each name occurs in the text: the first unused occurrence.
        std::vector<std::pair<std::size_t, std::size_t>> used;
        for (const ParsedPhrase& pp : chains(input.text, whole)) add_chain(input, pp, used);
    }

    void add_chain(const ExpressionInput& input, const ParsedPhrase& pp, std::vector<std::pair<std::size_t, std::size_t>>& used) {
        ResolveOptions ro = options.resolve;
        ro.context = input.context;
        ro.polygon = true;
        const Resolution res = resolver.resolve(pp, ro);
        if (res.status == ResolveStatus::error) return;  // absurd figures: not a place question

        auto locate = [&](const std::string& name, const std::string& span) {
            for (const std::string* s : {&name, &span}) {
                for (std::size_t from = 0;;) {
                    const std::size_t p = find_word(input.text, *s, from);
                    if (p == std::string::npos) break;
                    const bool taken = std::any_of(used.begin(), used.end(), [&](const auto& u) { return u.first == p; });
                    if (!taken) {
                        used.emplace_back(p, s->size());
                        return p;
                    }
                    from = p + 1;
                }
            }
            return std::size_t{0};
        };

        // The named target, if any, first: it is what the phrase is about.
        std::optional<std::size_t> target_mention;
        if (pp.target) {
            const Anchor& t = *pp.target;
            PlaceMention m = make_mention(input, t.name, locate(t.name, t.text), "target");
            if (res.target) {
                fill_resolved(m, *res.target);
            } else {
                const SearchResult& r = lookup(t.name, input.context);
                if (r.candidates.empty()) {
                    fill_unknown(m, r.suggestions);
                    if (res.point.valid()) m.message += "; the relative description places it";
                } else if (res.status == ResolveStatus::inconsistent && res.point.valid()) {
                    const Candidate& best = r.candidates.front();
                    set_place(m, best.place);
                    std::vector<std::string> ev;
                    ev.push_back(fmt::format("the gazetteer's {} is {:.0f} km from where '{}' puts it",
                                             place_label(gazetteer, best.place, m.province),
                                             geodesy::distance_m(best.place.position, res.point) / 1000.0,
                                             relative_text(pp)));
                    mark_inconsistent(m, InconsistencyKind::relative_mismatch, std::move(ev));
                } else if (r.ambiguous) {
                    fill_ambiguous(m, r);
                } else {
                    fill_resolved(m, r.candidates.front().place);
                }
            }
            target_mention = add_mention(std::move(m));
        }

        // The anchors, in the resolver's order (constraints, then their anchors).
        std::vector<std::size_t> anchor_mentions;
        std::vector<std::size_t> constraint_of;
        {
            std::size_t ai = 0;
            for (std::size_t ci = 0; ci < pp.constraints.size(); ++ci) {
                for (std::size_t k = 0; k < pp.constraints[ci].anchors.size(); ++k, ++ai) {
                    if (ai >= res.anchors.size()) break;
                    const ResolvedAnchor& ra = res.anchors[ai];
                    const Anchor& a = ra.anchor;
                    const std::string name = a.kind == AnchorKind::place ? a.name : (a.text.empty() ? a.name : a.text);
                    PlaceMention m = make_mention(input, name, locate(name, a.text), input.role_default);
                    if (a.kind != AnchorKind::place) {
                        m.role = to_string(a.kind);
                        if (ra.status == "ok") {
                            m.verdict = MentionVerdict::resolved;
                            m.message = "'" + name + "' is a " + to_string(a.kind) + " the gazetteer can draw";
                        } else {
                            m.verdict = MentionVerdict::unknown;
                            m.message = "'" + name + "' could not be located";
                            for (const auto& msg : res.messages) {
                                if (msg.find(a.text.empty() ? a.name : a.text) != std::string::npos) {
                                    m.message += ": " + msg;
                                    break;
                                }
                            }
                        }
                    } else if (ra.status == "not_found") {
                        fill_unknown(m, ra.candidates);
                    } else if (ra.status == "ambiguous") {
                        fill_ambiguous(m, lookup(a.name, input.context));
                    } else if (ra.place) {
                        fill_resolved(m, *ra.place);
                    }
                    anchor_mentions.push_back(add_mention(std::move(m)));
                    constraint_of.push_back(ci);
                }
            }
        }

        // The parts of the phrase that disagree with each other ("in the
        // Al-Baghdadi region, about 10 km southeast of Kirkuk").
        if (res.status == ResolveStatus::inconsistent && pp.constraints.size() >= 2 && !target_mention) {
            explain_conflicting_constraints(input, pp, anchor_mentions, constraint_of);
        } else if (target_mention && mentions[*target_mention].verdict == MentionVerdict::inconsistent) {
            explain_section_for_target(input, pp, mentions[*target_mention]);
        }

        // The place is not in the province of its section heading.
        if (res.status == ResolveStatus::ok && input.section_area && !res.uncertainty_wkt.empty()) {
            const Geometry region = Geometry::from_wkt(res.uncertainty_wkt);
            if (geometry::intersection(region, *input.section_area->area).empty()) {
                const std::size_t primary = target_mention ? *target_mention
                                                           : (anchor_mentions.empty() ? mentions.size() : anchor_mentions.front());
                if (primary < mentions.size()) {
                    PlaceMention& m = mentions[primary];
                    const std::string where = m.place && !m.province.empty() ? " (" + m.place->name + " is in " + m.province + ")" : "";
                    mark_inconsistent(m, InconsistencyKind::outside_section,
                                      {fmt::format("'{}' lies outside {}, the section heading{}",
                                                   pp.target ? pp.target->name : pp.constraints.front().text,
                                                   input.section_area->label, where)});
                }
            }
        }

        // Coordinates given with the row: inside (or near) what the phrase describes?
        if (input.given && res.point.valid() && !res.uncertainty_wkt.empty()) {
            const Geometry region = Geometry::from_wkt(res.uncertainty_wkt);
            const double d = geodesy::distance_m(*input.given, res.point);
            const double tol = res.uncertainty_m + options.coordinate_min_tolerance_m;
            if (!geometry::covers(region, *input.given) && d > tol) {
                const std::size_t primary = target_mention ? *target_mention
                                                           : (anchor_mentions.empty() ? mentions.size() : anchor_mentions.front());
                if (primary < mentions.size()) {
                    mark_inconsistent(mentions[primary], InconsistencyKind::coordinates_far,
                                      {fmt::format("the given coordinates ({:.5f}, {:.5f}) are {:.1f} km from where '{}' "
                                                   "puts it (±{:.1f} km)",
                                                   input.given->lat_deg, input.given->lon_deg, d / 1000.0, input.text,
                                                   res.uncertainty_m / 1000.0)});
                }
            }
        }

        // A statement: a named target placed by a relative description.
        if (pp.target && !pp.constraints.empty() && target_mention) {
            ParsedPhrase rel = pp;
            rel.target.reset();
            // As written: the reporter-error allowance is for locating a
            // report, not for excusing two reports that contradict each other.
            ResolveOptions as_written = ro;
            as_written.reporter_error = false;
            const Resolution rr = resolver.resolve(rel, as_written);
            if ((rr.status == ResolveStatus::ok || rr.status == ResolveStatus::ambiguous) && !rr.uncertainty_wkt.empty()) {
                Statement st;
                const PlaceMention& tm = mentions[*target_mention];
                st.key = tm.place ? tm.place->id : "name:" + text::match_keys(pp.target->name).translit;
                st.target = pp.target->name;
                st.relative = relative_text(pp);
                st.mention = *target_mention;
                st.region = std::make_shared<Geometry>(Geometry::from_wkt(rr.uncertainty_wkt));
                statements.push_back(std::move(st));
            }
        }
    }

    static std::string relative_text(const ParsedPhrase& pp) {
        std::string s;
        for (const Constraint& c : pp.constraints) s += (s.empty() ? "" : ", ") + c.text;
        return s;
    }

    // Which part of a phrase the section heading supports.
    std::string section_verdict(const ExpressionInput& input, const std::vector<std::pair<std::string, bool>>& parts) {
        if (!input.section_area) return "nothing around the phrase says which part is right";
        std::string in, out;
        for (const auto& [text, inside] : parts) (inside ? in : out) += (inside ? in : out).empty() ? "'" + text + "'" : ", '" + text + "'";
        if (in.empty()) return "the section heading says " + input.section_area->label + ", and neither part lies in it";
        if (out.empty()) return "the section heading says " + input.section_area->label + ", and both parts touch it";
        return "the section heading says " + input.section_area->label + ": " + in + " agrees with it, so " + out +
               " is the suspect part";
    }

    bool in_section(const ExpressionInput& input, const Resolution& r) {
        if (!input.section_area || r.uncertainty_wkt.empty()) return false;
        return !geometry::intersection(Geometry::from_wkt(r.uncertainty_wkt), *input.section_area->area).empty();
    }

    void explain_conflicting_constraints(const ExpressionInput& input, const ParsedPhrase& pp,
                                         const std::vector<std::size_t>& anchor_mentions,
                                         const std::vector<std::size_t>& constraint_of) {
        ResolveOptions ro = options.resolve;
        ro.context = input.context;
        std::vector<Resolution> parts;
        for (const Constraint& c : pp.constraints) {
            ParsedPhrase one;
            one.input = c.text;
            one.constraints = {c};
            parts.push_back(resolver.resolve(one, ro));
        }
        // The first pair of located parts that do not overlap.
        for (std::size_t i = 0; i < parts.size(); ++i) {
            for (std::size_t j = i + 1; j < parts.size(); ++j) {
                const Resolution& a = parts[i];
                const Resolution& b = parts[j];
                if (a.uncertainty_wkt.empty() || b.uncertainty_wkt.empty()) continue;
                if (!geometry::intersection(Geometry::from_wkt(a.uncertainty_wkt), Geometry::from_wkt(b.uncertainty_wkt))
                         .empty()) {
                    continue;
                }
                // The named place: the first part's anchor mention.
                std::size_t named = mentions.size();
                for (std::size_t k = 0; k < anchor_mentions.size(); ++k) {
                    if (constraint_of[k] == i) {
                        named = anchor_mentions[k];
                        break;
                    }
                }
                if (named == mentions.size()) return;
                PlaceMention& m = mentions[named];
                const std::string what = m.place ? "the gazetteer's " + place_label(gazetteer, *m.place, m.province)
                                                 : "'" + pp.constraints[i].text + "'";
                std::vector<std::string> ev;
                ev.push_back(fmt::format("{} is about {:.0f} km from where '{}' puts it", what,
                                         geodesy::distance_m(a.point, b.point) / 1000.0, pp.constraints[j].text));
                ev.push_back(section_verdict(input, {{pp.constraints[i].text, in_section(input, a)},
                                                     {pp.constraints[j].text, in_section(input, b)}}));
                mark_inconsistent(m, InconsistencyKind::relative_mismatch, std::move(ev));
                return;
            }
        }
    }

    void explain_section_for_target(const ExpressionInput& input, const ParsedPhrase& pp, PlaceMention& m) {
        if (!m.place) return;
        ResolveOptions ro = options.resolve;
        ro.context = input.context;
        ParsedPhrase rel = pp;
        rel.target.reset();
        const Resolution r = resolver.resolve(rel, ro);
        const bool place_in = input.section_area && geometry::covers(*input.section_area->area, m.place->position);
        m.evidence.push_back(section_verdict(input, {{m.text, place_in}, {relative_text(pp), in_section(input, r)}}));
    }

    void add_rows(const std::string& path, const Table& t, const TableOptions& table);

    void compare_statements() {
        // place → its distinct relative descriptions (a table may repeat one a thousand times)
        struct Description {
            const Statement* first = nullptr;
            std::vector<std::size_t> mentions;
        };
        std::unordered_map<std::string, std::vector<Description>> groups;
        for (const Statement& st : statements) {
            auto& descs = groups[st.key];
            auto it = std::find_if(descs.begin(), descs.end(),
                                   [&](const Description& d) { return d.first->relative == st.relative; });
            if (it == descs.end()) {
                descs.push_back({&st, {}});
                it = descs.end() - 1;
            }
            it->mentions.push_back(st.mention);
        }
        auto where = [](const PlaceMention& m) { return fmt::format("{}:{}", m.where.file, m.where.line); };
        for (const auto& [key, descs] : groups) {
            const std::size_t n = std::min(descs.size(), max_pairwise_statements);
            for (std::size_t x = 0; x < n; ++x) {
                for (std::size_t y = x + 1; y < n; ++y) {
                    const Statement& a = *descs[x].first;
                    const Statement& b = *descs[y].first;
                    if (!geometry::intersection(*a.region, *b.region).empty()) continue;
                    const double d = geodesy::distance_m(geometry::min_radius_centre(*a.region),
                                                         geometry::min_radius_centre(*b.region));
                    const std::string ev = fmt::format(
                        "'{}' ({}) and '{}' ({}) put {} in places about {:.0f} km apart that do not overlap, as written",
                        a.relative, where(mentions[a.mention]), b.relative, where(mentions[b.mention]), a.target,
                        d / 1000.0);
                    for (const Description* dsc : {&descs[x], &descs[y]}) {
                        for (std::size_t mi : dsc->mentions) {
                            mark_inconsistent(mentions[mi], InconsistencyKind::statements_disagree, {ev});
                        }
                    }
                }
            }
        }
    }
};

Validator::Validator(const Gazetteer& gazetteer, ValidateOptions options)
    : m_impl(std::make_unique<Impl>(gazetteer, std::move(options))) {}
Validator::~Validator() = default;

void Validator::add_report(const ReportText& report) {
    Impl& impl = *m_impl;
    const LineIndex lines(report.text);
    const std::string file = report.path.empty() ? "<input>" : report.path;
    std::string heading;
    std::string sticky = impl.options.context;  // a heading that names no place inherits the last one that did
    const SectionArea* area = nullptr;

    for (const ReportBlock& block : report.blocks) {
        std::vector<std::pair<std::size_t, std::size_t>> sentences;
        std::optional<ParsedPhrase> heading_parse;
        if (block.kind == ReportBlock::Kind::heading) {
            heading = block.text;
            const std::string& ctx = impl.context_of(heading);
            if (!ctx.empty()) sticky = ctx;
            area = impl.section_area(heading, ctx);
            if (ctx.empty()) continue;  // a heading that names no place is no mention
            heading_parse = parse_phrase(block.text);
            if (heading_parse->constraints.empty()) continue;
            sentences.emplace_back(0, block.text.size());
        } else {
            sentences = validate::split_sentences(block.text);
        }
        // Source offsets of the block's bytes (blocks are whitespace-normalised).
        const std::shared_ptr<const std::vector<std::size_t>> where =
            std::make_shared<const std::vector<std::size_t>>(detail_map_block(report.text, block));
        for (const auto& [b, e] : sentences) {
            if (e - b > max_phrase_bytes) continue;
            const std::string sentence = block.text.substr(b, e - b);
            const ParsedPhrase pp = heading_parse ? *heading_parse : parse_phrase(sentence);
            if (pp.constraints.empty() && !pp.target) continue;
            ExpressionInput in;
            in.file = file;
            in.text = sentence;
            in.context = heading_parse ? std::string() : sticky;
            in.section = heading;
            in.section_area = heading_parse ? nullptr : area;
            in.role_default = heading_parse ? "heading" : "anchor";
            const std::size_t sentence_at = b;
            auto source = [where, sentence_at](std::size_t at) {
                const std::size_t i = std::min(sentence_at + at, where->size() - 1);
                return (*where)[i];
            };
            in.position = [&lines, file, source](std::size_t at) {
                const auto [l, c] = lines.position(source(at));
                return SourcePosition{file, l, c};
            };
            in.excerpt = [&lines, source](std::size_t at) {
                const std::size_t o = source(at);
                return excerpt_of(lines.line_at(o), o - lines.line_start(o));
            };
            impl.add_expression(in, pp);
        }
    }
}

namespace {

bool ends_with(const std::string& s, const char* suffix) {
    const std::string x(suffix);
    if (s.size() < x.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(s[s.size() - x.size() + i])) != x[i]) return false;
    }
    return true;
}

std::optional<double> parse_degrees(const std::string& s) {
    if (s.empty()) return std::nullopt;
    try {
        std::size_t used = 0;
        const double v = std::stod(s, &used);
        if (s.find_first_not_of(" \t", used) != std::string::npos || !std::isfinite(v)) return std::nullopt;
        return v;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

} // namespace

namespace {

Table read_csv_table(std::istream& in, const std::string& path, char delimiter) {
    Table t;
    text::CsvReader reader(in, path, delimiter);
    if (!reader.next(t.header)) throw InputError(path, 1, "empty table: a header line is required");
    for (const auto& h : t.header) {
        if (!text::valid_utf8(h)) throw InputError(path, 1, "the header is not valid UTF-8 (save the file as UTF-8)");
    }
    std::vector<std::string> fields;
    while (reader.next(fields)) {
        if (fields.size() == 1 && fields.front().empty()) continue;  // blank line
        if (fields.size() != t.header.size()) {
            throw InputError(path, reader.line(),
                             fmt::format("ragged row: {} fields, the header has {}", fields.size(), t.header.size()));
        }
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (!text::valid_utf8(fields[i])) {
                throw InputError(path, reader.line(),
                                 "column '" + t.header[i] + "' is not valid UTF-8 (save the file as UTF-8)");
            }
        }
        t.rows.push_back({reader.line(), fields});
    }
    return t;
}

Table read_ogr_table(const std::string& path) {
    Table t;
    t.csv = false;
    const auto layers = vector_io::read_layers(path);
    if (layers.empty()) throw InputError(path, 0, "no table in it");
    const vector_io::VectorLayer& layer = layers.front();
    t.header = layer.field_names;
    for (const auto& f : layer.features) {
        TableRow r{static_cast<std::size_t>(f.fid), {}};
        for (const auto& name : t.header) {
            auto it = f.attributes.find(name);
            r.fields.push_back(it == f.attributes.end() ? std::string() : it->second);
        }
        t.rows.push_back(std::move(r));
    }
    return t;
}

void check_table_options(const TableOptions& table) {
    if (table.column.empty()) throw UsageError("validating a table needs --column NAME (the place column)");
    if (table.lat_column.empty() != table.lon_column.empty()) throw UsageError("--lat and --lon go together");
}

} // namespace

void Validator::add_table(const std::string& path, const TableOptions& table) {
    check_table_options(table);
    const bool csv = ends_with(path, ".csv") || ends_with(path, ".tsv") || ends_with(path, ".txt") || path == "-";
    if (!csv) {
        m_impl->add_rows(path, read_ogr_table(path), table);
        return;
    }
    if (path == "-") {
        add_csv(std::cin, "<stdin>", table);
        return;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) throw IoError(path + ": cannot open");
    m_impl->add_rows(path, read_csv_table(file, path, ends_with(path, ".tsv") ? '\t' : ','), table);
}

void Validator::add_csv(std::istream& in, const std::string& name, const TableOptions& table) {
    check_table_options(table);
    m_impl->add_rows(name, read_csv_table(in, name, ','), table);
}

void Validator::Impl::add_rows(const std::string& path, const Table& t, const TableOptions& table) {
    Impl& impl = *this;
    const auto& header = t.header;
    const auto& rows = t.rows;
    const bool csv = t.csv;
    auto column_index = [&](const std::string& name) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) return i;
        }
        std::string have;
        for (const auto& h : header) have += (have.empty() ? "" : ", ") + h;
        throw InputError(path, csv ? 1 : 0, "no column '" + name + "' (the columns are: " + have + ")");
    };
    const std::size_t col = column_index(table.column);
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    const std::size_t lat_col = table.lat_column.empty() ? none : column_index(table.lat_column);
    const std::size_t lon_col = table.lon_column.empty() ? none : column_index(table.lon_column);
    const std::size_t ctx_col = table.context_column.empty() ? none : column_index(table.context_column);

    const std::string& file = path;
    for (const TableRow& row : rows) {
        const std::string& value = row.fields[col];
        if (value.find_first_not_of(" \t") == std::string::npos) continue;
        ExpressionInput in;
        in.file = file;
        in.text = value;
        in.context = ctx_col != none ? row.fields[ctx_col] : impl.options.context;
        in.section = in.context;
        in.role_default = "anchor";
        if (lat_col != none) {
            const auto lat = parse_degrees(row.fields[lat_col]);
            const auto lon = parse_degrees(row.fields[lon_col]);
            LatLon p{lat.value_or(std::nan("")), lon.value_or(std::nan(""))};
            if (lat && lon && p.valid()) {
                in.given = p;
            } else if (!row.fields[lat_col].empty() || !row.fields[lon_col].empty()) {
                throw InputError(path, row.line,
                                 "coordinates '" + row.fields[lat_col] + "', '" + row.fields[lon_col] +
                                     "' are not valid decimal degrees");
            }
        }
        const std::size_t line = row.line;
        const std::size_t column_no = col + 1;
        in.position = [file, line, column_no](std::size_t) { return SourcePosition{file, line, column_no}; };
        in.excerpt = [value](std::size_t at) {
            return excerpt_of(value, at);
        };
        if (!in.context.empty() && ctx_col != none) {
            // a context column: a province heading for this row
            in.section_area = impl.section_area(in.context + (is_admin_heading(in.context) ? "" : " Province"), in.context);
        }
        const ParsedPhrase pp = parse_phrase(value.size() > max_phrase_bytes ? std::string() : value);
        const bool bare = pp.target == std::nullopt &&
                          (pp.constraints.empty() ||
                           (pp.constraints.size() == 1 && pp.constraints.front().relation == Relation::at &&
                            pp.constraints.front().anchors.size() == 1));
        if (bare) {
            impl.add_bare_name(in, value);
        } else {
            impl.add_expression(in, pp);
        }
    }
}

std::vector<PlaceMention> Validator::finish() {
    m_impl->compare_statements();
    m_impl->statements.clear();
    std::vector<PlaceMention> out = std::move(m_impl->mentions);
    m_impl->mentions.clear();
    // input order of files; within a file, source order
    std::unordered_map<std::string, std::size_t> file_order;
    for (const PlaceMention& m : out) file_order.emplace(m.where.file, file_order.size());
    std::stable_sort(out.begin(), out.end(), [&](const PlaceMention& a, const PlaceMention& b) {
        const std::size_t fa = file_order[a.where.file], fb = file_order[b.where.file];
        if (fa != fb) return fa < fb;
        if (a.where.line != b.where.line) return a.where.line < b.where.line;
        return a.where.column < b.where.column;
    });
    return out;
}

} // namespace reckon
