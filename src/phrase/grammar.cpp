/// @file grammar.cpp
/// The patterns of the phrase grammar and the output they build.

#include "phrase/parser.hpp"

#include "phrase/grammar.hpp"
#include "text/normalize.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace reckon::phrase::detail {

namespace {

std::string format_number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.10g", v);
    return buf;
}

} // namespace

void Parser::run() {
    const std::size_t n = m_t.size();
    std::size_t i = 0;
    while (i < n) {
        std::size_t next = i;
        if (try_time_phrase(i, next) || try_distance_led(i, next) || try_between(i, next) ||
            try_road(i, next) || try_near(i, next) || try_part(i, next) || try_direction_led(i, next) ||
            try_in(i, next) || try_bare_name(i, next)) {
            i = next > i ? next : i + 1;
            continue;
        }
        // "1e400 km", "5x km": a number glued to letters, then a unit: a figure
        // that could not be read is said, not dropped without a word
        UnitMatch u;
        if (kind_is(i, TokenKind::number) && kind_is(i + 1, TokenKind::word) && !t(i + 1).has(token_flag::space_before) &&
            !parse_unit(i + 1, u) && parse_unit(i + 2, u)) {
            add_unparsed(i, u.end, "a distance whose number could not be read");
            i = u.end;
            continue;
        }
        ++i;
    }
    promote_target();
    if (m_out.constraints.empty() && !m_out.target) bare_phrase();
}

std::string Parser::bytes(std::size_t begin, std::size_t end) const {
    const std::string_view s = m_input.substr(begin, end > begin ? end - begin : 0);
    return m_valid_utf8 ? std::string(s) : text::sanitize_utf8(s);
}

std::string Parser::span_text(std::size_t first, std::size_t end) const {
    if (end <= first) return {};
    return bytes(t(first).begin, t(end - 1).end);
}

Anchor Parser::make_anchor(const NounPhrase& np, std::string_view inherited_hint) const {
    Anchor a;
    a.kind = np.kind;
    a.name = bytes(np.name_begin, np.name_end);
    if (np.full_end > np.name_end) a.full_name = bytes(np.name_begin, np.full_end);
    a.feature_hint = std::string(np.hint.empty() ? inherited_hint : np.hint);
    for (std::size_t i = 0; i < np.country_count; ++i) a.countries.emplace_back(countries[np.countries[i]].code);
    const bool split = np.name_begin != t(np.name_first_token).begin || np.name_end != t(np.name_end_token - 1).end;
    a.text = split ? a.name : span_text(np.begin, np.end);
    return a;
}

Constraint Parser::constraint(Relation relation, const NounPhraseList& list) {
    Constraint c;
    c.relation = relation;
    c.anchors.reserve(list.count);
    // "the towns of Nubl and al-Zahraa", "the Idlib and Aleppo regions": one generic word for all
    std::string_view inherited;
    if (list.items[0].plural) inherited = list.items[0].hint;
    if (list.items[list.count - 1].plural) inherited = list.items[list.count - 1].hint;
    for (std::size_t i = 0; i < list.count; ++i) {
        const NounPhrase& np = list.items[i];
        c.anchors.push_back(make_anchor(np, inherited));
        if (np.skipped_direction != 0) {
            m_out.messages.push_back("ignored the direction '" + span_text(np.skipped_direction, np.skipped_direction + 1) +
                                     "' before '" + c.anchors.back().name + "'");
        }
    }
    return c;
}

Constraint Parser::constraint(Relation relation, const NounPhrase& np) {
    NounPhraseList list;
    list.items[0] = np;
    list.count = 1;
    list.end = np.end;
    return constraint(relation, list);
}

Direction Parser::make_direction(const DirectionMatch& m) {
    Direction d;
    d.azimuth_deg = m.azimuth_deg;
    d.points = m.points;
    d.text = span_text(m.begin, m.end);
    if (m.combined) {
        m_out.messages.push_back("two directions ('" + d.text + "') were combined into one sector centred at " +
                                 format_number(m.azimuth_deg) + "°");
    }
    return d;
}

