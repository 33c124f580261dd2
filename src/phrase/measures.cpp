/// @file measures.cpp
/// Directions, numbers and distances: "to the north-east of", "N.E.",
/// "about 100 km", "6-7 km", "eight kilometers", "35 kilometres (23 miles)".

#include "phrase/parser.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace reckon::phrase::detail {

namespace {

/// Compass resolution of a point: 4 (N), 8 (NE) or 16 (NNE).
int points_of(int compass_point) noexcept {
    if (compass_point % 4 == 0) return 4;
    if (compass_point % 2 == 0) return 8;
    return 16;
}

/// The compass point halfway between @p p and @p q (the shorter way round).
int compass_midpoint(int p, int q) noexcept {
    int diff = ((q - p) % 16 + 16) % 16;
    if (diff > 8) diff -= 16;
    return ((p + diff / 2) % 16 + 16) % 16;
}

} // namespace

bool Parser::parse_direction(std::size_t i, bool loose, DirectionMatch& d) const noexcept {
    if (!has_class(i, word_class::direction)) return false;
    const Token& k = t(i);
    const WordInfo& w = *k.info;
    if (w.direction_form == DirectionForm::abbreviation) {
        // "ne" and "w" in lower case are words of other languages or typos, not compass points
        const bool upper = k.has(token_flag::all_caps) || (k.key.size() == 1 && k.has(token_flag::capitalised));
        if (!upper && !k.has(token_flag::dotted)) return false;
        if (k.key.size() == 1 && !loose && !is(i + 1, "of")) return false;
    }
    int point = w.compass_point;
    DirectionForm form = w.direction_form;
    std::size_t end = i + 1;
    if (point % 4 == 0 && form != DirectionForm::abbreviation && has_class(i + 1, word_class::direction) &&
        !t(i + 1).has(token_flag::newline_before)) {
        const WordInfo& w2 = *t(i + 1).info;
        const int q = w2.compass_point;
        const int diff = ((q - point) % 16 + 16) % 16;
        bool compound = false;
        if (w2.direction_form != DirectionForm::abbreviation) {
            if ((point == 0 || point == 8) && (q == 4 || q == 12)) compound = true;  // "north east"
            if (q % 4 == 2 && (diff == 2 || diff == 14)) compound = true;            // "north north-east"
        }
        if (compound) {
            point = compass_midpoint(point, q);
            form = w2.direction_form;
            end = i + 2;
        }
    }
    d = DirectionMatch{};
    d.begin = i;
    d.end = end;
    d.azimuth_deg = point * compass_step_deg;
    d.points = points_of(point);
    d.form = form;
    return true;
}

bool Parser::parse_direction_phrase(std::size_t i, bool loose, DirectionMatch& d) const noexcept {
    std::size_t k = i;
    bool prefixed = false;
    if ((is(k, "to") || is(k, "in") || is(k, "on") || is(k, "towards") || is(k, "toward") || is(k, "at")) &&
        is(k + 1, "the")) {
        k += 2;
        prefixed = true;
    }
    if (!parse_direction(k, loose || prefixed, d)) return false;
    k = d.end;
    DirectionMatch second;
    if ((is_conjunction(k) || kind_is(k, TokenKind::slash)) && parse_direction(k + 1, true, second)) {
        double diff = std::fmod(second.azimuth_deg - d.azimuth_deg + 540.0, 360.0) - 180.0;
        double mean = std::fmod(d.azimuth_deg + diff / 2.0 + 360.0, 360.0);
        d.azimuth_deg = mean;
        d.points = 4;  // the widest sector the interface has: covers most of both
        d.combined = true;
        k = second.end;
    }
    if (is(k, "of") || is_from(k)) {
        d.has_of = true;
        ++k;
    }
    d.begin = i;
    d.end = k;
    d.prefixed = prefixed;
    return true;
}

