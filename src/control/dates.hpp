#pragma once
/// @file dates.hpp
/// Calendar arithmetic on reckon::Date for control areas (days since
/// 1970-01-01, Howard Hinnant's civil-from-days algorithms) and the date
/// spellings evidence layers carry ("2020-02-16", OGR's "2020/02/16",
/// with or without a time).

#include "reckon/report.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reckon::control::detail {

/// True for a real proleptic Gregorian date (leap years respected).
bool valid_date(const Date& d) noexcept;

/// Days since 1970-01-01 (negative before).
std::int64_t day_number(const Date& d) noexcept;

/// The date @p n days after 1970-01-01.
Date from_day_number(std::int64_t n) noexcept;

/// "2020-02-16".
std::string iso(const Date& d);

/// Parses YYYY-MM-DD or YYYY/MM/DD, optionally followed by a time
/// ("T12:00:00", " 00:00:00+00"); nullopt when malformed or not a real date.
std::optional<Date> parse_date(std::string_view s);

} // namespace reckon::control::detail
