// Resolver: parsed phrase + gazetteer → point, radius, polygon, codes.
//
// Each constraint of a phrase becomes a region on the ellipsoid (a geodesic
// annular sector, disk, corridor or admin polygon); all constraints hold, so
// the regions intersect. A named target ("in Al-Hawaij, 4 km NE of
// Al-Mayadeen") is looked up near that region and confirmed, or reported as
// inconsistent with it. The point is the centre of the smallest circle around
// the final region, and the uncertainty is that circle's radius.

#include "reckon/resolver.hpp"

#include "geodesy/geodesic.hpp"
#include "geometry/shapes.hpp"
#include "reckon/error.hpp"
#include "text/normalize.hpp"
#include "uncertainty/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace reckon {

namespace {

using geometry::Geometry;

// Policy constants (metres unless named otherwise).
// A part of a place ("western Mosul") lies within the place's extent; a part
// that extends beyond it ("outskirts", "entrance") reaches this far out.
constexpr double outskirts_beyond_extent_m = 5000.0;
constexpr double entrance_beyond_extent_m = 3000.0;
constexpr double part_half_width_deg = 90.0;          // "western X": the western half
constexpr double outskirts_half_width_deg = 67.5;     // "northern outskirts": a wide wedge
// Between/road: roads wander from the straight line (detour index ~1.3 in
// the region's road network): half-width as a fraction of the anchor gap.
constexpr double road_half_width_fraction = 0.15;
constexpr double road_min_half_width_m = 5000.0;
constexpr double between_half_width_fraction = 0.3;   // "between X and Y": anywhere roughly between
constexpr double midway_radius_fraction = 0.2;        // "midway between": around the midpoint
// "Idlib countryside": the rural area around a town that is not an admin area.
constexpr double countryside_radius_m = 40000.0;
// A named target counts as confirmed by the relative description if it lies
// in the described region or within this much of it (plus its own extent).
constexpr double target_tolerance_m = 5000.0;
// Absurd distances: beyond this, no report means it.
constexpr double max_offset_m = 1500000.0;
// Precision code thresholds (UCDP "near": within ~25 km).
constexpr double ucdp_near_m = 25000.0;
constexpr double ucdp_district_m = 75000.0;
// UCDP's "near" (2) is "within ~25 km of a known point": anchors up to this extent count as points.
constexpr double point_like_extent_m = 10000.0;
// "immediately south of the border", "near the border": within this of it.
constexpr double border_direction_only_m = 25000.0;
// River anchors (the course's own generalisation error, the place's extent_m,
// is added to every width below).
// "on the banks of the Tigris": the floodplain, which in Syria is "no more than
// a few miles wide" (Encyclopaedia Britannica, "Tigris-Euphrates river
// system"): half of ~6 km either side of the channel.
constexpr double river_bank_half_width_m = 3000.0;
// "the Euphrates Valley": the floodplain plus the terraces up to the valley
// escarpment, where the valley's towns and villages stand (Hajin, al-Susah,
// al-Mayadin lie within 3 km of the course; the villages of the valley up to
// ~10 km): 10 km either side.
constexpr double valley_half_width_m = 10000.0;
// The side of a river is decided on its course simplified to ~2 km, well
// inside the course's own error (6-15 km): fewer segments to sweep.
constexpr double side_sweep_simplify_deg = 0.02;
// Search depth for a river's name: the course may be a few candidates down
// (GeoNames has villages and stream points of the same name).
constexpr std::size_t river_candidates = 10;
// Per-resolver lookup cache bound (a batch names a few hundred distinct anchors).
constexpr std::size_t max_cached_searches = 4096;

struct Region {
    bool has_distance = false;  // an offset with a figure: its nominal point is the best single point
    bool line_anchor = false;   // a river band or corridor: its point is on it, not off a bend
    Geometry geom;
    LatLon natural_point;  // the description's own best point (nominal offset, place point)
    PrecisionCodes codes;
    std::string text;
};

PrecisionCodes codes_by_radius(double radius_m) {
    if (radius_m <= ucdp_near_m) return {2, 2};
    if (radius_m <= ucdp_district_m) return {3, 3};
    return {4, 3};
}

PrecisionCodes codes_for_place(const Place& p) {
    if (p.feature_class == "P") return {1, 1};
    if (p.feature_class == "A") {
        if (p.feature_code == "ADM1") return {4, 3};
        if (p.feature_code == "PCLI") return {6, 3};
        return {3, 3};
    }
    if (p.extent_m <= 5000.0) return {1, 1};
    return codes_by_radius(p.extent_m);
}

FeatureType feature_from_hint(const std::string& hint) {
    if (hint == "province" || hint == "governorate") return FeatureType::admin1;
    if (hint == "district" || hint == "sub-district" || hint == "subdistrict") return FeatureType::admin2;
    if (hint == "city" || hint == "town" || hint == "village" || hint == "capital" || hint == "towns" ||
        hint == "villages") {
        return FeatureType::settlement;
    }
    if (hint == "camp") return FeatureType::camp;
    if (hint == "airport" || hint == "airbase" || hint == "air base" || hint == "base" || hint == "dam" ||
        hint == "field" || hint == "oil field" || hint == "oilfield" || hint == "crossing" || hint == "border crossing") {
        return FeatureType::facility;
    }
    if (hint == "neighbourhood" || hint == "neighborhood" || hint == "quarter") return FeatureType::neighbourhood;
    if (hint == "region" || hint == "area" || hint == "valley") return FeatureType::region;
    return FeatureType::any;
}

// Country names a context may be.
std::string country_of_context(const std::string& context) {
    const std::string f = text::fold(context);
    static const std::vector<std::pair<const char*, const char*>> names{
        {"syria", "SY"}, {"iraq", "IQ"}, {"turkey", "TR"}, {"iran", "IR"}, {"jordan", "JO"}, {"lebanon", "LB"}};
    for (const auto& [n, cc] : names) {
        if (f == n || f == std::string("in ") + n) return cc;
    }
    return {};
}

// The point of @p g nearest @p centre, a step inside its edge so that it stays
// inside once written with 6 decimals (~0.1 m); the centre itself when inside.
LatLon point_inside_near(const Geometry& g, const LatLon& centre) {
    constexpr double inward_step_deg = 1e-4;  // ~10 m
    if (geometry::covers(g, centre)) return centre;
    const LatLon n = geometry::nearest_point(g, centre);
    const double dx = n.lon_deg - centre.lon_deg, dy = n.lat_deg - centre.lat_deg;
    const double len = std::hypot(dx, dy);
    if (len > 0) {
        const LatLon in{n.lat_deg + dy / len * inward_step_deg, n.lon_deg + dx / len * inward_step_deg};
        if (geometry::covers(g, in)) return in;
    }
    return g.point_on_surface();
}

// A band along a river: its point is the band's point nearest its smallest
// circle's centre, which a bent course puts off the band; a line, so UCDP 5.
Region line_region(Geometry band, const std::string& text) {
    Region r;
    r.geom = std::move(band);
    r.natural_point = point_inside_near(r.geom, geometry::min_radius_centre(r.geom));
    r.line_anchor = true;
    r.codes = {5, 0};
    r.text = text;
    return r;
}

// "Euphrates Valley" → "Euphrates"; "" when the name does not end in "valley".
std::string valley_stem(const std::string& name) {
    constexpr std::string_view word = " valley";
    if (name.size() <= word.size()) return {};
    std::string tail = name.substr(name.size() - word.size());
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (tail != word) return {};
    return name.substr(0, name.size() - word.size());
}

// Admin polygons are drawn at this tolerance (~200 m): the uncertainty of a
// province is tens of kilometres, and the source polygons carry thousands of
// vertices that would make every output row megabytes.
constexpr double admin_polygon_tolerance_deg = 0.002;

} // namespace