bool Parser::parse_number_words(std::size_t i, NumberMatch& m) const {
    std::size_t k = i;
    if (is(k, "half") && (is(k + 1, "a") || is(k + 1, "an"))) {
        m = NumberMatch{0.5, 1, true, false, k + 2};
        return true;
    }
    double total = 0.0;
    double current = 0.0;
    bool any = false;
    bool after_multiplier = false;
    if ((is(k, "a") || is(k, "an")) && (is(k + 1, "hundred") || is(k + 1, "thousand"))) {
        current = 1.0;
        ++k;
    }
    while (kind_is(k, TokenKind::word)) {
        const Token& w = t(k);
        std::array<int, 3> values{};
        std::size_t n = 0;
        if (has_class(k, word_class::number_word)) {
            values[n++] = w.info->number;
        } else if (w.has(token_flag::hyphenated)) {  // "twenty-five"
            std::string_view rest = w.key;
            while (!rest.empty() && n < values.size()) {
                const auto dash = rest.find('-');
                const WordInfo* part = lookup(rest.substr(0, dash));
                if (part == nullptr || (part->classes & word_class::number_word) == 0) {
                    n = 0;
                    break;
                }
                values[n++] = part->number;
                if (dash == std::string_view::npos) {
                    rest = {};
                } else {
                    rest.remove_prefix(dash + 1);
                }
            }
            if (!rest.empty()) n = 0;
        }
        if (n == 0) break;
        for (std::size_t v = 0; v < n; ++v) {
            if (values[v] == 100) {
                current = (current == 0.0 ? 1.0 : current) * 100.0;
                after_multiplier = true;
            } else if (values[v] == 1000) {
                total += (current == 0.0 ? 1.0 : current) * 1000.0;
                current = 0.0;
                after_multiplier = true;
            } else {
                current += values[v];
                after_multiplier = false;
            }
        }
        any = true;
        ++k;
        if (after_multiplier && is(k, "and") && has_class(k + 1, word_class::number_word)) ++k;
    }
    if (!any) return false;
    m = NumberMatch{total + current, 0, true, false, k};
    if (is(k, "and") && is(k + 1, "a") && is(k + 2, "half")) {  // "one and a half"
        m.value += 0.5;
        m.decimals = 1;
        m.end = k + 3;
    }
    return true;
}

bool Parser::parse_number(std::size_t i, NumberMatch& m) const {
    const Token& k = t(i);
    if (k.kind == TokenKind::number) {
        m = NumberMatch{k.value, k.decimals, false, k.has(token_flag::negative), i + 1};
        return true;
    }
    return parse_number_words(i, m);
}

bool Parser::parse_unit(std::size_t i, UnitMatch& u) const noexcept {
    if (!has_class(i, word_class::unit)) return false;
    if (is(i, nautical_mile.word)) {
        if (!(is(i + 1, "mile") || is(i + 1, "miles"))) return false;
        u = UnitMatch{nautical_mile.symbol, nautical_mile.metres, i + 2};
        return true;
    }
    const UnitWord& w = unit_words[static_cast<std::size_t>(t(i).info->unit)];
    u = UnitMatch{w.symbol, w.metres, i + 1};
    return true;
}

bool Parser::parse_qualifier(std::size_t i, DistanceQualifier& q, std::size_t& end) const noexcept {
    if (!has_class(i, word_class::qualifier)) return false;
    std::size_t best = 0;
    for (const auto& phrase : qualifier_phrases) {
        std::size_t n = 0;
        while (n < 3 && !phrase.words[n].empty() && is(i + n, phrase.words[n])) ++n;
        const bool complete = n == 3 || phrase.words[n].empty();
        if (complete && n > best) {
            best = n;
            q = phrase.qualifier;
        }
    }
    if (best == 0) return false;
    end = i + best;
    if ((is(i, "approx") || is(i, "ca") || is(i, "appr")) && kind_is(end, TokenKind::period)) ++end;
    return true;
}

bool Parser::unit_after_number(std::size_t k, UnitMatch& u) const noexcept {
    if (kind_is(k, TokenKind::dash) && !t(k).has(token_flag::space_before) && !t(k + 1).has(token_flag::space_before) &&
        parse_unit(k + 1, u)) {
        return true;
    }
    return parse_unit(k, u);
}