Distance Parser::make_distance(const DistanceMatch& m) {
    Distance d;
    d.unit_m = m.unit.metres * m.multiplier;
    d.unit = m.multiplier == 1.0 ? std::string(m.unit.symbol)
                                 : format_number(m.multiplier) + " " + std::string(m.unit.symbol);
    if (m.multiplier == 1000.0 && m.unit.symbol == "m") d.unit = "km";
    d.qualifier = m.qualifier;
    d.decimals = m.decimals;
    d.from_words = m.words;
    d.is_range = m.range;
    d.text = span_text(m.begin, m.end);
    if (m.qualifier == DistanceQualifier::few || m.qualifier == DistanceQualifier::several) return d;
    if (m.range) {
        d.min_m = std::min(m.low, m.high) * d.unit_m;
        d.max_m = std::max(m.low, m.high) * d.unit_m;
        d.value_m = (d.min_m + d.max_m) / 2.0;
    } else {
        d.value_m = m.value * d.unit_m;
    }
    check_distance(d, m);
    return d;
}

void Parser::check_distance(const Distance& d, const DistanceMatch& m) {
    const double v = d.value_m;
    const std::string quoted = "'" + d.text + "'";
    if (!std::isfinite(v)) {
        m_out.messages.push_back("distance " + quoted + " is not a usable number");
    } else if (v < 0.0 || (d.is_range && d.min_m < 0.0)) {
        m_out.messages.push_back("distance " + quoted + " is negative");
    } else if (v == 0.0) {
        m_out.messages.push_back("distance " + quoted + " is zero");
    } else if (v > longest_geodesic_m) {
        m_out.messages.push_back("distance " + quoted + " is longer than any distance on Earth (20,004 km)");
    } else if (v > large_distance_m) {
        m_out.messages.push_back("distance " + quoted + " is implausibly large for a local reference (over 1,500 km)");
    }
    if (m.has_alternative && std::isfinite(v) && v > 0.0 &&
        std::fabs(m.alternative_m - v) > alternative_distance_tolerance * v) {
        m_out.messages.push_back("the second figure '" + span_text(m.alternative_begin, m.alternative_end) +
                                 "' differs from the first by more than 10%; the first is used");
    }
}

void Parser::add_constraint(Constraint&& c, std::size_t begin, std::size_t end) {
    c.text = span_text(begin, end);
    // "Anjara, about 10 km west of Aleppo", "Babilan village, north of ...": the
    // name just before a relative constraint is the place it locates.
    if (m_pending_active && !m_out.target && c.relation != Relation::at && c.relation != Relation::region) {
        const std::size_t e = m_pending.end;
        const bool adjacent = begin == e || ((kind_is(e, TokenKind::comma) || kind_is(e, TokenKind::open_paren) ||
                                              kind_is(e, TokenKind::dash)) && begin == e + 1);
        if (adjacent && m_pending.kind == AnchorKind::place) m_out.target = make_anchor(m_pending);
    }
    m_pending_active = false;
    m_spans.emplace_back(begin, end);
    m_out.constraints.push_back(std::move(c));
}

bool Parser::accept(Constraint&& c, std::size_t begin, std::size_t end, std::size_t& next) {
    add_constraint(std::move(c), begin, end);
    next = end;
    return true;
}

void Parser::add_unparsed(std::size_t begin, std::size_t end, std::string_view why) {
    std::string s = span_text(begin, end);
    m_out.messages.push_back("not understood: '" + s + "' (" + std::string(why) + ")");
    m_out.unparsed.push_back(std::move(s));
}

