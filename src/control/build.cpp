// Control areas from evidence: settlements get a controller per date, their
// Voronoi cells (clipped to the coverage) are dissolved by controller, or
// replace the cells of a baseline map where the evidence changed something.
//
// One formulation covers both methods. The coverage is split into initial
// areas B_o by controller o: the baseline's polygons (the rest of the
// coverage "unknown"), or without a baseline, the whole coverage "unknown".
// A site g (a settlement, or a place evidence names) starts with orig(g), the
// initial controller where it lies. Where its state as of a date differs
// from orig(g), or it is contested, its piece cell(g) ∩ B_orig(g) goes to the
// new (controller, contested) key; the rest of every B_o keeps o. Pieces are
// disjoint (cells are), so no two keys overlap and together they cover the
// coverage exactly.

#include "control/dates.hpp"
#include "control/util.hpp"
#include "export/ogr_reader.hpp"
#include "geodesy/geodesic.hpp"
#include "geometry/coverage.hpp"
#include "geometry/shapes.hpp"
#include "reckon/control.hpp"
#include "reckon/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace reckon {

namespace {

using geometry::Geometry;
using geometry::PartsLayout;
using geometry::PreparedGeometry;
using namespace control::detail;

// Sites closer than this (~0.1 m) are one site: merged gazetteers repeat
// villages at identical coordinates, and a Voronoi diagram needs distinct sites.
constexpr double site_resolution_deg = 1e-6;
// GeoNames codes of populated places that are not settlements today:
// historical, abandoned, destroyed (GeoNames feature codes, geonames.org/export/codes.html).
const std::vector<std::string> not_settlement_codes{"PPLH", "PPLQ", "PPLW", "PPLCH"};
// Areas below this (1 m²) are overlay noise, not territory.
constexpr double negligible_area_m2 = 1.0;
// A bare point (analyst's lat/lon) is a settlement when within that
// settlement's extent; candidates are looked for within this radius.
constexpr double point_search_radius_m = 20000.0;
// Spatial grid of sites: ~5 km buckets.
constexpr double grid_bucket_deg = 0.05;

std::int64_t day_of(const Date& d) { return day_number(d); }

struct Site {
    LatLon position;
    std::vector<std::string> ids;    // settlements merged here (none for an area's stand-in)
    std::vector<std::string> names;
    double extent_m = 0.0;
    std::string orig = unknown_controller;  // controller of the initial area it lies in
    std::vector<std::size_t> items;         // evidence indices, sorted (see Item order)
};

// Evidence with what ordering needs.
struct Item {
    std::int64_t day;
    int strength;       // 0 an area's evidence, 1 a named place or point: the more specific wins a tie
    std::size_t order;  // input order: later wins the remaining ties
    const ControlEvidence* e;
};

std::int64_t snap(double deg) { return std::llround(deg / site_resolution_deg); }

struct SnapKey {
    std::int64_t lat, lon;
    bool operator<(const SnapKey& o) const { return lat < o.lat || (lat == o.lat && lon < o.lon); }
};
SnapKey snap_key(const LatLon& p) { return {snap(p.lat_deg), snap(p.lon_deg)}; }

class SiteGrid {
public:
    void add(std::size_t i, const LatLon& p) { m_buckets[key(bx(p.lon_deg), by(p.lat_deg))].push_back(i); }
    template <class F>
    void visit(const geometry::Envelope& e, F&& f) const {
        for (std::int64_t y = by(e.min_lat); y <= by(e.max_lat); ++y) {
            for (std::int64_t x = bx(e.min_lon); x <= bx(e.max_lon); ++x) {
                auto it = m_buckets.find(key(x, y));
                if (it == m_buckets.end()) continue;
                for (std::size_t i : it->second) f(i);
            }
        }
    }

private:
    static std::int64_t bx(double lon) { return static_cast<std::int64_t>(std::floor(lon / grid_bucket_deg)); }
    static std::int64_t by(double lat) { return static_cast<std::int64_t>(std::floor(lat / grid_bucket_deg)); }
    static std::int64_t key(std::int64_t x, std::int64_t y) { return x * 100003 + y; }
    std::unordered_map<std::int64_t, std::vector<std::size_t>> m_buckets;
};

geometry::Envelope around(const LatLon& p, double radius_m) {
    constexpr double metres_per_degree_lat = 111320.0;
    const double dlat = radius_m / metres_per_degree_lat;
    const double dlon = dlat / std::max(0.1, std::cos(p.lat_deg * M_PI / 180.0));
    return {p.lon_deg - dlon, p.lat_deg - dlat, p.lon_deg + dlon, p.lat_deg + dlat};
}

struct State {
    std::string controller;
    bool contested = false;
};

struct Key {
    std::string controller;
    bool contested = false;
    bool operator<(const Key& o) const {
        return controller < o.controller || (controller == o.controller && contested < o.contested);
    }
};

class Builder {
public:
    Builder(const ControlInputs& in, const ControlOptions& opt, const Gazetteer& gaz, ControlResult& out)
        : m_in(in), m_opt(opt), m_gaz(gaz), m_out(out) {}

