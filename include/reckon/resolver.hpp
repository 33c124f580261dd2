#pragma once
/// @file resolver.hpp
/// Location phrase → point estimate, uncertainty radius and polygon
/// (point-radius method, Wieczorek et al. 2004), with precision codes that
/// line up with UCDP GED and ACLED.

#include "reckon/gazetteer.hpp"
#include "reckon/phrase.hpp"
#include "reckon/types.hpp"

#include <memory>
#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

namespace reckon {

namespace geometry {
class Geometry;
}

enum class ResolveStatus {
    ok,            ///< located
    unresolved,    ///< not understood or an anchor not found (messages say which; suggestions given)
    ambiguous,     ///< an anchor fits several distinct places the context cannot separate
    inconsistent,  ///< the parts of the phrase disagree (both are reported; the estimate follows the more trusted)
    error          ///< invalid input (empty, too long, absurd values)
};
const char* to_string(ResolveStatus s) noexcept;

/// UCDP GED where_prec and ACLED geo_precision codes.
struct PrecisionCodes {
    /// 1 exact place; 2 within ~25 km ("near"); 3 second-order admin (district);
    /// 4 first-order admin (province); 5 linear feature / between places;
    /// 6 country; 7 international waters or airspace. 0 = none.
    int ucdp_where_prec = 0;
    /// 1 the specific town; 2 near a town or a part of a region; 3 a larger region. 0 = none.
    int acled_geo_precision = 0;
};

/// The resolved offset of an offset constraint (first one).
struct OffsetEstimate {
    double distance_m = 0.0;       ///< nominal distance used (after reporter-bias correction)
    double distance_min_m = 0.0;
    double distance_max_m = 0.0;
    double azimuth_deg = 0.0;      ///< NaN when no direction was given
    double half_width_deg = 0.0;   ///< 180 when no direction was given
};

/// One resolved anchor.
struct ResolvedAnchor {
    Anchor anchor;               ///< as parsed
    std::optional<Place> place;  ///< the gazetteer place (none for borders/rivers or when not found)
    std::string status;          ///< ok | not_found | ambiguous | unsupported
    std::vector<Candidate> candidates;  ///< when ambiguous or not found (suggestions)
};

struct Resolution {
    std::string input;
    ResolveStatus status = ResolveStatus::unresolved;
    LatLon point;                   ///< point estimate (EPSG:4326)
    double uncertainty_m = 0.0;     ///< radius around point containing the location
    std::string uncertainty_wkt;    ///< polygon (EPSG:4326, lon/lat order), "" if none
    std::optional<Place> target;    ///< the named place the phrase locates, when found and confirmed
    std::vector<ResolvedAnchor> anchors;
    std::optional<OffsetEstimate> offset;
    PrecisionCodes precision;
    ParsedPhrase parse;
    std::vector<std::string> messages;
};

struct ResolveOptions {
    /// Context text: a report section heading or a province/country
    /// ("Diyala Province", "Syria"), used to narrow anchors.
    std::string context;
    /// Distance-precision policy: "wieczorek2020" (default) or "frazier2004".
    std::string distance_policy = "wieczorek2020";
    /// Add the calibrated reporter error (default); off gives the textbook model.
    bool reporter_error = true;
    /// Produce uncertainty_wkt (polygon) as well as point and radius.
    bool polygon = true;
};

/// Resolves phrases against a gazetteer. Not thread-safe (one per thread).
class Resolver {
public:
    /// @param[in] gazetteer kept by reference; must outlive the resolver
    explicit Resolver(const Gazetteer& gazetteer);
    ~Resolver();
    Resolver(const Resolver&) = delete;
    Resolver& operator=(const Resolver&) = delete;

    /// Resolve one phrase. Never throws for bad phrases: they get status
    /// error/unresolved with messages.
    Resolution resolve(std::string_view phrase, const ResolveOptions& options = {}) const;

    /// Resolve an already parsed phrase.
    Resolution resolve(const ParsedPhrase& parsed, const ResolveOptions& options = {}) const;

private:
    geometry::Geometry place_area(const Place& p) const;
    /// The border line between two countries ("SY", "TR"), cached; empty if unknown.
    const geometry::Geometry* border_line(const std::string& a, const std::string& b) const;
    /// The course of a line place (a river), cached; nullptr if it has none.
    const geometry::Geometry* line_of(const Place& p) const;
    /// The river named @p name with a course in the gazetteer ("Euphrates", "Diyala" → Diyala River).
    std::optional<Place> find_river(const std::string& name, const SearchOptions& base) const;
    /// The polygon of a context ("Syria", "Deir ez-Zor Governorate"), cached; nullptr if none.
    const geometry::Geometry* context_area(const std::string& context) const;
    /// Gazetteer lookup, cached per resolver by name and options (reports name the same anchors again and again).
    const SearchResult& search_cached(const std::string& name, const SearchOptions& options) const;

    const Gazetteer& m_gazetteer;
    /// Admin polygons, simplified once per resolver.
    mutable std::unordered_map<std::string, std::shared_ptr<geometry::Geometry>> m_areas;
    mutable std::unordered_map<std::string, std::shared_ptr<geometry::Geometry>> m_borders;
    mutable std::unordered_map<std::string, std::shared_ptr<geometry::Geometry>> m_lines;
    mutable std::unordered_map<std::string, std::shared_ptr<geometry::Geometry>> m_context_areas;
    mutable std::unordered_map<std::string, SearchResult> m_searches;
};

} // namespace reckon
