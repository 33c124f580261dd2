// Control evidence and baselines: analysts' tables (CSV), incidents layers
// (GeoJSON, GeoPackage with incident_areas), baseline maps; bad input is
// named by line or feature id and the rest is read.

#include "control_fixtures.hpp"
#include "reckon/error.hpp"

using namespace reckon;
using test::contains_text;
using test::control_data;
using test::date;
using test::iso;

namespace {

const ControlEvidence* by_id(const EvidenceRead& r, const std::string& id) {
    for (const auto& e : r.evidence) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

std::string write_temp(const std::string& name, const std::string& content) {
    const std::string path = test::binary_dir() + "/" + name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

} // namespace

TEST_CASE("evidence: an analyst's CSV table", "[control]") {
    const std::string path = control_data("grid_evidence.csv");
    const EvidenceRead r = read_control_evidence(path, test::grid_gazetteer(), ControllerTable::defaults());
    INFO(test::join_lines(r.errors));
    REQUIRE(r.evidence.size() == 6);

    const ControlEvidence* w = by_id(r, "w-hold");
    REQUIRE(w);
    CHECK(w->kind == EvidenceKind::statement);
    CHECK(w->controller == "Syrian army");
    CHECK(iso(w->date) == "2020-02-01");
    CHECK(w->area_wkt.rfind("POLYGON", 0) == 0);
    CHECK(w->source == path + ":2");

    const ControlEvidence* e = by_id(r, "e-take");
    REQUIRE(e);
    CHECK(e->kind == EvidenceKind::takeover);
    CHECK(e->controller == "SDF");

    const ControlEvidence* z = by_id(r, "zahra-east");  // the ambiguous name, settled by the province column
    REQUIRE(z);
    CHECK(z->place_id == test::grid_id(9, 5));
    CHECK(z->controller == "SDF");  // "Syrian Democratic Forces"

    const ControlEvidence* h = by_id(r, "hamra");
    REQUIRE(h);
    CHECK(h->place_id.empty());
    CHECK(h->point.lat_deg == Approx(35.25));
    CHECK(h->point.lon_deg == Approx(36.45));
    CHECK(h->controller == "Syrian army");  // "SAA"

    const ControlEvidence* b = by_id(r, "by-id");
    REQUIRE(b);
    CHECK(b->place_id == test::grid_id(6, 1));
    CHECK(b->point.lat_deg == Approx(35.15));

    const ControlEvidence* f = by_id(r, "future");
    REQUIRE(f);
    CHECK(f->place_id == test::grid_id(1, 0));
    CHECK(iso(f->date) == "2020-03-01");

    REQUIRE(r.errors.size() == 3);
    CHECK(r.errors[0].find(path + ":7: place 'Az Zahra' is ambiguous") == 0);
    CHECK(r.errors[1].find(path + ":8: place 'Nowhere Village' not found in the gazetteer") == 0);
    CHECK(r.errors[2] == path + ":9: date '14/02/2020' is not YYYY-MM-DD: not used");
    CHECK(contains_text(r.notes, "3 statements, 3 takeovers, 0 fighting reports"));
}

TEST_CASE("evidence: an incidents layer (GeoJSON) as reckon convert writes it", "[control]") {
    const std::string path = control_data("grid_incidents.geojson");
    EvidenceOptions opt;
    opt.fighting_event_types = {"armed_attack"};
    const EvidenceRead r = read_control_evidence(path, test::grid_gazetteer(), ControllerTable::defaults(), opt);
    INFO(test::join_lines(r.errors));

    const ControlEvidence* place = by_id(r, "g-place");
    REQUIRE(place);
    CHECK(place->kind == EvidenceKind::takeover);
    CHECK(place->controller == "Syrian army");
    CHECK(place->place_id == test::grid_id(3, 3));
    CHECK(iso(place->date) == "2020-02-11");
    CHECK(place->area_wkt.empty());

    // place_id with an uncertainty far beyond the place's extent: the point
    // and radius stand for an area, not for the anchor
    const ControlEvidence* disk = by_id(r, "g-disk");
    REQUIRE(disk);
    CHECK(disk->controller == "HTS");
    CHECK(disk->place_id.empty());
    REQUIRE_FALSE(disk->area_wkt.empty());
    const geometry::Geometry g = test::wkt(disk->area_wkt);
    CHECK(geometry::covers(g, test::grid_point(6, 4)));
    CHECK_FALSE(geometry::covers(g, test::grid_point(7, 4)));  // 9 km away, radius 6 km
    CHECK(geometry::area_m2(g) / 1e6 == Approx(M_PI * 36.0).epsilon(0.01));

    // no geometry: the location phrase is resolved here
    const ControlEvidence* phrase = by_id(r, "g-phrase");
    REQUIRE(phrase);
    CHECK(phrase->controller == "HTS");  // "Headquarters for the Liberation of Al-Sham"
    CHECK(phrase->place_id == test::grid_id(5, 1));

    const ControlEvidence* clash = by_id(r, "g-clash");
    REQUIRE(clash);
    CHECK(clash->kind == EvidenceKind::fighting);
    CHECK(clash->controller.empty());

    CHECK_FALSE(by_id(r, "g-shelling"));
    CHECK(r.evidence.size() == 4);
    REQUIRE(r.errors.size() == 3);
    CHECK(contains_text(r.errors, "(incident g-no-actor): takeover without a perpetrator"));
    CHECK(contains_text(r.errors, "(incident g-no-place): no location"));
    CHECK(contains_text(r.errors, "(incident g-no-date): no date"));
    CHECK(contains_text(r.notes, "3 takeovers, 0 statements, 1 fighting reports"));
    CHECK(contains_text(r.notes, "1 incidents of other types are no evidence of control (airstrike_shelling 1)"));

    // without fighting types an armed attack is no evidence of control
    const EvidenceRead plain = read_control_evidence(path, test::grid_gazetteer(), ControllerTable::defaults());
    CHECK_FALSE(by_id(plain, "g-clash"));
    CHECK(contains_text(plain.notes, "armed_attack 1"));
}

TEST_CASE("evidence: incidents as CSV, and an inconsistent phrase keeps the part the resolver trusts", "[control]") {
    const std::string path = write_temp("control-incidents.csv",
                                        "incident_id,event_date,event_type,perpetrator,target,location_phrase,section\n"
                                        "c-far,2020-02-12,takeover,SDF,Hayat Tahrir al-Sham,\"in Tall Birra, 2 km south of Khirbat Nasr\",Gridland\n"
                                        "c-wkt,2020-02-12,takeover,SDF,,,Gridland\n"
                                        "c-post,2020-02-12,takeover,SDF,a checkpoint,Tall Jurn,Gridland\n");
    const EvidenceRead r = read_control_evidence(path, test::grid_gazetteer(), ControllerTable::defaults());
    REQUIRE(r.evidence.size() == 2);
    const ControlEvidence& e = r.evidence[0];
    CHECK(e.id == "c-far");
    CHECK(e.taken_from == "HTS");             // the target, when it names a controller
    CHECK(r.evidence[1].taken_from.empty());  // "a checkpoint" is none
    REQUIRE_FALSE(e.area_wkt.empty());
    const geometry::Geometry g = test::wkt(e.area_wkt);
    CHECK(geometry::covers(g, LatLon{35.533, 36.85}));         // 2 km south of Khirbat Nasr (8,5)
    CHECK_FALSE(geometry::covers(g, test::grid_point(0, 1)));  // not Tall Birra, 84 km away
    CHECK(contains_text(r.notes, path + ":2 (incident c-far): location 'in Tall Birra, 2 km south of Khirbat Nasr' is "
                                        "inconsistent ("));
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0] == path + ":3 (incident c-wkt): no location (place_id, geometry or location_phrase): not used");
}