    void run() {
        check_options();
        prepare_evidence();
        make_coverage();
        make_sites();
        place_evidence();
        make_cells();
        make_initial_areas();
        drop_inapplicable_takeovers();
        for (std::size_t k = 0; k < m_opt.as_of.size(); ++k) snapshot(k);
    }

private:
    // ---- options and evidence -------------------------------------------
    void check_options() {
        if (m_opt.as_of.empty()) throw UsageError("no snapshot date (give --as-of DATE or --from/--to)");
        for (std::size_t i = 0; i < m_opt.as_of.size(); ++i) {
            if (!valid_date(m_opt.as_of[i])) throw UsageError("snapshot date " + iso(m_opt.as_of[i]) + " is not a real date");
            if (i && day_of(m_opt.as_of[i]) <= day_of(m_opt.as_of[i - 1])) {
                throw UsageError("snapshot dates out of order: " + iso(m_opt.as_of[i - 1]) + " then " + iso(m_opt.as_of[i]));
            }
        }
        if (m_opt.contest_window_days < 0) throw UsageError("the contest window cannot be negative");
    }

    void prepare_evidence() {
        std::size_t before_baseline = 0;
        for (std::size_t i = 0; i < m_in.evidence.size(); ++i) {
            const ControlEvidence& e = m_in.evidence[i];
            if (!valid_date(e.date)) {
                m_out.errors.push_back(e.source + ": evidence " + e.id + " has no valid date: not used");
                continue;
            }
            if (m_opt.baseline_date && day_of(e.date) <= day_of(*m_opt.baseline_date)) {
                ++before_baseline;
                continue;
            }
            if (e.kind != EvidenceKind::fighting && e.controller.empty()) {
                m_out.errors.push_back(e.source + ": evidence " + e.id + " names no controller: not used");
                continue;
            }
            Prepared p;
            p.index = i;
            if (!e.area_wkt.empty()) {
                try {
                    p.area = std::make_shared<Geometry>(Geometry::from_wkt(e.area_wkt));
                } catch (const Error& ex) {
                    m_out.errors.push_back(e.source + ": evidence " + e.id + ": " + ex.what() + ": not used");
                    continue;
                }
                p.point = p.area->point_on_surface();
            } else {
                p.point = e.point;
            }
            m_ev.push_back(std::move(p));
        }
        if (before_baseline) {
            m_out.notes.push_back(fmt::format("{} evidence items dated on or before the baseline date {} are in the baseline already: not used",
                                              before_baseline, iso(*m_opt.baseline_date)));
        }
    }

    // ---- coverage ---------------------------------------------------------
    void make_coverage() {
        std::string spec = m_opt.clip;
        if (spec.empty()) spec = m_in.baseline ? "baseline" : "country";
        if (spec == "baseline") {
            if (!m_in.baseline || m_in.baseline->areas.empty()) throw UsageError("no baseline polygons to take the extent from");
            std::vector<Geometry> parts;
            for (const auto& a : m_in.baseline->areas) parts.push_back(Geometry::from_wkt(a.wkt));
            m_coverage = dissolve(ptrs(parts), PartsLayout::overlapping);
            m_out.clip = "the baseline's extent (" + m_in.baseline->path + ")";
        } else if (spec == "country" || spec == "province") {
            admin_coverage(spec == "country" ? 0 : 1);
        } else {
            file_coverage(spec);
        }
        if (m_coverage.empty() || geometry::lonlat_area_m2(m_coverage) < negligible_area_m2) {
            throw UsageError("the clip area (" + m_out.clip + ") is empty");
        }
        m_coverage_prepared = std::make_unique<PreparedGeometry>(m_coverage.clone());
        m_out.clip_wkt = m_coverage.to_wkt(wkt_decimals);
    }

