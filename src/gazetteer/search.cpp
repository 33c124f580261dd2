// Gazetteer lookup: candidate generation by matching keys, scoring, context
// and ambiguity.

#include "reckon/gazetteer.hpp"

#include "gazetteer/index.hpp"
#include "gazetteer/sqlite.hpp"
#include "geodesy/geodesic.hpp"
#include "geometry/geos.hpp"
#include "reckon/error.hpp"
#include "text/normalize.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace reckon {

namespace {

using gazetteer::detail::Db;
using gazetteer::detail::Stmt;

// ---------------------------------------------------------------------------
// Scoring policy. Match scores are in [0, 1]; priors and context are added.
// Thresholds were set on tests/data/gazetteer_variants.tsv (spellings from
// real reports) and tests/data/gazetteer_nomatch.tsv (words that are no place).
// ---------------------------------------------------------------------------
constexpr double score_exact = 1.0;
constexpr double score_translit = 0.96;
// skeleton matches: base + weight * edit similarity of the translit keys, so
// an identical translit key would score like score_translit
constexpr double score_skeleton_base = 0.5;
constexpr double score_skeleton_weight = 0.45;
// typo matches: a fraction of the edit similarity of the translit keys
constexpr double score_fuzzy_factor = 0.97;
// a candidate is accepted at or above this match score...
constexpr double accept_match_score = 0.84;
// ... and offered as a suggestion above this one
constexpr double suggest_match_score = 0.55;
constexpr std::size_t max_suggestions = 5;
constexpr std::size_t max_fuzzy_skeletons = 64;

// Context weights
constexpr double bonus_in_admin = 0.25;
constexpr double penalty_outside_admin = 0.25;
constexpr double penalty_other_country = 0.3;
constexpr double bonus_near_max = 0.25;
constexpr double near_scale_m = 50000.0;      // e-folding distance of the near bonus
constexpr double penalty_far_from_near = 0.1; // beyond far_from_near_m
constexpr double far_from_near_m = 200000.0;
constexpr double bonus_feature_match = 0.15;
constexpr double penalty_feature_mismatch = 0.1;
constexpr double population_prior_max = 0.04;
constexpr double population_prior_log10_full = 6.5;  // ~3 million inhabitants earn the full prior
// Prominence: places the world writes about have names in many languages
// (GeoNames alternate names); a city has dozens, a hamlet one or two. Many
// large towns in the extracts lack a population, so this carries the weight.
constexpr double names_prior_max = 0.10;
constexpr double names_prior_full = 30.0;  // names for the full prior

// Ambiguity: distinct places whose final scores differ by less than this.
constexpr double ambiguity_margin = 0.05;
// Two records closer than this, with the same kind, are one place (duplicates
// are common in merged gazetteers).
constexpr double duplicate_distance_m = 3000.0;
// Two candidates are distinct places only if further apart than this and
// than either's extent.
constexpr double distinct_min_distance_m = 5000.0;

// A country's name means the country: reports name countries constantly, and
// a town that also carries one as an alternate name ("`Iraq" for Arāk in
// Iran, "Turkiyah") is almost never what they mean.
constexpr double country_prior = 0.3;

double feature_prior(const Place& p) {
    const std::string& c = p.feature_code;
    if (c.rfind("PCL", 0) == 0) return country_prior;
    if (c == "PPLC") return 0.08;
    if (c == "PPLA") return 0.07;
    if (c == "PPLA2") return 0.06;
    // A bare name means the town more often than the governorate or district
    // named after it ("clashes in Kirkuk"); a hint (generic word, --feature)
    // adds bonus_feature_match to the admin area when meant.
    if (c == "ADM1") return 0.02;
    if (c == "PPLA3" || c == "PPLA4") return 0.05;
    if (c == "ADM2") return 0.015;
    if (c == "PPL") return 0.03;
    if (c == "PPLL" || c == "PPLX" || c == "PPLF" || c == "STLMT") return 0.02;
    return 0.03;
}

FeatureType category(const Place& p) {
    const std::string& fc = p.feature_class;
    const std::string& c = p.feature_code;
    if (fc == "P") return c == "PPLX" ? FeatureType::neighbourhood : FeatureType::settlement;
    if (fc == "A") {
        if (c == "ADM1" || c == "ADM1H") return FeatureType::admin1;
        if (c.rfind("ADM", 0) == 0) return FeatureType::admin2;
        return FeatureType::region;
    }
    if (fc == "S" && c.rfind("CMP", 0) == 0) return FeatureType::camp;
    if (fc == "L" && (c == "RGN" || c == "AREA" || c == "RGNE")) return FeatureType::region;
    if (fc == "T" || fc == "H") return FeatureType::region;
    return FeatureType::facility;
}

FeatureType from_hint(text::FeatureHint h) {
    switch (h) {
    case text::FeatureHint::none: return FeatureType::any;
    case text::FeatureHint::settlement: return FeatureType::settlement;
    case text::FeatureHint::admin1: return FeatureType::admin1;
    case text::FeatureHint::admin2: return FeatureType::admin2;
    case text::FeatureHint::camp: return FeatureType::camp;
    case text::FeatureHint::region: return FeatureType::region;
    case text::FeatureHint::neighbourhood: return FeatureType::neighbourhood;
    case text::FeatureHint::facility: return FeatureType::facility;
    }
    return FeatureType::any;
}

const std::string& describe_feature(const Place& p) {
    static const std::unordered_map<std::string, std::string> names{
        {"PPLC", "capital"},         {"PPLA", "governorate capital"}, {"PPLA2", "district seat"},
        {"PPLA3", "sub-district seat"}, {"PPL", "populated place"}, {"PPLL", "locality"},
        {"PPLX", "neighbourhood"},   {"ADM1", "governorate/province"}, {"ADM2", "district"},
        {"PCLI", "country"},         {"OILF", "oil field"},           {"GASF", "gas field"},
        {"DAM", "dam"},              {"AIRB", "airbase"},              {"AIRP", "airport"},
        {"PSTB", "border crossing"}, {"CMP", "camp"},                  {"CMPRF", "refugee camp"},
        {"RGN", "region"},           {"VAL", "valley"},                {"MTS", "mountains"},
    };
    auto it = names.find(p.feature_code);
    return it == names.end() ? p.feature_code : it->second;
}

// Feature rank plus prominence: what a bare name most likely means.
double static_prior(const Place& p) {
    double prior = feature_prior(p);
    if (p.feature_class == "P") {
        if (p.population > 0) {
            prior += population_prior_max *
                     std::min(1.0, std::log10(1.0 + static_cast<double>(p.population)) / population_prior_log10_full);
        }
        if (p.name_count > 1) {
            prior += names_prior_max *
                     std::min(1.0, std::log(1.0 + static_cast<double>(p.name_count)) / std::log(1.0 + names_prior_full));
        }
    }
    return prior;
}

} // namespace