void Parser::attach_trailing_distance(Constraint& c, std::size_t& end) {
    if (c.distance) return;
    DistanceMatch d;
    const std::size_t k = end;
    if (kind_is(k, TokenKind::open_paren) && parse_distance(k + 1, d) && kind_is(d.end, TokenKind::close_paren)) {
        end = d.end + 1;
    } else {
        const std::size_t m = kind_is(k, TokenKind::comma) ? k + 1 : k;
        if (!parse_distance(m, d) || !is(d.end, "away")) return;
        std::size_t e = d.end + 1;
        if (is_from(e) && (is(e + 1, "it") || is(e + 1, "there") || is(e + 1, "them") || is(e + 1, "here"))) e += 2;
        end = e;
    }
    c.distance = make_distance(d);
    if (c.relation == Relation::near) c.relation = Relation::offset;  // "near the Iranian border (8 km)"
}

std::size_t Parser::skip_unnamed(std::size_t k) const {
    if (is(k, "it") || is(k, "there") || is(k, "them") || is(k, "here")) return k + 1;
    std::size_t m = k;
    if (is(m, "the") || is(m, "this") || is(m, "that") || is(m, "a")) ++m;
    for (std::size_t a = 0; a < max_adjectives && is_adjective(m); ++a) ++m;
    std::string_view hint;
    bool plural = false;
    std::size_t after = 0;
    if (match_generic(m, hint, plural, after)) return after;
    return k;
}

bool Parser::try_time_phrase(std::size_t i, std::size_t& next) {
    std::size_t k = i;
    DistanceQualifier q = DistanceQualifier::exact;
    std::size_t qualifier_end = 0;
    if (parse_qualifier(k, q, qualifier_end)) k = qualifier_end;
    NumberMatch n;
    if (!parse_number(k, n) || !has_class(n.end, word_class::time_unit)) return false;
    k = n.end + 1;
    if (kind_is(k, TokenKind::quote)) ++k;
    bool travel = false;
    if (is(k, "drive") || is(k, "walk") || is(k, "ride") || is(k, "journey") || is(k, "driving") ||
        is(k, "walking") || is(k, "flight")) {
        ++k;
        travel = true;
    }
    if (is(k, "by") && (is(k + 1, "car") || is(k + 1, "foot") || is(k + 1, "road"))) {
        k += 2;
        travel = true;
    }
    if (is(k, "away")) {
        ++k;
        travel = true;
    }
    const std::size_t time_end = k;
    NounPhraseList list;
    if ((is_from(k) || is(k, "of")) && parse_np_list(k + 1, list)) {
        add_unparsed(i, time_end, "a travel time, not a distance; read as near the anchor");
        return accept(constraint(Relation::near, list), i, list.end, next);
    }
    if (!travel) return false;
    add_unparsed(i, time_end, "a travel time without an anchor");
    next = time_end;
    return true;
}

bool Parser::try_distance_led(std::size_t i, std::size_t& next) {
    if (!(t(i).kind == TokenKind::number || has_class(i, word_class::qualifier | word_class::number_word) ||
          is(i, "a") || is(i, "an") || is(i, "between") || is(i, "from") || is(i, "half") ||
          t(i).has(token_flag::hyphenated))) {
        return false;
    }
    DistanceMatch d;
    if (!parse_distance(i, d)) return false;
    std::size_t k = d.end;
    if (d.has_alternative && kind_is(k, TokenKind::comma)) ++k;  // "20 kilometers, or 12 miles, west of"
    bool away = false;
    if (is(k, "away")) {
        away = true;
        ++k;
    }
    NounPhraseList list;
    DirectionMatch dir;
    if (parse_direction_phrase(k, true, dir)) {
        if (parse_np_list(dir.end, list)) {
            Constraint c = constraint(Relation::offset, list);
            c.distance = make_distance(d);
            c.direction = make_direction(dir);
            return accept(std::move(c), i, list.end, next);
        }
        const std::size_t e = skip_unnamed(dir.end);
        add_unparsed(i, e, "a distance and direction without a named anchor");
        next = e;
        return true;
    }
    if (d.within && is(k, "of") && parse_np_list(k + 1, list)) {
        Constraint c = constraint(Relation::within, list);
        c.distance = make_distance(d);
        return accept(std::move(c), i, list.end, next);
    }
    if (is_from(k) || is(k, "outside") || (is(k, "of") && away)) {
        if (parse_np_list(k + 1, list)) {
            Constraint c = constraint(d.within ? Relation::within : Relation::offset, list);
            c.distance = make_distance(d);
            return accept(std::move(c), i, list.end, next);
        }
        const std::size_t e = skip_unnamed(k + 1);
        add_unparsed(i, e, "a distance without a named anchor");
        next = e;
        return true;
    }
    if (away) {
        add_unparsed(i, k, "a distance without an anchor");
        next = k;
        return true;
    }
    return false;
}

