// Segmentation: plain text into title, headings (with levels), paragraphs,
// bullets and captions; the layout of structured readers' blocks.

#include "report/segment.hpp"

#include "report/dates.hpp"
#include "report/scan.hpp"
#include "report/words.hpp"

#include <algorithm>
#include <array>
#include <optional>

namespace reckon::report::detail {

namespace {

/// Captions are short; longer blocks are never compared for repetition
/// (which keeps the comparison linear).
constexpr std::size_t max_caption_bytes = 2000;
/// Headings found before a heading level can be no deeper than this (HTML's h6).
constexpr int max_heading_level = 6;
/// Spaces between two captions printed side by side on one line.
constexpr std::size_t side_by_side_spaces = 3;
/// Headings to look at for a report period when the title has none.
constexpr std::size_t period_heading_lookahead = 3;

bool starts_with(std::string_view s, std::string_view p) noexcept { return s.substr(0, p.size()) == p; }

struct Line {
    std::size_t begin = 0, end = 0;  ///< in r.text, without the '\n'
    std::size_t tb = 0, te = 0;      ///< trimmed
    std::size_t number = 0;          ///< 1-based
    std::size_t glyph = 0;           ///< bullet prefix bytes (from tb)
    std::size_t width = 0;           ///< code points of the trimmed line
    bool blank() const noexcept { return tb >= te; }
};

std::size_t code_points(std::string_view s) noexcept {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

/// The last byte of @p s that is not a closing quote or bracket.
std::string_view without_closers(std::string_view s) noexcept {
    for (;;) {
        if (s.empty()) return s;
        const char c = s.back();
        if (c == ')' || c == ']' || c == '"' || c == '\'') {
            s.remove_suffix(1);
            continue;
        }
        if (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99")) {
            s.remove_suffix(3);
            continue;
        }
        return s;
    }
}

bool ends_sentence(std::string_view s) noexcept {
    const std::string_view t = without_closers(s);
    if (t.empty()) return false;
    const char c = t.back();
    return c == '.' || c == '!' || c == '?' || (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\xA6");
}

/// A line that ends like this cannot end a block: the sentence goes on.
bool ends_open(std::string_view s) noexcept {
    if (s.empty()) return false;
    const char c = s.back();
    return c == ',' || c == '-' || (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\x93");
}

bool ends_soft(std::string_view s) noexcept {
    if (s.empty()) return false;
    const char c = s.back();
    return c == ':' || c == ';' || c == ')' || c == ']' || c == '"' || c == '\'' ||
           (s.size() >= 3 && (s.substr(s.size() - 3) == "\xE2\x80\x9D" || s.substr(s.size() - 3) == "\xE2\x80\x99"));
}

bool starts_lower(std::string_view s) noexcept { return !s.empty() && s[0] >= 'a' && s[0] <= 'z'; }

/// The text's full line width: the given percentile of non-blank line widths.
std::size_t full_width(const std::vector<Line>& lines) {
    std::vector<std::size_t> w;
    for (const Line& l : lines) {
        if (!l.blank()) w.push_back(l.width);
    }
    if (w.empty()) return 0;
    const auto k = static_cast<std::size_t>(full_width_percentile * static_cast<double>(w.size() - 1));
    std::nth_element(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(k), w.end());
    return w[k];
}

/// Does a citation or dated parenthetical close @p t ("... (SANA, February 16, 2020)")?
bool ends_with_dated_paren(std::string_view t) {
    const std::vector<Span> b = top_level_brackets(t);
    if (b.empty() || b.back().end != t.size()) return false;
    return !find_citations(t, {b.back()}).empty();
}

bool has_dated_paren(std::string_view t) { return !find_citations(t, top_level_brackets(t)).empty(); }

/// Two captions on one line: a citation, then a run of spaces, then more text.
bool side_by_side_captions(std::string_view raw) {
    for (const Citation& c : find_citations(raw, top_level_brackets(raw))) {
        std::size_t i = c.span.end;
        if (i < raw.size() && raw[i] == '.') ++i;
        std::size_t spaces = 0;
        while (i < raw.size() && space_at(raw, i)) {
            ++spaces;
            i += space_at(raw, i);
        }
        if (spaces >= side_by_side_spaces && i < raw.size()) return true;
    }
    return false;
}

/// "On February 16, 2020, ..." or "February 16 – ...": prose, never a caption.
bool starts_with_date(const Toks& t) {
    std::size_t i = 0;
    if (is_word(t, 0, "on")) i = 1;
    for (const DateMention& m : find_dates(t)) {
        return m.tok_begin == i && m.day != 0;
    }
    return false;
}

bool caption_label(std::string_view t) {
    static constexpr std::array<std::string_view, 12> labels{"Right:", "Left:",  "Above:", "Below:",
                                                             "Top:",   "Bottom:", "Photo:", "Picture:",
                                                             "Image:", "Map:",    "Credit:", "Photo credit:"};
    for (auto l : labels) {
        if (starts_with(t, l)) return true;
    }
    return false;
}

bool heading_like(std::string_view t, const Toks& toks) {
    if (t.empty() || t.size() > max_heading_bytes) return false;
    std::size_t words = 0;
    bool letters = false;
    for (const Tok& k : toks) {
        if (k.kind == TokKind::word) {
            ++words;
            letters = true;
        }
    }
    if (!letters || words > max_heading_words) return false;
    const auto c0 = static_cast<unsigned char>(t[0]);
    const bool capital = (c0 >= 'A' && c0 <= 'Z') || (c0 >= 0x80 && !toks.empty() && toks[0].kind == TokKind::word) ||
                         ((c0 == '"' || c0 >= 0x80) && toks.size() > 1 && toks[1].capitalised);
    if (!capital) return false;
    const char e = t.back();
    if (e == '.' || e == ',' || e == ';' || e == '!' || e == '?' || e == '(') return false;
    if (t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\xA6") return false;
    for (const DateMention& m : find_dates(toks)) {
        if (m.day != 0) return false;  // a dateline or a dated sentence
    }
    return true;
}

/// Heading levels for text without markup (README "Report ingest"):
/// a theatre heading is level 1; a heading right after another (nothing but
/// blank lines between) is one deeper; after content, a local heading
/// (province, area, front) is a sibling of a local or overview heading before
/// it and a child of any other; a topical heading is a sibling of the nearest
/// open topical heading under the current theatre, else of the heading before it.
void infer_levels(std::vector<ReportBlock>& blocks, bool has_title) {
    struct Open {
        int level;
        HeadingClass cls;
    };
    std::vector<Open> stack;
    std::optional<Open> prev;
    bool content = false;
    for (ReportBlock& b : blocks) {
        if (b.kind != ReportBlock::Kind::heading) {
            if (b.kind != ReportBlock::Kind::caption) content = true;
            continue;
        }
        if (has_title && &b == &blocks.front()) continue;  // the title line
        const HeadingClass cls = classify_heading(b.text);
        int level = 1;
        if (cls == HeadingClass::theatre || !prev) {
            level = 1;
        } else if (!content) {
            level = prev->level + 1;
        } else if (cls == HeadingClass::local) {
            level = (prev->cls == HeadingClass::local || prev->cls == HeadingClass::leaf) ? prev->level : prev->level + 1;
        } else {
            int found = 0;
            int theatre = 0;
            for (auto it = stack.rbegin(); it != stack.rend(); ++it) {
                if (it->cls == HeadingClass::theatre) {
                    theatre = it->level;
                    break;
                }
                if (it->cls == HeadingClass::topical || it->cls == HeadingClass::leaf) {
                    found = it->level;
                    break;
                }
            }
            if (!found && !theatre) {
                for (const Open& o : stack) {
                    if (o.cls == HeadingClass::theatre) theatre = o.level;
                }
            }
            level = found ? found : std::max(prev->level, theatre ? theatre + 1 : 1);
        }
        level = std::clamp(level, 1, max_heading_level);
        while (!stack.empty() && stack.back().level >= level) stack.pop_back();
        stack.push_back({level, cls});
        prev = Open{level, cls};
        b.level = level;
        content = false;
    }
}

} // namespace

HeadingClass classify_heading(std::string_view text) {
    Toks t = tokenize(text);
    std::vector<std::string> w;
    for (const Tok& k : t) {
        if (k.kind == TokKind::word) w.push_back(k.key);
    }
    if (w.empty()) return HeadingClass::topical;
    static const std::vector<std::string> leaf_first{"overview", "summary", "highlights", "highlight", "background",
                                                     "introduction", "assessment", "conclusion", "conclusions"};
    if (std::find(leaf_first.begin(), leaf_first.end(), w[0]) != leaf_first.end()) return HeadingClass::leaf;
    if (w.size() >= 2 && ((w[0] == "key" || w[0] == "main") &&
                          (w[1] == "points" || w[1] == "findings" || w[1] == "events" || w[1] == "takeaways"))) {
        return HeadingClass::leaf;
    }
    for (const auto& k : w) {
        if (k == "arena" || k == "theatre" || k == "theater") return HeadingClass::theatre;
    }
    const std::string& last = w.back();
    if (last == "region" || last == "valley" || last == "desert" || last == "badia") return HeadingClass::theatre;
    static const std::vector<std::string> countries{"syria", "iraq",  "turkey",      "lebanon",  "jordan", "iran",
                                                    "israel", "yemen", "libya", "egypt", "afghanistan", "kurdistan"};
    static const std::vector<std::string> sides{"the",       "northern",  "southern",  "eastern",   "western",
                                                "central",   "north",     "south",     "east",      "west",
                                                "northeast", "northwest", "southeast", "southwest", "northeastern",
                                                "northwestern", "southeastern", "southwestern", "iraqi"};
    std::size_t country = 0, other = 0;
    for (const auto& k : w) {
        if (std::find(countries.begin(), countries.end(), k) != countries.end()) {
            ++country;
        } else if (std::find(sides.begin(), sides.end(), k) == sides.end()) {
            ++other;
        }
    }
    if (country == 1 && other == 0) return HeadingClass::theatre;
    static const std::vector<std::string> local_last{"province",   "governorate", "area",   "areas",
                                                     "front",      "district",    "countryside", "sector",
                                                     "subdistrict", "outskirts",  "city",   "town"};
    if (std::find(local_last.begin(), local_last.end(), last) != local_last.end()) return HeadingClass::local;
    if ((w[0] == "the" && w.size() >= 3 && (w[1] == "area" || w[1] == "region" || w[1] == "vicinity") &&
         w[2] == "of") ||
        (w.size() >= 2 && w[0] == "area" && w[1] == "of")) {
        return HeadingClass::local;
    }
    return HeadingClass::topical;
}

std::size_t bullet_prefix(std::string_view line) noexcept {
    static constexpr std::array<std::string_view, 16> glyphs{
        "\xE2\x80\xA2" /* • */, "\xE2\x97\xA6" /* ◦ */, "\xE2\x96\xAA" /* ▪ */, "\xE2\x80\xA3" /* ‣ */,
        "\xE2\x97\x8F" /* ● */, "\xE2\x97\x8B" /* ○ */, "\xE2\x96\xA0" /* ■ */, "\xE2\x96\xBA" /* ► */,
        "\xE2\x96\xB8" /* ▸ */, "\xEF\x82\xB7" /* Symbol-font bullet U+F0B7 */, "\xEF\x82\xA7" /* U+F0A7 */,
        "\xC2\xB7" /* · */,     "\xE2\x80\x93" /* – */, "\xE2\x80\x94" /* — */, "-", "*"};
    std::size_t n = 0;
    for (auto g : glyphs) {
        if (starts_with(line, g)) {
            n = g.size();
            break;
        }
    }
    if (n == 0) {
        // "1." / "1)" / "a)" list numbers
        std::size_t i = 0;
        while (i < line.size() && i < 3 && line[i] >= '0' && line[i] <= '9') ++i;
        if (i == 0 && !line.empty() && line[0] >= 'a' && line[0] <= 'h' && line.size() > 1 && line[1] == ')') i = 1;
        if (i > 0 && i < line.size() && (line[i] == '.' || line[i] == ')')) n = i + 1;
    }
    if (n == 0) return 0;
    const bool glyph_only = n < line.size() && space_at(line, n) > 0;
    if (!glyph_only) return 0;  // "-5 degrees", "*note", "1.5 km": no space after the mark
    while (n < line.size() && space_at(line, n)) n += space_at(line, n);
    return n < line.size() ? n : 0;
}

void segment_plain_text(ReportText& r) {
    const std::string& text = r.text;
    std::vector<Line> lines;
    for (std::size_t i = 0, number = 1; i <= text.size(); ++number) {
        std::size_t e = text.find('\n', i);
        if (e == std::string::npos) e = text.size();
        Line l;
        l.begin = i;
        l.end = e;
        l.number = number;
        const Span t = trim(text, {i, e});
        l.tb = t.begin;
        l.te = t.end;
        if (!l.blank()) {
            l.glyph = bullet_prefix(std::string_view(text).substr(l.tb, l.te - l.tb));
            l.width = code_points(std::string_view(text).substr(l.tb, l.te - l.tb));
        }
        lines.push_back(l);
        if (e == text.size()) break;
        i = e + 1;
    }
    const std::size_t full = full_width(lines);
    const auto wrap_width = static_cast<std::size_t>(wrap_fill_ratio * static_cast<double>(full));

    struct Group {
        std::size_t first = 0, last = 0;
        bool bullet = false;
    };
    std::vector<Group> groups;
    std::optional<Group> cur;
    bool title_pending = true;
    auto view = [&](const Line& l) { return std::string_view(text).substr(l.tb, l.te - l.tb); };
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const Line& l = lines[i];
        if (l.blank()) {
            if (cur) groups.push_back(*cur);
            cur.reset();
            continue;
        }
        if (cur) {
            const Line& p = lines[cur->last];
            const std::string_view pv = view(p);
            const std::string_view lv = view(l);
            bool joins = false;
            if (l.glyph == 0 && !(title_pending && groups.empty())) {
                if (ends_sentence(pv)) {
                    joins = false;
                } else if (ends_open(pv) || starts_lower(lv)) {
                    joins = true;
                } else if (ends_soft(pv)) {
                    joins = false;
                } else {
                    joins = wrap_width > 0 && p.width >= wrap_width;
                }
            }
            if (joins) {
                cur->last = i;
                continue;
            }
            groups.push_back(*cur);
        }
        cur = Group{i, i, l.glyph > 0};
        title_pending = false;
    }
    if (cur) groups.push_back(*cur);

    r.blocks.clear();
    r.title.clear();
    std::vector<std::string> texts;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
        const Group& g = groups[gi];
        const Line& first = lines[g.first];
        const Line& last = lines[g.last];
        ReportBlock b;
        b.offset = first.tb + first.glyph;
        b.end = last.te;
        b.line = first.number;
        b.text = normalize_space(std::string_view(text).substr(b.offset, b.end - b.offset));
        b.kind = g.bullet ? ReportBlock::Kind::bullet : ReportBlock::Kind::paragraph;
        r.blocks.push_back(std::move(b));
    }
    // Kinds. The first block is the title when it is one line of no sentence.
    for (std::size_t i = 0; i < r.blocks.size(); ++i) {
        ReportBlock& b = r.blocks[i];
        if (b.kind == ReportBlock::Kind::bullet) continue;
        const bool single = groups[i].first == groups[i].last;
        const std::string_view raw = std::string_view(text).substr(b.offset, b.end - b.offset);
        // Headings and captions are short: only their start needs words.
        const Toks toks = tokenize(std::string_view(b.text).substr(0, max_heading_bytes + 1));
        if (i == 0 && single && !ends_sentence(b.text) && b.text.size() <= max_title_bytes) {
            b.kind = ReportBlock::Kind::heading;
            b.level = 0;
            r.title = b.text;
            continue;
        }
        bool caption = caption_label(b.text) || side_by_side_captions(raw) ||
                       (ends_with_dated_paren(b.text) && !starts_with_date(toks));
        auto repeats = [&](std::size_t j) {
            if (j >= r.blocks.size() || r.blocks[j].kind == ReportBlock::Kind::bullet) return false;
            const std::string& o = r.blocks[j].text;
            if (o.size() > max_caption_bytes || b.text.size() > max_caption_bytes) return false;
            if (o == b.text) return true;
            const std::string& shorter = o.size() < b.text.size() ? o : b.text;
            const std::string& longer = o.size() < b.text.size() ? b.text : o;
            return shorter.size() >= min_duplicate_bytes && longer.find(shorter) != std::string::npos;
        };
        if (!caption && ((i > 0 && repeats(i - 1)) || repeats(i + 1))) caption = true;
        if (caption) {
            b.kind = ReportBlock::Kind::caption;
        } else if (single && heading_like(b.text, toks) && !has_dated_paren(b.text)) {
            b.kind = ReportBlock::Kind::heading;
        }
    }
    infer_levels(r.blocks, !r.title.empty());
    set_period(r);
}

void assemble_blocks(ReportText& r, const std::vector<RawBlock>& blocks) {
    r.text.clear();
    r.blocks.clear();
    std::size_t line = 1;
    for (const RawBlock& rb : blocks) {
        if (rb.text.empty()) continue;
        if (!r.text.empty()) {
            r.text += "\n\n";
            line += 2;
        }
        if (rb.kind == ReportBlock::Kind::bullet) r.text += "\xE2\x80\xA2 ";
        ReportBlock b;
        b.kind = rb.kind;
        b.text = rb.text;
        b.level = rb.kind == ReportBlock::Kind::heading ? std::clamp(rb.level, 1, max_heading_level) : 0;
        b.offset = r.text.size();
        r.text += rb.text;
        b.end = r.text.size();
        b.line = line;
        r.blocks.push_back(std::move(b));
    }
    if (!r.text.empty()) r.text += "\n";
}

void set_period(ReportText& r) {
    r.period_start.reset();
    r.period_end.reset();
    auto p = parse_period(r.title);
    for (std::size_t i = 0, seen = 0; !p && i < r.blocks.size() && seen < period_heading_lookahead; ++i) {
        if (r.blocks[i].kind != ReportBlock::Kind::heading) continue;
        ++seen;
        p = parse_period(r.blocks[i].text);
    }
    if (p) {
        r.period_start = p->first;
        r.period_end = p->second;
    }
}

} // namespace reckon::report::detail