TEST_CASE("evidence: a GeoPackage's incident_areas give area phrases their polygons", "[control]") {
    const EvidenceRead r = read_control_evidence(control_data("grid_incidents.gpkg"), test::grid_gazetteer(),
                                                 ControllerTable::defaults());
    INFO(test::join_lines(r.errors));
    CHECK(r.errors.empty());
    const ControlEvidence* area = by_id(r, "g-area");
    REQUIRE(area);
    CHECK(area->controller == "SDF");
    REQUIRE_FALSE(area->area_wkt.empty());
    CHECK(test::sym_diff_m2(test::wkt(area->area_wkt), test::wkt("POLYGON ((36.7 35, 37 35, 37 35.2, 36.7 35.2, 36.7 35))")) < 1.0);
    const ControlEvidence* place = by_id(r, "g-place");
    REQUIRE(place);
    CHECK(place->place_id == test::grid_id(3, 3));
    CHECK(iso(place->date) == "2020-02-11");  // a GeoPackage Date field
}

TEST_CASE("evidence: files that are neither incidents nor a table", "[control]") {
    const ControllerTable ctl = ControllerTable::defaults();
    CHECK_THROWS_WITH(read_control_evidence(control_data("grid_baseline_nofield.geojson"), test::grid_gazetteer(), ctl),
                      Catch::Contains("no incidents layer (fields incident_id, event_type) and no table with a controller "
                                      "column; its layers: grid_baseline_nofield (fields: name, colour)"));
    const std::string no_controller = write_temp("control-no-controller.csv", "place,date\nAz Zahra,2020-02-01\n");
    CHECK_THROWS_WITH(read_control_evidence(no_controller, test::grid_gazetteer(), ctl),
                      Catch::Contains("control-no-controller.csv:1: no controller column (looked for controller, "
                                      "controlled_by, control, held_by, holder, faction, actor); columns: place, date"));
    const std::string no_date = write_temp("control-no-date.csv", "place,controller\nAz Zahra,HTS\n");
    CHECK_THROWS_WITH(read_control_evidence(no_date, test::grid_gazetteer(), ctl), Catch::Contains("no date column"));
    CHECK_THROWS_AS(read_control_evidence(control_data("no-such-file.gpkg"), test::grid_gazetteer(), ctl), IoError);
    // bad rows: each named, the rest read
    const std::string bad = write_temp("control-bad-rows.csv",
                                       "place,lat,lon,controller,date,kind\n"
                                       ",95,36.1,HTS,2020-02-01,\n"
                                       "Kafr Faris,,,HTS,2020-02-01,rumour\n"
                                       "Kafr Faris,,,,2020-02-01,\n"
                                       ",,,HTS,2020-02-01,\n"
                                       "Kafr Faris,,,contested,2020-02-02,\n"
                                       "\"Kafr Faris,,,HTS,2020-02-01,\n");
    const EvidenceRead r = read_control_evidence(bad, test::grid_gazetteer(), ctl);
    REQUIRE(r.evidence.size() == 1);
    CHECK(r.evidence[0].kind == EvidenceKind::fighting);
    CHECK(r.evidence[0].place_id == test::grid_id(2, 0));
    REQUIRE(r.errors.size() == 5);
    CHECK(r.errors[0] == bad + ":2: bad coordinates lat '95', lon '36.1': not used");
    CHECK(r.errors[1] == bad + ":3: kind 'rumour' is none of takeover, statement, fighting: not used");
    CHECK(r.errors[2] == bad + ":4: no controller: not used");
    CHECK(r.errors[3] == bad + ":5: no place (give place, place_id or lat/lon): not used");
    CHECK(r.errors[4] == bad + ":7: unterminated quoted field: the rest of the file is not read");
}

