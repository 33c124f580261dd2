// Control snapshots on the grid fixture, where every Voronoi cell is the
// 0.1° square around its village, so the expected areas follow by hand from
// the evidence in tests/data/control/grid_evidence.csv:
//   w-hold      statement Syrian army, area lon < 36.4 (columns i = 0..3), 2020-02-01
//   e-take      takeover SDF, area 36.6–37 E × 35.3–35.6 N (i = 6..9, j = 3..5), 2020-02-10
//   zahra-east  statement SDF, Az Zahra in East = site (9,5), 2020-02-12
//   hamra       takeover "SAA" at 35.25 N 36.45 E = site (4,2), 2020-02-15
//   by-id       statement Syrian army, site (6,1), 2020-02-16
//   future      takeover HTS, site (1,0), 2020-03-01 (after the snapshot: not used)

#include "control_fixtures.hpp"
#include "reckon/error.hpp"

using namespace reckon;
using test::contains_text;
using test::control_data;
using test::date;
using test::grid_id;
using test::grid_point;
using test::iso;
using test::require_invariants;

namespace {

std::vector<ControlEvidence> grid_evidence() {
    const EvidenceRead r = read_control_evidence(control_data("grid_evidence.csv"), test::grid_gazetteer(),
                                                 ControllerTable::defaults());
    REQUIRE(r.evidence.size() == 6);
    return r.evidence;
}

// The controller of grid site (i, j) as of 2020-02-17 without a baseline.
std::string expected_voronoi(int i, int j) {
    if (i <= 3 || (i == 4 && j == 2) || (i == 6 && j == 1)) return "Syrian army";
    if (i >= 6 && j >= 3) return "SDF";
    return unknown_controller;
}

// ... and with the baseline (west half Syrian army, east half HTS).
std::string expected_baseline(int i, int j) {
    if (i <= 4 || (i == 6 && j == 1)) return "Syrian army";
    if (i >= 6 && j >= 3) return "SDF";
    return "HTS";
}

const ControlChange* change(const ControlResult& r, const Date& as_of, const std::string& from, const std::string& to) {
    for (const auto& c : r.changes) {
        if (c.as_of == as_of && c.controller_from == from && c.controller_to == to) return &c;
    }
    return nullptr;
}

std::vector<std::string> grid_ids(int i0, int i1, int j0, int j1) {
    std::vector<std::string> out;
    for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) out.push_back(grid_id(i, j));
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Every grid site lies in the area of its expected controller.
template <class F>
void require_sites_in_their_areas(const ControlResult& r, const Date& as_of, F expected) {
    for (int j = 0; j < 6; ++j) {
        for (int i = 0; i < 10; ++i) {
            INFO("site " << i << "," << j);
            const ControlArea* a = test::area_at(r, as_of, grid_point(i, j));
            REQUIRE(a);
            CHECK(a->controller == expected(i, j));
        }
    }
}

constexpr double golden_tolerance_m2 = 100.0;  // of areas of 100–2500 km²: overlay noise only

} // namespace

