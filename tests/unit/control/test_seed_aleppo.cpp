// The seed report's Aleppo front (ITIC, Spotlight on Global Jihad, February
// 13–19, 2020): "the Syrian army took over Aleppo's western neighborhoods,
// including Jam'iyyat al-Zahra ... dozens of towns and villages in the area
// west and northwest of the city" (SANA, February 16) and "additional
// villages west and northwest of Aleppo, including the village of Anjara,
// about 10 km west of Aleppo" (Khotwa, February 17). The statements are
// typed by hand into tests/data/control/aleppo_front_incidents.geojson in
// the shape of the incidents layer; places come from the full gazetteer
// (../shared), so these tests skip without it.

#include "control_fixtures.hpp"
#include "geodesy/geodesic.hpp"
#include "reckon/resolver.hpp"

using namespace reckon;
using test::control_data;
using test::date;
using test::iso;

namespace {

constexpr const char* anjara_id = "geonames:173215";  // ‘Anjārah, 36.218 N 36.947 E
constexpr const char* aleppo_id = "geonames:170063";
constexpr const char* afrin_id = "geonames:174186";  // ‘Afrīn, 36.512 N 36.870 E

EvidenceRead aleppo_evidence(const Gazetteer& gaz) {
    const EvidenceRead r = read_control_evidence(control_data("aleppo_front_incidents.geojson"), gaz, ControllerTable::defaults());
    INFO(test::join_lines(r.errors));
    REQUIRE(r.errors.empty());
    REQUIRE(r.evidence.size() == 4);
    return r;
}

const ControlChange* only_change(const ControlResult& r, const Date& as_of) {
    const ControlChange* found = nullptr;
    for (const auto& c : r.changes) {
        if (c.as_of == as_of) {
            REQUIRE_FALSE(found);
            found = &c;
        }
    }
    return found;
}

// A change west and northwest of Aleppo: it holds the named places, and
// lies (by its point on surface) west of the city.
void require_aleppo_front_change(const ControlChange& c, const Gazetteer& gaz, const std::string& from) {
    CHECK(c.controller_from == from);
    CHECK(c.controller_to == "Syrian army");
    CHECK(iso(c.valid_from) == "2020-02-16");
    CHECK(iso(c.valid_to) == "2020-02-17");
    CHECK(c.incident_ids == std::vector<std::string>{"aleppo-front-1", "aleppo-front-2", "aleppo-front-3", "aleppo-front-4"});
    CHECK(c.evidence_count == 4);
    CHECK(std::find(c.place_ids.begin(), c.place_ids.end(), anjara_id) != c.place_ids.end());
    const geometry::Geometry g = test::wkt(c.wkt);
    CHECK(g.is_valid());
    const auto anjara = gaz.place(anjara_id);
    REQUIRE(anjara);
    CHECK(geometry::covers(g, anjara->position));
    // Aleppo's western neighbourhoods, as the resolver places them
    Resolver resolver(gaz);
    const Resolution west = resolver.resolve("Aleppo's western neighborhoods");
    REQUIRE(west.status == ResolveStatus::ok);
    CHECK(geometry::covers(g, west.point));
    // Jam'iyyat al-Zahra: checked by name when the gazetteer knows it
    const SearchResult zahra = gaz.search("Jam'iyyat al-Zahra");
    if (!zahra.candidates.empty() && !zahra.ambiguous) {
        CHECK(geometry::covers(g, zahra.candidates.front().place.position));
    } else {
        WARN("Jam'iyyat al-Zahra is not in the gazetteer: the western neighbourhoods stand for it");
    }
    const auto aleppo = gaz.place(aleppo_id);
    REQUIRE(aleppo);
    const LatLon inside = g.point_on_surface();
    const double azimuth = geodesy::inverse(aleppo->position, inside).azimuth1_deg;
    INFO("azimuth from Aleppo " << azimuth);
    CHECK(((azimuth >= -112.5 && azimuth <= -22.5) || (azimuth >= 247.5 && azimuth <= 337.5)));  // W to NW, ±22.5°
}

} // namespace