TEST_CASE("settlements: a --places CSV", "[control]") {
    const auto s = read_settlements_csv(control_data("grid_places.csv"));
    REQUIRE(s.size() == 60);
    CHECK(s[0].id == test::grid_id(0, 0));
    CHECK(s[0].name == "Az Zahra");
    CHECK(s[0].extent_m == 1000.0);
    const std::string bad = write_temp("control-bad-places.csv", "id,name,lat,lon\na,A,35.1,36.1\nb,B,35.1,east\n");
    CHECK_THROWS_WITH(read_settlements_csv(bad), Catch::Contains("control-bad-places.csv:3: bad coordinates lat '35.1', lon 'east'"));
    const std::string dup = write_temp("control-dup-places.csv", "id,lat,lon\na,35.1,36.1\na,35.2,36.1\n");
    CHECK_THROWS_WITH(read_settlements_csv(dup), Catch::Contains("control-dup-places.csv:3: id 'a' already used on line 2"));
    const std::string cols = write_temp("control-cols-places.csv", "name,x,y\nA,36.1,35.1\n");
    CHECK_THROWS_WITH(read_settlements_csv(cols), Catch::Contains("header must name the columns id, lat and lon"));
}

TEST_CASE("baseline: polygons with a controller field", "[control]") {
    const Baseline b = read_control_baseline(control_data("grid_baseline.geojson"), ControllerTable::defaults());
    REQUIRE(b.areas.size() == 2);
    CHECK(b.areas[0].controller == "Syrian army");
    CHECK(b.areas[1].controller == "HTS");
    CHECK(b.errors.empty());
    CHECK(test::sym_diff_m2(test::wkt(b.areas[0].wkt), test::wkt("POLYGON ((36 35, 36.5 35, 36.5 35.6, 36 35.6, 36 35))")) < 1.0);
}