TEST_CASE("control: Voronoi snapshot of the grid as of a date", "[control]") {
    ControlInputs in;
    in.evidence = grid_evidence();
    ControlOptions opt;
    opt.as_of = {date("2020-02-17")};
    const ControlResult r = build_control(in, opt, test::grid_gazetteer());
    INFO(test::join_lines(r.notes) << test::join_lines(r.errors));
    CHECK(r.errors.empty());
    CHECK(r.clip == "country: Gridland (XT)");
    CHECK(r.settlements == 60);
    require_invariants(r);
    test::require_golden(r, date("2020-02-17"), "golden_grid_voronoi_2020-02-17.tsv", golden_tolerance_m2);
    require_sites_in_their_areas(r, date("2020-02-17"), expected_voronoi);

    const auto areas = test::snapshot(r, date("2020-02-17"));
    REQUIRE(areas.size() == 3);
    const ControlArea& sdf = *areas[0];
    CHECK(sdf.area_id == "2020-02-17/SDF");
    CHECK(sdf.area_km2 == Approx(test::quadrangle_km2(36.6, 35.3, 37.0, 35.6)).epsilon(1e-3));
    CHECK(sdf.evidence_count == 2);
    CHECK(iso(*sdf.first_evidence) == "2020-02-10");
    CHECK(iso(*sdf.last_evidence) == "2020-02-12");
    CHECK_FALSE(sdf.contested);
    CHECK(sdf.method == "voronoi");
    CHECK(iso(sdf.valid_from) == "2020-02-17");
    CHECK_FALSE(sdf.valid_to);  // the last snapshot: still holds
    const ControlArea& army = *areas[1];
    CHECK(army.evidence_count == 3);
    CHECK(iso(*army.first_evidence) == "2020-02-01");
    CHECK(iso(*army.last_evidence) == "2020-02-16");
    const ControlArea& unknown = *areas[2];
    CHECK(unknown.controller == unknown_controller);
    CHECK(unknown.evidence_count == 0);
    CHECK_FALSE(unknown.first_evidence);

    // what changed hands: the takeovers (statements are first knowledge, no change)
    REQUIRE(r.changes.size() == 2);
    const ControlChange* to_sdf = change(r, date("2020-02-17"), unknown_controller, "SDF");
    REQUIRE(to_sdf);
    CHECK(to_sdf->change_id == "2020-02-17/unknown->SDF");
    CHECK(to_sdf->incident_ids == std::vector<std::string>{"e-take", "zahra-east"});
    CHECK(to_sdf->evidence_count == 2);
    CHECK(iso(to_sdf->valid_from) == "2020-02-10");
    CHECK(iso(to_sdf->valid_to) == "2020-02-12");
    CHECK(to_sdf->place_ids == grid_ids(6, 9, 3, 5));
    CHECK(test::sym_diff_m2(test::wkt(to_sdf->wkt), test::wkt("POLYGON ((36.6 35.3, 37 35.3, 37 35.6, 36.6 35.6, 36.6 35.3))")) <
          golden_tolerance_m2);
    const ControlChange* to_army = change(r, date("2020-02-17"), unknown_controller, "Syrian army");
    REQUIRE(to_army);
    CHECK(to_army->incident_ids == std::vector<std::string>{"hamra"});
    CHECK(to_army->place_ids == std::vector<std::string>{grid_id(4, 2)});
    CHECK(iso(to_army->valid_from) == "2020-02-15");
    CHECK(to_army->area_km2 == Approx(test::quadrangle_km2(36.4, 35.2, 36.5, 35.3)).epsilon(1e-3));

    // the row after the snapshot is not used, and said so
    CHECK(contains_text(r.notes, "1 evidence items are dated after 2020-02-17 (the last snapshot; the latest is of 2020-03-01): not used"));
}

TEST_CASE("control: a baseline with the changed cells replaced", "[control]") {
    ControlInputs in;
    in.evidence = grid_evidence();
    in.baseline = read_control_baseline(control_data("grid_baseline.geojson"), ControllerTable::defaults());
    ControlOptions opt;
    opt.as_of = {date("2020-02-17")};
    const ControlResult r = build_control(in, opt, test::grid_gazetteer());
    INFO(test::join_lines(r.notes) << test::join_lines(r.errors));
    CHECK(r.clip.find("the baseline's extent") == 0);
    require_invariants(r);
    test::require_golden(r, date("2020-02-17"), "golden_grid_baseline_2020-02-17.tsv", golden_tolerance_m2);
    require_sites_in_their_areas(r, date("2020-02-17"), expected_baseline);
    for (const auto* a : test::snapshot(r, date("2020-02-17"))) CHECK(a->method == "baseline");

    // hamra: a takeover by the controller the baseline already has: no change
    REQUIRE(r.changes.size() == 2);
    const ControlChange* to_sdf = change(r, date("2020-02-17"), "HTS", "SDF");
    REQUIRE(to_sdf);
    CHECK(to_sdf->place_ids == grid_ids(6, 9, 3, 5));
    const ControlChange* to_army = change(r, date("2020-02-17"), "HTS", "Syrian army");
    REQUIRE(to_army);
    CHECK(to_army->incident_ids == std::vector<std::string>{"by-id"});  // a statement against a known controller
    CHECK(to_army->place_ids == std::vector<std::string>{grid_id(6, 1)});

    // the same baseline in EPSG:3857 gives the same areas
    ControlInputs in3857 = in;
    in3857.baseline = read_control_baseline(control_data("grid_baseline_3857.geojson"), ControllerTable::defaults());
    const ControlResult r3857 = build_control(in3857, opt, test::grid_gazetteer());
    require_invariants(r3857);
    test::require_golden(r3857, date("2020-02-17"), "golden_grid_baseline_2020-02-17.tsv", golden_tolerance_m2);
}

