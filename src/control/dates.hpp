#pragma once
/// @file dates.hpp
/// Dates for control areas: short names for reckon::Date's own arithmetic
/// (src/report/date.cpp owns it) and the date spellings evidence layers carry
/// ("2020-02-16", OGR's "2020/02/16", with or without a time).

#include "reckon/report.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reckon::control::detail {

/// True for a real proleptic Gregorian date (leap years respected).
inline bool valid_date(const Date& d) noexcept { return d.valid(); }

/// Days since 1970-01-01 (negative before).
inline std::int64_t day_number(const Date& d) noexcept { return d.days(); }

/// The date @p n days after 1970-01-01.
inline Date from_day_number(std::int64_t n) noexcept { return Date::from_days(n); }

/// "2020-02-16".
inline std::string iso(const Date& d) { return d.iso(); }

/// Parses YYYY-MM-DD or YYYY/MM/DD, optionally followed by a time
/// ("T12:00:00", " 00:00:00+00"); nullopt when malformed or not a real date.
std::optional<Date> parse_date(std::string_view s);

} // namespace reckon::control::detail
