// reckon::Date and the date grammar of report text (dates.hpp).

#include "reckon/report.hpp"
#include "report/dates.hpp"

#include <cstdio>
#include <cstdlib>

namespace reckon {

namespace {

// Date::from_days covers the years 0001..9999 (what iso() can write); the
// civil-from-days arithmetic below is exact there and cannot overflow.
constexpr int min_year = 1;
constexpr int max_year = 9999;

std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) noexcept {
    // H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (days_from_civil).
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

} // namespace

bool Date::valid() const noexcept {
    return year >= min_year && year <= max_year && month >= 1 && month <= 12 && day >= 1 &&
           day <= report::detail::days_in_month(year, month);
}

std::string Date::iso() const {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::optional<Date> Date::parse_iso(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto digits = [&](std::size_t from, std::size_t n, int& out) {
        out = 0;
        for (std::size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    Date d;
    if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day)) return std::nullopt;
    if (!d.valid()) return std::nullopt;
    return d;
}

std::int64_t Date::days() const noexcept { return days_from_civil(year, month, day); }

Date Date::from_days(std::int64_t z) noexcept {
    static const std::int64_t lo = days_from_civil(min_year, 1, 1);
    static const std::int64_t hi = days_from_civil(max_year, 12, 31);
    if (z < lo || z > hi) return Date{};
    // H. Hinnant, civil_from_days.
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return Date{static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

} // namespace reckon

namespace reckon::report::detail {

namespace {

// Years a report date may have: four digits in this window, so that
// "10 people" or "3,196 attacks" are never read as years.
constexpr int earliest_report_year = 1900;
constexpr int latest_report_year = 2100;

struct MonthName {
    std::string_view key;
    int month;
};
constexpr MonthName month_names[] = {
    {"january", 1}, {"jan", 1},  {"february", 2}, {"feb", 2},  {"march", 3},     {"mar", 3},
    {"april", 4},   {"apr", 4},  {"may", 5},      {"june", 6}, {"jun", 6},       {"july", 7},
    {"jul", 7},     {"august", 8}, {"aug", 8},    {"september", 9}, {"sept", 9}, {"sep", 9},
    {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12}, {"dec", 12},
};

constexpr std::string_view weekday_names[] = {"monday", "tuesday", "wednesday", "thursday",
                                              "friday", "saturday", "sunday"};

/// A month: a capitalised month word ("may" in lower case is the verb).
int month_at(const Toks& t, std::size_t i) noexcept {
    if (i >= t.size() || t[i].kind != TokKind::word || !t[i].capitalised) return 0;
    return month_from_key(t[i].key);
}

/// A day of the month: "16", "16th", "1st".
int day_at(const Toks& t, std::size_t i) noexcept {
    if (i >= t.size()) return 0;
    const Tok& k = t[i];
    std::string_view key = k.key;
    if (k.kind == TokKind::word) {
        if (key.size() < 3 || key.size() > 4) return 0;
        const std::string_view suffix = key.substr(key.size() - 2);
        if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
        key = key.substr(0, key.size() - 2);
    } else if (k.kind != TokKind::number) {
        return 0;
    }
    if (key.empty() || key.size() > 2) return 0;
    int v = 0;
    for (char c : key) {
        if (c < '0' || c > '9') return 0;
        v = v * 10 + (c - '0');
    }
    return v >= 1 && v <= 31 ? v : 0;
}

int year_at(const Toks& t, std::size_t i) noexcept {
    if (i >= t.size() || t[i].kind != TokKind::number || t[i].key.size() != 4) return 0;
    const int v = static_cast<int>(t[i].value);
    return v >= earliest_report_year && v <= latest_report_year ? v : 0;
}

/// Two-digit numbers as in ISO dates ("02").
int two_digits_at(const Toks& t, std::size_t i) noexcept {
    if (i >= t.size() || t[i].kind != TokKind::number || t[i].key.size() != 2) return 0;
    return static_cast<int>(t[i].value);
}

bool is_range_word(const Toks& t, std::size_t i) noexcept {
    return is_dash(t, i) || is_word(t, i, "to") || is_word(t, i, "through") || is_word(t, i, "till") ||
           is_word(t, i, "until");
}

struct Atom {
    int year = 0, month = 0, day = 0;
    std::size_t end = 0;
    bool month_first = false;
};

/// Skip the period of "Feb." after an abbreviated month.
std::size_t after_month(const Toks& t, std::size_t i) noexcept {
    if (is_punct(t, i + 1, ".") && t[i].key.size() <= 4) return i + 2;
    return i + 1;
}

/// "February 16, 2020", "February 16", "February 2020", "16 February 2020",
/// "16 February", "2020-02-16".
/// An optional year at @p k (", 2020" or " 2020"): sets it and returns the
/// token after it, else returns @p k.
std::size_t optional_year(const Toks& t, std::size_t k, int& year) noexcept {
    const std::size_t y = is_punct(t, k, ",") ? k + 1 : k;
    if (const int yr = year_at(t, y)) {
        year = yr;
        return y + 1;
    }
    return k;
}

std::optional<Atom> atom_at(const Toks& t, std::size_t i) {
    Atom a;
    if (const int m = month_at(t, i)) {
        const std::size_t k = after_month(t, i);
        a.month = m;
        a.month_first = true;
        if (const int d = day_at(t, k)) {
            a.day = d;
            a.end = optional_year(t, k + 1, a.year);
            return a;
        }
        a.end = optional_year(t, k, a.year);  // "February 2020"
        if (a.year == 0) return std::nullopt;
        return a;
    }
    if (const int d = day_at(t, i)) {
        if (const int m = month_at(t, i + 1)) {
            a.day = d;
            a.month = m;
            a.end = optional_year(t, after_month(t, i + 1), a.year);
            return a;
        }
    }
    if (const int y = year_at(t, i)) {
        if (is_punct(t, i + 1, "-") && is_punct(t, i + 3, "-")) {
            const int m = two_digits_at(t, i + 2);
            const int d = two_digits_at(t, i + 4);
            if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
                a.year = y;
                a.month = m;
                a.day = d;
                a.end = i + 5;
                return a;
            }
        }
    }
    return std::nullopt;
}

std::optional<DateMention> date_at(const Toks& t, std::size_t i) {
    DateMention m;
    m.tok_begin = i;
    std::size_t k = i;
    if (weekday_at(t, k) >= 0) {
        std::size_t j = k + 1;
        if (is_punct(t, j, ",")) ++j;
        if (atom_at(t, j)) k = j;
    }
    // "13–19 February 2020": a bare day, a dash, then a day-month atom.
    if (const int d1 = day_at(t, k); d1 && !month_at(t, k + 1) && is_range_word(t, k + 1)) {
        if (const auto b = atom_at(t, k + 2); b && !b->month_first && b->day > 0) {
            m.day = d1;
            m.month = b->month;
            m.year = b->year;
            m.day2 = b->day;
            m.month2 = b->month;
            m.year2 = b->year;
            m.tok_end = b->end;
            return m;
        }
        return std::nullopt;
    }
    const auto a = atom_at(t, k);
    if (!a) return std::nullopt;
    m.year = a->year;
    m.month = a->month;
    m.day = a->day;
    m.tok_end = a->end;
    if (a->day == 0 || !is_range_word(t, a->end)) return m;
    const std::size_t j = a->end + 1;
    // "February 13-19, 2020": the second part is a bare day.
    if (a->month_first && a->year == 0 && !month_at(t, j)) {
        if (const int d2 = day_at(t, j); d2 && d2 >= a->day) {
            m.day2 = d2;
            m.month2 = a->month;
            std::size_t y = j + 1;
            if (is_punct(t, y, ",")) ++y;
            m.year2 = year_at(t, y);
            m.tok_end = m.year2 ? y + 1 : j + 1;
            return m;
        }
        return m;
    }
    // "February 27 – March 4, 2020", "27 February – 4 March 2020",
    // "September 21, 2017 to February 13, 2020".
    std::size_t j2 = j;
    if (weekday_at(t, j2) >= 0) {
        ++j2;
        if (is_punct(t, j2, ",")) ++j2;
    }
    if (const auto b = atom_at(t, j2); b && b->day > 0 && (b->year != 0 || a->year == 0)) {
        m.day2 = b->day;
        m.month2 = b->month;
        m.year2 = b->year;
        m.tok_end = b->end;
    }
    return m;
}

} // namespace

int month_from_key(std::string_view key) noexcept {
    if (key.size() < 3 || key.size() > 9) return 0;
    for (const auto& m : month_names) {
        if (key == m.key) return m.month;
    }
    return 0;
}

int days_in_month(int year, int month) noexcept {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    if (month == 2) {
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return leap ? 29 : 28;
    }
    return days[month - 1];
}

int weekday_at(const Toks& t, std::size_t i) noexcept {
    if (i >= t.size() || t[i].kind != TokKind::word || !t[i].capitalised) return -1;
    for (int d = 0; d < 7; ++d) {
        if (t[i].key == weekday_names[d]) return d;
    }
    return -1;
}

int weekday_of(const Date& d) noexcept {
    // 1970-01-01 was a Thursday (3 when Monday is 0).
    const std::int64_t w = (d.days() % 7 + 7 + 3) % 7;
    return static_cast<int>(w);
}

std::vector<DateMention> find_dates(const Toks& t) {
    std::vector<DateMention> out;
    for (std::size_t i = 0; i < t.size();) {
        if (auto m = date_at(t, i)) {
            i = std::max(m->tok_end, i + 1);
            out.push_back(*m);
        } else {
            ++i;
        }
    }
    return out;
}

std::optional<std::pair<Date, std::optional<Date>>> complete(const DateMention& m, int default_year) {
    if (m.day == 0 || m.month == 0) return std::nullopt;
    int y2 = m.year2;
    int y1 = m.year;
    if (m.range()) {
        if (y2 == 0) y2 = y1 ? y1 : default_year;
        if (y1 == 0) y1 = (m.month2 != 0 && m.month > m.month2) ? y2 - 1 : y2;
    } else if (y1 == 0) {
        y1 = default_year;
    }
    if (y1 == 0) return std::nullopt;
    const Date d1{y1, m.month, m.day};
    if (!d1.valid()) return std::nullopt;
    std::optional<Date> d2;
    if (m.range()) {
        const Date e{y2, m.month2 ? m.month2 : m.month, m.day2};
        if (e.valid() && d1 < e) d2 = e;
    }
    return std::make_pair(d1, d2);
}

int year_near(int month, int day, const Date& period_start) noexcept {
    int best = period_start.year;
    std::int64_t best_gap = -1;
    for (int dy = -1; dy <= 1; ++dy) {
        const Date c{period_start.year + dy, month, day};
        if (!c.valid()) continue;
        const std::int64_t gap = std::llabs(c.days() - period_start.days());
        if (best_gap < 0 || gap < best_gap) {
            best_gap = gap;
            best = c.year;
        }
    }
    return best;
}

std::vector<RelativeMention> find_relative(const Toks& t) {
    // Tags are day offsets + 100 (PatternSet tags are ints; offsets may be negative).
    static const PatternSet fixed = [] {
        PatternSet s;
        for (const char* p : {"a day earlier", "one day earlier", "a day before", "one day before", "the day before",
                              "the previous day", "the preceding day", "the day prior", "the previous night",
                              "the night before"}) {
            s.add(p, 100 - 1);
        }
        for (const char* p : {"a day later", "one day later", "the next day", "the following day", "the day after",
                              "the next morning", "the following morning"}) {
            s.add(p, 100 + 1);
        }
        for (const char* p : {"on the same day", "the same day", "that same day", "later that day", "earlier that day",
                              "later the same day", "the same night", "that night"}) {
            s.add(p, 100);
        }
        for (const char* p : {"a week earlier", "a week before", "the previous week"}) s.add(p, 100 - 7);
        for (const char* p : {"a week later", "the following week", "the next week"}) s.add(p, 100 + 7);
        return s;
    }();
    // "two days earlier", "3 days later": at most a month either way.
    constexpr long max_relative_days = 31;
    std::vector<RelativeMention> out;
    for (std::size_t i = 0; i < t.size();) {
        if (const auto m = fixed.match(t, i)) {
            out.push_back({i, m->second, m->first - 100});
            i = m->second;
            continue;
        }
        std::size_t e = 0;
        if (const auto n = count_at(t, i, e); n && *n >= 1 && *n <= max_relative_days && is_word(t, e, "days")) {
            const std::size_t w = e + 1;
            int sign = 0;
            if (is_word(t, w, "earlier") || is_word(t, w, "before") || is_word(t, w, "prior")) sign = -1;
            if (is_word(t, w, "later") || is_word(t, w, "after")) sign = 1;
            if (sign != 0) {
                out.push_back({i, w + 1, sign * static_cast<int>(*n)});
                i = w + 1;
                continue;
            }
        }
        ++i;
    }
    return out;
}

std::optional<std::pair<Date, Date>> parse_period(std::string_view title) {
    const Toks t = tokenize(title);
    for (const auto& m : find_dates(t)) {
        if (!m.range()) continue;
        const auto c = complete(m, 0);
        if (!c || !c->second) continue;
        if (c->second->days() - c->first.days() > max_period_days) continue;
        return std::make_pair(c->first, *c->second);
    }
    return std::nullopt;
}

} // namespace reckon::report::detail