TEST_CASE("control: a weekly series, valid_from/valid_to and the changes of each step", "[control]") {
    ControlInputs in;
    in.evidence = grid_evidence();
    ControlOptions opt;
    opt.as_of = snapshot_dates(date("2020-02-01"), date("2020-02-17"), SnapshotStep::week);
    const ControlResult r = build_control(in, opt, test::grid_gazetteer());
    require_invariants(r);
    struct Expect {
        const char* as_of;
        const char* valid_to;
        std::size_t areas;
    };
    for (const Expect& e : {Expect{"2020-02-01", "2020-02-07", 2}, Expect{"2020-02-08", "2020-02-14", 2},
                            Expect{"2020-02-15", "2020-02-16", 3}, Expect{"2020-02-17", "", 3}}) {
        INFO(e.as_of);
        const auto areas = test::snapshot(r, date(e.as_of));
        CHECK(areas.size() == e.areas);
        for (const auto* a : areas) {
            CHECK(iso(a->valid_from) == e.as_of);
            CHECK((a->valid_to ? iso(*a->valid_to) : std::string()) == e.valid_to);
        }
    }
    // 2020-02-01: the west is the army's (a statement: no change)
    const ControlArea* west = test::area_at(r, date("2020-02-01"), grid_point(1, 1));
    REQUIRE(west);
    CHECK(west->controller == "Syrian army");
    CHECK(test::area_at(r, date("2020-02-08"), grid_point(8, 4))->controller == unknown_controller);
    CHECK(test::area_at(r, date("2020-02-15"), grid_point(8, 4))->controller == "SDF");
    CHECK(test::area_at(r, date("2020-02-15"), grid_point(6, 1))->controller == unknown_controller);
    CHECK(test::area_at(r, date("2020-02-17"), grid_point(6, 1))->controller == "Syrian army");
    // changes: both takeovers in the step to 2020-02-15, none else
    REQUIRE(r.changes.size() == 2);
    CHECK(change(r, date("2020-02-15"), unknown_controller, "SDF"));
    CHECK(change(r, date("2020-02-15"), unknown_controller, "Syrian army"));
}

