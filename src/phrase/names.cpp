/// @file names.cpp
/// Names and noun phrases: "Al-Mayadeen", "the capital Damascus", "Baiji town",
/// "the towns of Nubl and al-Zahraa", "the Syrian-Turkish border", "the Euphrates".

#include "phrase/parser.hpp"

#include <array>

namespace reckon::phrase::detail {

namespace {

bool has_particle_prefix(std::string_view key) noexcept {
    for (auto prefix : name_particle_prefixes) {
        if (key.size() > prefix.size() && key.compare(0, prefix.size(), prefix) == 0) return true;
    }
    return false;
}

/// Words of a lexicon class that may still be (part of) a place name.
bool name_compatible(const WordInfo* w) noexcept {
    if (w == nullptr) return true;
    constexpr std::uint32_t allowed =
        word_class::country | word_class::river | word_class::name_head | word_class::particle;
    if ((w->classes & ~allowed) != 0) return false;
    return !((w->classes & word_class::country) != 0 && w->country_adjective);
}

} // namespace

bool Parser::capitalised_word(std::size_t i) const noexcept {
    const Token& k = m_t[i];
    return k.kind == TokenKind::word && k.has(token_flag::capitalised) && !k.has(token_flag::newline_before) &&
           name_compatible(k.info);
}

bool Parser::can_start_name(std::size_t i) const {
    const Token& k = m_t[i];
    if (k.kind != TokenKind::word) return false;
    if (k.has(token_flag::arabic)) return k.info == nullptr;  // Arabic lexicon words are grammar
    if (!name_compatible(k.info) || is_country_compound(i)) return false;  // "Turkish-Syrian"
    if (k.has(token_flag::capitalised)) return true;
    if (k.info != nullptr && (k.info->classes & word_class::particle) != 0) return capitalised_word(i + 1);  // "al Bab"
    return has_particle_prefix(k.key);  // "al-Zahraa"
}

bool Parser::can_continue_name(std::size_t i, bool arabic) const noexcept {
    const Token& k = m_t[i];
    if (k.kind != TokenKind::word || k.has(token_flag::newline_before)) return false;
    if (k.has(token_flag::arabic) != arabic) return false;
    if (arabic) return k.info == nullptr;
    if (k.info != nullptr && (k.info->classes & word_class::name_head) != 0) return true;
    if (!name_compatible(k.info) || k.key == "river" || k.key == "rivers") return false;  // "the Euphrates River"
    if (k.info != nullptr && (k.info->classes & word_class::particle) != 0) return capitalised_word(i + 1);
    return k.has(token_flag::capitalised) || has_particle_prefix(k.key);
}

std::size_t Parser::parse_name(std::size_t i) const {
    if (!can_start_name(i)) return i;
    const bool arabic = t(i).has(token_flag::arabic);
    std::size_t j = i + 1;
    if (!t(i).has(token_flag::possessive)) {
        while (j - i < max_name_tokens && can_continue_name(j, arabic)) {
            ++j;
            if (t(j - 1).has(token_flag::possessive)) break;
        }
    }
    // never end on a free-standing particle ("Ras al")
    while (j > i + 1 && has_class(j - 1, word_class::particle) && !t(j - 1).has(token_flag::capitalised)) --j;
    return j;
}

void Parser::set_name(NounPhrase& np, std::size_t first, std::size_t end) const noexcept {
    np.full_end = 0;
    np.name_first_token = first;
    np.name_end_token = end;
    np.name_begin = t(first).begin;
    np.name_end = t(end - 1).end;
    np.end = end;
    const Token& last = t(end - 1);
    if (last.info != nullptr && last.info->name_head >= 0 && end - first > 1) {
        const NameHead& head = name_head_words[static_cast<std::size_t>(last.info->name_head)];
        np.hint = head.hint;
        np.region_head = head.region;
    }
    const Token& first_token = t(first);
    if (first_token.info != nullptr && first_token.info->name_head >= 0 && end - first > 1 && np.hint.empty()) {
        np.hint = name_head_words[static_cast<std::size_t>(first_token.info->name_head)].hint;  // "Mount Sinjar"
    }
}

bool Parser::match_generic(std::size_t k, std::string_view& hint, bool& plural, std::size_t& after) const noexcept {
    if (!kind_is(k, TokenKind::word)) return false;
    for (const auto& pair : generic_pairs) {
        if (is(k, pair.first) && is(k + 1, pair.second)) {
            hint = pair.hint;
            plural = false;
            after = k + 2;
            return true;
        }
    }
    if (has_class(k, word_class::generic)) {
        const GenericWord& g = generic_words[static_cast<std::size_t>(t(k).info->generic)];
        hint = g.hint;
        plural = g.plural;
        after = k + 1;
        return true;
    }
    return false;
}

bool Parser::is_adjective(std::size_t k) const {
    const Token& w = t(k);
    if (w.kind != TokenKind::word || w.has(token_flag::arabic)) return false;
    if (w.info != nullptr && w.info->classes != word_class::interaction) {  // "the war-torn city of": still an adjective
        const std::uint32_t c = w.info->classes;
        if ((c & (word_class::generic | word_class::part | word_class::road | word_class::stop)) != 0) return false;
        if ((c & word_class::non_place) != 0) return true;
        if ((c & word_class::country) != 0) return w.info->country_adjective;
        if ((c & word_class::direction) != 0) return w.info->direction_form == DirectionForm::adjective;
        return false;
    }
    if (is_country_compound(k)) return true;  // "the Turkish-Syrian border crossing of"
    return !w.has(token_flag::capitalised) && !has_particle_prefix(w.key);
}

int Parser::country_at(std::string_view key) const {
    const WordInfo* w = lookup(key);
    return w != nullptr && (w->classes & word_class::country) != 0 ? w->country : -1;
}

bool Parser::add_countries(std::size_t k, NounPhrase& np) const {
    const Token& w = t(k);
    if (w.kind != TokenKind::word) return false;
    auto add = [&np](int c) {
        for (std::size_t i = 0; i < np.country_count; ++i) {
            if (np.countries[i] == c) return;
        }
        if (np.country_count < np.countries.size()) np.countries[np.country_count++] = static_cast<std::uint8_t>(c);
    };
    if (has_class(k, word_class::country)) {
        add(w.info->country);
        return true;
    }
    std::array<int, 4> found{};
    const std::size_t n = w.has(token_flag::hyphenated) ? split_countries(w.key, found) : 0;
    for (std::size_t i = 0; i < n; ++i) add(found[i]);
    return n > 0;
}

std::size_t Parser::split_countries(std::string_view key, std::array<int, 4>& found) const {
    std::size_t n = 0;
    while (!key.empty()) {
        const auto dash = key.find('-');
        const int c = country_at(key.substr(0, dash));
        if (c < 0 || n == found.size()) return 0;
        found[n++] = c;
        if (dash == std::string_view::npos) break;
        key.remove_prefix(dash + 1);
    }
    return n;
}

bool Parser::is_country_compound(std::size_t k) const {
    const Token& w = t(k);
    std::array<int, 4> found{};
    return w.kind == TokenKind::word && w.info == nullptr && w.has(token_flag::hyphenated) &&
           split_countries(w.key, found) >= 2;
}

bool Parser::parse_border(std::size_t j, NounPhrase& np) const {
    std::size_t k = j;
    while (add_countries(k, np)) {
        ++k;
        if (is(k, "arabia")) ++k;  // Saudi Arabia
        if ((kind_is(k, TokenKind::dash) || kind_is(k, TokenKind::slash) || is(k, "and")) &&
            (has_class(k + 1, word_class::country) || t(k + 1).has(token_flag::hyphenated))) {
            ++k;
            continue;
        }
        break;
    }
    if (!(is(k, "border") || is(k, "borders") || is(k, "frontier") || is(k, "borderline"))) {
        np.country_count = 0;
        return false;
    }
    // "border town", "border crossing", "border guards": not the line itself
    if (has_class(k + 1, word_class::generic) || is(k + 1, "guards") || is(k + 1, "guard") ||
        is(k + 1, "post") || is(k + 1, "posts") || is(k + 1, "strip")) {
        np.country_count = 0;
        return false;
    }
    ++k;
    if (np.country_count == 0 && (is(k, "with") || is(k, "between")) && add_countries(k + 1, np)) {
        k += 2;
        while ((is_conjunction(k) || kind_is(k, TokenKind::comma)) && add_countries(k + 1, np)) k += 2;
    }
    np.kind = AnchorKind::border;
    np.name_first_token = j;
    np.name_end_token = k;
    np.name_begin = t(j).begin;
    np.name_end = t(k - 1).end;
    np.end = k;
    return true;
}

void Parser::post_name(NounPhrase& np) const {
    std::size_t e = np.end;
    if (np.kind == AnchorKind::place && (is(e, "river") || is(e, "rivers"))) {
        np.kind = AnchorKind::river;
        np.end = e + 1;
        return;
    }
    if (np.kind == AnchorKind::place && !np.region_head && has_class(np.name_end_token - 1, word_class::river) &&
        np.hint.empty()) {
        np.kind = AnchorKind::river;  // "the Euphrates", "the Little Zab"
    }
    std::string_view hint;
    bool plural = false;
    std::size_t after = 0;
    if (np.kind == AnchorKind::place && match_generic(e, hint, plural, after)) {
        // "Sadr City": a capitalised generic word right after the name may be part of it
        if (after == e + 1 && t(e).has(token_flag::capitalised) && !t(e).has(token_flag::all_caps) &&
            !t(e).has(token_flag::newline_before)) {
            np.full_end = t(e).end;
        }
        np.hint = hint;
        np.plural = np.plural || plural;  // "the Idlib and Aleppo regions"
        e = after;
        np.end = e;
    }
    // "the Kurdistan Region capital Erbil", "Diyala's capital Baquba"
    if (is(e, "capital")) {
        std::size_t n = e + 1;
        if (kind_is(n, TokenKind::comma)) ++n;
        const std::size_t name_end = parse_name(n);
        if (name_end > n) {
            set_name(np, n, name_end);
            np.hint = "capital";
            np.kind = AnchorKind::place;
            e = name_end;
            np.end = e;
        }
    }
    if (np.kind == AnchorKind::place && has_class(e, word_class::part) && !has_class(e, word_class::generic) &&
        !t(e).has(token_flag::all_caps)) {
        np.part = t(e).info->part;
        np.end = e + 1;
    }
}

bool Parser::parse_np(std::size_t i, NounPhrase& np) const {
    np = NounPhrase{};
    np.begin = i;
    std::size_t j = i;
    if (is(j, "the")) ++j;
    // "the centre of Damascus": in an anchor slot, the place itself
    for (int guard = 0; guard < 2; ++guard) {
        if (has_class(j, word_class::part) && is(j + 1, "of") &&
            part_words[static_cast<std::size_t>(t(j).info->part)].part == "centre") {
            j += 2;
            if (is(j, "the")) ++j;
        }
    }
    if (parse_border(j, np)) {
        np.begin = i;
        return true;
    }
    if (is(j, "river")) {  // "the river Euphrates"
        const std::size_t e = parse_name(j + 1);
        if (e == j + 1) return false;
        set_name(np, j + 1, e);
        np.kind = AnchorKind::river;
        return true;
    }
    {  // [adjectives] generic [of|,] name
        std::size_t k = j;
        std::size_t adjectives = 0;
        while (adjectives < max_adjectives && is_adjective(k)) {
            ++k;
            ++adjectives;
        }
        std::string_view hint;
        bool plural = false;
        std::size_t after = 0;
        if (match_generic(k, hint, plural, after)) {
            std::size_t n = after;
            if (is(n, "of") || kind_is(n, TokenKind::comma)) ++n;
            const std::size_t e = parse_name(n);
            if (e == n) return false;  // "the city" without a name
            set_name(np, n, e);
            np.hint = hint;
            np.plural = plural;
            post_name(np);
            if (np.hint.empty()) np.hint = hint;
            return true;
        }
    }
    // "the south-east Hasaka": a direction before the name is not the anchor's
    DirectionMatch d;
    if (parse_direction(j, false, d) && !is(d.end, "of") && !is_from(d.end) && can_start_name(d.end)) {
        np.skipped_direction = j;
        j = d.end;
    }
    const std::size_t e = parse_name(j);
    if (e == j) return false;
    set_name(np, j, e);
    post_name(np);
    return true;
}

bool Parser::parse_np_list(std::size_t i, NounPhraseList& list) const {
    list.count = 0;
    if (!parse_np(i, list.items[0])) return false;
    list.count = 1;
    std::size_t committed = 1;
    std::size_t k = list.items[0].end;
    while (list.count < max_list_anchors) {
        std::size_t m = k;
        if (kind_is(m, TokenKind::comma)) ++m;
        bool conjunction = false;
        if (is_conjunction(m)) {
            ++m;
            conjunction = true;
        } else if (m == k) {
            break;
        }
        if (!parse_np(m, list.items[list.count])) break;
        k = list.items[list.count].end;
        ++list.count;
        if (conjunction) {
            committed = list.count;
            break;
        }
    }
    list.count = committed;
    list.end = list.items[committed - 1].end;
    return true;
}

bool Parser::is_particle_text(std::string_view s) noexcept {
    std::array<char, 8> lower{};
    if (s.empty() || s.size() > lower.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
    }
    const std::string_view key(lower.data(), s.size());
    for (auto particle : name_particles) {
        if (key == particle) return true;
    }
    for (auto prefix : name_particle_prefixes) {
        if (key == prefix.substr(0, prefix.size() - 1)) return true;
    }
    return false;
}

bool Parser::split_name(const NounPhrase& np, NounPhrase& a, NounPhrase& b) const noexcept {
    for (std::size_t tok = np.name_first_token; tok < np.name_end_token; ++tok) {
        const Token& w = t(tok);
        if (!w.has(token_flag::hyphenated)) continue;
        std::size_t segment = 0;
        for (std::size_t p = 0; p < w.text.size(); ++p) {
            std::size_t hyphen_len = 0;
            if (w.text[p] == '-') {
                hyphen_len = 1;
            } else if (w.text.compare(p, 3, "\xE2\x80\x90") == 0 || w.text.compare(p, 3, "\xE2\x80\x91") == 0) {
                hyphen_len = 3;
            }
            if (hyphen_len == 0) continue;
            const std::string_view left = w.text.substr(segment, p - segment);
            const std::size_t right = p + hyphen_len;
            const bool upper_next = right < w.text.size() && w.text[right] >= 'A' && w.text[right] <= 'Z';
            if (upper_next && !is_particle_text(left)) {
                a = np;
                b = np;
                a.name_end = w.begin + p;
                b.name_begin = w.begin + right;
                a.hint = b.hint = {};
                a.full_end = b.full_end = 0;
                return true;
            }
            segment = right;
        }
    }
    return false;
}

} // namespace reckon::phrase::detail