bool Parser::try_between(std::size_t i, std::size_t& next) {
    std::size_t k = i;
    bool midway = false;
    if (is(k, "midway") || is(k, "halfway") || is(k, "half-way")) {
        midway = true;
        ++k;
    } else if (is(k, "half") && is(k + 1, "way")) {
        midway = true;
        k += 2;
    }
    if (is(k, "between") || is(k, "بين")) {
        ++k;
    } else if (is(k, "separating")) {
        ++k;
        if (is(k, "between")) ++k;
    } else {
        return false;
    }
    NounPhraseList list;
    if (!parse_np_list(k, list) || list.count < 2) return false;
    // "talks between Turkey and Iran": parties, not a location ("between
    // Hasakah and Deir ez-Zor" names no country and stays a location)
    const bool parties = i > 0 && has_class(i - 1, word_class::interaction) && !midway;
    if (parties) {
        for (std::size_t a = 0; a < list.count; ++a) {
            if (has_class(list.items[a].name_first_token, word_class::country)) {
                add_unparsed(i - 1, list.end, "parties to talks or a conflict, not a location");
                next = list.end;
                return true;
            }
        }
    }
    Constraint c = constraint(Relation::between, list);
    c.midway = midway;
    return accept(std::move(c), i, list.end, next);
}

bool Parser::try_road(std::size_t i, std::size_t& next) {
    std::size_t k = i;
    const bool preposition = is(k, "on") || is(k, "along");
    if (preposition) ++k;
    const bool article = is(k, "the");
    if (article) ++k;
    std::size_t m = k;
    for (std::size_t a = 0; a < max_adjectives && is_adjective(m) && !is_road_word(m); ++a) ++m;
    NounPhraseList list;
    NounPhrase a;
    NounPhrase b;
    if (is_road_word(m)) {
        const std::size_t r = m + 1;
        if (is(r, "between") && parse_np_list(r + 1, list) && list.count >= 2) {
            // list is complete
        } else if (is_from(r) && parse_np(r + 1, a) && is(a.end, "to") && parse_np(a.end + 1, b)) {
            list.items[0] = a;
            list.items[1] = b;
            list.count = 2;
            list.end = b.end;
        } else if ((is(r, "linking") || is(r, "connecting") || is(r, "joining")) && parse_np(r + 1, a) &&
                   (is(a.end, "and") || is(a.end, "with") || is(a.end, "to")) && parse_np(a.end + 1, b)) {
            list.items[0] = a;
            list.items[1] = b;
            list.count = 2;
            list.end = b.end;
        } else if ((is(r, "leading") || is(r, "heading") || is(r, "going")) && is(r + 1, "to") &&
                   parse_np(r + 2, a)) {
            list.items[0] = a;
            list.count = 1;
            list.end = a.end;
        } else if (is(r, "to") && parse_np(r + 1, a)) {
            list.items[0] = a;
            list.count = 1;
            list.end = a.end;
        } else {
            return false;
        }
        return accept(constraint(Relation::road, list), i, list.end, next);
    }
    if (!preposition && !article && !can_start_name(i)) return false;
    if (!parse_np(k, a) || a.kind != AnchorKind::place) return false;
    const std::size_t r = a.end;
    if ((kind_is(r, TokenKind::dash) || kind_is(r, TokenKind::slash) || is(r, "to")) && parse_np(r + 1, b) &&
        b.kind == AnchorKind::place && is_road_word(b.end)) {
        list.items[0] = a;
        list.items[1] = b;
        list.count = 2;
        list.end = b.end + 1;
    } else if (is_road_word(r)) {
        NounPhrase left;
        NounPhrase right;
        if (split_name(a, left, right)) {
            list.items[0] = left;
            list.items[1] = right;
            list.count = 2;
        } else {
            list.items[0] = a;  // "the M4 highway"
            list.count = 1;
        }
        list.end = r + 1;
    } else {
        return false;
    }
    return accept(constraint(Relation::road, list), i, list.end, next);
}