    // Representative points of what the map is about: evidence, else the baseline.
    std::vector<LatLon> focus_points() const {
        std::vector<LatLon> pts;
        for (const auto& p : m_ev) {
            if (p.point.valid()) pts.push_back(p.point);
        }
        if (pts.empty() && m_in.baseline) {
            for (const auto& a : m_in.baseline->areas) pts.push_back(Geometry::from_wkt(a.wkt).point_on_surface());
        }
        return pts;
    }

    void admin_coverage(int level) {
        const char* what = level == 0 ? "country" : "province";
        const std::vector<LatLon> pts = focus_points();
        if (pts.empty()) throw UsageError(std::string("no evidence with a position to choose the ") + what + " to clip to (give --clip FILE)");
        std::vector<Geometry> chosen;
        std::vector<std::string> names;
        for (const AdminArea& a : list_admin_areas(m_gaz, level)) {
            Geometry g = Geometry::from_wkb(a.wkb);
            if (!g.is_valid()) g = geometry::repair_polygonal(g);
            const PreparedGeometry prep(g.clone());
            if (std::any_of(pts.begin(), pts.end(), [&](const LatLon& p) { return prep.contains(p); })) {
                names.push_back(a.name + (level == 0 ? " (" + a.country + ")" : ", " + a.country));
                chosen.push_back(std::move(g));
            }
        }
        if (chosen.empty()) {
            throw UsageError(std::string("no ") + what + " polygon of the gazetteer " + m_gaz.path() +
                             " holds the evidence (give --clip FILE)");
        }
        m_coverage = chosen.size() == 1 ? std::move(chosen.front()) : dissolve(ptrs(chosen), PartsLayout::overlapping);
        m_out.clip = std::string(level == 0 ? "country: " : "province: ") + join(names);
    }

    void file_coverage(const std::string& path) {
        std::vector<Geometry> parts;
        std::size_t rejected = 0;
        for (const auto& layer : vector_io::read_layers(path)) {
            if (layer.reprojected) {
                m_out.notes.push_back(fmt::format("{}: layer {} reprojected from {} to EPSG:4326", path, layer.name, layer.source_crs));
            }
            for (const auto& f : layer.features) {
                if (f.wkb.empty()) continue;
                Geometry g = Geometry::from_wkb(f.wkb);
                if (!geometry::is_polygonal(g)) {
                    ++rejected;
                    continue;
                }
                if (const std::string why = geometry::invalid_reason(g); !why.empty()) {
                    m_out.notes.push_back(fmt::format("{}:{}:{}: invalid clip polygon ({}) repaired", path, layer.name, f.fid, why));
                    g = geometry::repair_polygonal(g);
                }
                parts.push_back(std::move(g));
            }
        }
        if (rejected) m_out.notes.push_back(fmt::format("{}: {} features that are not polygons were ignored", path, rejected));
        if (parts.empty()) throw InputError(path, 0, "no polygons to clip to");
        m_coverage = dissolve(ptrs(parts), PartsLayout::overlapping);
        m_out.clip = "file: " + path;
    }

    static std::vector<const Geometry*> ptrs(const std::vector<Geometry>& v) {
        std::vector<const Geometry*> out;
        out.reserve(v.size());
        for (const auto& g : v) out.push_back(&g);
        return out;
    }

    // ---- sites --------------------------------------------------------------
    std::size_t add_site(const LatLon& p, const std::string& id, const std::string& name, double extent_m) {
        const SnapKey k = snap_key(p);
        auto it = m_by_position.find(k);
        std::size_t i;
        if (it == m_by_position.end()) {
            i = m_sites.size();
            Site s;
            s.position = LatLon{static_cast<double>(k.lat) * site_resolution_deg, static_cast<double>(k.lon) * site_resolution_deg};
            s.extent_m = extent_m;
            m_sites.push_back(std::move(s));
            m_by_position.emplace(k, i);
            m_grid.add(i, m_sites[i].position);
        } else {
            i = it->second;
            m_sites[i].extent_m = std::max(m_sites[i].extent_m, extent_m);
        }
        if (!id.empty()) {
            m_sites[i].ids.push_back(id);
            m_by_id.emplace(id, i);
        }
        if (!name.empty()) m_sites[i].names.push_back(name);
        return i;
    }