const char* to_string(MatchKind k) noexcept {
    switch (k) {
    case MatchKind::exact: return "exact";
    case MatchKind::transliterated: return "transliterated";
    case MatchKind::skeleton: return "skeleton";
    case MatchKind::fuzzy: return "fuzzy";
    }
    return "exact";
}

const char* to_string(FeatureType t) noexcept {
    switch (t) {
    case FeatureType::any: return "any";
    case FeatureType::settlement: return "settlement";
    case FeatureType::admin1: return "admin1";
    case FeatureType::admin2: return "admin2";
    case FeatureType::camp: return "camp";
    case FeatureType::region: return "region";
    case FeatureType::neighbourhood: return "neighbourhood";
    case FeatureType::facility: return "facility";
    }
    return "any";
}

std::string default_gazetteer_path() {
    if (const char* env = std::getenv("RECKON_GAZETTEER"); env && *env) return env;
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".local" / "share";
    } else {
        base = ".";
    }
    return (base / "reckon" / "gazetteer.sqlite").string();
}

namespace detail {

class GazetteerImpl {
public:
    explicit GazetteerImpl(const std::string& path) : m_path(path), m_db(existing(path), Db::Mode::read_only) {
        check_schema(m_db);
        // A read-only file: map it rather than read it page by page.
        m_db.exec("PRAGMA mmap_size = 268435456; PRAGMA cache_size = -16384;");
        m_by_translit = Stmt(m_db, "SELECT place_id, key_fold, name, rowid FROM names WHERE key_translit = ?1");
        m_by_skel = Stmt(m_db, "SELECT place_id, key_translit, key_fold, name, rowid FROM names WHERE key_skel = ?1");
        m_deletes = Stmt(m_db, "SELECT skel FROM skel_deletes WHERE del_key = ?1");
        m_place = Stmt(m_db, "SELECT id, source_id, name, name_ar, feature_class, feature_code, country, admin1, "
                             "admin2, lat, lon, population, extent_m, extent_basis, source_ref, name_count "
                             "FROM places WHERE id = ?1");
    }