TEST_CASE("control: contested places", "[control]") {
    // a site seen by several pieces of evidence, all built here
    auto ev = [](const char* id, const char* day, EvidenceKind kind, const char* controller, int i, int j) {
        ControlEvidence e;
        e.id = id;
        e.source = std::string("test:") + id;
        e.date = date(day);
        e.kind = kind;
        e.controller = controller;
        e.place_id = grid_id(i, j);
        e.point = grid_point(i, j);
        return e;
    };
    ControlInputs in;
    // (1,1): two controllers on one day
    in.evidence.push_back(ev("same-a", "2020-02-10", EvidenceKind::statement, "HTS", 1, 1));
    in.evidence.push_back(ev("same-b", "2020-02-10", EvidenceKind::statement, "Syrian army", 1, 1));
    // (3,3): taken, lost, taken again within a week
    in.evidence.push_back(ev("flip-1", "2020-02-05", EvidenceKind::takeover, "Syrian army", 3, 3));
    in.evidence.push_back(ev("flip-2", "2020-02-08", EvidenceKind::takeover, "HTS", 3, 3));
    in.evidence.push_back(ev("flip-3", "2020-02-10", EvidenceKind::takeover, "Syrian army", 3, 3));
    // (6,2): held, then fighting reported
    in.evidence.push_back(ev("held", "2020-02-01", EvidenceKind::statement, "SDF", 6, 2));
    in.evidence.push_back(ev("clash", "2020-02-09", EvidenceKind::fighting, "", 6, 2));
    // (8,4): one clean change of hands is no contest
    in.evidence.push_back(ev("held-2", "2020-02-01", EvidenceKind::statement, "SDF", 8, 4));
    in.evidence.push_back(ev("taken", "2020-02-09", EvidenceKind::takeover, "HTS", 8, 4));
    ControlOptions opt;
    opt.as_of = {date("2020-02-11"), date("2020-02-25")};
    const ControlResult r = build_control(in, opt, test::grid_gazetteer());
    INFO(test::join_lines(r.notes) << test::join_lines(r.errors));
    require_invariants(r);
    auto at = [&](const char* day, int i, int j) { return test::area_at(r, date(day), grid_point(i, j)); };
    // the later record of the day wins, but the place is contested
    CHECK(at("2020-02-11", 1, 1)->controller == "Syrian army");
    CHECK(at("2020-02-11", 1, 1)->contested);
    CHECK(at("2020-02-11", 1, 1)->area_id == "2020-02-11/Syrian army/contested");
    CHECK(at("2020-02-11", 3, 3)->controller == "Syrian army");
    CHECK(at("2020-02-11", 3, 3)->contested);
    CHECK(at("2020-02-11", 6, 2)->controller == "SDF");
    CHECK(at("2020-02-11", 6, 2)->contested);
    CHECK(at("2020-02-11", 8, 4)->controller == "HTS");
    CHECK_FALSE(at("2020-02-11", 8, 4)->contested);
    // two weeks later the window has passed
    for (auto [i, j] : {std::pair{1, 1}, {3, 3}, {6, 2}}) CHECK_FALSE(at("2020-02-25", i, j)->contested);
    CHECK(at("2020-02-25", 6, 2)->controller == "SDF");
    // the contested army area and the uncontested one are separate features
    const ControlArea* c = at("2020-02-11", 3, 3);
    CHECK(c->evidence_count == 3);  // same-b, flip-1, flip-3 name the army in contested cells
    // a window of 0 days marks nothing
    opt.contest_window_days = 0;
    const ControlResult none = build_control(in, opt, test::grid_gazetteer());
    for (const auto& a : none.areas) CHECK_FALSE(a.contested);
}

