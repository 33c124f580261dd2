#pragma once
/// @file phrase.hpp
/// Location phrases as reports write them, parsed into a typed expression.
/// Parsing does no I/O and knows no gazetteer: place names are recognised by
/// grammar (capitalisation, Arabic script, the words around them) and
/// resolved later by the resolver.

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

/// How a distance was qualified; changes the distance-error model.
enum class DistanceQualifier {
    exact,        ///< "14 km"
    approximate,  ///< "about", "approximately", "some", "roughly", "around", "nearly", "almost", "close to"
    at_least,     ///< "over", "more than", "at least"
    at_most,      ///< "less than", "up to", "under", "within", "no more than"
    few,          ///< "a few kilometers" (no number)
    several       ///< "several kilometers" (no number)
};
const char* to_string(DistanceQualifier q) noexcept;

/// A distance as written.
struct Distance {
    double value_m = std::nan("");  ///< nominal distance (metres); midpoint for ranges
    double min_m = std::nan("");    ///< lower end of a written range ("6-7 km"), else NaN
    double max_m = std::nan("");    ///< upper end of a written range, else NaN
    std::string unit;               ///< "km", "m", "mi" (the unit as normalised)
    double unit_m = 1000.0;         ///< metres per unit
    DistanceQualifier qualifier = DistanceQualifier::exact;
    int decimals = 0;               ///< digits after the decimal point as written ("1.5 km" → 1)
    bool from_words = false;        ///< written in words ("eight kilometers")
    bool is_range = false;
    std::string text;               ///< the span as written ("about 100 km")
};

/// A compass direction as written.
struct Direction {
    double azimuth_deg = std::nan("");  ///< degrees clockwise from north (N 0, NE 45, NNE 22.5)
    int points = 8;                     ///< compass resolution: 4 (N), 8 (NE), 16 (NNE)
    std::string text;                   ///< as written ("north-eastern", "NE", "to the north of")
};

/// What an anchor is.
enum class AnchorKind {
    place,   ///< a named place ("Al-Mayadeen", "the capital Damascus")
    border,  ///< a border between countries ("the Syrian-Turkish border", "the Iranian border")
    river    ///< a river ("the Euphrates")
};
const char* to_string(AnchorKind k) noexcept;

/// A place the phrase refers to.
struct Anchor {
    AnchorKind kind = AnchorKind::place;
    std::string name;                    ///< the name as written, without generic words ("Al-Mayadeen", "Euphrates")
    std::string feature_hint;            ///< "city", "town", "village", "province", "district", "capital", "" none
    /// The name with a capitalised generic word that may belong to it ("Sadr
    /// City", "Kuwait City": "Sadr" with the hint "city" is the other reading);
    /// "" when there is none. The resolver tries it first and keeps it only
    /// for an exact name match.
    std::string full_name;
    std::vector<std::string> countries;  ///< for borders: ISO alpha-2 codes ("SY", "TR"); one for "the Iranian border"
    std::string text;                    ///< the span as written ("the capital Damascus", "Baiji town")
};

/// How a constraint relates the location to its anchor(s).
enum class Relation {
    at,       ///< at the named place itself ("in Al-Hawaij", "Anjara")
    offset,   ///< distance and/or direction from the anchor ("14 km north of X", "south of X", "30 km from X")
    within,   ///< no further than a distance ("within 20 km of X")
    near,     ///< close to it without a figure ("near X", "in the area of X", "the outskirts of X")
    part,     ///< a part of the anchor ("in western Mosul", "the northern outskirts of X", "the northern entrance to X")
    between,  ///< between two or more anchors ("between X and Y", "midway between", "separating X, Y and Z")
    road,     ///< on the road between anchors ("on the road between X and Y", "on the X – Y road")
    region    ///< somewhere in an area ("in the Diyala Province", "in the Euphrates Valley", "the countryside of X")
};
const char* to_string(Relation r) noexcept;

/// One constraint on the location. All constraints of a phrase hold at once.
struct Constraint {
    Relation relation = Relation::at;
    std::vector<Anchor> anchors;        ///< one, or several for between/road
    std::optional<Distance> distance;   ///< offset/within
    std::optional<Direction> direction; ///< offset, or the side of a part ("western" Mosul → west)
    std::string part;                   ///< part: "outskirts", "entrance", "side", "countryside", "" (e.g. "western")
    bool midway = false;                ///< between: "midway", "halfway"
    std::string text;                   ///< the span as written
};

/// A parsed phrase.
struct ParsedPhrase {
    std::string input;
    /// A named target the phrase places ("Al-Hawaij" in "in Al-Hawaij, 4 km
    /// northeast of Al-Mayadeen"; "Babilan" in "Babilan village, north of
    /// Muqdadiya"): the resolver looks it up and checks it against the constraints.
    std::optional<Anchor> target;
    std::vector<Constraint> constraints;
    std::vector<std::string> unparsed;  ///< leftover words that carried meaning the parser did not understand
    std::vector<std::string> messages;  ///< notes: absurd values, conflicting units, ...
};

/// Parse @p text. Never throws on any input (malformed or absurd text gives
/// an empty or partial parse with messages); input longer than
/// max_phrase_bytes is not parsed (a message says so).
ParsedPhrase parse_phrase(std::string_view text);

inline constexpr std::size_t max_phrase_bytes = 4096;

} // namespace reckon