    static Place place_from(const Stmt& q, int first) {
        Place p;
        p.row_id = q.int64(first);
        p.id = q.text(first + 1);
        p.name = q.text(first + 2);
        p.name_ar = q.text(first + 3);
        p.feature_class = q.text(first + 4);
        p.feature_code = q.text(first + 5);
        p.country = q.text(first + 6);
        p.admin1 = q.text(first + 7);
        p.admin2 = q.text(first + 8);
        p.position = LatLon{q.real(first + 9), q.real(first + 10)};
        p.population = q.int64(first + 11);
        p.extent_m = q.real(first + 12);
        p.extent_basis = q.text(first + 13);
        p.source_ref = q.text(first + 14);
        p.name_count = q.int64(first + 15);
        return p;
    }

    /// A name that matched, before ranking.
    struct Hit {
        std::int64_t place_id;
        std::string name;
        MatchKind kind;
        double match_score;
        std::int64_t name_row;  // ties go to the earlier name (the primary one comes first)
    };

    static void keep_best(std::vector<Hit>& hits, Hit h) {
        for (auto& e : hits) {
            if (e.place_id == h.place_id) {
                if (h.match_score > e.match_score || (h.match_score == e.match_score && h.name_row < e.name_row)) {
                    e = std::move(h);
                }
                return;
            }
        }
        hits.push_back(std::move(h));
    }

    // Tier 1: same transliteration key (exact when the folded names agree),
    // from the in-memory index.
    void collect_translit(const text::MatchKeys& k, std::vector<Hit>& hits) {
        if (!m_index_loaded) load_index();
        if (!m_index_ok) {
            m_by_translit.reset().bind_static(1, k.translit);
            while (m_by_translit.step()) {
                const bool exact = m_by_translit.text_view(1) == k.fold;
                keep_best(hits, Hit{m_by_translit.int64(0), m_by_translit.text(2),
                                    exact ? MatchKind::exact : MatchKind::transliterated,
                                    exact ? score_exact : score_translit, m_by_translit.int64(3)});
            }
            return;
        }
        const std::uint64_t fold_hash = gazetteer::detail::fnv1a64(k.fold);
        const auto [lo, hi] = m_index.find(k.translit);
        for (const auto* e = lo; e != hi; ++e) {
            const bool exact = e->fold_hash == fold_hash;
            keep_best(hits, Hit{e->place_row, std::string(m_index.name(*e)), exact ? MatchKind::exact : MatchKind::transliterated,
                                exact ? score_exact : score_translit, e->name_row});
        }
    }

    void load_index() {
        m_index_loaded = true;
        Stmt q(m_db, "SELECT data FROM search_index WHERE id = 1");
        m_index_ok = q.step() && m_index.load(q.blob(0));
    }

    // Tier 2 and 3: same (or a typo-near) skeleton, scored by the edit
    // similarity of the transliteration keys.
    void collect_skel(const std::string& skel, const text::MatchKeys& k, bool fuzzy, std::vector<Hit>& hits) {
        m_by_skel.reset().bind_static(1, skel);
        while (m_by_skel.step()) {
            const double sim = text::edit_similarity(m_by_skel.text_view(1), k.translit);
            const double s = fuzzy ? score_fuzzy_factor * sim : score_skeleton_base + score_skeleton_weight * sim;
            keep_best(hits, Hit{m_by_skel.int64(0), m_by_skel.text(3), fuzzy ? MatchKind::fuzzy : MatchKind::skeleton, s,
                                m_by_skel.int64(4)});
        }
    }