TEST_CASE("control: clip to provinces, a file, and given settlements", "[control]") {
    ControlInputs in;
    in.evidence = grid_evidence();
    ControlOptions opt;
    opt.as_of = {date("2020-02-17")};
    opt.clip = "province";
    const ControlResult both = build_control(in, opt, test::grid_gazetteer());
    CHECK(both.clip == "province: East, XT, West, XT");
    require_invariants(both);

    // evidence only in the west: the West province
    ControlInputs west;
    for (const auto& e : in.evidence) {
        if (e.id == "w-hold" || e.id == "hamra") west.evidence.push_back(e);
    }
    const ControlResult w = build_control(west, opt, test::grid_gazetteer());
    INFO(test::join_lines(w.notes));
    CHECK(w.clip == "province: West, XT");
    CHECK(w.settlements == 30);
    require_invariants(w);
    CHECK(geometry::lonlat_area_m2(test::wkt(w.clip_wkt)) / 1e6 == Approx(test::quadrangle_km2(36.0, 35.0, 36.5, 35.6)).epsilon(1e-6));

    opt.clip = control_data("grid_clip.geojson");
    const ControlResult f = build_control(in, opt, test::grid_gazetteer());
    CHECK(f.clip == "file: " + control_data("grid_clip.geojson"));
    require_invariants(f);
    test::require_golden(f, date("2020-02-17"), "golden_grid_voronoi_2020-02-17.tsv", golden_tolerance_m2);

    // --places: only the settlements of rows j >= 3; cells grow to fill the clip
    std::vector<Settlement> north;
    for (const auto& s : read_settlements_csv(control_data("grid_places.csv"))) {
        if (s.position.lat_deg > 35.3) north.push_back(s);
    }
    in.settlements = north;
    opt.clip = "country";
    const ControlResult n = build_control(in, opt, test::grid_gazetteer());
    INFO(test::join_lines(n.notes) << test::join_lines(n.errors));
    require_invariants(n);
    // w-hold covers (0..3, 3..5); hamra's point is no given settlement: it becomes a site
    CHECK(contains_text(n.notes, "evidence places that are no known settlement were added as sites"));
    CHECK(test::area_at(n, date("2020-02-17"), grid_point(4, 2))->controller == "Syrian army");
    // the row dated after the snapshot still names Kafr Dabbagh (1,0): a site,
    // unknown as of the snapshot, whose cell takes the corner
    CHECK(test::area_at(n, date("2020-02-17"), grid_point(0, 0))->controller == unknown_controller);
    CHECK(test::area_at(n, date("2020-02-17"), grid_point(0, 2))->controller == "Syrian army");  // nearest to (0,3)
    // by-id names a place that is a gazetteer place but no given settlement: its own site
    CHECK(test::area_at(n, date("2020-02-17"), grid_point(6, 1))->controller == "Syrian army");
}

TEST_CASE("control: bad input is named, the rest is built", "[control]") {
    ControlInputs in;
    in.evidence = grid_evidence();
    ControlEvidence ghost;
    ghost.id = "ghost";
    ghost.source = "table.csv:12";
    ghost.date = date("2020-02-10");
    ghost.kind = EvidenceKind::statement;
    ghost.controller = "HTS";
    ghost.place_id = "mine:42";
    in.evidence.push_back(ghost);
    ControlEvidence far = ghost;
    far.id = "far";
    far.place_id.clear();
    far.point = LatLon{33.5, 36.3};  // Damascus: outside Gridland
    in.evidence.push_back(far);
    ControlEvidence no_date = far;
    no_date.id = "no-date";
    no_date.date = Date{};
    in.evidence.push_back(no_date);

    ControlOptions opt;
    CHECK_THROWS_WITH(build_control(in, opt, test::grid_gazetteer()), Catch::Contains("no snapshot date"));
    opt.as_of = {date("2020-02-17"), date("2020-02-10")};
    CHECK_THROWS_WITH(build_control(in, opt, test::grid_gazetteer()),
                      Catch::Contains("snapshot dates out of order: 2020-02-17 then 2020-02-10"));
    opt.as_of = {date("2020-01-15"), date("2020-02-17")};
    const ControlResult r = build_control(in, opt, test::grid_gazetteer());
    require_invariants(r);
    REQUIRE(r.errors.size() == 2);
    CHECK(r.errors[0] == "table.csv:12: evidence no-date has no valid date: not used");
    CHECK(r.errors[1] == "table.csv:12: evidence ghost: place id 'mine:42' is neither a gazetteer place nor one of the settlements: not used");
    CHECK(contains_text(r.notes, "1 evidence items lie outside the clip area (country: Gridland (XT)): not used (first: far)"));
    CHECK(contains_text(r.notes, "the snapshot of 2020-01-15 precedes all evidence (the first is of 2020-02-01): it shows the unknown"));
    const auto early = test::snapshot(r, date("2020-01-15"));
    REQUIRE(early.size() == 1);
    CHECK(early[0]->controller == unknown_controller);

    // a clip that is no vector file
    opt.clip = control_data("grid.geonames.txt");
    CHECK_THROWS_AS(build_control(in, opt, test::grid_gazetteer()), IoError);
    // no evidence inside any country of the gazetteer
    ControlInputs outside;
    outside.evidence = {far};
    opt.clip = "country";
    CHECK_THROWS_WITH(build_control(outside, opt, test::grid_gazetteer()),
                      Catch::Contains("no country polygon of the gazetteer"));
}

