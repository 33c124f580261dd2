// Control areas: dates and snapshot series, the colours file, and the
// geometry they rest on (Voronoi cells, dissolve, repair).

#include "control_fixtures.hpp"
#include "reckon/error.hpp"

using namespace reckon;
using test::date;
using test::iso;

TEST_CASE("dates: parse, day numbers and back", "[control]") {
    using control::detail::day_number;
    using control::detail::from_day_number;
    using control::detail::parse_date;
    CHECK(day_number(date("1970-01-01")) == 0);
    CHECK(day_number(date("2020-02-16")) == 18308);  // 50 years of 365 days + 12 leap days + 46
    CHECK(iso(from_day_number(18308)) == "2020-02-16");
    CHECK(iso(from_day_number(day_number(date("2020-02-28")) + 1)) == "2020-02-29");
    CHECK(iso(from_day_number(day_number(date("2019-02-28")) + 1)) == "2019-03-01");
    CHECK(iso(*parse_date("2020/02/16")) == "2020-02-16");  // OGR's spelling of a Date field
    CHECK(iso(*parse_date(" 2020-02-16T10:00:00Z ")) == "2020-02-16");
    CHECK(iso(*parse_date("2020-02-16 00:00:00+00")) == "2020-02-16");
    CHECK_FALSE(parse_date("2020-02-30"));
    CHECK_FALSE(parse_date("2019-02-29"));
    CHECK_FALSE(parse_date("16/02/2020"));
    CHECK_FALSE(parse_date("2020-2-16"));
    CHECK_FALSE(parse_date("2020-02-16x"));
    CHECK_FALSE(parse_date(""));
}

TEST_CASE("snapshot dates: every step, the last date always included", "[control]") {
    auto str = [](const std::vector<Date>& v) {
        std::string s;
        for (const auto& d : v) s += iso(d) + " ";
        return s;
    };
    CHECK(str(snapshot_dates(date("2020-02-01"), date("2020-02-17"), SnapshotStep::week)) ==
          "2020-02-01 2020-02-08 2020-02-15 2020-02-17 ");
    CHECK(str(snapshot_dates(date("2020-02-01"), date("2020-02-15"), SnapshotStep::week)) ==
          "2020-02-01 2020-02-08 2020-02-15 ");
    CHECK(str(snapshot_dates(date("2020-02-27"), date("2020-03-01"), SnapshotStep::day)) ==
          "2020-02-27 2020-02-28 2020-02-29 2020-03-01 ");
    CHECK(str(snapshot_dates(date("2020-02-16"), date("2020-02-16"), SnapshotStep::week)) == "2020-02-16 ");
    CHECK_THROWS_AS(snapshot_dates(date("2020-02-17"), date("2020-02-16"), SnapshotStep::day), UsageError);
    CHECK_THROWS_WITH(snapshot_dates(date("2020-02-17"), date("2020-02-16"), SnapshotStep::day),
                      Catch::Contains("--from 2020-02-17 is after --to 2020-02-16"));
    CHECK_THROWS_AS(snapshot_dates(Date{2020, 2, 30}, date("2020-03-16"), SnapshotStep::day), UsageError);
}

TEST_CASE("controllers: defaults, aliases, unknown names", "[control]") {
    const ControllerTable t = ControllerTable::defaults();
    CHECK(t.canonical("Syrian army") == "Syrian army");
    CHECK(t.canonical("  the Syrian Arab Army ") == "Syrian army");
    CHECK(t.canonical("SAA") == "Syrian army");
    CHECK(t.canonical("regime forces") == "Syrian army");
    CHECK(t.canonical("Headquarters for the Liberation of Al-Sham") == "HTS");
    CHECK(t.canonical("Hay’at Tahrir al-Sham") == "HTS");
    CHECK(t.canonical("Syrian Democratic Forces") == "SDF");
    CHECK(t.canonical("Islamic State") == "ISIS");
    CHECK(t.canonical(" Jaish al-Izza ") == "Jaish al-Izza");  // not in the table: kept, trimmed
    CHECK(t.style("Syrian army").colour == "#e31a1c");
    CHECK(t.style("HTS").colour == "#1a9641");
    CHECK(t.style("SDF").colour == "#ffd92f");
    CHECK(t.style(unknown_controller).colour == "#bdbdbd");
    const ControllerStyle other = t.style("Jaish al-Izza");
    CHECK(other.label == "Jaish al-Izza");
    CHECK(other.colour.size() == 7);
    CHECK(t.style("Jaish al-Izza").colour == other.colour);  // stable
    // the default table written out reads back the same
    const std::string path = test::binary_dir() + "/control-default-colours.csv";
    std::ofstream(path) << t.to_csv();
    const ControllerTable back = ControllerTable::from_csv(path);
    REQUIRE(back.entries().size() == t.entries().size());
    for (std::size_t i = 0; i < t.entries().size(); ++i) {
        CHECK(back.entries()[i].controller == t.entries()[i].controller);
        CHECK(back.entries()[i].colour == t.entries()[i].colour);
        CHECK(back.entries()[i].label == t.entries()[i].label);
        CHECK(back.entries()[i].aliases == t.entries()[i].aliases);
    }
}