TEST_CASE("seed report: the Aleppo front as of 17 February 2020", "[control][seed][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz) {
        WARN("../shared not present: skipped");
        return;
    }
    ControlInputs in;
    in.evidence = aleppo_evidence(*gaz).evidence;
    ControlOptions opt;
    opt.as_of = {date("2020-02-17")};
    opt.clip = "province";
    const ControlResult r = build_control(in, opt, *gaz);
    INFO(test::join_lines(r.notes));
    CHECK(r.clip == "province: Aleppo, SY");
    test::require_invariants(r);
    const ControlChange* c = only_change(r, date("2020-02-17"));
    REQUIRE(c);
    require_aleppo_front_change(*c, *gaz, unknown_controller);
    const ControlArea* army = test::area_at(r, date("2020-02-17"), gaz->place(anjara_id)->position);
    REQUIRE(army);
    CHECK(army->controller == "Syrian army");
    CHECK(army->evidence_count == 4);
    CHECK(iso(*army->first_evidence) == "2020-02-16");
    CHECK(iso(*army->last_evidence) == "2020-02-17");
    // every settlement the change names lies in the army's area
    const geometry::Geometry area = test::wkt(army->wkt);
    for (const auto& id : c->place_ids) {
        const auto p = gaz->place(id);
        REQUIRE(p);
        INFO(id);
        CHECK(geometry::covers(area, p->position));
    }
}

TEST_CASE("seed report: the Aleppo front in a weekly series and over a baseline", "[control][seed][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz) {
        WARN("../shared not present: skipped");
        return;
    }
    ControlInputs in;
    in.evidence = aleppo_evidence(*gaz).evidence;
    ControlOptions opt;
    opt.as_of = snapshot_dates(date("2020-02-13"), date("2020-02-20"), SnapshotStep::week);
    opt.clip = "province";
    const ControlResult series = build_control(in, opt, *gaz);
    test::require_invariants(series);
    CHECK_FALSE(only_change(series, date("2020-02-13")));
    const ControlChange* c = only_change(series, date("2020-02-20"));
    REQUIRE(c);
    require_aleppo_front_change(*c, *gaz, unknown_controller);
    CHECK(test::area_at(series, date("2020-02-13"), gaz->place(anjara_id)->position)->controller == unknown_controller);
    CHECK(test::area_at(series, date("2020-02-20"), gaz->place(anjara_id)->position)->controller == "Syrian army");

    // over the schematic baseline (HTS west of 37.05 E, the SNA around Afrin): HTS -> Syrian army
    in.baseline = read_control_baseline(control_data("aleppo_baseline.geojson"), ControllerTable::defaults());
    ControlOptions one;
    one.as_of = {date("2020-02-17")};
    const ControlResult r = build_control(in, one, *gaz);
    INFO(test::join_lines(r.notes));
    test::require_invariants(r);
    const ControlChange* hts = nullptr;
    for (const auto& ch : r.changes) {
        if (ch.controller_from == "HTS") hts = &ch;
    }
    REQUIRE(hts);
    CHECK(hts->controller_to == "Syrian army");
    CHECK(iso(hts->valid_from) == "2020-02-16");
    CHECK(iso(hts->valid_to) == "2020-02-17");
    CHECK(geometry::covers(test::wkt(hts->wkt), gaz->place(anjara_id)->position));
    // the change replaces HTS cells only: it stays west of the baseline's line
    CHECK(test::wkt(hts->wkt).envelope().max_lon <= 37.05 + 1e-9);
    // Aleppo city was the army's already
    CHECK(test::area_at(r, date("2020-02-17"), gaz->place(aleppo_id)->position)->controller == "Syrian army");
    // the villages were taken from HTS (the incidents' target): Afrin, in the
    // sector "west and northwest of Aleppo" but the SNA's, stays the SNA's
    const auto afrin = gaz->place(afrin_id);
    REQUIRE(afrin);
    CHECK(test::area_at(r, date("2020-02-17"), afrin->position)->controller == "Syrian National Army");
    CHECK_FALSE(geometry::covers(test::wkt(hts->wkt), afrin->position));
    CHECK(test::contains_text(r.notes, "area takeovers left "));
}