    std::vector<Hit> candidates(const text::MatchKeys& k) {
        std::vector<Hit> hits;
        collect_translit(k, hits);
        if (!hits.empty()) return hits;
        collect_skel(k.skel, k, false, hits);
        const bool accepted = std::any_of(hits.begin(), hits.end(),
                                          [](const Hit& h) { return h.match_score >= accept_match_score; });
        if (!accepted && text::length_cp(k.skel) >= 3) {
            // SymSpell: skeletons within one edit share a deletion key
            std::vector<std::string> skels;
            std::vector<std::string> probes = text::single_deletions(k.skel);
            probes.push_back(k.skel);
            for (const auto& d : probes) {
                m_deletes.reset().bind(1, d);
                while (m_deletes.step() && skels.size() < max_fuzzy_skeletons) {
                    std::string s = m_deletes.text(0);
                    if (s != k.skel && std::find(skels.begin(), skels.end(), s) == skels.end()) skels.push_back(std::move(s));
                }
            }
            for (const auto& s : skels) collect_skel(s, k, true, hits);
        }
        return hits;
    }

    /// A place with what ranking needs of it computed once.
    struct CachedPlace {
        Place place;
        FeatureType category;
        double prior;  // feature rank + prominence (population, names)
    };

    /// The place with row id @p id (cached: reports name the same towns again and again).
    const CachedPlace& place_by_row(std::int64_t id) {
        auto it = m_places.find(id);
        if (it != m_places.end()) return it->second;
        m_place.reset().bind(1, id);
        if (!m_place.step()) throw GazetteerError(m_path + ": names refer to a missing place row " + std::to_string(id));
        CachedPlace cp{place_from(m_place, 0), FeatureType::any, 0.0};
        cp.category = category(cp.place);
        cp.prior = static_prior(cp.place);
        return m_places.emplace(id, std::move(cp)).first->second;
    }

    const std::string& admin_name(int level, const std::string& country, const std::string& a1, const std::string& a2) {
        static const std::string none;
        if (a1.empty() || (level == 2 && a2.empty())) return none;
        if (!m_admin_loaded) load_admin_names();
        auto& map = level == 1 ? m_admin1_names : m_admin2_names;
        m_admin_key.assign(country).append(1, '|').append(a1);
        if (level == 2) m_admin_key.append(1, '|').append(a2);
        auto it = map.find(m_admin_key);
        return it == map.end() ? none : it->second;
    }

    void load_admin_names() {
        m_admin_loaded = true;
        // GeoNames ADM rows first; names of boundary polygons override them.
        Stmt q(m_db, "SELECT feature_code, country, admin1, admin2, name FROM places "
                     "WHERE feature_class = 'A' AND feature_code IN ('ADM1', 'ADM2') ORDER BY id");
        while (q.step()) {
            const bool l2 = q.text(0) == "ADM2";
            (l2 ? m_admin2_names : m_admin1_names).emplace(q.text(1) + "|" + q.text(2) + (l2 ? "|" + q.text(3) : ""), q.text(4));
        }
        Stmt a(m_db, "SELECT level, country, admin1, admin2, name FROM admin_areas WHERE level IN (1, 2)");
        while (a.step()) {
            const bool l2 = a.int64(0) == 2;
            (l2 ? m_admin2_names : m_admin1_names)[a.text(1) + "|" + a.text(2) + (l2 ? "|" + a.text(3) : "")] = a.text(4);
        }
    }

    const geometry::PreparedGeometry* area_of(std::int64_t place_row) {
        auto it = m_area_cache.find(place_row);
        if (it != m_area_cache.end()) return it->second.get();
        Stmt q(m_db, "SELECT geom FROM admin_areas WHERE place_id = ?1 LIMIT 1");
        q.bind(1, place_row);
        std::unique_ptr<geometry::PreparedGeometry> g;
        if (q.step()) g = std::make_unique<geometry::PreparedGeometry>(geometry::Geometry::from_wkb(q.blob(0)));
        auto* raw = g.get();
        m_area_cache.emplace(place_row, std::move(g));
        return raw;
    }