const char* to_string(ResolveStatus s) noexcept {
    switch (s) {
    case ResolveStatus::ok: return "ok";
    case ResolveStatus::unresolved: return "unresolved";
    case ResolveStatus::ambiguous: return "ambiguous";
    case ResolveStatus::inconsistent: return "inconsistent";
    case ResolveStatus::error: return "error";
    }
    return "error";
}

Resolver::Resolver(const Gazetteer& gazetteer) : m_gazetteer(gazetteer) {}
Resolver::~Resolver() = default;

const Geometry* Resolver::border_line(const std::string& a, const std::string& b) const {
    const std::string key = a < b ? a + "|" + b : b + "|" + a;
    auto it = m_borders.find(key);
    if (it == m_borders.end()) {
        std::shared_ptr<Geometry> line;
        const auto wa = m_gazetteer.country_wkb(a);
        const auto wb = m_gazetteer.country_wkb(b);
        if (wa && wb) {
            Geometry g = geometry::common_border(Geometry::from_wkb(*wa), Geometry::from_wkb(*wb));
            if (!g.empty()) line = std::make_shared<Geometry>(std::move(g));
        }
        it = m_borders.emplace(key, std::move(line)).first;
    }
    return it->second.get();
}

const Geometry* Resolver::line_of(const Place& p) const {
    auto it = m_lines.find(p.id);
    if (it == m_lines.end()) {
        std::shared_ptr<Geometry> g;
        if (auto wkb = m_gazetteer.line_wkb(p.id)) g = std::make_shared<Geometry>(Geometry::from_wkb(*wkb));
        it = m_lines.emplace(p.id, std::move(g)).first;
    }
    return it->second.get();
}

const SearchResult& Resolver::search_cached(const std::string& name, const SearchOptions& o) const {
    std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", name, o.country, o.in_admin, o.near,
                                  static_cast<int>(o.feature), o.limit, o.strict_context ? 1 : 0, o.explain ? 1 : 0);
    if (o.near_point) key += fmt::format("\x1f{:.9f},{:.9f}", o.near_point->lat_deg, o.near_point->lon_deg);
    auto it = m_searches.find(key);
    if (it != m_searches.end()) return it->second;
    if (m_searches.size() >= max_cached_searches) m_searches.clear();
    return m_searches.emplace(std::move(key), m_gazetteer.search(name, o)).first->second;
}

std::optional<Place> Resolver::find_river(const std::string& name, const SearchOptions& base) const {
    SearchOptions so = base;
    so.feature = FeatureType::region;
    so.limit = river_candidates;
    so.near_point.reset();
    // "the Diyala" is also a province: the river's own name carries "River"
    for (const std::string& q : {name, name + " River"}) {
        for (const Candidate& c : search_cached(q, so).candidates) {
            if (line_of(c.place)) return c.place;
        }
    }
    return std::nullopt;
}