    void make_sites() {
        std::size_t outside = 0, records = 0;
        if (m_in.settlements) {
            for (const Settlement& s : *m_in.settlements) {
                if (!m_coverage_prepared->contains(s.position)) {
                    ++outside;
                    continue;
                }
                ++records;
                add_site(s.position, s.id, s.name, s.extent_m);
            }
        } else {
            PlaceFilter f;
            f.feature_classes = {"P"};
            f.exclude_codes = not_settlement_codes;
            const geometry::Envelope e = m_coverage.envelope();
            f.min_lat_deg = e.min_lat;
            f.max_lat_deg = e.max_lat;
            f.min_lon_deg = e.min_lon;
            f.max_lon_deg = e.max_lon;
            for (const Place& p : list_places(m_gaz, f)) {
                if (!m_coverage_prepared->contains(p.position)) continue;
                ++records;
                add_site(p.position, p.id, p.name, p.extent_m);
            }
        }
        m_out.notes.push_back(fmt::format("{} settlements in the clip area ({} sites after merging coincident records){}", records,
                                          m_sites.size(), outside ? fmt::format("; {} given settlements lie outside it", outside) : ""));
    }

    void place_evidence() {
        std::size_t outside = 0, added = 0;
        std::string first_outside;
        auto note_outside = [&](const ControlEvidence& e) {
            if (++outside == 1) first_outside = e.id;
        };
        for (std::size_t order = 0; order < m_ev.size(); ++order) {
            Prepared& p = m_ev[order];
            const ControlEvidence& e = m_in.evidence[p.index];
            std::vector<std::size_t> targets;
            int strength = 1;
            if (p.area) {
                strength = 0;
                const PreparedGeometry prep(p.area->clone());
                m_grid.visit(prep.envelope(), [&](std::size_t i) {
                    if (prep.contains(m_sites[i].position)) targets.push_back(i);
                });
                if (targets.empty()) {
                    Geometry inside = geometry::intersection(*p.area, m_coverage);
                    if (inside.empty() || geometry::lonlat_area_m2(inside) < negligible_area_m2) {
                        note_outside(e);
                        continue;
                    }
                    // no settlement inside: a point inside stands for the area
                    targets.push_back(add_site(inside.point_on_surface(), "", "area of " + e.id, 0.0));
                    ++added;
                }
            } else if (!e.place_id.empty() && m_by_id.count(e.place_id)) {
                targets.push_back(m_by_id.at(e.place_id));
            } else if (p.point.valid()) {
                if (!m_coverage_prepared->contains(p.point)) {
                    note_outside(e);
                    continue;
                }
                std::optional<std::size_t> best;
                if (auto it = m_by_position.find(snap_key(p.point)); it != m_by_position.end()) best = it->second;
                if (!best && e.place_id.empty()) {
                    // a bare point: the nearest settlement whose extent holds it
                    double best_d = point_search_radius_m;
                    m_grid.visit(around(p.point, point_search_radius_m), [&](std::size_t i) {
                        const double d = geodesy::approx_distance_m(p.point, m_sites[i].position);
                        if (d <= m_sites[i].extent_m && d < best_d) best_d = d, best = i;
                    });
                }
                if (!best) {
                    best = add_site(p.point, e.place_id, e.place_name, 0.0);
                    ++added;
                }
                targets.push_back(*best);
            } else {
                m_out.errors.push_back(e.source + ": evidence " + e.id + ": place id '" + e.place_id +
                                       "' is neither a gazetteer place nor one of the settlements: not used");
                continue;
            }
            for (std::size_t t : targets) m_sites[t].items.push_back(m_items.size());
            m_items.push_back(Item{day_of(e.date), strength, order, &e});
        }
        for (auto& s : m_sites) {
            std::sort(s.items.begin(), s.items.end(), [&](std::size_t a, std::size_t b) {
                const Item &x = m_items[a], &y = m_items[b];
                if (x.day != y.day) return x.day < y.day;
                if (x.strength != y.strength) return x.strength < y.strength;
                return x.order < y.order;
            });
        }
        if (added) m_out.notes.push_back(fmt::format("{} evidence places that are no known settlement were added as sites", added));
        if (outside) {
            m_out.notes.push_back(fmt::format("{} evidence items lie outside the clip area ({}): not used (first: {})", outside,
                                              m_out.clip, first_outside));
        }
        m_out.settlements = m_sites.size();
    }

