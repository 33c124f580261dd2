#include "report/scan.hpp"

#include "report/words.hpp"

#include <algorithm>
#include <array>

namespace reckon::report::detail {

namespace {

/// Unclosed brackets kept open at once: deeper nesting is never real prose,
/// and the bound keeps the scan's memory constant.
constexpr std::size_t max_open_brackets = 64;

bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
bool is_letter(char c) noexcept { return (c >= 'a' && c <= 'z') || is_upper(c); }

bool starts_with(std::string_view s, std::size_t i, std::string_view p) noexcept {
    return s.size() >= i + p.size() && s.compare(i, p.size(), p) == 0;
}

/// Length of a closing quote or bracket at @p i (0 if none).
std::size_t closer_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    const char c = s[i];
    if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
    if (c != '\xE2' && c != '\xC2') return 0;
    if (starts_with(s, i, "\xE2\x80\x9D") || starts_with(s, i, "\xE2\x80\x99") || starts_with(s, i, "\xC2\xBB")) {
        return s[i] == '\xC2' ? 2 : 3;
    }
    return 0;
}

/// Length of a sentence-final mark at @p i: . ! ? or … (0 if none).
std::size_t terminal_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    if (s[i] == '.' || s[i] == '!' || s[i] == '?') return 1;
    if (s[i] == '\xE2' && starts_with(s, i, "\xE2\x80\xA6")) return 3;
    return 0;
}

/// Can a sentence start at @p i?
bool sentence_start_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return false;
    const auto c = static_cast<unsigned char>(s[i]);
    if (is_upper(static_cast<char>(c)) || (c >= '0' && c <= '9')) return true;
    if (c == '"' || c == '\'' || c == '(' || c == '[') return true;
    return c >= 0x80;  // quotes, bullets, Arabic and accented capitals
}

bool is_abbreviation(std::string_view word) {
    static constexpr std::array<std::string_view, 44> list{
        "mr",   "mrs",  "ms",   "dr",  "gen", "col", "lt",   "maj",  "capt", "sgt", "brig",
        "cpl",  "pvt",  "st",   "no",  "nos", "vol", "approx", "vs", "jan", "feb", "mar",
        "apr",  "jun",  "jul",  "aug", "sep", "sept", "oct", "nov", "dec", "gov", "sen",
        "rep",  "prof", "jr",   "sr",  "inc", "co",  "corp", "ltd", "dept", "fig", "adm"};
    std::string lower;
    for (char c : word) lower.push_back(is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    return std::find(list.begin(), list.end(), lower) != list.end();
}

/// Back up to the start of a UTF-8 sequence.
std::size_t char_boundary(std::string_view s, std::size_t i) noexcept {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

} // namespace

Span trim(std::string_view s, Span span) noexcept {
    span.end = std::min(span.end, s.size());
    span.begin = std::min(span.begin, span.end);
    while (span.begin < span.end) {
        const std::size_t n = space_at(s, span.begin);
        if (n == 0 || span.begin + n > span.end) break;
        span.begin += n;
    }
    while (span.end > span.begin) {
        // Spaces are 1..3 bytes; try each length ending at span.end.
        std::size_t n = 0;
        for (std::size_t len = 1; len <= 3 && len <= span.end - span.begin; ++len) {
            if (space_at(s, span.end - len) == len) {
                n = len;
                break;
            }
        }
        if (n == 0) break;
        span.end -= n;
    }
    return span;
}

std::vector<Span> top_level_brackets(std::string_view s) {
    std::vector<Span> pairs;
    std::vector<std::pair<char, std::size_t>> open;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c == '(' || c == '[') {
            if (open.size() == max_open_brackets) open.clear();
            open.emplace_back(c, i);
        } else if (c == ')' || c == ']') {
            const char want = c == ')' ? '(' : '[';
            if (!open.empty() && open.back().first == want) {
                const std::size_t b = open.back().second;
                open.pop_back();
                if (i + 1 - b <= max_aside_bytes) pairs.push_back({b, i + 1});
            }
        } else if (c == '\n' && i + 1 < s.size() && s[i + 1] == '\n') {
            open.clear();  // brackets do not span paragraphs
        }
    }
    std::sort(pairs.begin(), pairs.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
    std::vector<Span> top;
    for (const Span& p : pairs) {
        if (!top.empty() && p.begin < top.back().end) continue;  // nested in the previous one
        top.push_back(p);
    }
    return top;
}