bool Parser::try_near(std::size_t i, std::size_t& next) {
    std::size_t k = i;
    if (is(k, "near") || is(k, "nearby") || is(k, "around") || is(k, "outside") || is(k, "along") ||
        is(k, "alongside") || is(k, "قرب")) {
        ++k;
        if (is(k, "to") || is(k, "of")) ++k;
    } else if ((is(k, "close") || is(k, "next") || is(k, "adjacent")) && is(k + 1, "to")) {
        k += 2;
    } else if (is(k, "not") && is(k + 1, "far") && is_from(k + 2)) {
        k += 3;
    } else if (is(k, "بالقرب") && is(k + 1, "من")) {
        k += 2;
    } else {
        std::size_t m = k;
        if (is(m, "in") || is(m, "on") || is(m, "at")) ++m;
        if (!is(m, "the")) return false;
        ++m;
        if (!((is(m, "area") || is(m, "vicinity") || is(m, "surroundings") || is(m, "environs") ||
               is(m, "neighbourhood") || is(m, "neighborhood")) &&
              is(m + 1, "of"))) {
            return false;
        }
        k = m + 2;
    }
    NounPhraseList list;
    if (!parse_np_list(k, list)) return false;
    Constraint c = constraint(Relation::near, list);
    std::size_t end = list.end;
    attach_trailing_distance(c, end);
    return accept(std::move(c), i, end, next);
}

Relation Parser::relation_of_part(PartKind kind, bool with_direction) const noexcept {
    switch (kind) {
    case PartKind::outskirts: return with_direction ? Relation::part : Relation::near;
    case PartKind::countryside: return with_direction ? Relation::offset : Relation::region;
    case PartKind::inner: return Relation::part;
    }
    return Relation::part;
}