TEST_CASE("controllers: a colours file overrides the default", "[control]") {
    const ControllerTable t = ControllerTable::from_csv(test::control_data("colours_custom.csv"));
    CHECK(t.canonical("SAA") == "Government");
    CHECK(t.canonical("HTS") == "Opposition");
    CHECK(t.style("Government").colour == "#ff0000");
    CHECK(t.style("Government").label == "Government forces");
    CHECK(t.style(unknown_controller).colour == "#bdbdbd");  // unknown kept even when not listed
    CHECK_THROWS_WITH(ControllerTable::from_csv(test::control_data("colours_bad.csv")),
                      Catch::Contains("colours_bad.csv:3: colour 'green' of Opposition is not #rrggbb"));
    CHECK_THROWS_AS(ControllerTable::from_csv(test::control_data("no_such_colours.csv")), IoError);
}

TEST_CASE("geometry: Voronoi cells in site order, each holding its site", "[control][geometry]") {
    std::vector<LatLon> sites;
    for (int j = 0; j < 3; ++j) {
        for (int i = 0; i < 4; ++i) sites.push_back(test::grid_point(i, j));
    }
    sites.push_back(LatLon{35.3, 36.33});  // off the grid
    const geometry::Envelope extent{36.0, 35.0, 36.4, 35.3};
    const auto cells = geometry::voronoi_cells(sites, extent);
    REQUIRE(cells.size() == sites.size());
    std::vector<const geometry::Geometry*> parts;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        INFO("site " << i);
        CHECK(cells[i].is_valid());
        CHECK(geometry::covers(cells[i], sites[i]));
        for (std::size_t k = 0; k < sites.size(); ++k) {
            // no other site is nearer to its own position than to this cell's...
            if (k != i) CHECK_FALSE(geometry::interiors_intersect(cells[i], cells[k]));
        }
        parts.push_back(&cells[i]);
    }
    // the cells cover the extent, and shared edges make them a coverage
    const geometry::Geometry u = geometry::dissolve(parts, geometry::PartsLayout::coverage);
    CHECK(u.is_valid());
    CHECK(geometry::area_m2(geometry::difference(geometry::rectangle(extent), u)) < 1.0);
    // a cell of the regular part of the grid is the 0.1° square around its site
    CHECK(test::sym_diff_m2(cells[5], test::wkt("POLYGON ((36.1 35.1, 36.2 35.1, 36.2 35.2, 36.1 35.2, 36.1 35.1))")) < 1.0);
}

TEST_CASE("geometry: one site, collinear sites", "[control][geometry]") {
    const geometry::Envelope extent{36.0, 35.0, 36.4, 35.3};
    const auto one = geometry::voronoi_cells({LatLon{35.1, 36.1}}, extent);
    REQUIRE(one.size() == 1);
    CHECK(geometry::area_m2(geometry::difference(geometry::rectangle(extent), one[0])) < 1.0);
    const std::vector<LatLon> line{{35.1, 36.05}, {35.1, 36.15}, {35.1, 36.25}};
    const auto cells = geometry::voronoi_cells(line, extent);
    REQUIRE(cells.size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(geometry::covers(cells[i], line[i]));
    CHECK(geometry::covers(cells[1], LatLon{35.25, 36.19}));
}

TEST_CASE("geometry: repair keeps the area of a bow-tie, drops lines", "[control][geometry]") {
    const geometry::Geometry bow = test::wkt("POLYGON ((36 35, 36.5 35.6, 36.5 35, 36 35.6, 36 35))");
    CHECK_FALSE(bow.is_valid());
    CHECK(geometry::invalid_reason(bow).find("Self-intersection") != std::string::npos);
    const geometry::Geometry fixed = geometry::repair_polygonal(bow);
    CHECK(fixed.is_valid());
    CHECK(geometry::is_polygonal(fixed));
    // two triangles meeting at (36.25, 35.3): half the box
    CHECK(geometry::area_m2(fixed) == Approx(test::quadrangle_km2(36, 35, 36.5, 35.6) * 1e6 / 2).epsilon(2e-3));
    const geometry::Geometry collapsed = geometry::repair_polygonal(test::wkt("POLYGON ((36 35, 36.5 35, 36 35))"));
    CHECK(collapsed.empty());
    CHECK(geometry::to_multipolygon(test::wkt("POLYGON ((36 35, 36.5 35, 36.5 35.5, 36 35))")).to_wkt(1).rfind("MULTIPOLYGON", 0) == 0);
}
