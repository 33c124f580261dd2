#pragma once
/// @file util.hpp
/// Small helpers shared by the control module: name keys, column lookup by
/// aliases, messages.

#include "reckon/types.hpp"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon::control::detail {

/// Surrounding whitespace removed.
std::string trim(std::string_view s);

/// Matching key of a controller or column name: folded (case, diacritics),
/// "the " dropped in front, only letters and digits kept.
std::string name_key(std::string_view s);

/// Index of the first column of @p header whose name_key equals that of
/// one of @p names (in the order of @p names), if any.
std::optional<std::size_t> find_column(const std::vector<std::string>& header, const std::vector<std::string>& names);

/// The value of the first attribute named like one of @p names (see
/// find_column), "" when none is set.
std::string attribute(const std::map<std::string, std::string>& attributes, const std::vector<std::string>& names);

/// The first attribute name of @p fields matching one of @p names, "" when none.
std::string find_field(const std::vector<std::string>& fields, const std::vector<std::string>& names);

/// Coordinates of control geometries are written with this many decimals
/// (1e-7° ≈ 1 cm: far finer than any map they come from).
inline constexpr int wkt_decimals = 7;

/// A position from latitude and longitude text ("35.25", "36.45"); none
/// when either is empty, not a number, or out of range.
std::optional<LatLon> parse_lat_lon(const std::string& lat, const std::string& lon);

/// "a, b, c".
std::string join(const std::vector<std::string>& items, const std::string& sep = ", ");

/// Column names (and their aliases) that evidence tables and layers use.
namespace columns {
extern const std::vector<std::string> controller;
extern const std::vector<std::string> date;
extern const std::vector<std::string> place_name;
extern const std::vector<std::string> place_id;
extern const std::vector<std::string> lat;
extern const std::vector<std::string> lon;
extern const std::vector<std::string> province;
extern const std::vector<std::string> country;
extern const std::vector<std::string> evidence_id;
extern const std::vector<std::string> kind;
} // namespace columns

} // namespace reckon::control::detail