    std::string m_path;
    Db m_db;
    Stmt m_by_translit;
    gazetteer::detail::ExactIndex m_index;
    bool m_index_loaded = false;
    bool m_index_ok = false;
    Stmt m_by_skel;
    Stmt m_deletes;
    Stmt m_place;
    std::unordered_map<std::int64_t, CachedPlace> m_places;
    std::unordered_map<std::string, std::optional<Candidate>> m_admin_hints;
    bool m_admin_loaded = false;
    std::unordered_map<std::string, std::string> m_admin1_names, m_admin2_names;
    std::string m_admin_key;
    std::unordered_map<std::int64_t, std::unique_ptr<geometry::PreparedGeometry>> m_area_cache;

private:
    static const std::string& existing(const std::string& path) {
        if (!std::filesystem::exists(path)) {
            throw GazetteerError(path + ": no gazetteer here (build one with 'reckon gazetteer build', "
                                        "or run scripts/setup for the default one)");
        }
        return path;
    }
    static void check_schema(const Db& db) {
        const std::string& path = db.path();
        std::string version;
        try {
            Stmt q(db, "SELECT value FROM meta WHERE key = 'schema_version'");
            if (q.step()) version = q.text(0);
        } catch (const GazetteerError& e) {
            throw GazetteerError(path + ": not a reckon gazetteer (" + e.what() + ")");
        }
        if (version.empty()) throw GazetteerError(path + ": not a reckon gazetteer (no schema_version)");
        if (version != gazetteer::detail::schema_version) {
            throw GazetteerError(path + ": gazetteer schema version " + version + ", this reckon needs " +
                                 gazetteer::detail::schema_version + ": rebuild it with 'reckon gazetteer build'");
        }
    }
};

} // namespace detail

Gazetteer::Gazetteer(const std::string& path) : m_impl(std::make_unique<detail::GazetteerImpl>(path)) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

const std::string& Gazetteer::path() const noexcept { return m_impl->m_path; }

std::string Gazetteer::admin1_name(const std::string& country, const std::string& admin1) const {
    return m_impl->admin_name(1, country, admin1, "");
}

namespace {

// A hit with its place and the evidence behind its score; reasons are only
// written out for the candidates returned.
struct Scored {
    const Place* place;
    FeatureType category;
    const detail::GazetteerImpl::Hit* hit;
    double score;
    int feature_fit;    // +1 matches the wanted kind, -1 does not, 0 no wish
    int country_fit;    // +1 / -1 / 0
    int admin_fit;      // +1 inside the area hint, -1 outside, 0 no hint
    double near_m;      // distance to the near point, NaN if none
};

} // namespace

