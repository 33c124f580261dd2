// extract_incidents: blocks into incidents, the way an analyst reads a
// weekly report (README "Report ingest" lists the rules).

#include "reckon/report.hpp"
#include "report/classify.hpp"
#include "report/dates.hpp"
#include "report/locations.hpp"
#include "report/scan.hpp"
#include "report/segment.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace reckon {

namespace report::detail {
namespace {

// Where a heading's default actor may come from: the heading, or the
// paragraphs right after it that introduce its section.
constexpr std::size_t max_intro_paragraphs = 3;
/// An introduction names its actors early; only this much of each paragraph is read.
constexpr std::size_t max_intro_bytes = 2000;

/// A block without a country in its headings names its country early, if at all.
constexpr std::size_t country_window_bytes = 2000;

// FNV-1a, 64 bit (Fowler, Noll, Vo): stable across platforms and runs.
constexpr std::uint64_t fnv_offset = 14695981039346656037ull;
constexpr std::uint64_t fnv_prime = 1099511628211ull;

std::string stable_id(const std::string& report_path, const std::string& text) {
    const std::size_t slash = report_path.find_last_of('/');
    const std::string base = slash == std::string::npos ? report_path : report_path.substr(slash + 1);
    std::uint64_t h = fnv_offset;
    auto feed = [&](char c) {
        h ^= static_cast<unsigned char>(c);
        h *= fnv_prime;
    };
    for (char c : base) feed(c);
    feed('\n');
    for (char c : normalize_space(text)) feed(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    char buf[24];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

/// Is @p raw, whitespace-normalised, @p text? Without building the copy.
bool normalizes_to(std::string_view raw, std::string_view text) {
    std::size_t i = 0, j = 0;
    bool pending = false;
    while (i < raw.size()) {
        if (const std::size_t n = space_at(raw, i)) {
            pending = j > 0;
            i += n;
            continue;
        }
        if (pending) {
            if (j >= text.size() || text[j] != ' ') return false;
            ++j;
            pending = false;
        }
        if (j >= text.size() || text[j] != raw[i]) return false;
        ++i;
        ++j;
    }
    return j == text.size();
}

/// The sentence with its citations blanked out (same length, so token spans
/// still point into the sentence).
std::string blank_citations(std::string_view s, const std::vector<Citation>& citations) {
    std::string out(s);
    for (const Citation& c : citations) std::fill(out.begin() + static_cast<std::ptrdiff_t>(c.span.begin),
                                                  out.begin() + static_cast<std::ptrdiff_t>(c.span.end), ' ');
    return out;
}

std::string blank_brackets(std::string_view s, const std::vector<Span>& brackets) {
    std::string out(s);
    for (const Span& b : brackets) {
        std::fill(out.begin() + static_cast<std::ptrdiff_t>(b.begin), out.begin() + static_cast<std::ptrdiff_t>(b.end),
                  ' ');
    }
    return out;
}

struct Section {
    std::string text;
    int level = 0;
    HeadingClass cls = HeadingClass::topical;
    std::string actor;  ///< default perpetrator of the section, "" none
};

/// When a sentence says an event happened.
struct SentenceDate {
    std::optional<Date> date;
    std::optional<Date> end;
    std::string basis;  ///< explicit | relative
};

/// What pass 1 learns about a sentence.
struct Facts {
    Span span;
    std::optional<DateMention> explicit_date;  ///< first event date outside brackets
    std::optional<int> relative_days;          ///< "a day earlier" → -1
    int weekday = -1;                          ///< "on Sunday" → 6
    bool lead_time = false;                    ///< starts with its time expression
    bool additive = false;                     ///< "In addition, ..."
    bool cites_source = false;
    bool has_time() const noexcept { return explicit_date || relative_days || weekday >= 0; }
};

class Extractor {
public:
    explicit Extractor(const ReportText& r) : m_r(r) {}

    std::vector<Incident> run() {
        collect_not_places();
        prepare_sections();
        std::vector<Section> stack;
        for (std::size_t i = 0; i < m_r.blocks.size(); ++i) {
            const ReportBlock& b = m_r.blocks[i];
            if (b.kind == ReportBlock::Kind::heading) {
                if (b.level <= 0 || b.text == m_r.title) continue;
                while (!stack.empty() && stack.back().level >= b.level) stack.pop_back();
                stack.push_back(m_sections[i]);
                continue;
            }
            if (b.kind == ReportBlock::Kind::caption) continue;
            block(i, stack);
        }
        return std::move(m_out);
    }

private:
    const ReportText& m_r;
    std::vector<Incident> m_out;
    std::vector<std::string> m_not_places;
    std::map<std::size_t, Section> m_sections;  ///< by heading block index
    PlaceMemory m_memory;
    std::optional<Date> m_last_date;  ///< the last event date: what "the next day" counts from
    int m_last_year = 0;
    std::map<std::string, int> m_id_count;

    void collect_not_places() {
        // Platforms and agencies the reports cite; and every source this report cites.
        m_not_places = {"telegram", "twitter", "facebook", "youtube", "instagram", "whatsapp", "sana", "reuters",
                        "anadolu", "sputnik", "amaq", "al-naba'", "al-naba", "afp", "ap", "ocha", "un"};
        for (const ReportBlock& b : m_r.blocks) {
            if (b.kind == ReportBlock::Kind::heading) continue;
            for (const Citation& c : find_citations(b.text, top_level_brackets(b.text))) {
                if (c.source.empty()) continue;
                const std::string l = lower_ascii(c.source);
                m_not_places.push_back(l);
                // "Reuters; Sputnik", "Edlib Media Center – EMC": each part too.
                std::size_t from = 0;
                while (from < l.size()) {
                    std::size_t cut = l.find_first_of(";,", from);
                    const std::size_t dash = l.find(" \xE2\x80\x93 ", from);
                    if (dash != std::string::npos && (cut == std::string::npos || dash < cut)) cut = dash;
                    const std::string part = normalize_space(l.substr(from, cut == std::string::npos ? std::string::npos : cut - from));
                    if (!part.empty() && part != l) m_not_places.push_back(part);
                    if (cut == std::string::npos) break;
                    from = cut + (l.compare(cut, 5, " \xE2\x80\x93 ") == 0 ? 5 : 1);
                }
            }
        }
        std::sort(m_not_places.begin(), m_not_places.end());
        m_not_places.erase(std::unique(m_not_places.begin(), m_not_places.end()), m_not_places.end());
    }

    Country country_of(std::string_view text) const {
        return country_in(tokenize(text.substr(0, std::min(text.size(), country_window_bytes))));
    }

    /// Each heading's class and default actor: the one actor the heading
    /// names, else the one actor its introductory paragraphs name.
    void prepare_sections() {
        const Country report_country = country_of(m_r.title);
        for (std::size_t i = 0; i < m_r.blocks.size(); ++i) {
            const ReportBlock& b = m_r.blocks[i];
            if (b.kind != ReportBlock::Kind::heading || b.level <= 0) continue;
            Section s;
            s.text = b.text;
            s.level = b.level;
            s.cls = classify_heading(b.text);
            auto sole_actor = [&](const std::string& text) -> std::string {
                Country c = country_of(text);
                if (c == Country::unknown) c = report_country;
                std::set<std::string> names;
                for (const auto& m : find_actors(tokenize(text), c)) {
                    if (m.actor != "civilians") names.insert(m.actor);
                }
                return names.size() == 1 ? *names.begin() : std::string();
            };
            s.actor = sole_actor(b.text);
            if (s.actor.empty()) {
                std::string intro;
                std::size_t n = 0;
                for (std::size_t j = i + 1; j < m_r.blocks.size() && n < max_intro_paragraphs; ++j) {
                    const ReportBlock& p = m_r.blocks[j];
                    if (p.kind == ReportBlock::Kind::caption) continue;
                    if (p.kind != ReportBlock::Kind::paragraph) break;
                    intro += p.text.substr(0, max_intro_bytes) + " ";
                    ++n;
                }
                if (!intro.empty()) s.actor = sole_actor(intro);
            }
            m_sections[i] = std::move(s);
        }
    }

    int default_year() const {
        if (m_r.period_start) return m_r.period_start->year;
        return m_last_year;
    }

    std::optional<std::pair<Date, std::optional<Date>>> complete_date(const DateMention& m) const {
        int year = default_year();
        if (m.year == 0 && m.year2 == 0 && m_r.period_start) year = year_near(m.month, m.day, *m_r.period_start);
        return complete(m, year);
    }

    Facts facts(std::string_view s, Span span) const {
        Facts f;
        f.span = span;
        const std::vector<Span> brackets = top_level_brackets(s);
        const std::vector<Citation> cits = find_citations(s, brackets);
        for (const Citation& c : cits) f.cites_source = f.cites_source || !c.source.empty();
        const std::string outside = blank_brackets(s, brackets);
        const Toks t = tokenize(outside);
        std::size_t first_time = t.size();
        for (const DateMention& m : find_dates(t)) {
            if (m.day == 0) continue;
            const std::size_t b = m.tok_begin;
            if (b > 0 && (is_word(t, b - 1, "since") || is_word(t, b - 1, "until") || is_word(t, b - 1, "till") ||
                          is_word(t, b - 1, "before"))) {
                continue;
            }
            if (m.range()) {
                const auto c = complete_date(m);
                if (c && c->second && c->second->days() - c->first.days() > max_event_span_days) continue;
            }
            f.explicit_date = m;
            first_time = std::min(first_time, b);
            break;
        }
        const std::vector<RelativeMention> rel = find_relative(t);
        if (!rel.empty()) {
            f.relative_days = rel.front().offset_days;
            first_time = std::min(first_time, rel.front().tok_begin);
        }
        for (std::size_t i = 0; i < t.size(); ++i) {
            const int wd = weekday_at(t, i);
            if (wd < 0) continue;
            const bool framed = (i > 0 && (is_word(t, i - 1, "on") || is_word(t, i - 1, "last"))) ||
                                is_word(t, i + 1, "night") || is_word(t, i + 1, "morning") ||
                                is_word(t, i + 1, "evening") || is_word(t, i + 1, "afternoon");
            if (!framed) continue;
            // Part of a written date ("Sunday, February 16"): the date counts.
            if (f.explicit_date && f.explicit_date->tok_begin <= i && i < f.explicit_date->tok_end) break;
            f.weekday = wd;
            first_time = std::min(first_time, i > 0 ? i - 1 : i);
            break;
        }
        // "On February 16", "In addition, on February 16", "A day earlier, ...".
        std::size_t lead = 0;
        static const PatternSet connectives{"in addition", "additionally", "separately", "elsewhere", "meanwhile",
                                            "also", "moreover", "furthermore", "in another", "in a separate",
                                            "at the same time"};
        if (const auto m = connectives.match(t, 0)) {
            f.additive = true;
            lead = m->second;
            if (is_punct(t, lead, ",")) ++lead;
        }
        if (is_word(t, lead, "on")) ++lead;
        f.lead_time = first_time <= lead;
        return f;
    }

    /// The date a sentence gives its event, relative to @p reference.
    SentenceDate date_of(const Facts& f, const std::optional<Date>& reference) const {
        SentenceDate d;
        if (f.explicit_date) {
            if (const auto c = complete_date(*f.explicit_date)) {
                d.date = c->first;
                d.end = c->second;
                d.basis = "explicit";
                return d;
            }
        }
        if (f.relative_days && reference) {
            const Date x = Date::from_days(reference->days() + *f.relative_days);
            if (x.valid()) {
                d.date = x;
                d.basis = "relative";
                return d;
            }
        }
        if (f.weekday >= 0) {
            std::optional<Date> ref = reference;
            if (m_r.period_end) ref = m_r.period_end;
            if (ref) {
                const int back = (weekday_of(*ref) - f.weekday + 7) % 7;
                const Date x = Date::from_days(ref->days() - back);
                if (x.valid()) {
                    d.date = x;
                    d.basis = "relative";
                }
            }
        }
        return d;
    }

    /// An incident being read, sentence by sentence.
    struct Open {
        Open(const std::vector<std::string>& not_places, PlaceMemory& memory) : loc(not_places, memory) {}
        std::size_t first = 0, last = 0;  ///< sentence indices
        SentenceDate date;
        bool report_period = false;
        TypeSet types;
        bool statement_lead = false, statistic_lead = false;
        std::string perpetrator, target, subject;
        Casualties cas;
        std::string source;
        std::optional<Date> source_date;
        LocationFinder loc;
    };

    void block(std::size_t index, const std::vector<Section>& stack) {
        const ReportBlock& b = m_r.blocks[index];
        // The block as written in ReportText::text when its offsets fit, so
        // incident offsets point into the text; else its normalised text.
        std::string_view raw = b.text;
        bool exact = false;
        if (b.end > b.offset && b.end <= m_r.text.size()) {
            const std::string_view span = std::string_view(m_r.text).substr(b.offset, b.end - b.offset);
            if (normalizes_to(span, b.text)) {
                raw = span;
                exact = true;
            }
        }
        const std::vector<Span> spans = split_sentences(raw);
        if (spans.empty()) return;
        std::vector<Facts> facts_of;
        facts_of.reserve(spans.size());
        bool any_time = false, any_source = false;
        for (const Span& s : spans) {
            facts_of.push_back(facts(raw.substr(s.begin, s.size()), s));
            any_time = any_time || facts_of.back().has_time();
            any_source = any_source || facts_of.back().cites_source;
        }

        Country country = Country::unknown;
        for (auto it = stack.rbegin(); it != stack.rend() && country == Country::unknown; ++it) {
            country = country_of(it->text);
        }
        if (country == Country::unknown) country = country_of(b.text);
        if (country == Country::unknown) country = country_of(m_r.title);

        bool undated_candidate = false;
        if (!any_time && any_source) {
            bool under_overview = false;
            for (const Section& s : stack) under_overview = under_overview || s.cls == HeadingClass::leaf;
            const std::string_view lead = raw.substr(spans[0].begin, spans[0].size());
            const std::vector<Span> br = top_level_brackets(lead);
            const Toks t = tokenize(blank_citations(lead, find_citations(lead, br)));
            undated_candidate = !under_overview && !is_statistic(t) && !is_statement(t) && !event_types(t).empty() &&
                                !is_irrealis(t);
        }
        if (!any_time && !undated_candidate) return;

        std::unique_ptr<Open> open;
        auto start = [&]() { open = std::make_unique<Open>(m_not_places, m_memory); };
        std::vector<std::string> previous_places;  ///< of the incident before, in this block
        auto close = [&]() {
            if (!open) return;
            finish(*open, index, b, raw, exact, spans, stack, previous_places);
            open.reset();
        };
        bool previous_cited = false;
        for (std::size_t si = 0; si < spans.size(); ++si) {
            const Facts& f = facts_of[si];
            const std::string_view s = raw.substr(spans[si].begin, spans[si].size());
            const std::vector<Span> br = top_level_brackets(s);
            const std::vector<Citation> cits = find_citations(s, br);
            const Toks toks = tokenize(blank_citations(s, cits));
            // Statistics and threats ("would respond to any attack") report no event.
            const bool statistic = is_statistic(toks) || is_irrealis(toks);
            const TypeSet types = statistic ? TypeSet{} : event_types(toks);
            if (!open) {
                if (f.has_time()) {
                    const SentenceDate d = date_of(f, m_last_date);
                    if (!d.date && !f.explicit_date && !undated_candidate) {
                        previous_cited = f.cites_source;
                        continue;
                    }
                    start();
                    open->date = d;
                } else if (undated_candidate && si == 0) {
                    start();
                    open->report_period = true;
                } else {
                    previous_cited = f.cites_source;
                    continue;
                }
                open->first = open->last = si;
                open->statement_lead = is_statement(toks);
                open->statistic_lead = statistic;
            } else {
                bool split = false;
                if (!types.empty()) {
                    if (f.has_time()) {
                        const SentenceDate d = date_of(f, open->date.date);
                        split = f.lead_time || (d.date && open->date.date && *d.date != *open->date.date);
                        if (split) {
                            close();
                            start();
                            open->date = d.date ? d : SentenceDate{};
                        }
                    } else if (f.additive && previous_cited) {
                        split = true;
                        const SentenceDate keep = open->date;
                        const bool period = open->report_period;
                        close();
                        start();
                        open->date = keep;
                        open->report_period = period;
                    }
                }
                if (split) {
                    open->first = si;
                    open->statement_lead = is_statement(toks);
                    open->statistic_lead = statistic;
                    if (!open->date.date && !open->report_period) {
                        // A new event whose time we cannot place: keep the block's date.
                        open->date.basis = "none";
                    }
                }
                open->last = si;
            }
            read_sentence(*open, s, toks, cits, types, statistic, country, open->first == si);
            previous_cited = f.cites_source;
        }
        close();
    }

    void read_sentence(Open& o, std::string_view s, const Toks& toks, const std::vector<Citation>& cits,
                       const TypeSet& types, bool statistic, Country country, bool first_sentence) {
        if (!statistic) {
            o.types.merge(types);
            const Casualties c = casualties(toks);
            add(o.cas.killed, c.killed);
            add(o.cas.wounded, c.wounded);
            add(o.cas.killed_or_wounded, c.killed_or_wounded);
            o.loc.add_sentence(s);
        }
        const Roles roles = actor_roles(toks, find_actors(toks, country));
        if (o.perpetrator.empty() && !roles.perpetrator.empty()) o.perpetrator = roles.perpetrator;
        // The weak subject only of the incident's first sentence: later ones
        // are comment ("The SDF accused ... of the killing").
        if (first_sentence && o.subject.empty() && !roles.subject.empty()) o.subject = roles.subject;
        auto consider_target = [&](const std::string& a) {
            if (o.target.empty() && !a.empty() && a != o.perpetrator && a != o.subject) o.target = a;
        };
        consider_target(roles.target);
        for (const auto& other : roles.others) consider_target(other);
        if (o.source.empty()) {
            for (const Citation& c : cits) {
                if (c.source.empty()) continue;
                o.source = c.source;
                if (const auto d = complete_date(c.date)) o.source_date = d->first;
                break;
            }
        }
    }

    void finish(Open& o, std::size_t index, const ReportBlock& b, std::string_view raw, bool exact,
                const std::vector<Span>& spans, const std::vector<Section>& stack,
                std::vector<std::string>& previous_places) {
        const bool has_event = !o.types.empty();
        const bool dated = !o.report_period;
        bool keep = has_event;
        if (!keep && dated && b.kind == ReportBlock::Kind::bullet && !o.statement_lead && !o.statistic_lead) keep = true;
        std::vector<std::string> places = o.loc.phrases();
        if (o.report_period && places.empty()) keep = false;
        if (!keep) return;

        Incident inc;
        inc.report = m_r.path;
        inc.paragraph = index + 1;
        const std::size_t begin = spans[o.first].begin;
        const std::size_t end = spans[o.last].end;
        inc.text = normalize_space(raw.substr(begin, end - begin));
        if (exact) {
            inc.offset_begin = b.offset + begin;
            inc.offset_end = b.offset + end;
            inc.line = b.line + static_cast<std::size_t>(std::count(raw.begin(), raw.begin() + static_cast<std::ptrdiff_t>(begin), '\n'));
        } else {
            inc.offset_begin = b.offset;
            inc.offset_end = b.offset;
            inc.line = b.line;
        }
        for (const Section& s : stack) inc.section_path.push_back(s.text);
        if (!stack.empty()) inc.section = stack.back().text;

        if (o.report_period) {
            inc.date = m_r.period_start;
            inc.date_end = m_r.period_end;
            inc.date_basis = m_r.period_start ? "report_period" : "none";
        } else if (o.date.date) {
            inc.date = o.date.date;
            inc.date_end = o.date.end;
            inc.date_basis = o.date.basis.empty() ? "explicit" : o.date.basis;
        } else {
            inc.date_basis = "none";
        }
        if (inc.date && !o.report_period) {
            m_last_date = inc.date;
            m_last_year = inc.date->year;
        }

        bool first = true;
        for (EventType t : type_priority) {
            if (o.types.has(t) && first) {
                inc.type = t;
                first = false;
            } else if (o.types.has(t) || o.types.has_instrument(t)) {
                inc.other_types.push_back(t);
            }
        }
        inc.perpetrator = o.perpetrator.empty() ? o.subject : o.perpetrator;
        if (!inc.perpetrator.empty()) {
            inc.perpetrator_basis = "text";
        } else {
            for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
                if (!it->actor.empty()) {
                    inc.perpetrator = it->actor;
                    inc.perpetrator_basis = "section";
                    break;
                }
            }
        }
        inc.target = o.target == inc.perpetrator ? std::string() : o.target;
        inc.killed = o.cas.killed;
        inc.wounded = o.cas.wounded;
        inc.killed_or_wounded = o.cas.killed_or_wounded;
        inc.source = o.source;
        inc.source_date = o.source_date;

        // A follow-on event of the same bullet with no place of its own ("In
        // addition, an SDF vehicle was targeted ...") happened where the one
        // before did; failing that, the section heading is the place.
        if (places.empty()) places = previous_places;
        if (places.empty() && !stack.empty() && stack.back().cls != HeadingClass::topical &&
            stack.back().cls != HeadingClass::leaf) {
            const ParsedPhrase p = parse_phrase(stack.back().text);
            if (!p.constraints.empty() || p.target) places.push_back(stack.back().text);
        }
        previous_places = places;
        inc.location_phrases = std::move(places);

        inc.id = stable_id(m_r.path, inc.text);
        const int n = ++m_id_count[inc.id];
        if (n > 1) inc.id += "-" + std::to_string(n);
        m_out.push_back(std::move(inc));
    }
};

} // namespace
} // namespace report::detail

std::vector<Incident> extract_incidents(const ReportText& report) {
    return report::detail::Extractor(report).run();
}

} // namespace reckon
