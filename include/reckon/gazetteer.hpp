#pragma once
/// @file gazetteer.hpp
/// The gazetteer: Syrian/Iraqi places (and neighbours) with all their names,
/// stored in one SQLite file, and ranked lookup that survives transliteration.

#include "reckon/types.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

// ---------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------

/// What to do with a malformed input row.
enum class OnBadRow {
    skip,  ///< warn (file:line: problem), count it, go on
    fail   ///< stop the build; the previous gazetteer file is left untouched
};

struct BuildOptions {
    std::vector<std::string> geonames;    ///< GeoNames dumps (19 tab-separated columns)
    std::vector<std::string> boundaries;  ///< OGR sources with admin polygons
    std::vector<std::string> boundary_layers;  ///< only these layers of the boundary sources; empty = all polygon layers
    std::vector<std::string> curated;     ///< curated CSV files (gazetteer/curated/*.csv)
    std::vector<std::string> countries;   ///< ISO alpha-2 filter; empty = keep all
    OnBadRow on_bad_row = OnBadRow::skip;
    std::size_t max_warnings = 20;        ///< warnings reported per source (all are counted)
};

/// Per-source outcome of a build.
struct SourceReport {
    std::string kind;  ///< geonames | boundaries | curated
    std::string path;
    std::size_t records = 0;
    std::size_t skipped = 0;
    std::vector<std::string> warnings;  ///< "file:line: problem", at most max_warnings
};

struct BuildReport {
    std::vector<SourceReport> sources;
    std::size_t places = 0;
    std::size_t names = 0;
    std::size_t admin_areas = 0;
    double seconds = 0.0;
};

/// Build a gazetteer at @p out_path from the inputs in @p options. The file is
/// written beside the target under a temporary name and renamed into place on
/// success, so a failed build never leaves a half-written gazetteer.
/// @param[in] out_path SQLite file to create or replace
/// @param[in] options  inputs and policies
/// @param[in] progress called with one line per finished step (may be empty)
/// Throws InputError (bad row with OnBadRow::fail), IoError (unreadable input).
BuildReport build_gazetteer(const std::string& out_path, const BuildOptions& options,
                            const std::function<void(const std::string&)>& progress = {});

// ---------------------------------------------------------------------------
// Lookup
// ---------------------------------------------------------------------------

/// How a candidate's name matched the query.
enum class MatchKind {
    exact,           ///< same folded name (case, diacritics, punctuation aside)
    transliterated,  ///< same transliteration key (articles, vowels, q/k, endings)
    skeleton,        ///< same consonant skeleton, scored by edit similarity
    fuzzy            ///< a typo away (skeleton within one edit)
};
const char* to_string(MatchKind k) noexcept;

/// Kind of feature a caller wants (overrides what generic words in the name say).
enum class FeatureType { any, settlement, admin1, admin2, camp, region, neighbourhood, facility };
const char* to_string(FeatureType t) noexcept;

struct SearchOptions {
    std::string country;                 ///< ISO alpha-2 hint ("" none)
    std::string in_admin;                ///< province/governorate/district name hint ("Diyala Province")
    std::string near;                    ///< a place name nearby ("near Baqubah")
    std::optional<LatLon> near_point;    ///< or a position nearby
    FeatureType feature = FeatureType::any;
    std::size_t limit = 10;              ///< candidates returned at most
    bool strict_context = false;         ///< drop candidates outside in_admin/country instead of demoting them
    bool explain = true;                 ///< fill Candidate::reasons (off: faster, for batch resolution)
};

/// One ranked candidate.
struct Candidate {
    Place place;
    std::string matched_name;     ///< the gazetteer name that matched
    MatchKind match = MatchKind::exact;
    double match_score = 0.0;     ///< name similarity in [0, 1]
    double score = 0.0;           ///< final rank score (match + priors + context)
    std::string admin1_name;      ///< governorate/province name ("" unknown)
    std::string admin2_name;      ///< district name ("" unknown)
    std::vector<std::string> reasons;  ///< why it ranks where it does
};

struct SearchResult {
    std::string query;
    std::vector<Candidate> candidates;   ///< accepted matches, best first
    std::vector<Candidate> suggestions;  ///< near misses when nothing was accepted
    bool ambiguous = false;              ///< the top candidates are distinct places the evidence cannot separate
    std::string ambiguity;               ///< what would decide between them
    std::vector<std::string> messages;   ///< notes on hints that were not understood
};