SearchResult Gazetteer::search(std::string_view name, const SearchOptions& options) const {
    SearchResult result;
    result.query = std::string(name);
    const text::MatchKeys k = text::match_keys(name);
    if (k.fold.empty()) {
        result.messages.push_back("empty place name");
        return result;
    }
    detail::GazetteerImpl& impl = *m_impl;
    const std::vector<detail::GazetteerImpl::Hit> hits = impl.candidates(k);
    const FeatureType want = options.feature != FeatureType::any ? options.feature : from_hint(k.hint);

    // Context: the admin area hint ("Diyala Province") and a nearby place.
    std::optional<Candidate> admin;
    if (!options.in_admin.empty()) {
        const std::string key = options.country + "|" + options.in_admin;
        auto it = impl.m_admin_hints.find(key);
        if (it == impl.m_admin_hints.end()) {
            SearchOptions ao;
            ao.country = options.country;
            const text::MatchKeys ak = text::match_keys(options.in_admin);
            ao.feature = ak.hint == text::FeatureHint::admin2 ? FeatureType::admin2 : FeatureType::admin1;
            ao.limit = 5;
            std::optional<Candidate> found;
            for (auto& c : search(options.in_admin, ao).candidates) {
                const FeatureType cat = category(c.place);
                if (cat == FeatureType::admin1 || cat == FeatureType::admin2) {
                    found = std::move(c);
                    break;
                }
            }
            it = impl.m_admin_hints.emplace(key, std::move(found)).first;
        }
        admin = it->second;
        if (!admin) result.messages.push_back("area hint '" + options.in_admin + "' is not a known province or district");
    }
    std::optional<LatLon> near_point = options.near_point;
    std::string near_label = near_point ? "the given point" : "";
    if (!options.near.empty()) {
        SearchOptions no;
        no.country = options.country;
        no.limit = 1;
        SearchResult nr = search(options.near, no);
        if (!nr.candidates.empty()) {
            near_point = nr.candidates.front().place.position;
            near_label = nr.candidates.front().place.name;
        } else {
            result.messages.push_back("nearby place '" + options.near + "' not found");
        }
    }
    const geometry::PreparedGeometry* admin_area = admin ? impl.area_of(admin->place.row_id) : nullptr;

    std::vector<Scored> all;
    all.reserve(hits.size());
    for (const auto& h : hits) {
        const auto& cp = impl.place_by_row(h.place_id);
        const Place& p = cp.place;
        Scored sc{&p, cp.category, &h, h.match_score + cp.prior, 0, 0, 0, std::nan("")};
        if (want != FeatureType::any) {
            sc.feature_fit = cp.category == want ? 1 : -1;
            sc.score += sc.feature_fit > 0 ? bonus_feature_match : -penalty_feature_mismatch;
        }
        if (!options.country.empty()) {
            sc.country_fit = p.country == options.country ? 1 : -1;
            if (sc.country_fit < 0) {
                if (options.strict_context) continue;
                sc.score -= penalty_other_country;
            }
        }
        if (admin) {
            bool inside;
            if (admin_area) {
                inside = admin_area->contains(p.position);
            } else {
                const Place& a = admin->place;
                inside = p.country == a.country && !a.admin1.empty() && p.admin1 == a.admin1 &&
                         (category(a) != FeatureType::admin2 || p.admin2 == a.admin2);
            }
            if (p.row_id == admin->place.row_id) inside = true;
            sc.admin_fit = inside ? 1 : -1;
            if (!inside && options.strict_context) continue;
            sc.score += inside ? bonus_in_admin : -penalty_outside_admin;
        }
        if (near_point) {
            sc.near_m = geodesy::approx_distance_m(*near_point, p.position);
            sc.score += bonus_near_max * std::exp(-sc.near_m / near_scale_m);
            if (sc.near_m > far_from_near_m) sc.score -= penalty_far_from_near;
        }
        all.push_back(sc);
    }
    std::sort(all.begin(), all.end(), [](const Scored& a, const Scored& b) {
        if (a.score != b.score) return a.score > b.score;
        return a.place->id < b.place->id;
    });

    auto materialise = [&](const Scored& sc) {
        Candidate c;
        c.place = *sc.place;
        c.matched_name = sc.hit->name;
        c.match = sc.hit->kind;
        c.match_score = sc.hit->match_score;
        c.score = sc.score;
        const Place& p = *sc.place;
        c.admin1_name = impl.admin_name(1, p.country, p.admin1, "");
        c.admin2_name = p.admin2.empty() ? std::string() : impl.admin_name(2, p.country, p.admin1, p.admin2);
        if (!options.explain) return c;
        switch (c.match) {
        case MatchKind::exact: c.reasons.push_back("exact name '" + c.matched_name + "'"); break;
        case MatchKind::transliterated: c.reasons.push_back("same transliteration as '" + c.matched_name + "'"); break;
        case MatchKind::skeleton:
            c.reasons.push_back(fmt::format("similar spelling '{}' ({:.2f})", c.matched_name, c.match_score));
            break;
        case MatchKind::fuzzy:
            c.reasons.push_back(fmt::format("typo-tolerant match '{}' ({:.2f})", c.matched_name, c.match_score));
            break;
        }
        c.reasons.push_back(describe_feature(p));
        if (p.feature_class == "P" && p.population > 0) c.reasons.push_back("population " + std::to_string(p.population));
        if (p.feature_class == "P" && p.name_count > 1) c.reasons.push_back(std::to_string(p.name_count) + " names");
        if (sc.feature_fit > 0) c.reasons.push_back(std::string("is a ") + to_string(want) + " as asked");
        if (sc.country_fit > 0) c.reasons.push_back("in " + p.country);
        if (sc.country_fit < 0) c.reasons.push_back("not in " + options.country);
        if (sc.admin_fit > 0) c.reasons.push_back("in " + admin->place.name + " (area hint)");
        if (sc.admin_fit < 0) c.reasons.push_back("outside " + admin->place.name + " (area hint)");
        if (std::isfinite(sc.near_m)) c.reasons.push_back(fmt::format("{:.0f} km from {}", sc.near_m / 1000.0, near_label));
        return c;
    };

    // Accepted candidates, with duplicate records of one place folded
    // together; only as many as the ambiguity check and the caller need.
    std::vector<const Scored*> kept;
    result.candidates.reserve(std::min<std::size_t>(all.size(), options.limit + 4));
    std::vector<std::vector<std::string>> also;
    const std::size_t wanted = std::max<std::size_t>(options.limit, 2);
    for (const Scored& sc : all) {
        if (sc.hit->match_score < accept_match_score) continue;
        bool duplicate = false;
        for (std::size_t i = 0; i < kept.size(); ++i) {
            if (kept[i]->category == sc.category &&
                geodesy::approx_distance_m(kept[i]->place->position, sc.place->position) < duplicate_distance_m) {
                also[i].push_back(sc.place->id);
                duplicate = true;
                break;
            }
        }
        if (duplicate) continue;
        if (kept.size() >= wanted && sc.score < kept.front()->score - ambiguity_margin) break;
        kept.push_back(&sc);
        also.emplace_back();
    }
    for (std::size_t i = 0; i < kept.size(); ++i) {
        result.candidates.push_back(materialise(*kept[i]));
        if (options.explain) {
            for (const auto& id : also[i]) result.candidates.back().reasons.push_back("same place as " + id);
        }
    }

    // Ambiguity: the best and the next distinct place score too close to call.
    if (result.candidates.size() >= 2) {
        const Candidate& top = result.candidates[0];
        for (std::size_t i = 1; i < result.candidates.size(); ++i) {
            const Candidate& other = result.candidates[i];
            if (top.score - other.score >= ambiguity_margin) break;
            // A town and the district named after it differ in kind, which the
            // feature prior settles; ambiguity is between places of one kind.
            if (category(other.place) != category(top.place)) continue;
            const double d = geodesy::distance_m(top.place.position, other.place.position);
            const double related_m = std::max({distinct_min_distance_m, top.place.extent_m, other.place.extent_m});
            if (d <= related_m) continue;  // one contains the other, or the same place twice
            result.ambiguous = true;
            auto where = [](const Candidate& c) {
                return c.place.name + " (" + c.place.id + (c.admin1_name.empty() ? "" : ", " + c.admin1_name) + ", " +
                       c.place.country + ")";
            };
            result.ambiguity = fmt::format("'{}' fits {} and {}, {:.0f} km apart; a province (--in) or nearby place "
                                           "(--near) would decide",
                                           result.query, where(top), where(other), d / 1000.0);
            break;
        }
    }
    if (result.candidates.size() > options.limit) result.candidates.resize(options.limit);

    if (result.candidates.empty()) {
        for (const Scored& sc : all) {
            if (sc.hit->match_score < suggest_match_score) continue;
            result.suggestions.push_back(materialise(sc));
            if (result.suggestions.size() >= max_suggestions) break;
        }
    }
    return result;
}