    // An area's takeover taken from a named controller applies to the places
    // that controller (or nobody known, or the taker) held just before it. What a place
    // held before an item follows from the items before it, which do not
    // depend on the snapshot date: one pass in evidence order settles it.
    void drop_inapplicable_takeovers() {
        std::size_t dropped = 0;
        for (auto& s : m_sites) {
            std::string cur = s.orig;
            std::vector<std::size_t> kept;
            kept.reserve(s.items.size());
            bool left_alone = false;
            for (std::size_t i : s.items) {
                const ControlEvidence& e = *m_items[i].e;
                const bool conditional = m_items[i].strength == 0 && e.kind == EvidenceKind::takeover && !e.taken_from.empty();
                // held by a third party: not what was taken (held by the taker already: it confirms)
                if (conditional && cur != e.taken_from && cur != unknown_controller && cur != e.controller) {
                    left_alone = true;
                    continue;
                }
                if (e.kind != EvidenceKind::fighting) cur = e.controller;
                kept.push_back(i);
            }
            s.items = std::move(kept);
            if (left_alone) ++dropped;
        }
        if (dropped) {
            m_out.notes.push_back(fmt::format("area takeovers left {} places alone that a third party held (neither the side "
                                              "they were taken from nor the taker)",
                                              dropped));
        }
    }

    // ---- cells and initial areas -----------------------------------------
    void make_cells() {
        std::vector<LatLon> pos;
        pos.reserve(m_sites.size());
        for (const auto& s : m_sites) pos.push_back(s.position);
        m_cells = geometry::voronoi_cells(pos, m_coverage.envelope());
    }

    void make_initial_areas() {
        if (!m_in.baseline) {
            m_initial[unknown_controller] = m_coverage.clone();
            m_method = "voronoi";
            return;
        }
        m_method = "baseline";
        // earlier features win overlaps (said so in a note)
        Geometry taken;
        std::vector<std::pair<const BaselineArea*, Geometry>> kept;
        std::map<std::string, std::vector<Geometry>> by_controller;
        for (const BaselineArea& a : m_in.baseline->areas) {
            Geometry g = geometry::intersection(Geometry::from_wkt(a.wkt), m_coverage);
            if (g.empty() || geometry::lonlat_area_m2(g) < negligible_area_m2) {
                m_out.notes.push_back(a.source + ": baseline polygon outside the clip area: not used");
                continue;
            }
            if (!taken.empty() && geometry::interiors_intersect(g, taken)) {
                for (const auto& [other, og] : kept) {
                    if (!geometry::interiors_intersect(g, og)) continue;
                    const double overlap_km2 = geometry::lonlat_area_m2(geometry::intersection(g, og)) / 1e6;
                    if (overlap_km2 * 1e6 < negligible_area_m2) continue;
                    m_out.notes.push_back(fmt::format("{} ({}) overlaps {} ({}) by {:.3f} km²: the overlap stays with {}", a.source,
                                                      a.controller, other->source, other->controller, overlap_km2, other->source));
                }
                g = geometry::difference(g, taken);
            }
            if (g.empty()) continue;
            taken = taken.empty() ? g.clone() : geometry::unite(taken, g);
            kept.emplace_back(&a, g.clone());
            by_controller[a.controller].push_back(std::move(g));
        }
        for (auto& [c, parts] : by_controller) m_initial[c] = dissolve(ptrs(parts), PartsLayout::overlapping);
        Geometry rest = taken.empty() ? m_coverage.clone() : geometry::difference(m_coverage, taken);
        if (!rest.empty() && geometry::lonlat_area_m2(rest) >= negligible_area_m2) {
            if (m_initial.count(unknown_controller)) {
                m_initial[unknown_controller] = geometry::unite(m_initial[unknown_controller], rest);
            } else {
                m_initial[unknown_controller] = std::move(rest);
            }
            m_out.notes.push_back(fmt::format("{:.1f} km² of the clip area have no baseline polygon: unknown until evidence says otherwise",
                                              geometry::lonlat_area_m2(m_initial[unknown_controller]) / 1e6));
        }
        for (const auto& [c, g] : m_initial) {
            if (c == unknown_controller) continue;
            const PreparedGeometry prep(g.clone());
            for (auto& s : m_sites) {
                if (s.orig == unknown_controller && prep.contains(s.position)) s.orig = c;
            }
        }
    }

    // ---- states ------------------------------------------------------------
    // The controller of site @p s as of day @p d: the last item up to d (the
    // items are sorted so that the last one wins ties), else its initial one.
    State state_at(const Site& s, std::int64_t d) const {
        State st{s.orig, false};
        const Item* last = nullptr;
        for (std::size_t i : s.items) {
            const Item& it = m_items[i];
            if (it.day > d) break;
            if (it.e->kind != EvidenceKind::fighting) last = &it;
        }
        if (last) st.controller = last->e->controller;
        st.contested = contested(s, d);
        return st;
    }

