#pragma once
/// @file dates.hpp
/// Dates as reports write them (internal to src/report): "On February 16,
/// 2020", "February 16", "16 February 2020", "2020-02-16", ranges
/// ("February 13-19, 2020", "13–19 February 2020", "February 27 – March 4,
/// 2020", "from September 21, 2017 to February 13, 2020"), relative
/// expressions ("a day earlier", "the next day", "on the same day") and
/// weekdays ("on Sunday").

#include "reckon/report.hpp"
#include "report/words.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon::report::detail {

/// A date or date range as written; a part not written is 0.
struct DateMention {
    std::size_t tok_begin = 0;  ///< token span
    std::size_t tok_end = 0;
    int year = 0, month = 0, day = 0;     ///< day 0: a month only ("February 2020")
    int year2 = 0, month2 = 0, day2 = 0;  ///< range end; day2 0: not a range
    bool range() const noexcept { return day2 != 0; }
};

/// Every date mention in @p t, left to right, not overlapping.
std::vector<DateMention> find_dates(const Toks& t);

/// The first day (and the last, for a range) with the year filled in:
/// a missing year comes from the range end, else @p default_year; a start
/// month after the end month is in the year before ("December 28 – January 3,
/// 2020"). nullopt when no real date can be made.
std::optional<std::pair<Date, std::optional<Date>>> complete(const DateMention& m, int default_year);

/// Year to give "February 16" when the report period is @p period_start:
/// the year that puts the date nearest the period.
int year_near(int month, int day, const Date& period_start) noexcept;

/// "a day earlier" (-1), "the next day" (+1), "on the same day" (0), "two days later" (+2).
struct RelativeMention {
    std::size_t tok_begin = 0;
    std::size_t tok_end = 0;
    int offset_days = 0;
};
std::vector<RelativeMention> find_relative(const Toks& t);

/// "Monday".."Sunday" (capitalised) as 0..6 at token @p i, or -1.
int weekday_at(const Toks& t, std::size_t i) noexcept;
/// 0 Monday .. 6 Sunday.
int weekday_of(const Date& d) noexcept;

/// The report period from a title: the first date range in it.
std::optional<std::pair<Date, Date>> parse_period(std::string_view title);

/// 1..12 for a month name or abbreviation ("february", "feb", "sept"), else 0.
int month_from_key(std::string_view key) noexcept;

/// Days in @p month of @p year (proleptic Gregorian).
int days_in_month(int year, int month) noexcept;

/// Longest span a report period may cover: a year (longer ranges in a title
/// are a history, not a reporting period).
inline constexpr std::int64_t max_period_days = 366;
/// A written range longer than a month ("from September 21, 2017 to February
/// 13, 2020") is a history or a statistic's span, not the date of an event.
inline constexpr std::int64_t max_event_span_days = 31;

} // namespace reckon::report::detail