std::vector<Span> split_sentences(std::string_view s) {
    std::vector<Span> out;
    const std::vector<Span> brackets = top_level_brackets(s);
    std::size_t bi = 0;
    std::size_t start = trim(s, {0, s.size()}).begin;
    auto push = [&](std::size_t b, std::size_t e) {
        const Span t = trim(s, {b, e});
        if (t.end > t.begin) out.push_back(t);
    };
    std::size_t i = start;
    while (i < s.size()) {
        if (i - start >= max_sentence_bytes) {
            // Too long without a sentence end: cut at the last space.
            std::size_t cut = i;
            for (std::size_t k = i; k > start + max_sentence_bytes / 2; --k) {
                if (space_at(s, k)) {
                    cut = k;
                    break;
                }
            }
            cut = char_boundary(s, cut);
            if (cut <= start) cut = char_boundary(s, i) > start ? char_boundary(s, i) : i;
            push(start, cut);
            start = cut;
            while (start < s.size() && space_at(s, start)) start += space_at(s, start);
            i = start;
            continue;
        }
        while (bi < brackets.size() && brackets[bi].end <= i) ++bi;
        if (bi < brackets.size() && brackets[bi].begin <= i && i < brackets[bi].end) {
            ++i;
            continue;
        }
        const std::size_t t = terminal_at(s, i);
        if (t == 0) {
            ++i;
            continue;
        }
        std::size_t j = i + t;
        while (j < s.size()) {
            if (const std::size_t more = terminal_at(s, j)) {
                j += more;
            } else if (const std::size_t c = closer_at(s, j)) {
                j += c;
            } else {
                break;
            }
        }
        bool split = false;
        std::size_t next = j;
        if (j >= s.size()) {
            split = true;
        } else if (space_at(s, j)) {
            while (next < s.size() && space_at(s, next)) next += space_at(s, next);
            split = next >= s.size() || sentence_start_at(s, next);
        }
        if (split && s[i] == '.') {
            std::size_t w = i;
            while (w > start && is_letter(s[w - 1])) --w;
            const std::string_view word = s.substr(w, i - w);
            const bool after_letter = w == start || !is_letter(s[w - 1]);
            if (after_letter && (word.size() == 1 || is_abbreviation(word))) split = false;
        }
        if (split) {
            push(start, j);
            start = next;
            i = next;
        } else {
            i = j;
        }
    }
    if (start < s.size()) push(start, s.size());
    return out;
}

std::vector<Citation> find_citations(std::string_view s, const std::vector<Span>& brackets) {
    std::vector<Citation> out;
    for (const Span& b : brackets) {
        if (s[b.begin] != '(' || b.size() < 3) continue;
        const std::string_view inside = s.substr(b.begin + 1, b.size() - 2);
        const Toks t = tokenize(inside);
        const std::vector<DateMention> dates = find_dates(t);
        if (dates.empty()) continue;
        const DateMention& last = dates.back();
        // The date must close the parenthetical (only punctuation after it).
        bool at_end = true;
        for (std::size_t k = last.tok_end; k < t.size(); ++k) {
            if (t[k].kind != TokKind::punct) at_end = false;
        }
        if (!at_end || last.month == 0) continue;
        Citation c;
        c.span = b;
        c.date = last;
        std::string source = normalize_space(inside.substr(0, t[last.tok_begin].begin));
        while (!source.empty()) {
            const char e = source.back();
            if (e == ',' || e == ';' || e == ':' || e == ' ' || e == '-') {
                source.pop_back();
            } else if (source.size() >= 3 && (source.compare(source.size() - 3, 3, "\xE2\x80\x93") == 0 ||
                                              source.compare(source.size() - 3, 3, "\xE2\x80\x94") == 0)) {
                source.resize(source.size() - 3);
            } else {
                break;
            }
        }
        c.source = std::move(source);
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace reckon::report::detail