bool Parser::parse_distance(std::size_t i, DistanceMatch& d) const {
    d = DistanceMatch{};
    d.begin = i;
    std::size_t k = i;
    std::size_t qualifier_end = 0;
    if (parse_qualifier(k, d.qualifier, qualifier_end)) {
        d.within = is(i, "within");
        k = qualifier_end;
    }
    if (d.qualifier == DistanceQualifier::few || d.qualifier == DistanceQualifier::several) {
        if (is(k, "hundred")) {
            d.multiplier = 100.0;
            ++k;
        } else if (is(k, "thousand")) {
            d.multiplier = 1000.0;
            ++k;
        }
        if (!parse_unit(k, d.unit)) return false;
        d.end = d.unit.end;
        return true;
    }
    NumberMatch first;
    NumberMatch second;
    UnitMatch unit;
    if ((is(k, "between") || is_from(k)) && parse_number(k + 1, first) &&
        (is(first.end, "and") || is(first.end, "to") || kind_is(first.end, TokenKind::dash)) &&
        parse_number(first.end + 1, second) && unit_after_number(second.end, unit)) {
        d.range = true;
    } else {
        if (!parse_number(k, first)) {
            if (!((is(k, "a") || is(k, "an")) && has_class(k + 1, word_class::unit) && !is(k + 1, "m"))) return false;
            first = NumberMatch{1.0, 0, true, false, k + 1};  // "a kilometer north of"
        }
        const std::size_t sep = first.end;
        if ((kind_is(sep, TokenKind::dash) || is(sep, "to") || is(sep, "or")) && parse_number(sep + 1, second) &&
            !second.negative && unit_after_number(second.end, unit)) {
            d.range = true;  // "6-7 km", "8–10 miles", "5 to 10 km"
        } else if (!unit_after_number(first.end, unit)) {
            return false;
        }
    }
    k = unit.end;
    d.unit = unit;
    if (!d.range) {
        // "5 km to 10 km"
        UnitMatch unit2;
        if ((kind_is(k, TokenKind::dash) || is(k, "to")) && parse_number(k + 1, second) && !second.negative &&
            unit_after_number(second.end, unit2) && unit2.symbol == unit.symbol) {
            d.range = true;
            k = unit2.end;
        }
    }
    d.words = first.words;
    d.decimals = first.decimals;
    if (d.range) {
        d.low = first.value;
        d.high = second.value;
        d.decimals = std::max(first.decimals, second.decimals);
        d.words = first.words && second.words;
        d.value = (d.low + d.high) / 2.0;
    } else {
        d.value = first.value;
    }
    d.end = k;
    parse_alternative(d);
    return true;
}

void Parser::parse_alternative(DistanceMatch& d) const {
    const std::size_t k = d.end;
    std::size_t m = k;
    bool paren = false;
    if (kind_is(m, TokenKind::open_paren)) {
        ++m;
        paren = true;
    } else if (kind_is(m, TokenKind::slash)) {
        ++m;
    } else {
        if (kind_is(m, TokenKind::comma)) ++m;
        if (!is(m, "or")) return;
        ++m;
    }
    DistanceQualifier ignored = DistanceQualifier::exact;
    std::size_t qualifier_end = 0;
    if (parse_qualifier(m, ignored, qualifier_end)) m = qualifier_end;
    NumberMatch n;
    UnitMatch u;
    if (!parse_number(m, n)) return;
    std::size_t e = n.end;
    NumberMatch high;
    if ((kind_is(e, TokenKind::dash) || is(e, "to")) && parse_number(e + 1, high)) e = high.end;
    if (!unit_after_number(e, u)) return;
    e = u.end;
    if (paren) {
        if (!kind_is(e, TokenKind::close_paren)) return;
        ++e;
    }
    d.has_alternative = true;
    d.alternative_m = n.value * u.metres;
    d.alternative_begin = m;
    d.alternative_end = u.end;
    d.end = e;
}

} // namespace reckon::phrase::detail