    // Contested as of day d: within (d - window, d] fighting is reported, two
    // controllers are named on one day, or control switches more than once.
    bool contested(const Site& s, std::int64_t d) const {
        const std::int64_t w = m_opt.contest_window_days;
        if (w <= 0) return false;
        std::string before;  // controller entering the window
        std::vector<std::pair<std::int64_t, std::string>> in_window;  // (day, winner of the day)
        std::int64_t prev_day = std::numeric_limits<std::int64_t>::min();
        std::string prev_controller;
        for (std::size_t i : s.items) {
            const Item& it = m_items[i];
            if (it.day > d) break;
            const bool fighting = it.e->kind == EvidenceKind::fighting;
            if (it.day <= d - w) {
                if (!fighting) before = it.e->controller;
                continue;
            }
            if (fighting) return true;
            if (it.day == prev_day && it.e->controller != prev_controller) return true;
            if (it.day == prev_day) {
                in_window.back().second = it.e->controller;
            } else {
                in_window.emplace_back(it.day, it.e->controller);
            }
            prev_day = it.day;
            prev_controller = it.e->controller;
        }
        if (before.empty() && s.orig != unknown_controller) before = s.orig;
        int switches = 0;
        std::string cur = before;
        for (const auto& [day, c] : in_window) {
            if (!cur.empty() && c != cur) ++switches;
            cur = c;
        }
        return switches >= 2;
    }

    // ---- snapshots ---------------------------------------------------------
    // The initial area of @p controller (empty if it has none: a site on a
    // sliver between baseline polygons).
    const Geometry& initial(const std::string& controller) const {
        static const Geometry none;
        auto it = m_initial.find(controller);
        return it == m_initial.end() ? none : it->second;
    }

    // cells of @p sites (all with initial controller @p orig) within B_orig
    Geometry pieces(const std::vector<std::size_t>& sites, const std::string& orig) const {
        const Geometry& b = initial(orig);
        if (b.empty()) return Geometry();
        std::vector<const Geometry*> cells;
        cells.reserve(sites.size());
        for (std::size_t i : sites) cells.push_back(&m_cells[i]);
        const Geometry u = dissolve(cells, PartsLayout::coverage);
        return geometry::to_multipolygon(geometry::intersection(u, b));
    }

    static Geometry merge(std::vector<Geometry>& geoms) {
        std::vector<const Geometry*> nonempty;
        for (const auto& g : geoms) {
            if (!g.empty()) nonempty.push_back(&g);
        }
        if (nonempty.empty()) return Geometry();
        if (nonempty.size() == 1) return geometry::to_multipolygon(*nonempty.front());
        return geometry::to_multipolygon(dissolve(nonempty, PartsLayout::overlapping));
    }

