#pragma once
/// @file parser.hpp
/// The phrase grammar's parser (internal to src/phrase). One Parser reads the
/// tokens of one phrase, left to right: at each token it tries the patterns
/// (grammar.cpp) in a fixed order; the patterns are built from noun phrases
/// (names.cpp) and from distances and directions (measures.cpp). Matches hold
/// token spans and string_views only; strings are made once, for the output.

#include "phrase/lexicon.hpp"
#include "phrase/token.hpp"
#include "reckon/phrase.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace reckon::phrase::detail {

inline constexpr double nan_value = std::numeric_limits<double>::quiet_NaN();

/// Longest name, in tokens ("Jurf al Sakhar", "Ras al Ain ...").
inline constexpr std::size_t max_name_tokens = 5;
/// Most anchors in one list ("the area separating Manbej, Al-Bab and Jarablus").
inline constexpr std::size_t max_list_anchors = 6;
/// Most lower-case words between "the" and a generic word ("the multi-ethnic province of").
inline constexpr std::size_t max_adjectives = 2;
/// A second figure ("50 kilometers, or 31 miles") that differs from the first by
/// more than this fraction is reported.
inline constexpr double alternative_distance_tolerance = 0.10;
/// Offsets this long are implausible as a local reference (Iraq and Syria
/// together span about 1,400 km): parsed, with a message.
inline constexpr double large_distance_m = 1'500'000.0;
/// No two points on the WGS84 ellipsoid are farther apart (half a meridian).
inline constexpr double longest_geodesic_m = 20'003'931.46;

// ---------------------------------------------------------------------------
// Matches: token spans plus what they mean, without owning strings
// ---------------------------------------------------------------------------

struct NounPhrase {
    std::size_t begin = 0;             ///< first token (including "the")
    std::size_t end = 0;               ///< one past the last token
    std::size_t name_begin = 0;        ///< byte span of the name in the input
    std::size_t name_end = 0;
    std::size_t full_end = 0;          ///< byte end of the name with a capitalised generic word ("Sadr City"), or 0
    std::size_t name_first_token = 0;  ///< token span of the name
    std::size_t name_end_token = 0;
    AnchorKind kind = AnchorKind::place;
    std::string_view hint;
    std::array<std::uint8_t, 4> countries{};
    std::uint8_t country_count = 0;
    int part = -1;                     ///< trailing part word ("Idlib countryside"): index into part_words
    bool plural = false;               ///< "the towns of X and Y"
    bool region_head = false;          ///< the name ends in a region word ("Euphrates Valley")
    std::size_t skipped_direction = 0; ///< token of a direction word before the name that was ignored, or 0
};

struct NounPhraseList {
    std::array<NounPhrase, max_list_anchors> items;
    std::size_t count = 0;
    std::size_t end = 0;
};

struct NumberMatch {
    double value = 0.0;
    int decimals = 0;
    bool words = false;
    bool negative = false;
    std::size_t end = 0;
};

struct UnitMatch {
    std::string_view symbol;
    double metres = 0.0;
    std::size_t end = 0;
};

struct DistanceMatch {
    std::size_t begin = 0;
    std::size_t end = 0;
    DistanceQualifier qualifier = DistanceQualifier::exact;
    bool within = false;        ///< the qualifier was "within"
    double value = nan_value;   ///< in units
    double low = nan_value;     ///< range ends, in units
    double high = nan_value;
    UnitMatch unit;
    double multiplier = 1.0;    ///< "a few hundred metres": 100
    int decimals = 0;
    bool words = false;
    bool range = false;
    bool has_alternative = false;
    double alternative_m = nan_value;
    std::size_t alternative_begin = 0;
    std::size_t alternative_end = 0;
};

struct DirectionMatch {
    std::size_t begin = 0;
    std::size_t end = 0;
    double azimuth_deg = nan_value;
    int points = 8;
    DirectionForm form = DirectionForm::noun;
    bool has_of = false;     ///< ends in "of" / "from"
    bool prefixed = false;   ///< "to the north of", "in the north of"
    bool combined = false;   ///< "west and northwest of"
};

/// Reads one phrase into a ParsedPhrase. Not reusable: construct one per phrase.
class Parser {
public:
    Parser(const TokenList& tokens, bool valid_utf8, ParsedPhrase& out)
        : m_t(tokens), m_input(tokens.input()), m_valid_utf8(valid_utf8), m_out(out) {}

