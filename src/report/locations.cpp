// Location phrases from sentences, through the phrase parser (reckon::parse_phrase).

#include "report/locations.hpp"

#include "reckon/phrase.hpp"
#include "report/classify.hpp"
#include "report/scan.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace reckon::report::detail {

namespace {

// Ranking (README "Location phrases"): a named place that the phrase also
// describes relative to an anchor is best; a bare named place next; then
// distances with a direction, parts of a place, directions alone, "near" and
// roads; a whole province or region last. Country-wide phrases score 0.
constexpr int score_target = 10;
constexpr int score_at = 7;
constexpr int score_offset_distance = 6;
constexpr int score_part = 5;
constexpr int score_offset = 4;
constexpr int score_within = 4;
constexpr int score_road = 4;
constexpr int score_near = 3;
constexpr int score_between = 3;
constexpr int score_region = 1;
constexpr int score_aside = 2;  ///< an offset in a parenthetical aside
/// Items read from one list of named places ("took over X, Y and Z").
constexpr std::size_t max_list_items = 12;
/// Words of one place name in a list.
constexpr std::size_t max_list_name_words = 5;

bool is_country(std::string_view name) {
    static constexpr std::array<std::string_view, 20> countries{
        "russia", "turkey",  "iran",      "syria",     "iraq",         "israel",        "jordan",
        "lebanon", "egypt",  "united states", "the united states", "us", "usa",       "america",
        "saudi arabia", "kuwait", "qatar", "afghanistan", "the middle east", "middle east"};
    const std::string l = lower_ascii(name);
    return std::find(countries.begin(), countries.end(), l) != countries.end();
}

int score_of(const Constraint& c) {
    switch (c.relation) {
    case Relation::at: return score_at;
    case Relation::offset: return c.distance ? score_offset_distance : score_offset;
    case Relation::within: return score_within;
    case Relation::part: return score_part;
    case Relation::road: return score_road;
    case Relation::near: return score_near;
    case Relation::between: return score_between;
    case Relation::region: return score_region;
    }
    return 0;
}

/// @p s with every top-level bracket removed, and the brackets themselves.
std::string without_brackets(std::string_view s, const std::vector<Span>& brackets) {
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    for (const Span& b : brackets) {
        out.append(s.substr(pos, b.begin - pos));
        out.push_back(' ');
        pos = b.end;
    }
    out.append(s.substr(pos));
    return normalize_space(out);
}

bool ends_with_word(std::string_view s, std::string_view w) {
    if (s.size() < w.size()) return false;
    if (s.substr(s.size() - w.size()) != w) return false;
    return s.size() == w.size() || s[s.size() - w.size() - 1] == ' ';
}

/// Particles inside Arabic place names ("Jam’iyyat al-Zahra", "Tal al-Abyad").
bool name_particle(const Tok& k) {
    static constexpr std::array<std::string_view, 14> prefixes{"al-", "el-", "ad-", "as-", "ash-", "at-", "az-",
                                                               "ez-", "ar-", "an-", "ed-", "es-", "adh-", "ath-"};
    for (auto p : prefixes) {
        if (k.key.rfind(p, 0) == 0) return true;
    }
    return k.key == "al" || k.key == "el" || k.key == "bin" || k.key == "ibn" || k.key == "bani";
}

bool name_start(const Tok& k) {
    if (k.kind != TokKind::word) return false;
    const auto c = static_cast<unsigned char>(k.key[0]);
    return k.capitalised || c >= 0x80;
}

} // namespace

std::string phrase_key(std::string_view phrase) {
    std::string k = lower_ascii(normalize_space(phrase));
    for (std::string_view p : {"in ", "at "}) {
        if (k.rfind(p, 0) == 0) k.erase(0, p.size());
    }
    while (!k.empty() && (k.back() == '.' || k.back() == ',')) k.pop_back();
    return k;
}

void PlaceMemory::remember(std::string_view name, const std::string& phrase) {
    m_described.emplace(phrase_key(name), phrase);
}

const std::string* PlaceMemory::recall(std::string_view name) const {
    const auto it = m_described.find(phrase_key(name));
    return it == m_described.end() ? nullptr : &it->second;
}

bool LocationFinder::not_a_place(std::string_view name) const {
    const std::string l = lower_ascii(normalize_space(name));
    if (std::find(m_not_places.begin(), m_not_places.end(), l) != m_not_places.end()) return true;
    return is_actor_name(tokenize(name));
}

void LocationFinder::add(std::string phrase, int score) {
    while (!phrase.empty() && (phrase.back() == ',' || phrase.back() == '.' || phrase.back() == ' ')) phrase.pop_back();
    if (phrase.empty()) return;
    m_candidates.push_back({std::move(phrase), score, m_order++});
}