std::optional<Place> Gazetteer::place(std::string_view id) const {
    Stmt q(m_impl->m_db, "SELECT id, source_id, name, name_ar, feature_class, feature_code, country, admin1, admin2, "
                         "lat, lon, population, extent_m, extent_basis, source_ref, name_count FROM places WHERE source_id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return detail::GazetteerImpl::place_from(q, 0);
}

std::vector<std::pair<std::string, std::string>> Gazetteer::names(std::string_view id) const {
    Stmt q(m_impl->m_db, "SELECT n.name, n.lang FROM names n JOIN places p ON p.id = n.place_id "
                         "WHERE p.source_id = ?1 ORDER BY n.rowid");
    q.bind(1, id);
    std::vector<std::pair<std::string, std::string>> out;
    while (q.step()) out.emplace_back(q.text(0), q.text(1));
    return out;
}

std::string Gazetteer::latin_name(std::string_view id) const {
    // the primary name when it is Latin, else GeoNames' ASCII name, else any Latin name
    Stmt q(m_impl->m_db, "SELECT n.name FROM names n JOIN places p ON p.id = n.place_id "
                         "WHERE p.source_id = ?1 AND n.script = 'Latn' "
                         "ORDER BY CASE n.kind WHEN 'primary' THEN 0 WHEN 'ascii' THEN 1 WHEN 'curated' THEN 2 "
                         "WHEN 'boundary' THEN 3 ELSE 4 END, n.rowid LIMIT 1");
    q.bind(1, id);
    return q.step() ? q.text(0) : std::string();
}

std::optional<std::string> Gazetteer::area_wkb(std::string_view id) const {
    Stmt q(m_impl->m_db, "SELECT a.geom FROM admin_areas a JOIN places p ON p.id = a.place_id WHERE p.source_id = ?1 LIMIT 1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return q.blob(0);
}

std::optional<std::string> Gazetteer::line_wkb(std::string_view id) const {
    Stmt q(m_impl->m_db, "SELECT l.geom FROM place_lines l JOIN places p ON p.id = l.place_id WHERE p.source_id = ?1");
    q.bind(1, id);
    if (!q.step()) return std::nullopt;
    return q.blob(0);
}

std::optional<std::string> Gazetteer::country_wkb(std::string_view iso2) const {
    Stmt q(m_impl->m_db, "SELECT geom FROM admin_areas WHERE level = 0 AND country = ?1 LIMIT 1");
    q.bind(1, iso2);
    if (!q.step()) return std::nullopt;
    return q.blob(0);
}

GazetteerInfo Gazetteer::info() const {
    GazetteerInfo gi;
    gi.path = m_impl->m_path;
    auto& db = m_impl->m_db;
    Stmt meta(db, "SELECT key, value FROM meta");
    while (meta.step()) {
        const std::string key = meta.text(0);
        if (key == "schema_version") gi.schema_version = meta.text(1);
        if (key == "built_at") gi.built_at = meta.text(1);
        if (key == "reckon_version") gi.reckon_version = meta.text(1);
    }
    auto count = [&](const char* sql) {
        Stmt q(db, sql);
        q.step();
        return static_cast<std::size_t>(q.int64(0));
    };
    gi.places = count("SELECT COUNT(*) FROM places");
    gi.names = count("SELECT COUNT(*) FROM names");
    gi.admin_areas = count("SELECT COUNT(*) FROM admin_areas");
    Stmt bc(db, "SELECT country, COUNT(*) FROM places GROUP BY country ORDER BY COUNT(*) DESC, country");
    while (bc.step()) gi.places_by_country.emplace_back(bc.text(0), static_cast<std::size_t>(bc.int64(1)));
    Stmt bf(db, "SELECT feature_class || '/' || feature_code, COUNT(*) FROM places GROUP BY 1 ORDER BY 2 DESC, 1");
    while (bf.step()) gi.places_by_class.emplace_back(bf.text(0), static_cast<std::size_t>(bf.int64(1)));
    Stmt src(db, "SELECT kind, path, records, skipped FROM sources ORDER BY id");
    while (src.step()) {
        SourceReport sr;
        sr.kind = src.text(0);
        sr.path = src.text(1);
        sr.records = static_cast<std::size_t>(src.int64(2));
        sr.skipped = static_cast<std::size_t>(src.int64(3));
        gi.sources.push_back(sr);
    }
    return gi;
}

} // namespace reckon