    /// Parse all tokens into the output.
    void run();

private:
    // --- token tests --------------------------------------------------------
    const Token& t(std::size_t i) const noexcept { return m_t[i]; }
    bool is(std::size_t i, std::string_view key) const noexcept {
        const Token& k = m_t[i];
        return k.kind == TokenKind::word && k.key == key;
    }
    bool kind_is(std::size_t i, TokenKind kind) const noexcept { return m_t[i].kind == kind; }
    bool has_class(std::size_t i, std::uint32_t c) const noexcept {
        const Token& k = m_t[i];
        return k.kind == TokenKind::word && k.info != nullptr && (k.info->classes & c) != 0;
    }
    bool is_from(std::size_t i) const noexcept { return is(i, "from") || is(i, "من"); }
    bool is_conjunction(std::size_t i) const noexcept {
        return is(i, "and") || is(i, "or") || kind_is(i, TokenKind::ampersand) || is(i, "و");
    }
    bool is_road_word(std::size_t i) const noexcept { return has_class(i, word_class::road); }

    // --- names --------------------------------------------------------------
    bool capitalised_word(std::size_t i) const noexcept;
    bool can_start_name(std::size_t i) const;
    bool can_continue_name(std::size_t i, bool arabic) const noexcept;
    /// One past the last token of the name starting at @p i, or @p i if none does.
    std::size_t parse_name(std::size_t i) const;
    void set_name(NounPhrase& np, std::size_t first, std::size_t end) const noexcept;

    // --- generic words, borders, noun phrases ----------------------------------
    /// A generic word (or pair) at @p k: its hint and the token after it.
    bool match_generic(std::size_t k, std::string_view& hint, bool& plural, std::size_t& after) const noexcept;
    /// Words allowed between "the" and a generic word: "the multi-ethnic province
    /// of", "the Syrian city of", "the Turkish border town of", "the northern city of".
    bool is_adjective(std::size_t k) const;
    int country_at(std::string_view key) const;
    /// Country words at @p k ("Syrian", "Syria-Turkey", "Syrian-Turkish"), added to @p np.
    bool add_countries(std::size_t k, NounPhrase& np) const;
    /// Countries of a hyphenated key whose every part is a country word
    /// ("syrian-turkish"): their count, or 0.
    std::size_t split_countries(std::string_view key, std::array<int, 4>& found) const;
    /// "Turkish-Syrian", "Iraq-Iran": an adjective, never a name.
    bool is_country_compound(std::size_t k) const;
    /// "the Syrian-Turkish border", "the Iraq–Turkey border", "the Iranian border",
    /// "the border with Turkey".
    bool parse_border(std::size_t j, NounPhrase& np) const;
    /// After a name: "River", generic words ("City", "town", "Province"),
    /// "capital Erbil" appositions and part words ("countryside").
    void post_name(NounPhrase& np) const;
    /// A noun phrase naming an anchor at @p i: "Al-Mayadeen", "the capital Damascus",
    /// "Baiji town", "the city of Aleppo", "the Syrian-Turkish border", "the Euphrates".
    bool parse_np(std::size_t i, NounPhrase& np) const;
    /// "X", "X and Y", "X, Y and Z" (a comma list needs its closing "and").
    bool parse_np_list(std::size_t i, NounPhraseList& list) const;
    static bool is_particle_text(std::string_view s) noexcept;
    /// A hyphenated name that joins two places ("Aleppo-Azaz" before "road");
    /// "Al-Bab" and "Deir ez-Zor" do not split.
    bool split_name(const NounPhrase& np, NounPhrase& a, NounPhrase& b) const noexcept;

    // --- directions ------------------------------------------------------------
    /// One direction: "north", "NE", "N.E.", "north-eastern", "north east", "شمال شرق".
    /// @param[in] loose  accept a lone capital letter ("10 km N of")
    bool parse_direction(std::size_t i, bool loose, DirectionMatch& d) const noexcept;
    /// A direction with its frame: "to the north of", "in the northeast of",
    /// "west and northwest of", "north-eastern of", "southwest".
    bool parse_direction_phrase(std::size_t i, bool loose, DirectionMatch& d) const noexcept;

    // --- numbers and distances ---------------------------------------------------
    bool parse_number_words(std::size_t i, NumberMatch& m) const;
    bool parse_number(std::size_t i, NumberMatch& m) const;
    bool parse_unit(std::size_t i, UnitMatch& u) const noexcept;
    bool parse_qualifier(std::size_t i, DistanceQualifier& q, std::size_t& end) const noexcept;
    /// A unit after a number, allowing "10-km".
    bool unit_after_number(std::size_t k, UnitMatch& u) const noexcept;
    /// A distance: "14 km", "about 100 km", "6-7 km", "between 5 and 10 km",
    /// "eight kilometers", "a few kilometers", "35 kilometres (23 miles)".
    bool parse_distance(std::size_t i, DistanceMatch& d) const;
    /// "35 kilometres (23 miles)", "50 kilometers, or 31 miles", "10 km/6 mi".
    void parse_alternative(DistanceMatch& d) const;