void LocationFinder::add_sentence(std::string_view sentence) {
    const std::vector<Span> brackets = top_level_brackets(sentence);
    const std::string clean = without_brackets(sentence, brackets);
    if (clean.empty()) return;
    const ParsedPhrase p = parse_phrase(clean);

    // Clauses that only report talk ("while talks between Russia and Turkey
    // continued in Ankara") place nothing that happened.
    std::vector<Span> talk;
    {
        std::size_t from = 0;
        while (from < clean.size()) {
            std::size_t cut = clean.size();
            for (std::string_view sep : {", while ", ", whereas ", ", as ", ", although ", "; "}) {
                const std::size_t at = clean.find(sep, from);
                if (at != std::string::npos && at < cut) cut = at;
            }
            const Toks ct = tokenize(std::string_view(clean).substr(from, cut - from));
            if (is_statement(ct) && event_types(ct).empty()) talk.push_back({from, cut});
            from = cut == clean.size() ? cut : cut + 2;
        }
    }
    auto in_talk = [&](std::size_t pos) {
        for (const Span& t : talk) {
            if (pos >= t.begin && pos < t.end) return true;
        }
        return false;
    };

    struct Piece {
        std::size_t begin, end;
        const Constraint* c;  ///< nullptr: the target
        int score;
        bool country;
    };
    std::vector<Piece> pieces;
    std::size_t cursor = 0;
    for (const Constraint& c : p.constraints) {
        if (c.text.empty() || c.anchors.empty()) continue;
        std::size_t pos = clean.find(c.text, cursor);
        if (pos == std::string::npos) pos = clean.find(c.text);
        if (pos == std::string::npos || in_talk(pos)) continue;
        bool false_place = false, all_countries = true;
        for (const Anchor& a : c.anchors) {
            if (a.kind == AnchorKind::place && not_a_place(a.name)) false_place = true;
            if (!(a.kind == AnchorKind::place && is_country(a.name))) all_countries = false;
        }
        if (false_place) continue;
        if (all_countries && (c.relation == Relation::between || c.relation == Relation::road || c.relation == Relation::at)) {
            continue;  // "talks between Russia and Turkey", "Turkey threatened"
        }
        pieces.push_back({pos, pos + c.text.size(), &c, all_countries ? 0 : score_of(c), all_countries});
        cursor = pos + c.text.size();
    }
    if (p.target && !p.target->text.empty() && !not_a_place(p.target->name) && !is_country(p.target->name)) {
        const std::size_t pos = clean.find(p.target->text);
        if (pos != std::string::npos && !in_talk(pos)) {
            pieces.push_back({pos, pos + p.target->text.size(), nullptr, score_target, false});
        }
    }
    std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.begin < b.begin; });
    // Overlapping pieces: keep the first.
    std::vector<Piece> kept;
    for (const Piece& pc : pieces) {
        if (!kept.empty() && pc.begin < kept.back().end) continue;
        kept.push_back(pc);
    }

    // Chains: pieces separated by nothing but commas and spaces.
    std::vector<std::pair<std::size_t, std::size_t>> chains;  // index ranges into kept
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (!chains.empty()) {
            const Piece& prev = kept[chains.back().second - 1];
            const std::string_view gap = std::string_view(clean).substr(prev.end, kept[i].begin - prev.end);
            const bool joins = gap.find_first_not_of(", ") == std::string_view::npos && gap.size() <= 3;
            if (joins) {
                chains.back().second = i + 1;
                continue;
            }
        }
        chains.emplace_back(i, i + 1);
    }
    std::vector<std::pair<std::size_t, std::string>> anchors_at;  // position → anchor name, for "the city"
    for (const auto& [first, last] : chains) {
        std::size_t begin = kept[first].begin;
        const std::size_t end = kept[last - 1].end;
        int score = 0;
        bool has_target = false, relative = false;
        std::string target_name;
        for (std::size_t i = first; i < last; ++i) {
            score += kept[i].score;
            if (!kept[i].c) {
                has_target = true;
                target_name = p.target->name;
            } else {
                if (kept[i].c->relation != Relation::at && kept[i].c->relation != Relation::region) relative = true;
                for (const Anchor& a : kept[i].c->anchors) {
                    if (a.kind == AnchorKind::place && !is_country(a.name)) anchors_at.emplace_back(kept[i].end, a.name);
                }
            }
        }
        if (has_target) {
            // "in Al-Rasafah, ...": the preposition belongs to the phrase.
            for (std::string_view prep : {"in ", "at "}) {
                const std::size_t n = prep.size();
                if (begin >= n && clean.compare(begin - n, n, prep) == 0 && (begin == n || clean[begin - n - 1] == ' ')) {
                    begin -= n;
                    break;
                }
            }
        }
        std::string phrase = clean.substr(begin, end - begin);
        if (has_target && relative) m_memory.remember(target_name, phrase);
        if (!has_target && !relative && last - first == 1 && kept[first].c && kept[first].c->relation == Relation::at) {
            // A place named alone that the report described before.
            for (const Anchor& a : kept[first].c->anchors) {
                if (const std::string* described = m_memory.recall(a.name)) {
                    add(*described, score_target + score_offset_distance);
                    break;
                }
            }
        }
        if (has_target && !relative) {
            if (const std::string* described = m_memory.recall(target_name)) {
                add(*described, score_target + score_offset_distance);
            }
        }
        add(std::move(phrase), score);
    }

    // "west and northwest of the city": the city is the place named last.
    for (const std::string& u : p.unparsed) {
        static constexpr std::array<std::string_view, 5> referents{"the city", "the town", "the village", "it",
                                                                   "the area"};
        for (auto ref : referents) {
            if (!ends_with_word(u, ref)) continue;
            const std::size_t upos = clean.find(u);
            std::string anchor = m_last_anchor;
            for (const auto& [pos, name] : anchors_at) {
                if (upos != std::string::npos && pos <= upos) anchor = name;
            }
            if (anchor.empty()) break;
            const std::string rewritten = u.substr(0, u.size() - ref.size()) + anchor;
            const ParsedPhrase rp = parse_phrase(rewritten);
            if (!rp.constraints.empty() && rp.unparsed.empty()) {
                int score = 0;
                for (const Constraint& c : rp.constraints) score += score_of(c);
                add(rewritten, score);
            }
            break;
        }
    }

    // Lists of named places: "took over Hajin, Al-Susah and Al-Shafah",
    // "including the village of Anjara".
    static const PatternSet triggers{"including", "took over", "taken over", "captured", "seized control of",
                                     "took control of", "regained control of", "liberated", "recaptured", "retook",
                                     "entered", "such as", "villages of", "towns of", "neighborhoods of"};
    const Toks t = tokenize(clean);
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto m = triggers.match(t, i);
        if (!m || in_talk(t[i].begin)) continue;
        std::size_t k = m->second;
        for (std::size_t items = 0; items < max_list_items && k < t.size(); ++items) {
            const std::size_t item_begin = k;
            if (is_word(t, k, "the")) ++k;
            bool plural = false;  // "the villages of X and Y": each name alone
            if (k + 1 < t.size() &&
                (t[k].key == "village" || t[k].key == "town" || t[k].key == "city" || t[k].key == "villages" ||
                 t[k].key == "towns" || t[k].key == "neighborhood" || t[k].key == "neighbourhood" ||
                 t[k].key == "neighborhoods") &&
                is_word(t, k + 1, "of")) {
                plural = t[k].key.back() == 's';
                k += 2;
            }
            if (k >= t.size() || !name_start(t[k]) || (t[k].possessive)) break;
            const std::size_t name_begin = k;
            ++k;
            while (k < t.size() && k - name_begin < max_list_name_words && !t[k - 1].possessive &&
                   t[k].kind == TokKind::word && (name_start(t[k]) || name_particle(t[k]))) {
                ++k;
            }
            if (t[k - 1].possessive) break;  // "Aleppo’s western neighborhoods": a part, read above
            const std::string name = clean.substr(t[name_begin].begin, t[k - 1].end - t[name_begin].begin);
            if (not_a_place(name) || is_country(name)) break;
            const std::size_t from = plural ? t[name_begin].begin : t[item_begin].begin;
            const std::string item = clean.substr(from, t[k - 1].end - from);
            bool covered = false;
            for (const Piece& pc : kept) covered = covered || (from < pc.end && t[k - 1].end > pc.begin);
            if (!covered) {
                const ParsedPhrase ip = parse_phrase(item);
                if ((ip.target || !ip.constraints.empty()) && ip.unparsed.empty()) {
                    if (const std::string* described = m_memory.recall(name)) {
                        add(*described, score_target + score_offset_distance);
                    } else {
                        add(item, score_at);
                    }
                }
            }
            if (is_punct(t, k, ",")) ++k;
            if (is_word(t, k, "and")) ++k;
            if (k == item_begin || (k > 0 && !(is_punct(t, k - 1, ",") || is_word(t, k - 1, "and")))) break;
        }
    }

    // Offsets in asides: "Kafr Takharim (about 10 km east of the border)".
    const std::vector<Citation> citations = find_citations(sentence, brackets);
    for (const Span& b : brackets) {
        if (sentence[b.begin] != '(') continue;
        bool citation = false;
        for (const Citation& c : citations) citation = citation || c.span.begin == b.begin;
        if (citation) continue;
        const ParsedPhrase ap = parse_phrase(sentence.substr(b.begin + 1, b.size() - 2));
        for (const Constraint& c : ap.constraints) {
            if ((c.relation == Relation::offset || c.relation == Relation::within) && c.distance) {
                bool ok = true;
                for (const Anchor& a : c.anchors) ok = ok && !(a.kind == AnchorKind::place && not_a_place(a.name));
                if (ok) add(c.text, score_aside);
            }
        }
    }
    if (!anchors_at.empty()) m_last_anchor = anchors_at.back().second;
}

std::vector<std::string> LocationFinder::phrases() const {
    std::vector<Candidate> c = m_candidates;
    std::stable_sort(c.begin(), c.end(), [](const Candidate& a, const Candidate& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.order < b.order;
    });
    std::vector<std::string> out;
    std::vector<std::string> keys;
    for (const Candidate& x : c) {
        std::string k = phrase_key(x.phrase);
        if (std::find(keys.begin(), keys.end(), k) != keys.end()) continue;
        keys.push_back(std::move(k));
        out.push_back(x.phrase);
        if (out.size() == max_location_phrases) break;
    }
    return out;
}

} // namespace reckon::report::detail
