#include "report/words.hpp"

#include <algorithm>
#include <cmath>

namespace reckon::report::detail {

namespace {

/// Decode one UTF-8 code point at @p i; an invalid byte is returned as
/// itself (0x80..0xFF) with length 1, so every byte is visited once.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        len = 1;
        return b0;
    }
    auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80; };
    if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
        len = 2;
        return (char32_t(b0 & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F);
    }
    if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
        len = 3;
        return (char32_t(b0 & 0x0F) << 12) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
               (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    }
    if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
        len = 4;
        return (char32_t(b0 & 0x07) << 18) | (char32_t(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12) |
               (char32_t(static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6) |
               (static_cast<unsigned char>(s[i + 3]) & 0x3F);
    }
    len = 1;
    return b0;
}

bool is_space_cp(char32_t c) noexcept {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool is_apostrophe_cp(char32_t c) noexcept { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC; }

/// Non-ASCII punctuation that separates words.
bool is_punct_cp(char32_t c) noexcept {
    switch (c) {
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2022: case 0x2026: case 0x00B7: case 0x060C: case 0x061B: case 0x061F: case 0x06D4:
    case 0x2032: case 0x2033: case 0x25CF: case 0x25AA: case 0x25E6: case 0x2023: case 0x00A7: case 0x00B6:
    case 0x2018: case 0x2019: case 0x00BF: case 0x00A1:
        return true;
    default:
        return false;
    }
}

bool is_ascii_alnum(char32_t c) noexcept { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// Word characters: ASCII letters and digits, and every non-ASCII code point
/// that is neither space nor punctuation (Arabic, accented Latin, ʿ ʾ).
bool is_word_cp(char32_t c) noexcept {
    if (c < 0x80) return is_ascii_alnum(c);
    return !is_space_cp(c) && !is_punct_cp(c) && c != 0x02BC;
}

struct NumberWord {
    std::string_view word;
    long value;
};
constexpr NumberWord units[] = {
    {"zero", 0},     {"one", 1},        {"two", 2},        {"three", 3},     {"four", 4},
    {"five", 5},     {"six", 6},        {"seven", 7},      {"eight", 8},     {"nine", 9},
    {"ten", 10},     {"eleven", 11},    {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
    {"fifteen", 15}, {"sixteen", 16},   {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
};
constexpr NumberWord tens[] = {
    {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
    {"sixty", 60},  {"seventy", 70}, {"eighty", 80}, {"ninety", 90},
};

std::optional<long> small_number_word(std::string_view w) {
    // Number words start with one of these letters and are 3..15 bytes long
    // ("seventy-seven"); most tokens are rejected here.
    if (w.size() < 3 || w.size() > 15) return std::nullopt;
    const char c0 = w[0];
    if (c0 != 'z' && c0 != 'o' && c0 != 't' && c0 != 'f' && c0 != 's' && c0 != 'e' && c0 != 'n') return std::nullopt;
    for (const auto& u : units) {
        if (w == u.word) return u.value;
    }
    for (const auto& t : tens) {
        if (w == t.word) return t.value;
        const std::string_view tw = t.word;
        if (w.size() > tw.size() + 1 && w.substr(0, tw.size()) == tw && w[tw.size()] == '-') {
            const std::string_view rest = w.substr(tw.size() + 1);
            for (int k = 1; k <= 9; ++k) {
                if (rest == units[k].word) return t.value + k;
            }
        }
    }
    return std::nullopt;
}

bool word_matches(const Tok& tok, std::string_view w) {
    if (!w.empty() && w.back() == '*') {
        const std::string_view prefix = w.substr(0, w.size() - 1);
        return tok.kind == TokKind::word && tok.key.size() >= prefix.size() && tok.key.compare(0, prefix.size(), prefix) == 0;
    }
    return tok.key == w;
}

/// Tokens a gap may not cross: the end of a clause.
bool stops_gap(const Tok& tok) {
    return tok.kind == TokKind::punct && (tok.key == "." || tok.key == ";" || tok.key == "(" || tok.key == ")");
}

bool match_from(const Toks& t, std::size_t i, const std::vector<std::string>& words, std::size_t w, std::size_t& end) {
    while (w < words.size()) {
        if (words[w] == "~") {
            // Gap: the next pattern word within max_gap_words tokens.
            if (w + 1 >= words.size()) return false;
            for (std::size_t g = 0; g <= max_gap_words && i + g < t.size(); ++g) {
                if (g > 0 && stops_gap(t[i + g - 1])) break;
                if (word_matches(t[i + g], words[w + 1]) && match_from(t, i + g + 1, words, w + 2, end)) return true;
            }
            return false;
        }
        if (i >= t.size() || !word_matches(t[i], words[w])) return false;
        ++i;
        ++w;
    }
    end = i;
    return true;
}

} // namespace

std::size_t space_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    std::size_t len = 0;
    const char32_t c = decode(s, i, len);
    return is_space_cp(c) ? len : 0;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string normalize_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (std::size_t i = 0; i < s.size();) {
        if (const std::size_t n = space_at(s, i)) {
            pending = !out.empty();
            i += n;
            continue;
        }
        if (pending) out.push_back(' ');
        pending = false;
        out.push_back(s[i]);
        ++i;
    }
    return out;
}

bool is_dash(const Toks& t, std::size_t i) noexcept {
    if (i >= t.size() || t[i].kind != TokKind::punct) return false;
    const std::string& k = t[i].key;
    return k == "-" || k == "\xE2\x80\x93" || k == "\xE2\x80\x94" || k == "\xE2\x80\x92" || k == "\xE2\x80\x95";
}

Toks tokenize(std::string_view s) {
    Toks out;
    out.reserve(s.size() / 5 + 1);
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t len = 0;
        const char32_t c = decode(s, i, len);
        if (is_space_cp(c)) {
            i += len;
            continue;
        }
        Tok tok;
        tok.begin = i;
        if (!is_word_cp(c)) {
            tok.kind = TokKind::punct;
            tok.key.assign(s.substr(i, len));
            if (tok.key == "\xCA\xBC" || tok.key == "\xE2\x80\x98" || tok.key == "\xE2\x80\x99") tok.key = "'";
            i += len;
            tok.end = i;
            out.push_back(std::move(tok));
            continue;
        }
        // A number: digits with thousands commas and one decimal point.
        bool number = is_digit(s[i]);
        std::size_t j = i;
        if (number) {
            while (j < s.size() && is_digit(s[j])) ++j;
            for (;;) {
                if (j + 3 < s.size() && s[j] == ',' && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
                    is_digit(s[j + 3]) && (j + 4 >= s.size() || !is_digit(s[j + 4]))) {
                    j += 4;
                    continue;
                }
                break;
            }
            if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
                ++j;
                while (j < s.size() && is_digit(s[j])) ++j;
            }
        }
        // Continue as a word: letters, inner apostrophes and hyphens.
        std::size_t k = j;
        bool prev_word = true;
        bool prev_digit = number;
        for (;;) {
            if (k >= s.size()) break;
            std::size_t l = 0;
            const char32_t d = decode(s, k, l);
            if (is_word_cp(d)) {
                k += l;
                prev_word = true;
                prev_digit = d >= '0' && d <= '9';
                continue;
            }
            if (prev_word && (is_apostrophe_cp(d) || d == '-') && k + l < s.size()) {
                std::size_t l2 = 0;
                const char32_t e = decode(s, k + l, l2);
                const bool digit_dash_digit = d == '-' && prev_digit && e >= '0' && e <= '9';
                if (is_word_cp(e) && !digit_dash_digit) {
                    k += l;
                    prev_word = false;
                    continue;
                }
            }
            break;
        }
        if (k == j && number) {
            tok.kind = TokKind::number;
            tok.key.assign(s.substr(i, j - i));
            std::string digits;
            for (char ch : tok.key) {
                if (ch != ',') digits.push_back(ch);
            }
            tok.value = std::strtod(digits.c_str(), nullptr);
            tok.end = j;
            i = j;
            out.push_back(std::move(tok));
            continue;
        }
        if (k == i) k = i + len;  // a lone invalid byte
        tok.kind = TokKind::word;
        tok.capitalised = s[i] >= 'A' && s[i] <= 'Z';
        tok.key.reserve(k - i);
        for (std::size_t p = i; p < k;) {
            std::size_t l = 0;
            const char32_t d = decode(s, p, l);
            if (d != '\'' && is_apostrophe_cp(d)) {
                tok.key.push_back('\'');
            } else if (d >= 'A' && d <= 'Z') {
                tok.key.push_back(static_cast<char>(d - 'A' + 'a'));
            } else {
                tok.key.append(s.substr(p, l));
            }
            p += l;
        }
        if (tok.key.size() > 2 && tok.key.compare(tok.key.size() - 2, 2, "'s") == 0) {
            tok.key.resize(tok.key.size() - 2);
            tok.possessive = true;
        }
        tok.end = k;
        i = k;
        out.push_back(std::move(tok));
    }
    return out;
}

std::optional<long> count_at(const Toks& t, std::size_t i, std::size_t& end) {
    if (i >= t.size()) return std::nullopt;
    const Tok& tok = t[i];
    if (tok.kind == TokKind::number) {
        if (tok.key.find('.') != std::string::npos || !(tok.value < 1e9)) return std::nullopt;
        end = i + 1;
        return static_cast<long>(tok.value);
    }
    if (tok.kind != TokKind::word) return std::nullopt;
    if ((tok.key == "a" || tok.key == "one") && is_word(t, i + 1, "dozen")) {
        end = i + 2;
        return 12;
    }
    if (tok.key == "a" && (is_word(t, i + 1, "hundred") || is_word(t, i + 1, "thousand"))) {
        end = i + 2;
        return t[i + 1].key == "hundred" ? 100 : 1000;
    }
    std::optional<long> v = small_number_word(tok.key);
    if (!v) return std::nullopt;
    std::size_t k = i + 1;
    if (is_word(t, k, "hundred")) {
        *v *= 100;
        ++k;
        std::size_t k2 = k;
        if (is_word(t, k2, "and")) ++k2;
        if (k2 < t.size()) {
            if (const auto rest = small_number_word(t[k2].key); rest && *rest > 0) {
                *v += *rest;
                k = k2 + 1;
            }
        }
    }
    if (is_word(t, k, "thousand")) {
        *v *= 1000;
        ++k;
    }
    end = k;
    return v;
}

bool match_at(const Toks& t, std::size_t i, const Pattern& p, std::size_t& end) {
    return match_from(t, i, p.words, 0, end);
}

PatternSet::PatternSet(std::initializer_list<const char*> patterns) {
    for (const char* p : patterns) add(p);
}

void PatternSet::add(std::string_view pattern, int tag) {
    Entry e;
    e.tag = tag;
    std::size_t i = 0;
    while (i < pattern.size()) {
        while (i < pattern.size() && pattern[i] == ' ') ++i;
        std::size_t j = i;
        while (j < pattern.size() && pattern[j] != ' ') ++j;
        if (j > i) e.pattern.words.emplace_back(pattern.substr(i, j - i));
        i = j;
    }
    if (e.pattern.words.empty()) return;
    const std::string& first = e.pattern.words.front();
    if (first.back() == '*') {
        m_prefix.push_back(std::move(e));
        return;
    }
    auto it = std::lower_bound(m_exact.begin(), m_exact.end(), first,
                               [](const auto& a, const std::string& b) { return a.first < b; });
    if (it == m_exact.end() || it->first != first) it = m_exact.insert(it, {first, {}});
    it->second.push_back(std::move(e));
}

const std::vector<PatternSet::Entry>* PatternSet::find(std::string_view first) const {
    auto it = std::lower_bound(m_exact.begin(), m_exact.end(), first,
                               [](const auto& a, std::string_view b) { return std::string_view(a.first) < b; });
    if (it == m_exact.end() || it->first != first) return nullptr;
    return &it->second;
}

std::optional<std::pair<int, std::size_t>> PatternSet::match(const Toks& t, std::size_t i) const {
    if (i >= t.size()) return std::nullopt;
    std::optional<std::pair<int, std::size_t>> best;
    auto consider = [&](const Entry& e) {
        std::size_t end = 0;
        if (match_at(t, i, e.pattern, end) && (!best || end > best->second)) best = std::make_pair(e.tag, end);
    };
    if (const auto* list = find(t[i].key)) {
        for (const auto& e : *list) consider(e);
    }
    for (const auto& e : m_prefix) consider(e);
    return best;
}

bool PatternSet::any(const Toks& t, std::size_t begin, std::size_t end) const {
    end = std::min(end, t.size());
    for (std::size_t i = begin; i < end; ++i) {
        if (match(t, i)) return true;
    }
    return false;
}

} // namespace reckon::report::detail