const Geometry* Resolver::context_area(const std::string& context) const {
    if (context.empty()) return nullptr;
    auto it = m_context_areas.find(context);
    if (it == m_context_areas.end()) {
        std::shared_ptr<Geometry> g;
        std::optional<std::string> wkb;
        const std::string cc = country_of_context(context);
        if (!cc.empty()) {
            wkb = m_gazetteer.country_wkb(cc);
        } else {
            SearchOptions so;
            so.explain = false;
            so.limit = 3;
            for (FeatureType f : {FeatureType::admin1, FeatureType::admin2}) {
                so.feature = f;
                for (const Candidate& c : search_cached(context, so).candidates) {
                    if (c.place.feature_class == "A" && (wkb = m_gazetteer.area_wkb(c.place.id))) break;
                }
                if (wkb) break;
            }
        }
        if (wkb) g = std::make_shared<Geometry>(Geometry::from_wkb(*wkb).simplified(admin_polygon_tolerance_deg));
        it = m_context_areas.emplace(context, std::move(g)).first;
    }
    return it->second.get();
}

Geometry Resolver::place_area(const Place& p) const {
    if (p.feature_class == "A") {
        auto it = m_areas.find(p.id);
        if (it == m_areas.end()) {
            std::shared_ptr<Geometry> g;
            if (auto wkb = m_gazetteer.area_wkb(p.id)) {
                g = std::make_shared<Geometry>(Geometry::from_wkb(*wkb).simplified(admin_polygon_tolerance_deg));
            }
            it = m_areas.emplace(p.id, std::move(g)).first;
        }
        if (it->second) return it->second->clone();
    }
    return geometry::disk(p.position, std::max(p.extent_m, 100.0));
}

Resolution Resolver::resolve(std::string_view phrase, const ResolveOptions& options) const {
    if (phrase.size() > max_phrase_bytes) {
        Resolution res;
        res.input = text::sanitize_utf8(phrase.substr(0, 80)) + "…";
        res.status = ResolveStatus::error;
        res.messages.push_back(fmt::format("phrase too long ({} bytes, at most {}): pass a sentence, not a report",
                                           phrase.size(), max_phrase_bytes));
        return res;
    }
    return resolve(parse_phrase(phrase), options);
}