bool Parser::try_part(std::size_t i, std::size_t& next) {
    std::size_t k = i;
    if (is(k, "in") || is(k, "at") || is(k, "on") || is(k, "inside") || is(k, "to")) ++k;
    if (is(k, "the")) ++k;
    NounPhraseList list;
    DirectionMatch d;
    if (has_class(k, word_class::part)) {
        const PartWord& pw = part_words[static_cast<std::size_t>(t(k).info->part)];
        if (parse_direction_phrase(k + 1, false, d) && d.has_of && parse_np_list(d.end, list)) {
            Constraint c = constraint(Relation::offset, list);  // "the countryside east of X"
            c.direction = make_direction(d);
            c.part = std::string(pw.part);
            std::size_t end = list.end;
            attach_trailing_distance(c, end);
            return accept(std::move(c), i, end, next);
        }
        std::size_t n = 0;
        if (is(k + 1, "of") || is(k + 1, "to")) {
            n = k + 2;
        } else if ((is(k, "rural") || is(k, "downtown")) && can_start_name(k + 1)) {
            n = k + 1;  // "rural Idlib", "downtown Baghdad"
        }
        if (n != 0 && parse_np_list(n, list)) {
            Constraint c = constraint(relation_of_part(pw.kind, false), list);
            c.part = std::string(pw.part);
            return accept(std::move(c), i, list.end, next);
        }
        return false;
    }
    if (!parse_direction_phrase(k, false, d) || d.has_of || d.prefixed) return false;
    const std::size_t m = d.end;
    if (has_class(m, word_class::part) && (is(m + 1, "of") || is(m + 1, "to") || is(m + 1, "in")) &&
        parse_np_list(m + 2, list)) {
        const PartWord& pw = part_words[static_cast<std::size_t>(t(m).info->part)];
        Constraint c = constraint(relation_of_part(pw.kind, true), list);
        c.direction = make_direction(d);
        c.part = std::string(pw.part);
        return accept(std::move(c), i, list.end, next);
    }
    NounPhrase np;
    const bool in_noun = k == i + 1 && (is(i, "in") || is(i, "inside")) && d.form != DirectionForm::abbreviation;  // "in northeast Syria"
    if ((d.form == DirectionForm::adjective || in_noun) && parse_np(m, np) && np.kind == AnchorKind::place) {
        Relation r = Relation::part;
        std::string part;
        if (np.part >= 0) {
            const PartWord& pw = part_words[static_cast<std::size_t>(np.part)];
            r = relation_of_part(pw.kind, true);
            part = std::string(pw.part);
        }
        Constraint c = constraint(r, np);
        c.direction = make_direction(d);
        c.part = std::move(part);
        return accept(std::move(c), i, np.end, next);
    }
    return false;
}

bool Parser::try_direction_led(std::size_t i, std::size_t& next) {
    DirectionMatch d;
    if (!parse_direction_phrase(i, false, d)) return false;
    NounPhraseList list;
    if (d.has_of) {
        if (!parse_np_list(d.end, list)) {
            const std::size_t e = skip_unnamed(d.end);  // "west of the city"
            if (e == d.end) return false;
            add_unparsed(i, e, "a direction without a named anchor");
            next = e;
            return true;
        }
    } else if (d.form == DirectionForm::adjective || d.prefixed || !can_start_name(d.end) ||
               !parse_np_list(d.end, list)) {
        return false;  // without "of" only a bare name follows: "southwest Kirkuk", "شمال الميادين"
    }
    Constraint c = constraint(Relation::offset, list);
    c.direction = make_direction(d);
    std::size_t end = list.end;
    attach_trailing_distance(c, end);
    return accept(std::move(c), i, end, next);
}

Relation Parser::relation_of_np(const NounPhrase& np) const noexcept {
    if (np.kind != AnchorKind::place) return Relation::near;
    if (np.part >= 0) return relation_of_part(part_words[static_cast<std::size_t>(np.part)].kind, false);
    if (np.region_head || hint_is_region(np.hint)) return Relation::region;
    if (np.hint == "area") return Relation::near;
    return Relation::at;
}

bool Parser::try_in(std::size_t i, std::size_t& next) {
    const bool on = is(i, "on");  // "on the Euphrates": on its banks (only for rivers)
    if (!(on || is(i, "in") || is(i, "at") || is(i, "inside") || is(i, "within") || is(i, "throughout") ||
          is(i, "across") || is(i, "في"))) {
        return false;
    }
    NounPhraseList list;
    if (!parse_np_list(i + 1, list)) return false;
    if (list.count == 1 && try_named_part(list.items[0], i, next)) return true;  // "in the Al-Tamim neighborhood of Ramadi"
    if (on) {
        if (list.count != 1 || list.items[0].kind != AnchorKind::river) return false;
        Constraint c = constraint(Relation::part, list);
        c.part = "bank";
        return accept(std::move(c), i, list.end, next);
    }
    const NounPhrase& np = list.items[list.count - 1];  // "in the Idlib and Aleppo regions": the last has the generic word
    const Relation r = relation_of_np(np);
    Constraint c = constraint(r, list);
    if (np.part >= 0) c.part = std::string(part_words[static_cast<std::size_t>(np.part)].part);
    std::size_t end = list.end;
    if (r == Relation::near) attach_trailing_distance(c, end);
    return accept(std::move(c), i, end, next);
}