/// Row counts and sources of a gazetteer file.
struct GazetteerInfo {
    std::string path;
    std::string schema_version;
    std::string built_at;
    std::string reckon_version;
    std::size_t places = 0;
    std::size_t names = 0;
    std::size_t admin_areas = 0;
    std::vector<std::pair<std::string, std::size_t>> places_by_country;
    std::vector<std::pair<std::string, std::size_t>> places_by_class;
    std::vector<SourceReport> sources;
};

namespace detail {
class GazetteerImpl;
}

/// A read-only gazetteer. Not thread-safe: open one per thread.
class Gazetteer {
public:
    /// Open the SQLite gazetteer at @p path (read-only). Throws GazetteerError
    /// if it is missing, not a reckon gazetteer, or of another schema version.
    explicit Gazetteer(const std::string& path);
    ~Gazetteer();
    Gazetteer(Gazetteer&&) noexcept;
    Gazetteer& operator=(Gazetteer&&) noexcept;
    Gazetteer(const Gazetteer&) = delete;
    Gazetteer& operator=(const Gazetteer&) = delete;

    /// Ranked candidates for @p name. Finds nothing (with suggestions) rather
    /// than the nearest random village.
    SearchResult search(std::string_view name, const SearchOptions& options = {}) const;

    /// The place with public id @p id ("geonames:170794"), if any.
    std::optional<Place> place(std::string_view id) const;

    /// Every name of place @p id, as (name, lang) pairs.
    std::vector<std::pair<std::string, std::string>> names(std::string_view id) const;

    /// The name of place @p id in Latin script: its primary name when that is
    /// Latin, else GeoNames' ASCII name, else any Latin name; "" if none.
    std::string latin_name(std::string_view id) const;

    /// Counts and sources.
    GazetteerInfo info() const;

    /// The polygon (WKB, EPSG:4326) of an admin place (governorate, district,
    /// country) with public id @p id, if the gazetteer has one.
    std::optional<std::string> area_wkb(std::string_view id) const;

    /// The course (WKB LINESTRING, EPSG:4326) of a line feature (a river) with
    /// public id @p id, if the gazetteer has one. The place's extent_m is the
    /// line's generalisation error.
    std::optional<std::string> line_wkb(std::string_view id) const;

    /// The polygon (WKB) of country @p iso2 ("SY"), if the gazetteer has one.
    std::optional<std::string> country_wkb(std::string_view iso2) const;

    /// Governorate/province name for (country, admin1), "" if unknown.
    std::string admin1_name(const std::string& country, const std::string& admin1) const;

    const std::string& path() const noexcept;

private:
    std::unique_ptr<detail::GazetteerImpl> m_impl;
};

// ---------------------------------------------------------------------------
// Listing (src/gazetteer/places.cpp)
// ---------------------------------------------------------------------------

/// Which places list_places() returns.
struct PlaceFilter {
    std::vector<std::string> feature_classes{"P"};  ///< GeoNames feature classes; empty = every class
    std::vector<std::string> exclude_codes;         ///< feature codes left out (PPLH, PPLQ, ...)
    std::vector<std::string> countries;             ///< ISO alpha-2; empty = every country
    double min_lat_deg = -90.0;                     ///< bounding box of the positions (degrees)
    double max_lat_deg = 90.0;
    double min_lon_deg = -180.0;
    double max_lon_deg = 180.0;
};

/// Every place of @p gazetteer that passes @p filter, ordered by public id
/// (settlements of a region, for control areas). Opens the file read-only
/// beside the gazetteer's own connection. Throws GazetteerError on a broken file.
std::vector<Place> list_places(const Gazetteer& gazetteer, const PlaceFilter& filter = {});

/// An administrative polygon of the gazetteer.
struct AdminArea {
    std::string place_id;  ///< public id of the place standing for it ("" if none)
    int level = 0;         ///< 0 country, 1 governorate/province, 2 district
    std::string country;   ///< ISO alpha-2
    std::string admin1;    ///< GeoNames admin1 code ("" unknown)
    std::string admin2;
    std::string name;
    std::string wkb;       ///< polygon, WKB, EPSG:4326 (lon/lat)
};

/// The admin polygons of @p level (0, 1 or 2), of @p country only when not
/// empty, ordered by country and name.
std::vector<AdminArea> list_admin_areas(const Gazetteer& gazetteer, int level, const std::string& country = "");

/// The default gazetteer path: $RECKON_GAZETTEER if set, else
/// $XDG_DATA_HOME/reckon/gazetteer.sqlite (~/.local/share/reckon/gazetteer.sqlite).
std::string default_gazetteer_path();

} // namespace reckon