    void snapshot(std::size_t k) {
        const Date as_of = m_opt.as_of[k];
        const std::int64_t d = day_of(as_of);
        const bool last = k + 1 == m_opt.as_of.size();
        std::optional<Date> valid_to;
        if (!last) valid_to = from_day_number(day_of(m_opt.as_of[k + 1]) - 1);

        std::vector<State> states(m_sites.size());
        // changed[orig][key] = sites
        std::map<std::string, std::map<Key, std::vector<std::size_t>>> changed;
        std::map<Key, std::vector<std::size_t>> members;  // every site by key, for evidence counts
        for (std::size_t i = 0; i < m_sites.size(); ++i) {
            const Site& s = m_sites[i];
            states[i] = s.items.empty() ? State{s.orig, false} : state_at(s, d);
            const Key key{states[i].controller, states[i].contested};
            members[key].push_back(i);
            if (states[i].controller != s.orig || states[i].contested) changed[s.orig][key].push_back(i);
        }

        std::map<Key, std::vector<Geometry>> parts;
        for (const auto& [orig, groups] : changed) {
            std::vector<std::size_t> all;
            for (const auto& [key, sites] : groups) {
                parts[key].push_back(pieces(sites, orig));
                all.insert(all.end(), sites.begin(), sites.end());
            }
            std::vector<const Geometry*> cells;
            for (std::size_t i : all) cells.push_back(&m_cells[i]);
            if (!initial(orig).empty()) {
                parts[Key{orig, false}].push_back(geometry::difference(initial(orig), dissolve(cells, PartsLayout::coverage)));
            }
        }
        for (const auto& [orig, g] : m_initial) {
            if (!changed.count(orig)) parts[Key{orig, false}].push_back(g.clone());
        }

        for (auto& [key, geoms] : parts) {
            const Geometry g = merge(geoms);
            const double area_m2 = g.empty() ? 0.0 : geometry::lonlat_area_m2(g);
            if (area_m2 < negligible_area_m2) continue;
            ControlArea a;
            a.controller = key.controller;
            a.contested = key.contested;
            a.area_id = iso(as_of) + "/" + key.controller + (key.contested ? "/contested" : "");
            a.as_of = a.valid_from = as_of;
            a.valid_to = valid_to;
            a.area_km2 = area_m2 / 1e6;
            a.method = m_method;
            std::optional<std::int64_t> first, last_day;
            std::set<const ControlEvidence*> counted;
            if (auto it = members.find(key); it != members.end()) {
                for (std::size_t si : it->second) {
                    for (std::size_t ii : m_sites[si].items) {
                        const Item& item = m_items[ii];
                        if (item.day > d) break;
                        const bool names_it = item.e->kind != EvidenceKind::fighting && item.e->controller == key.controller;
                        const bool fights = key.contested && item.e->kind == EvidenceKind::fighting;
                        if (!names_it && !fights) continue;
                        if (!counted.insert(item.e).second) continue;
                        first = first ? std::min(*first, item.day) : item.day;
                        last_day = last_day ? std::max(*last_day, item.day) : item.day;
                    }
                }
            }
            a.evidence_count = static_cast<std::int64_t>(counted.size());
            if (first) a.first_evidence = from_day_number(*first);
            if (last_day) a.last_evidence = from_day_number(*last_day);
            a.wkt = g.to_wkt(wkt_decimals);
            m_out.areas.push_back(std::move(a));
        }

        changes(k, states);
        if (last) note_future(d);
        if (k == 0 && !m_items.empty()) {
            std::int64_t first_day = std::numeric_limits<std::int64_t>::max();
            for (const Item& it : m_items) first_day = std::min(first_day, it.day);
            if (d < first_day) {
                m_out.notes.push_back(fmt::format("the snapshot of {} precedes all evidence (the first is of {}): it shows the {}", iso(as_of),
                                                  iso(from_day_number(first_day)), m_in.baseline ? "baseline" : "unknown"));
            }
        }
        m_prev_states = std::move(states);
    }

    void changes(std::size_t k, const std::vector<State>& states) {
        const std::int64_t d = day_of(m_opt.as_of[k]);
        const std::int64_t p = k == 0 ? std::numeric_limits<std::int64_t>::min() : day_of(m_opt.as_of[k - 1]);
        struct Change {
            std::map<std::string, std::vector<std::size_t>> sites_by_orig;
            std::vector<const Item*> causes;
        };
        std::map<std::pair<std::string, std::string>, Change> found;
        for (std::size_t i = 0; i < m_sites.size(); ++i) {
            const Site& s = m_sites[i];
            if (s.items.empty()) continue;
            const std::string& to = states[i].controller;
            // the items of the period, and what held before it
            std::string from = k == 0 ? s.orig : m_prev_states[i].controller;
            std::vector<const Item*> run;  // the period's items naming `to`, after the last one naming another
            bool takeover = false;
            for (std::size_t ii : s.items) {
                const Item& it = m_items[ii];
                if (it.day > d) break;
                if (it.e->kind == EvidenceKind::fighting) continue;
                if (it.day <= p) continue;
                if (it.e->controller == to) {
                    run.push_back(&it);
                    takeover = takeover || it.e->kind == EvidenceKind::takeover;
                } else {
                    if (k == 0) from = it.e->controller;  // the first snapshot: the last change up to it
                    run.clear();
                    takeover = false;
                }
            }
            if (from == to || run.empty()) continue;
            // first knowledge is no change of hands unless a takeover says so
            if (from == unknown_controller && !takeover) continue;
            Change& c = found[{from, to}];
            c.sites_by_orig[s.orig].push_back(i);
            c.causes.insert(c.causes.end(), run.begin(), run.end());
        }
        const Date as_of = m_opt.as_of[k];
        for (auto& [ft, c] : found) {
            std::vector<Geometry> geoms;
            std::vector<std::string> place_ids;
            for (const auto& [orig, sites] : c.sites_by_orig) {
                geoms.push_back(pieces(sites, orig));
                for (std::size_t i : sites) place_ids.insert(place_ids.end(), m_sites[i].ids.begin(), m_sites[i].ids.end());
            }
            const Geometry g = merge(geoms);
            const double area_m2 = g.empty() ? 0.0 : geometry::lonlat_area_m2(g);
            if (area_m2 < negligible_area_m2) continue;
            std::sort(c.causes.begin(), c.causes.end(), [](const Item* a, const Item* b) {
                return a->day != b->day ? a->day < b->day : a->order < b->order;
            });
            ControlChange ch;
            ch.controller_from = ft.first;
            ch.controller_to = ft.second;
            ch.change_id = iso(as_of) + "/" + ft.first + "->" + ft.second;
            ch.as_of = as_of;
            ch.valid_from = from_day_number(c.causes.front()->day);
            ch.valid_to = from_day_number(c.causes.back()->day);
            ch.area_km2 = area_m2 / 1e6;
            std::set<std::string> seen;
            for (const Item* it : c.causes) {
                if (seen.insert(it->e->id).second) ch.incident_ids.push_back(it->e->id);
            }
            ch.evidence_count = static_cast<std::int64_t>(ch.incident_ids.size());
            std::sort(place_ids.begin(), place_ids.end());
            place_ids.erase(std::unique(place_ids.begin(), place_ids.end()), place_ids.end());
            ch.place_ids = std::move(place_ids);
            ch.wkt = g.to_wkt(wkt_decimals);
            m_out.changes.push_back(std::move(ch));
        }
    }