TEST_CASE("control: baseline overlaps and repairs are said, evidence before the baseline date dropped", "[control]") {
    ControlInputs in;
    in.evidence = grid_evidence();
    in.baseline = read_control_baseline(control_data("grid_baseline_bad.geojson"), ControllerTable::defaults());
    ControlOptions opt;
    opt.as_of = {date("2020-02-17")};
    opt.clip = "country";
    opt.baseline_date = date("2020-02-10");
    const ControlResult r = build_control(in, opt, test::grid_gazetteer());
    INFO(test::join_lines(r.notes));
    require_invariants(r);
    const std::string path = control_data("grid_baseline_bad.geojson");
    CHECK(contains_text(r.notes, path + ":grid_baseline_bad:3 (HTS) overlaps " + path + ":grid_baseline_bad:0 (Syrian army) by"));
    CHECK(contains_text(r.notes, "the overlap stays with " + path + ":grid_baseline_bad:0"));
    CHECK(contains_text(r.notes, "2 evidence items dated on or before the baseline date 2020-02-10 are in the baseline already: not used"));
    CHECK(contains_text(r.notes, "km² of the clip area have no baseline polygon"));
    // the repaired bow-tie is two triangles meeting at 36.25 E 35.3 N: the
    // left one stays the army's, the gap above the crossing has no baseline
    CHECK(test::area_at(r, date("2020-02-17"), LatLon{35.3, 36.05})->controller == "Syrian army");
    CHECK(test::area_at(r, date("2020-02-17"), LatLon{35.55, 36.25})->controller == unknown_controller);
}

TEST_CASE("control: an area taken from a named controller changes only its places", "[control]") {
    ControlEvidence e;
    e.id = "sdf-from-hts";
    e.source = "test";
    e.date = date("2020-02-10");
    e.kind = EvidenceKind::takeover;
    e.controller = "SDF";
    e.area_wkt = "POLYGON ((36.3 35, 36.7 35, 36.7 35.6, 36.3 35.6, 36.3 35))";  // columns i = 3..6
    e.taken_from = "HTS";
    ControlInputs in;
    in.evidence = {e};
    in.baseline = read_control_baseline(control_data("grid_baseline.geojson"), ControllerTable::defaults());
    ControlOptions opt;
    opt.as_of = {date("2020-02-17")};
    const ControlResult r = build_control(in, opt, test::grid_gazetteer());
    INFO(test::join_lines(r.notes));
    require_invariants(r);
    // the baseline's army columns 3 and 4 stay the army's; HTS's 5 and 6 go to the SDF
    require_sites_in_their_areas(r, date("2020-02-17"), [](int i, int) -> std::string {
        if (i <= 4) return "Syrian army";
        return i <= 6 ? "SDF" : "HTS";
    });
    CHECK(contains_text(r.notes, "area takeovers left 12 places alone that a third party held (neither the side they were taken from nor the taker)"));
    REQUIRE(r.changes.size() == 1);
    CHECK(r.changes[0].controller_from == "HTS");
    CHECK(r.changes[0].place_ids == grid_ids(5, 6, 0, 5));

    // taken from nobody in particular: the whole area changes hands
    in.evidence[0].taken_from.clear();
    const ControlResult all = build_control(in, opt, test::grid_gazetteer());
    require_sites_in_their_areas(all, date("2020-02-17"), [](int i, int) -> std::string {
        if (i <= 2) return "Syrian army";
        return i <= 6 ? "SDF" : "HTS";
    });
    CHECK(all.changes.size() == 2);  // Syrian army -> SDF and HTS -> SDF
}