bool Parser::try_named_part(const NounPhrase& np, std::size_t begin, std::size_t& next) {
    if (np.kind != AnchorKind::place || np.part >= 0 || !(np.hint == "neighbourhood" || np.hint == "area") ||
        !is(np.end, "of")) {
        return false;
    }
    NounPhrase parent;
    if (!parse_np(np.end + 1, parent) || parent.kind != AnchorKind::place) return false;
    if (!m_out.target) m_out.target = make_anchor(np);
    m_pending_active = false;
    return accept(constraint(Relation::at, parent), begin, parent.end, next);
}

bool Parser::try_bare_name(std::size_t i, std::size_t& next) {
    if (!kind_is(i, TokenKind::word)) return false;
    NounPhrase np;
    if (!parse_np(i, np)) return false;
    if (try_named_part(np, i, next)) return true;
    if (np.part >= 0 && np.kind == AnchorKind::place) {
        const PartWord& pw = part_words[static_cast<std::size_t>(np.part)];
        Constraint c = constraint(relation_of_part(pw.kind, false), np);
        c.part = std::string(pw.part);
        return accept(std::move(c), i, np.end, next);
    }
    if (np.kind == AnchorKind::place && t(np.name_end_token - 1).has(token_flag::possessive)) {
        DirectionMatch d;
        std::size_t m = np.end;
        const bool has_direction = parse_direction(m, false, d);
        if (has_direction) m = d.end;
        if (has_class(m, word_class::part)) {  // "Aleppo's western neighborhoods"
            const PartWord& pw = part_words[static_cast<std::size_t>(t(m).info->part)];
            Constraint c = constraint(relation_of_part(pw.kind, has_direction), np);
            if (has_direction) c.direction = make_direction(d);
            c.part = std::string(pw.part);
            return accept(std::move(c), i, m + 1, next);
        }
    }
    m_pending = np;
    m_pending_active = true;
    next = np.end;
    return true;
}

void Parser::promote_target() {
    if (m_out.target) return;
    auto& cs = m_out.constraints;
    for (std::size_t j = 0; j + 1 < cs.size(); ++j) {
        const Constraint& c = cs[j];
        if (c.relation != Relation::at || c.anchors.size() != 1 || c.anchors[0].kind != AnchorKind::place) continue;
        const Relation r = cs[j + 1].relation;
        if (r == Relation::at || r == Relation::region) continue;
        const std::size_t e = m_spans[j].second;
        const std::size_t b = m_spans[j + 1].first;
        const bool adjacent = b == e || ((kind_is(e, TokenKind::comma) || kind_is(e, TokenKind::open_paren) ||
                                          kind_is(e, TokenKind::dash)) && b == e + 1);
        if (!adjacent) continue;
        m_out.target = c.anchors[0];
        cs.erase(cs.begin() + static_cast<std::ptrdiff_t>(j));
        m_spans.erase(m_spans.begin() + static_cast<std::ptrdiff_t>(j));
        return;
    }
}

void Parser::bare_phrase() {
    const std::size_t n = m_t.size();
    std::size_t f = 0;
    while (f < n && (!kind_is(f, TokenKind::word) || is(f, "located") || is(f, "situated"))) {
        if (kind_is(f, TokenKind::number)) return;
        ++f;
    }
    NounPhrase np;
    if (f >= n || !parse_np(f, np)) return;
    for (std::size_t k = np.end; k < n; ++k) {
        if (kind_is(k, TokenKind::word) || kind_is(k, TokenKind::number)) return;
    }
    add_constraint(constraint(relation_of_np(np), np), f, np.end);
}

void parse_tokens(const TokenList& tokens, bool valid_utf8, ParsedPhrase& out) {
    Parser(tokens, valid_utf8, out).run();
}

} // namespace reckon::phrase::detail