    void note_future(std::int64_t d) {
        std::size_t n = 0;
        std::int64_t latest = d;
        for (const Item& it : m_items) {
            if (it.day > d) {
                ++n;
                latest = std::max(latest, it.day);
            }
        }
        if (n) {
            m_out.notes.push_back(fmt::format("{} evidence items are dated after {} (the last snapshot; the latest is of {}): not used", n,
                                              iso(from_day_number(d)), iso(from_day_number(latest))));
        }
    }

    struct Prepared {
        std::size_t index = 0;
        std::shared_ptr<Geometry> area;
        LatLon point;
    };

    const ControlInputs& m_in;
    const ControlOptions& m_opt;
    const Gazetteer& m_gaz;
    ControlResult& m_out;

    std::vector<Prepared> m_ev;
    Geometry m_coverage;
    std::unique_ptr<PreparedGeometry> m_coverage_prepared;
    std::vector<Site> m_sites;
    std::map<SnapKey, std::size_t> m_by_position;
    std::unordered_map<std::string, std::size_t> m_by_id;
    SiteGrid m_grid;
    std::vector<Item> m_items;
    std::vector<Geometry> m_cells;
    std::map<std::string, Geometry> m_initial;
    std::string m_method;
    std::vector<State> m_prev_states;
};

} // namespace

std::vector<Date> snapshot_dates(const Date& from, const Date& to, SnapshotStep step) {
    if (!valid_date(from)) throw UsageError("--from " + iso(from) + " is not a real date");
    if (!valid_date(to)) throw UsageError("--to " + iso(to) + " is not a real date");
    const std::int64_t a = day_of(from), b = day_of(to);
    if (a > b) throw UsageError("--from " + iso(from) + " is after --to " + iso(to));
    const std::int64_t days = step == SnapshotStep::week ? 7 : 1;
    std::vector<Date> out;
    for (std::int64_t d = a; d <= b; d += days) out.push_back(from_day_number(d));
    if (day_of(out.back()) != b) out.push_back(to);
    return out;
}

ControlResult build_control(const ControlInputs& inputs, const ControlOptions& options, const Gazetteer& gazetteer) {
    ControlResult out;
    Builder(inputs, options, gazetteer, out).run();
    std::sort(out.areas.begin(), out.areas.end(), [](const ControlArea& a, const ControlArea& b) {
        const auto da = day_number(a.as_of), db = day_number(b.as_of);
        if (da != db) return da < db;
        if (a.controller != b.controller) return a.controller < b.controller;
        return a.contested < b.contested;
    });
    std::sort(out.changes.begin(), out.changes.end(), [](const ControlChange& a, const ControlChange& b) {
        const auto da = day_number(a.as_of), db = day_number(b.as_of);
        if (da != db) return da < db;
        if (a.controller_from != b.controller_from) return a.controller_from < b.controller_from;
        return a.controller_to < b.controller_to;
    });
    return out;
}

} // namespace reckon