    // --- output -----------------------------------------------------------------
    std::string bytes(std::size_t begin, std::size_t end) const;
    std::string span_text(std::size_t first, std::size_t end) const;
    Anchor make_anchor(const NounPhrase& np, std::string_view inherited_hint = {}) const;
    Constraint constraint(Relation relation, const NounPhraseList& list);
    Constraint constraint(Relation relation, const NounPhrase& np);
    Direction make_direction(const DirectionMatch& m);
    Distance make_distance(const DistanceMatch& m);
    void check_distance(const Distance& d, const DistanceMatch& m);
    void add_constraint(Constraint&& c, std::size_t begin, std::size_t end);
    /// add_constraint, then set @p next to @p end; returns true (the end of a successful pattern).
    bool accept(Constraint&& c, std::size_t begin, std::size_t end, std::size_t& next);
    void add_unparsed(std::size_t begin, std::size_t end, std::string_view why);
    /// "(8 km)" or ", about 14 km away from it" after a constraint without a distance.
    void attach_trailing_distance(Constraint& c, std::size_t& end);
    /// Words after a direction's "of" that name no place: "the city", "it".
    std::size_t skip_unnamed(std::size_t k) const;

    // --- patterns ------------------------------------------------------------------
    // Each tries to read one constraint starting at token i; on success it adds
    // it (or an unparsed note), sets next past it and returns true.
    /// "less than 10 minutes' drive from Aleppo"
    bool try_time_phrase(std::size_t i, std::size_t& next);
    /// "14 km north of X", "70kms north Raqqa city", "30 km from X", "within 20 km of X".
    bool try_distance_led(std::size_t i, std::size_t& next);
    /// "between X and Y", "midway between X and Y", "the area separating X, Y and Z".
    bool try_between(std::size_t i, std::size_t& next);
    /// "on the road between X and Y", "on the road from X to Y", "on the X – Y road".
    bool try_road(std::size_t i, std::size_t& next);
    /// "near X", "close to X", "in the area of X", "in the vicinity of X", "along the border".
    bool try_near(std::size_t i, std::size_t& next);
    Relation relation_of_part(PartKind kind, bool with_direction) const noexcept;
    /// "the northern outskirts of X", "at the northern entrance to X", "in western X",
    /// "the countryside east of X", "the outskirts of X", "the countryside of X".
    bool try_part(std::size_t i, std::size_t& next);
    /// "south of X", "to the north of X", "in the northwest of X", "southwest X".
    bool try_direction_led(std::size_t i, std::size_t& next);
    /// How a location relates to a noun phrase it is "in": at a place, in a region,
    /// near a border, river or "area".
    Relation relation_of_np(const NounPhrase& np) const noexcept;
    /// "in Al-Hawaij", "in the Diyala Province", "in the Euphrates Valley", "in the X area".
    bool try_in(std::size_t i, std::size_t& next);
    /// "the Al-Tamim neighborhood of Ramadi", "the Hay al-Askari area of Fallujah":
    /// a named part of a place is the target, found within the place (an at
    /// constraint on it). @p np is the part, parsed at @p begin.
    bool try_named_part(const NounPhrase& np, std::size_t begin, std::size_t& next);
    /// A name outside any slot: remembered as a possible target ("Anjara, about
    /// 10 km west of Aleppo"); "Idlib countryside" and "Aleppo's western
    /// neighborhoods" are constraints by themselves.
    bool try_bare_name(std::size_t i, std::size_t& next);

    // --- after the scan -----------------------------------------------------------
    /// "in Al-Hawaij, 4 km northeast of Al-Mayadeen": a named place right before a
    /// relative constraint is the target that constraint locates.
    void promote_target();
    /// A phrase that is only a name ("Anjara", "Babilan village", "the Iraq–Turkey border").
    void bare_phrase();

    const TokenList& m_t;
    std::string_view m_input;
    bool m_valid_utf8;
    ParsedPhrase& m_out;
    NounPhrase m_pending;
    bool m_pending_active = false;
    std::vector<std::pair<std::size_t, std::size_t>> m_spans;  // token span of each constraint
};

} // namespace reckon::phrase::detail