TEST_CASE("baseline: another CRS is reprojected to EPSG:4326", "[control]") {
    const std::string path = control_data("grid_baseline_3857.geojson");
    const Baseline b = read_control_baseline(path, ControllerTable::defaults());
    REQUIRE(b.areas.size() == 2);
    CHECK(contains_text(b.notes, path + ": layer grid_baseline_3857 reprojected from EPSG:3857 to EPSG:4326"));
    CHECK(b.crs == std::vector<std::string>{"EPSG:3857"});
    CHECK(b.areas[0].controller == "Syrian army");  // from the field held_by
    const geometry::Envelope e = test::wkt(b.areas[1].wkt).envelope();
    CHECK(e.min_lon == Approx(36.5).margin(1e-6));
    CHECK(e.max_lon == Approx(37.0).margin(1e-6));
    CHECK(e.min_lat == Approx(35.0).margin(1e-6));
    CHECK(e.max_lat == Approx(35.6).margin(1e-6));
}

TEST_CASE("baseline: no controller field, invalid polygons, points", "[control]") {
    const ControllerTable ctl = ControllerTable::defaults();
    CHECK_THROWS_AS(read_control_baseline(control_data("grid_baseline_nofield.geojson"), ctl), InputError);
    CHECK_THROWS_WITH(read_control_baseline(control_data("grid_baseline_nofield.geojson"), ctl),
                      Catch::Contains("no controller field (looked for controller, controlled_by, control, held_by, holder, "
                                      "faction, actor); layer grid_baseline_nofield: name, colour (name the field with "
                                      "--baseline-field)"));
    // the field named explicitly
    const Baseline named = read_control_baseline(control_data("grid_baseline_nofield.geojson"), ctl, "name");
    REQUIRE(named.areas.size() == 1);
    CHECK(named.areas[0].controller == "west");

    const std::string path = control_data("grid_baseline_bad.geojson");
    const Baseline b = read_control_baseline(path, ctl);
    REQUIRE(b.areas.size() == 2);
    CHECK(b.areas[0].source == path + ":grid_baseline_bad:0");
    CHECK(test::wkt(b.areas[0].wkt).is_valid());
    CHECK(contains_text(b.notes, path + ":grid_baseline_bad:0: invalid polygon (Self-intersection"));
    CHECK(contains_text(b.notes, ") repaired"));
    REQUIRE(b.errors.size() == 2);
    CHECK(b.errors[0] == path + ":grid_baseline_bad:1: a Point, not a polygon: feature rejected");
    CHECK(b.errors[1] == path + ":grid_baseline_bad:2: no controller value: feature rejected");
}