Resolution Resolver::resolve(const ParsedPhrase& pp, const ResolveOptions& options) const {
    Resolution res;
    res.input = pp.input;
    res.parse = pp;
    res.messages = pp.messages;

    uncertainty::ModelOptions model;
    try {
        model.precision = uncertainty::distance_precision_policy(options.distance_policy);
    } catch (const UsageError& e) {
        res.status = ResolveStatus::error;
        res.messages.emplace_back(e.what());
        return res;
    }
    model.reporter_error = options.reporter_error;

    const bool blank = std::all_of(pp.input.begin(), pp.input.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (blank) {
        res.status = ResolveStatus::error;
        res.messages.emplace_back("empty phrase");
        return res;
    }
    if (pp.input.size() > max_phrase_bytes) {
        res.status = ResolveStatus::error;
        res.messages.push_back(fmt::format("phrase too long ({} bytes, at most {}): pass a sentence, not a report",
                                           pp.input.size(), max_phrase_bytes));
        return res;
    }
    if (pp.constraints.empty() && !pp.target) {
        res.status = ResolveStatus::unresolved;
        res.messages.emplace_back("no place or location expression found");
        return res;
    }

    // Context: a country or a province/district heading.
    SearchOptions base;
    base.explain = false;  // reasons are for `gazetteer search`; resolution reports its own messages
    base.country = country_of_context(options.context);
    if (base.country.empty()) base.in_admin = options.context;

    // Resolve every anchor.
    std::vector<std::vector<std::size_t>> anchor_index(pp.constraints.size());
    bool any_ambiguous = false;
    for (std::size_t ci = 0; ci < pp.constraints.size(); ++ci) {
        for (const Anchor& a : pp.constraints[ci].anchors) {
            ResolvedAnchor ra;
            ra.anchor = a;
            if (a.kind == AnchorKind::border) {
                ra.status = "border";  // located below, from the country polygons
            } else if (a.kind == AnchorKind::river) {
                if (std::optional<Place> river = find_river(a.name, base)) {
                    ra.place = std::move(river);
                    ra.status = "ok";
                } else {
                    ra.status = "not_found";
                    res.messages.push_back(fmt::format("'{}': no river of that name with a course in the gazetteer",
                                                       a.text.empty() ? a.name : a.text));
                }
            } else {
                // "Sadr City": the name with its capitalised generic word, when a place has exactly that name
                std::optional<Place> full;
                if (!a.full_name.empty()) {
                    SearchOptions fo = base;
                    fo.limit = 5;
                    for (const Candidate& c : search_cached(a.full_name, fo).candidates) {
                        if (c.match == MatchKind::exact) {
                            full = c.place;
                            break;
                        }
                    }
                }
                SearchOptions so = base;
                so.feature = feature_from_hint(a.feature_hint);
                so.limit = 5;
                static const SearchResult no_search;
                const SearchResult& sr = full ? no_search : search_cached(a.name, so);
                std::optional<Place> valley_river;
                if (sr.candidates.empty() && a.feature_hint == "valley") valley_river = find_river(valley_stem(a.name), base);
                if (full) {
                    ra.place = std::move(full);
                    ra.status = "ok";
                } else if (valley_river) {
                    // "the Khabur valley": no place of that name, but the river's course
                    ra.place = std::move(valley_river);
                    ra.status = "ok";
                    res.messages.push_back("'" + a.name + "' taken as the valley of the " + ra.place->name);
                } else if (sr.candidates.empty()) {
                    ra.status = "not_found";
                    ra.candidates = sr.suggestions;
                    std::string msg = "'" + a.name + "' not found in the gazetteer";
                    if (!sr.suggestions.empty()) {
                        msg += "; did you mean";
                        for (std::size_t i = 0; i < sr.suggestions.size() && i < 3; ++i) {
                            msg += (i ? ", " : " ") + sr.suggestions[i].place.name + " (" + sr.suggestions[i].place.id + ")";
                        }
                    }
                    res.messages.push_back(msg);
                } else {
                    ra.place = sr.candidates.front().place;
                    ra.status = sr.ambiguous ? "ambiguous" : "ok";
                    if (sr.ambiguous) {
                        ra.candidates = sr.candidates;
                        any_ambiguous = true;
                    }
                }
            }
            anchor_index[ci].push_back(res.anchors.size());
            res.anchors.push_back(std::move(ra));
        }
    }
    // Ambiguous anchors: another anchor of the same phrase is the best context.
    if (any_ambiguous) {
        for (auto& ra : res.anchors) {
            if (ra.status != "ambiguous") continue;
            for (const auto& other : res.anchors) {
                if (&other == &ra || other.status != "ok" || !other.place || other.anchor.kind != AnchorKind::place) continue;
                SearchOptions so = base;
                so.feature = feature_from_hint(ra.anchor.feature_hint);
                so.near_point = other.place->position;
                const SearchResult& sr = search_cached(ra.anchor.name, so);
                if (!sr.candidates.empty() && !sr.ambiguous) {
                    ra.place = sr.candidates.front().place;
                    ra.status = "ok";
                    ra.candidates.clear();
                    res.messages.push_back("'" + ra.anchor.name + "' taken as " + ra.place->name + " (" + ra.place->id +
                                           "), the one nearest " + other.place->name);
                    break;
                }
            }
        }
    }

    // Countries the phrase is about: context, then the places it names.
    // A border anchor ("35 km south of the Turkish-Syrian border"): a band
    // along the common border of two countries, on the side the direction
    // names; a line anchor, so UCDP 5.
    auto border_region = [&](const Constraint& c, const std::vector<std::string>& known,
                             const uncertainty::ModelOptions& m, std::vector<std::string>& messages) -> std::optional<Region> {
        const Anchor& a = c.anchors.front();
        std::vector<std::pair<std::string, std::string>> pairs;
        if (a.countries.size() >= 2) {
            pairs.emplace_back(a.countries[0], a.countries[1]);
        } else if (a.countries.size() == 1) {
            const std::string& named = a.countries[0];
            for (const auto& k : known) {
                if (k != named) {
                    pairs.emplace_back(named, k);
                    break;
                }
            }
            if (pairs.empty()) {
                // Syria's and Iraq's neighbours, for "the Iranian border" alone
                static const std::vector<std::pair<const char*, const char*>> neighbours{
                    {"IR", "IQ"}, {"KW", "IQ"}, {"SA", "IQ"}, {"LB", "SY"}, {"IL", "SY"}, {"TR", "SY"}, {"TR", "IQ"},
                    {"JO", "SY"}, {"JO", "IQ"}, {"SY", "IQ"}, {"IQ", "SY"}};
                for (const auto& [x, y] : neighbours) {
                    if (named == x) pairs.emplace_back(x, y);
                }
            }
        }
        if (pairs.empty()) {
            messages.push_back("'" + c.text + "': which border is meant is not clear");
            return std::nullopt;
        }
        Geometry line;
        std::vector<std::string> sides;
        for (const auto& [x, y] : pairs) {
            const Geometry* l = border_line(x, y);
            if (!l) {
                messages.push_back("'" + c.text + "': the gazetteer has no " + x + "/" + y +
                                   " country polygons to draw that border from");
                continue;
            }
            line = line.empty() ? l->clone() : geometry::unite(line, *l);
            for (const auto* cc : {&x, &y}) {
                if (std::find(sides.begin(), sides.end(), *cc) == sides.end()) sides.push_back(*cc);
            }
        }
        if (line.empty()) return std::nullopt;
        uncertainty::RadialRange rr;
        if (c.distance && std::isfinite(c.distance->value_m)) {
            if (c.distance->value_m <= 0 || c.distance->value_m > max_offset_m) return std::nullopt;
            rr = uncertainty::distance_range(*c.distance, m);
        } else {
            rr.min_m = 0.0;
            rr.max_m = border_direction_only_m;
        }
        Geometry band = geometry::band_around(line, rr.min_m, rr.max_m);
        // The side: the country that lies in the stated direction from the
        // border, else the country the report is about.
        std::optional<std::string> side;
        if (c.direction && std::isfinite(c.direction->azimuth_deg)) {
            const LatLon mid = line.centroid();
            double best = 180.0;
            for (const auto& cc : sides) {
                const auto wkb = m_gazetteer.country_wkb(cc);
                if (!wkb) continue;
                const double az = geodesy::inverse(mid, Geometry::from_wkb(*wkb).centroid()).azimuth1_deg;
                const double diff = std::fabs(std::remainder(az - c.direction->azimuth_deg, 360.0));
                if (diff < best && diff < 90.0) best = diff, side = cc;
            }
        } else {
            for (const auto& k : known) {
                if (std::find(a.countries.begin(), a.countries.end(), k) == a.countries.end() &&
                    std::find(sides.begin(), sides.end(), k) != sides.end()) {
                    side = k;
                    break;
                }
            }
        }
        if (side) {
            if (const auto wkb = m_gazetteer.country_wkb(*side)) band = geometry::intersection(band, Geometry::from_wkb(*wkb));
        }
        if (band.empty()) return std::nullopt;
        // a border band keeps the smallest circle's centre as its point (as before rivers came)
        Region r;
        r.geom = std::move(band);
        r.natural_point = geometry::min_radius_centre(r.geom);
        r.codes = {5, 0};
        r.text = c.text;
        return r;
    };
    std::vector<std::string> phrase_countries;
    if (!base.country.empty()) phrase_countries.push_back(base.country);
    for (const auto& ra : res.anchors) {
        if (ra.place && ra.anchor.kind == AnchorKind::place &&
            std::find(phrase_countries.begin(), phrase_countries.end(), ra.place->country) == phrase_countries.end()) {
            phrase_countries.push_back(ra.place->country);
        }
    }

    // Regions of the constraints whose anchors all resolved.
    std::vector<Region> regions;
    bool ambiguous_left = false;
    bool absurd = false;

    // A river anchor: a band along its course, on the side the direction names
    // ("30 km west of the Euphrates"), or a corridor ("near", "along", "on the
    // banks of", "within 10 km of"); the course's generalisation error (the
    // place's extent) widens it. A line anchor, so UCDP 5. The context, when it
    // names a country or province, clips it.
    auto river_region = [&](const Constraint& c, const Place& river) -> std::optional<Region> {
        const Geometry* line = line_of(river);
        if (!line) return std::nullopt;
        const double e = river.extent_m;
        const bool has_dir = c.direction && std::isfinite(c.direction->azimuth_deg);
        double lo_m = 0.0, hi_m = uncertainty::near_radius_m(model);
        switch (c.relation) {
        case Relation::offset: {
            const bool has_dist = c.distance && (std::isfinite(c.distance->value_m) ||
                                                 c.distance->qualifier == DistanceQualifier::few ||
                                                 c.distance->qualifier == DistanceQualifier::several);
            if (has_dist) {
                if (std::isfinite(c.distance->value_m) && (c.distance->value_m <= 0 || c.distance->value_m > max_offset_m)) {
                    res.messages.push_back(fmt::format("'{}': a distance of {:.0f} km is not plausible", c.distance->text,
                                                       c.distance->value_m / 1000.0));
                    absurd = true;
                    return std::nullopt;
                }
                const uncertainty::RadialRange rr = uncertainty::distance_range(*c.distance, model);
                lo_m = rr.min_m;
                hi_m = rr.max_m;
                if (!res.offset) {
                    res.offset = OffsetEstimate{rr.nominal_m, rr.min_m, rr.max_m,
                                                has_dir ? c.direction->azimuth_deg : std::nan(""),
                                                has_dir ? uncertainty::heading_half_width_deg(*c.direction, model) : 180.0};
                }
            } else {
                // how far a bare direction reaches, as measured for place anchors
                hi_m = uncertainty::direction_only_range(0.0, model).max_m;
            }
            break;
        }
        case Relation::within: {
            const double d = c.distance && std::isfinite(c.distance->value_m) ? c.distance->value_m : 0.0;
            hi_m = std::max(d + (c.distance ? uncertainty::distance_precision_m(*c.distance, model.precision) : 0.0), 100.0);
            break;
        }
        case Relation::part:
            if (c.part == "bank") hi_m = river_bank_half_width_m;
            break;
        case Relation::between:
        case Relation::road:
            res.messages.push_back("'" + c.text + "': a river cannot be one end of a between or road description");
            return std::nullopt;
        default:
            break;
        }
        Geometry band = geometry::band_around(*line, std::max(0.0, lo_m - e), hi_m + e);
        if (has_dir) {
            const double half = uncertainty::heading_half_width_deg(*c.direction, model);
            const Geometry coarse = line->simplified(side_sweep_simplify_deg);
            band = geometry::intersection(band, geometry::side_of_line(coarse, c.direction->azimuth_deg, half, hi_m + e));
        }
        if (const Geometry* ctx = context_area(options.context)) band = geometry::intersection(band, *ctx);
        if (!geometry::has_area(band)) {
            res.messages.push_back("'" + c.text + "': the " + river.name + " has no such stretch" +
                                   (options.context.empty() ? "" : " in " + options.context));
            return std::nullopt;
        }
        return line_region(std::move(band), c.text);
    };

    // "the Euphrates Valley": a corridor along the river's course, within the
    // named valley region's own extent when the gazetteer has one.
    auto valley_region = [&](const Constraint& c, const Place& named) -> std::optional<Region> {
        std::optional<Place> river;
        if (line_of(named)) river = named;
        else river = find_river(valley_stem(c.anchors.front().name), base);
        if (!river) return std::nullopt;
        Geometry g = geometry::band_around(*line_of(*river), 0.0, valley_half_width_m + river->extent_m);
        if (river->id != named.id) g = geometry::intersection(g, geometry::disk(named.position, named.extent_m));
        if (const Geometry* ctx = context_area(options.context)) g = geometry::intersection(g, *ctx);
        if (!geometry::has_area(g)) return std::nullopt;
        Region r;
        r.geom = std::move(g);
        r.natural_point = point_inside_near(r.geom, geometry::min_radius_centre(r.geom));
        r.line_anchor = true;
        r.text = c.text;
        return r;
    };
    for (std::size_t ci = 0; ci < pp.constraints.size(); ++ci) {
        const Constraint& c = pp.constraints[ci];
        if (!c.anchors.empty() && c.anchors.front().kind == AnchorKind::border) {
            std::optional<Region> r;
            try {
                r = border_region(c, phrase_countries, model, res.messages);
            } catch (const Error& e) {
                res.messages.push_back("'" + c.text + "': " + e.what());
            }
            for (std::size_t ai : anchor_index[ci]) res.anchors[ai].status = r ? "ok" : "not_found";
            if (r) regions.push_back(std::move(*r));
            continue;
        }
        if (!c.anchors.empty() && c.anchors.front().kind == AnchorKind::river) {
            const ResolvedAnchor& ra = res.anchors[anchor_index[ci].front()];
            if (!ra.place) continue;
            std::optional<Region> r;
            try {
                r = river_region(c, *ra.place);
            } catch (const Error& e) {
                res.messages.push_back("'" + c.text + "': " + e.what());
            }
            if (r) regions.push_back(std::move(*r));
            continue;
        }
        if (std::any_of(c.anchors.begin(), c.anchors.end(), [](const Anchor& a) { return a.kind != AnchorKind::place; })) {
            res.messages.push_back("'" + c.text + "': a border or river cannot be one of several places");
            continue;
        }
        if (c.anchors.size() == 1 && c.anchors.front().feature_hint == "valley" && !anchor_index[ci].empty() &&
            (c.relation == Relation::region || c.relation == Relation::at || c.relation == Relation::near)) {
            const ResolvedAnchor& ra = res.anchors[anchor_index[ci].front()];
            if (ra.place && ra.status == "ok") {
                std::optional<Region> r;
                try {
                    r = valley_region(c, *ra.place);
                } catch (const Error& e) {
                    res.messages.push_back("'" + c.text + "': " + e.what());
                }
                if (r) {
                    regions.push_back(std::move(*r));
                    continue;
                }
            }
        }
        std::vector<const Place*> places;
        bool usable = !anchor_index[ci].empty();
        for (std::size_t ai : anchor_index[ci]) {
            const ResolvedAnchor& ra = res.anchors[ai];
            if (!ra.place || (ra.status != "ok" && ra.status != "ambiguous")) usable = false;
            if (ra.status == "ambiguous") ambiguous_left = true;
            if (ra.place) places.push_back(&*ra.place);
        }
        if (!usable) continue;

        // Several anchors of one offset ("east of the towns of Nubl and
        // al-Zahraa"): measure from their midpoint, extent covering both.
        LatLon centre = places.front()->position;
        double extent_m = places.front()->extent_m;
        if (places.size() >= 2 && c.relation != Relation::between && c.relation != Relation::road) {
            const geodesy::Inverse inv = geodesy::inverse(places[0]->position, places[1]->position);
            centre = geodesy::direct(places[0]->position, inv.azimuth1_deg, inv.distance_m / 2.0);
            extent_m = std::max(places[0]->extent_m, places[1]->extent_m) + inv.distance_m / 2.0;
        }

        Region r;
        r.text = c.text;
        try {
            switch (c.relation) {
            case Relation::at: {
                r.geom = place_area(*places.front());
                r.natural_point = centre;
                r.codes = codes_for_place(*places.front());
                break;
            }
            case Relation::offset: {
                const bool has_dir = c.direction && std::isfinite(c.direction->azimuth_deg);
                const bool has_dist = c.distance && (std::isfinite(c.distance->value_m) ||
                                                     c.distance->qualifier == DistanceQualifier::few ||
                                                     c.distance->qualifier == DistanceQualifier::several);
                uncertainty::RadialRange rr;
                if (has_dist) {
                    if (std::isfinite(c.distance->value_m) &&
                        (c.distance->value_m <= 0 || c.distance->value_m > max_offset_m)) {
                        res.messages.push_back(fmt::format("'{}': a distance of {:.0f} km is not plausible",
                                                           c.distance->text, c.distance->value_m / 1000.0));
                        absurd = true;
                        usable = false;
                        break;
                    }
                    rr = uncertainty::distance_range(*c.distance, model);
                } else {
                    rr = uncertainty::direction_only_range(extent_m, model);
                    if (c.part == "countryside") rr.min_m = extent_m;
                }
                double az = 0.0, half = 180.0;
                if (has_dir) {
                    az = c.direction->azimuth_deg;
                    half = uncertainty::heading_half_width_deg(*c.direction, model);
                }
                r.geom = geometry::annular_sector(centre, az, half, rr.min_m, rr.max_m, extent_m);
                r.natural_point = has_dir ? geodesy::direct(centre, az, rr.nominal_m) : centre;
                r.has_distance = has_dist && has_dir;
                if (!res.offset) {
                    res.offset = OffsetEstimate{rr.nominal_m, rr.min_m, rr.max_m, has_dir ? az : std::nan(""), half};
                }
                break;
            }
            case Relation::within: {
                double d = c.distance && std::isfinite(c.distance->value_m) ? c.distance->value_m : 0.0;
                if (c.distance) d += uncertainty::distance_precision_m(*c.distance, model.precision);
                r.geom = geometry::disk(centre, std::max(100.0, d + extent_m));
                r.natural_point = centre;
                if (extent_m <= point_like_extent_m && d <= ucdp_near_m) r.codes = {2, 2};
                break;
            }
            case Relation::near: {
                r.geom = geometry::disk(centre, extent_m + uncertainty::near_radius_m(model));
                r.natural_point = centre;
                if (extent_m <= point_like_extent_m) r.codes = {2, 2};
                break;
            }
            case Relation::part: {
                const bool has_dir = c.direction && std::isfinite(c.direction->azimuth_deg);
                const double az = has_dir ? c.direction->azimuth_deg : 0.0;
                if (c.part == "outskirts") {
                    r.geom = geometry::annular_sector(centre, az, has_dir ? outskirts_half_width_deg : 180.0,
                                                      0.5 * extent_m, extent_m + outskirts_beyond_extent_m, 0.0);
                    r.natural_point = has_dir ? geodesy::direct(centre, az, extent_m) : centre;
                } else if (c.part == "entrance") {
                    r.geom = geometry::annular_sector(centre, az, has_dir ? outskirts_half_width_deg : 180.0,
                                                      0.5 * extent_m, extent_m + entrance_beyond_extent_m, 0.0);
                    r.natural_point = has_dir ? geodesy::direct(centre, az, extent_m) : centre;
                } else if (c.part == "countryside") {
                    r.geom = geometry::annular_sector(centre, az, has_dir ? outskirts_half_width_deg : 180.0, extent_m,
                                                      std::max(countryside_radius_m, 2.0 * extent_m), 0.0);
                    r.natural_point = centre;
                } else {
                    r.geom = geometry::annular_sector(centre, az, has_dir ? part_half_width_deg : 180.0, 0.0,
                                                      std::max(extent_m, 500.0), 0.0);
                    r.natural_point = has_dir ? geodesy::direct(centre, az, extent_m / 2.0) : centre;
                }
                r.codes = {2, 2};
                // "western Mosul", "the western part of Ramadi": still the town itself
                const bool side_only = c.part.empty() || c.part == "part" || c.part == "side";
                if (places.front()->feature_class == "P" && side_only) r.codes = {1, 1};
                break;
            }
            case Relation::region: {
                const Place& p = *places.front();
                if (c.part == "countryside" && p.feature_class != "A") {
                    r.geom = geometry::annular_sector(centre, 0.0, 180.0, 0.0, std::max(countryside_radius_m, 2.0 * extent_m), 0.0);
                } else {
                    r.geom = place_area(p);
                }
                r.natural_point = centre;
                r.codes = p.feature_class == "A" ? codes_for_place(p) : PrecisionCodes{};
                break;
            }
            case Relation::between:
            case Relation::road: {
                if (places.size() < 2) {
                    res.messages.push_back("'" + c.text + "': needs two places");
                    usable = false;
                    break;
                }
                if (places.size() == 2) {
                    const LatLon a = places[0]->position, b = places[1]->position;
                    const geodesy::Inverse inv = geodesy::inverse(a, b);
                    const double ext = std::max(places[0]->extent_m, places[1]->extent_m);
                    const LatLon mid = geodesy::direct(a, inv.azimuth1_deg, inv.distance_m / 2.0);
                    if (c.midway) {
                        r.geom = geometry::disk(mid, midway_radius_fraction * inv.distance_m + ext);
                    } else {
                        const double w = c.relation == Relation::road
                                             ? std::max(road_min_half_width_m, road_half_width_fraction * inv.distance_m)
                                             : std::max(road_min_half_width_m, between_half_width_fraction * inv.distance_m);
                        r.geom = geometry::corridor(a, b, w + ext);
                    }
                    r.natural_point = mid;
                } else {
                    Geometry u = geometry::disk(places[0]->position, std::max(places[0]->extent_m, 1000.0));
                    for (std::size_t i = 1; i < places.size(); ++i) {
                        u = geometry::unite(u, geometry::disk(places[i]->position, std::max(places[i]->extent_m, 1000.0)));
                    }
                    r.geom = geometry::convex_hull(u);
                    r.natural_point = geometry::min_radius_centre(r.geom);
                }
                r.codes = {5, 0};
                break;
            }
            }
        } catch (const Error& e) {
            res.messages.push_back("'" + c.text + "': " + e.what());
            usable = false;
        }
        if (usable && !r.geom.empty()) regions.push_back(std::move(r));
    }

    if (regions.empty() && !pp.target) {
        res.status = absurd ? ResolveStatus::error : (ambiguous_left ? ResolveStatus::ambiguous : ResolveStatus::unresolved);
        return res;
    }

    // All constraints hold: intersect them.
    // The best single point: the nominal point of a constraint with a figure
    // ("about 100 km NE of Baqubah") when the combined region keeps it.
    std::optional<LatLon> preferred;
    for (const auto& r : regions) {
        if (r.has_distance) {
            preferred = r.natural_point;
            break;
        }
    }
    std::optional<Region> combined;
    for (auto& r : regions) {
        if (!combined) {
            combined = std::move(r);
            continue;
        }
        Geometry inter = geometry::intersection(combined->geom, r.geom);
        if (!geometry::has_area(inter)) {
            const LatLon a = geometry::min_radius_centre(combined->geom);
            const LatLon b = geometry::min_radius_centre(r.geom);
            res.messages.push_back(fmt::format("'{}' and '{}' do not overlap (their centres are {:.0f} km apart); "
                                               "kept the first",
                                               combined->text, r.text, geodesy::distance_m(a, b) / 1000.0));
            res.status = ResolveStatus::inconsistent;
            continue;
        }
        combined->geom = std::move(inter);
        combined->text += "; " + r.text;
        combined->codes = PrecisionCodes{};
    }

    bool inconsistent = res.status == ResolveStatus::inconsistent;
    Geometry final_geom;
    LatLon point;
    PrecisionCodes codes;
    if (combined) {
        final_geom = std::move(combined->geom);
        codes = combined->codes;
        // a constraint's nominal point lies in its own region by construction
        if (preferred && (regions.size() == 1 || geometry::covers(final_geom, *preferred))) {
            point = *preferred;
        } else if (regions.size() == 1 && geometry::covers(final_geom, combined->natural_point) &&
                   (pp.constraints.front().relation != Relation::offset || combined->line_anchor)) {
            point = combined->natural_point;
        } else {
            point = geometry::min_radius_centre(final_geom);
        }
    }

    // A named target: look it up near the described region and check it.
    if (pp.target) {
        const Anchor& t = *pp.target;
        // a named part of one place ("the Al-Tamim neighborhood of Ramadi")
        const bool named_part = (t.feature_hint == "neighbourhood" || t.feature_hint == "area") &&
                                pp.constraints.size() == 1 && pp.constraints.front().relation == Relation::at;
        SearchOptions so = base;
        so.feature = feature_from_hint(t.feature_hint);
        so.limit = 10;
        if (combined) so.near_point = point;
        const SearchResult sr = search_cached(t.name, so);
        const double region_radius = combined ? geometry::max_distance_m(point, final_geom) : 0.0;
        const Candidate* confirmed = nullptr;
        for (const auto& c : sr.candidates) {
            if (!combined) {
                confirmed = &c;
                break;
            }
            const bool inside = geometry::covers(final_geom, c.place.position);
            const double d = geodesy::distance_m(point, c.place.position);
            if (inside || d <= region_radius + c.place.extent_m + target_tolerance_m) {
                confirmed = &c;
                break;
            }
        }
        if (confirmed) {
            res.target = confirmed->place;
            if (!combined && sr.ambiguous) {
                res.status = ResolveStatus::ambiguous;
                res.messages.push_back(sr.ambiguity);
            } else if (combined) {
                res.messages.push_back(fmt::format("'{}' is {} ({}), {:.1f} km from the centre of the relative description",
                                                   t.name, confirmed->place.name, confirmed->place.id,
                                                   geodesy::distance_m(point, confirmed->place.position) / 1000.0));
            }
            final_geom = place_area(confirmed->place);
            point = confirmed->place.position;
            codes = codes_for_place(confirmed->place);
        } else if (!sr.candidates.empty() && named_part) {
            // "the Al-Tamim neighborhood of Ramadi": a same-named place elsewhere is another place
            const Candidate& best = sr.candidates.front();
            res.messages.push_back(fmt::format("'{}' is not in the gazetteer within '{}' (the nearest of that name, {} ({}), "
                                               "is {:.0f} km away); placed by '{}'",
                                               t.name, pp.constraints.front().anchors.front().name, best.place.name,
                                               best.place.id, geodesy::distance_m(point, best.place.position) / 1000.0,
                                               pp.constraints.front().anchors.front().name));
        } else if (!sr.candidates.empty()) {
            const Candidate& best = sr.candidates.front();
            const double d = geodesy::distance_m(point, best.place.position);
            res.messages.push_back(fmt::format(
                "'{}' is {} ({}{}), {:.0f} km from where '{}' puts it; kept the relative description", t.name,
                best.place.name, best.place.id, best.admin1_name.empty() ? "" : ", " + best.admin1_name, d / 1000.0,
                combined->text));
            inconsistent = true;
        } else {
            res.messages.push_back("'" + t.name + "' is not in the gazetteer; placed by the relative description");
        }
        if (!combined && !confirmed) {
            res.status = ResolveStatus::unresolved;
            return res;
        }
    }

    res.point = point;
    res.uncertainty_m = geometry::max_distance_m(point, final_geom);
    if (options.polygon) res.uncertainty_wkt = final_geom.to_wkt(6);
    if (codes.ucdp_where_prec == 0) codes = codes_by_radius(res.uncertainty_m);
    if (codes.acled_geo_precision == 0) codes.acled_geo_precision = res.uncertainty_m <= ucdp_near_m ? 2 : 3;
    res.precision = codes;
    if (inconsistent) {
        res.status = ResolveStatus::inconsistent;
    } else if (res.status != ResolveStatus::ambiguous) {
        res.status = ambiguous_left ? ResolveStatus::ambiguous : ResolveStatus::ok;
    }
    if (ambiguous_left) {
        for (const auto& ra : res.anchors) {
            if (ra.status != "ambiguous") continue;
            std::string msg = "'" + ra.anchor.name + "' is ambiguous:";
            for (std::size_t i = 0; i < ra.candidates.size() && i < 3; ++i) {
                msg += (i ? "," : "") + std::string(" ") + ra.candidates[i].place.name + " (" + ra.candidates[i].place.id +
                       (ra.candidates[i].admin1_name.empty() ? "" : ", " + ra.candidates[i].admin1_name) + ")";
            }
            res.messages.push_back(msg + "; a context (--context PROVINCE) would decide");
        }
    }
    return res;
}

} // namespace reckon
