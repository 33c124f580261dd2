// Gazetteer build from the hand-written fixtures in tests/data/mini and
// tests/data/bad: counts, lookups on the result, and what bad input does.

#include "fixtures.hpp"

#include "geometry/geos.hpp"
#include "reckon/error.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace reckon;
namespace fs = std::filesystem;

namespace {

using test::WorkDir;

BuildOptions mini_options() {
    BuildOptions opt;
    opt.geonames = {test::data_path("mini/mini.geonames.txt")};
    opt.curated = {test::data_path("mini/mini.curated.csv")};
    opt.boundaries = {test::data_path("mini/mini_adm1.geojson")};
    return opt;
}

BuildOptions geonames_only(const std::string& rel) {
    BuildOptions opt;
    opt.geonames = {test::data_path(rel)};
    return opt;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

bool any_contains(const std::vector<std::string>& v, const std::string& needle) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return contains(s, needle); });
}

std::string top_id(const SearchResult& r) { return r.candidates.empty() ? std::string() : r.candidates.front().place.id; }

// The mini gazetteer, built once per process.
Gazetteer& mini() {
    static WorkDir wd("mini-build");
    static Gazetteer g = [] {
        build_gazetteer(wd.file("mini.sqlite"), mini_options());
        return Gazetteer(wd.file("mini.sqlite"));
    }();
    return g;
}

} // namespace

// ---------------------------------------------------------------------------
// The mini fixtures
// ---------------------------------------------------------------------------

TEST_CASE("mini fixtures build with the expected counts", "[gazetteer][build]") {
    WorkDir wd("mini-counts");
    const std::string out = wd.file("mini.sqlite");
    std::vector<std::string> progress;
    const BuildReport r = build_gazetteer(out, mini_options(), [&](const std::string& l) { progress.push_back(l); });

    // 26 GeoNames rows + 3 curated rows; both polygons link to the GeoNames ADM1 rows.
    CHECK(r.places == 29);
    CHECK(r.admin_areas == 2);
    // distinct fold keys per place, counted by hand from the fixtures (91 + 11)
    CHECK(r.names == 102);
    REQUIRE(r.sources.size() == 3);
    CHECK(r.sources[0].kind == "geonames");
    CHECK(r.sources[0].records == 26);
    CHECK(r.sources[0].skipped == 0);
    CHECK(r.sources[0].warnings.empty());
    CHECK(r.sources[1].kind == "curated");
    CHECK(r.sources[1].records == 3);
    CHECK(r.sources[1].skipped == 0);
    CHECK(r.sources[2].kind == "boundaries");
    CHECK(r.sources[2].records == 2);
    CHECK(r.sources[2].skipped == 0);
    CHECK(progress.size() == 3);
    CHECK(wd.others("mini.sqlite").empty());

    Gazetteer g(out);
    const GazetteerInfo gi = g.info();
    CHECK(gi.places == 29);
    CHECK(gi.names == 102);
    CHECK(gi.admin_areas == 2);
    CHECK_FALSE(gi.schema_version.empty());
    CHECK_FALSE(gi.built_at.empty());
    using Count = std::pair<std::string, std::size_t>;
    CHECK(gi.places_by_country == std::vector<Count>{{"IQ", 15}, {"SY", 14}});
    REQUIRE(gi.sources.size() == 3);
    CHECK(gi.sources[0].records == 26);
    CHECK(gi.sources[1].records == 3);
    CHECK(gi.sources[2].records == 2);
}

TEST_CASE("mini gazetteer: places, names and admin codes", "[gazetteer][build]") {
    Gazetteer& g = mini();
    const auto baq = g.place("geonames:9000001");
    REQUIRE(baq);
    CHECK(baq->name == "Baqubah");
    CHECK(baq->name_ar == "بعقوبة");
    CHECK(baq->feature_code == "PPLA");
    CHECK(baq->country == "IQ");
    CHECK(baq->admin1 == "10");
    CHECK(baq->population == 152550);
    CHECK(baq->position.lat_deg == Approx(33.746));
    CHECK(baq->position.lon_deg == Approx(44.643));
    CHECK(baq->source_ref == "mini.geonames.txt:1");
    // Ba'qubah folds like Baqubah, so it is not stored twice
    CHECK(g.names("geonames:9000001").size() == 3);

    const auto camp = g.place("curated:al-hol-camp");
    REQUIRE(camp);
    CHECK(camp->feature_code == "CMPRF");
    CHECK(camp->extent_m == Approx(1500));
    CHECK(camp->extent_basis == "curated");
    CHECK(camp->source_ref == "test fixture");

    // The boundary name wins for the province label; the ADM1 place takes the polygon's extent.
    CHECK(g.admin1_name("IQ", "10") == "Diyala");
    CHECK(g.admin1_name("SY", "07") == "Deir ez-Zor");
    CHECK(g.admin1_name("IQ", "13") == "Kirkuk");  // no polygon: the GeoNames ADM1 row
    CHECK(g.admin1_name("IQ", "99").empty());
    const auto diyala = g.place("geonames:9000007");
    REQUIRE(diyala);
    CHECK(diyala->extent_basis == "polygon");
    CHECK(diyala->extent_m > 50000);

    // Al-Qa'im lies inside the SY rectangle but is in Iraq: it keeps its own code.
    const auto qaim = g.place("geonames:9000014");
    REQUIRE(qaim);
    CHECK(qaim->admin1 == "01");

    CHECK_FALSE(g.place("geonames:1"));
}

TEST_CASE("mini gazetteer: spellings find Baqubah", "[gazetteer][build]") {
    Gazetteer& g = mini();
    SECTION("Baaquba") {
        const SearchResult r = g.search("Baaquba");
        REQUIRE_FALSE(r.candidates.empty());
        CHECK(top_id(r) == "geonames:9000001");
        CHECK(r.candidates.front().match == MatchKind::transliterated);
        CHECK(r.candidates.front().admin1_name == "Diyala");
        CHECK_FALSE(r.ambiguous);
    }
    SECTION("Arabic") {
        const SearchResult r = g.search("بعقوبة");
        REQUIRE_FALSE(r.candidates.empty());
        CHECK(top_id(r) == "geonames:9000001");
        CHECK(r.candidates.front().match == MatchKind::exact);
        CHECK(r.candidates.front().matched_name == "بعقوبة");
    }
    SECTION("alternate with apostrophe") {
        CHECK(top_id(g.search("Ba'qubah")) == "geonames:9000001");
    }
}

TEST_CASE("mini gazetteer: two villages of one name", "[gazetteer][build]") {
    Gazetteer& g = mini();
    const std::string iq = "geonames:9000006";  // Al Hamidiyah, Diyala
    const std::string sy = "geonames:9000020";  // Al Hamidiyah, Deir ez-Zor

    SECTION("no hint: ambiguous") {
        const SearchResult r = g.search("Al Hamidiyah");
        REQUIRE(r.candidates.size() == 2);
        CHECK(r.ambiguous);
        CHECK(contains(r.ambiguity, iq));
        CHECK(contains(r.ambiguity, sy));
        CHECK(contains(r.ambiguity, "--in"));
        CHECK(r.candidates[0].score == Approx(r.candidates[1].score));
    }
    SECTION("the limit does not hide the ambiguity") {
        SearchOptions o;
        o.limit = 1;
        const SearchResult r = g.search("Al Hamidiyah", o);
        CHECK(r.candidates.size() == 1);
        CHECK(r.ambiguous);
    }
    SECTION("--in Diyala") {
        for (const char* hint : {"Diyala", "Diyala Province", "Diyala Governorate", "ديالى"}) {
            INFO(hint);
            SearchOptions o;
            o.in_admin = hint;
            const SearchResult r = g.search("Al Hamidiyah", o);
            REQUIRE(r.candidates.size() == 2);
            CHECK(top_id(r) == iq);
            CHECK_FALSE(r.ambiguous);
            CHECK(r.messages.empty());
            CHECK(any_contains(r.candidates[0].reasons, "(area hint)"));
            CHECK(any_contains(r.candidates[1].reasons, "outside"));
        }
    }
    SECTION("--in Deir ez-Zor") {
        for (const char* hint : {"Deir ez-Zor", "Deir ez-Zor Governorate", "Dayr az Zawr"}) {
            INFO(hint);
            SearchOptions o;
            o.in_admin = hint;
            const SearchResult r = g.search("Al Hamidiyah", o);
            REQUIRE_FALSE(r.candidates.empty());
            CHECK(top_id(r) == sy);
            CHECK_FALSE(r.ambiguous);
        }
    }
    SECTION("strict context drops the other one") {
        SearchOptions o;
        o.in_admin = "Diyala";
        o.strict_context = true;
        const SearchResult r = g.search("Al Hamidiyah", o);
        REQUIRE(r.candidates.size() == 1);
        CHECK(top_id(r) == iq);
    }
    SECTION("--near a place") {
        SearchOptions o;
        o.near = "Baqubah";
        SearchResult r = g.search("Al Hamidiyah", o);
        CHECK(top_id(r) == iq);
        CHECK_FALSE(r.ambiguous);
        CHECK(any_contains(r.candidates.front().reasons, "km from Baqubah"));
        o.near = "Al-Mayadin";
        r = g.search("Al Hamidiyah", o);
        CHECK(top_id(r) == sy);
        CHECK_FALSE(r.ambiguous);
    }
    SECTION("--near a point") {
        SearchOptions o;
        o.near_point = LatLon{35.0, 40.4};
        const SearchResult r = g.search("Al Hamidiyah", o);
        CHECK(top_id(r) == sy);
        CHECK_FALSE(r.ambiguous);
    }
    SECTION("country hint") {
        SearchOptions o;
        o.country = "SY";
        const SearchResult r = g.search("Al Hamidiyah", o);
        CHECK(top_id(r) == sy);
        CHECK_FALSE(r.ambiguous);
    }
}

TEST_CASE("mini gazetteer: no match and typos", "[gazetteer][build]") {
    Gazetteer& g = mini();
    SECTION("no match") {
        for (const char* q : {"Springfield", "Xqzvbn", "tomorrow"}) {
            INFO(q);
            const SearchResult r = g.search(q);
            CHECK(r.candidates.empty());
            CHECK_FALSE(r.ambiguous);
        }
    }
    SECTION("typo") {
        SearchResult r = g.search("Khanaqim");
        REQUIRE_FALSE(r.candidates.empty());
        CHECK(top_id(r) == "geonames:9000003");
        CHECK(r.candidates.front().match == MatchKind::fuzzy);
        r = g.search("Abu Kamak");
        CHECK(top_id(r) == "geonames:9000018");
        r = g.search("Damascux");
        CHECK(top_id(r) == "geonames:9000024");
    }
    SECTION("curated alternate names") {
        CHECK(top_id(g.search("Hol camp")) == "curated:al-hol-camp");
        CHECK(top_id(g.search("مخيم الهول")) == "curated:al-hol-camp");
        CHECK(top_id(g.search("Tabqa Dam")) == "curated:tabqa-dam");
        CHECK(top_id(g.search("Tabqa")) == "geonames:9000022");
    }
}

TEST_CASE("country filter keeps only the countries asked for", "[gazetteer][build]") {
    WorkDir wd("countries");
    BuildOptions opt = mini_options();
    opt.countries = {"sy"};
    const BuildReport r = build_gazetteer(wd.file("sy.sqlite"), opt);
    CHECK(r.places == 14);  // 12 GeoNames rows + 2 curated
    CHECK(r.admin_areas == 1);
    Gazetteer g(wd.file("sy.sqlite"));
    CHECK(g.search("Baqubah").candidates.empty());
    CHECK(top_id(g.search("Al Hamidiyah")) == "geonames:9000020");
    CHECK_FALSE(g.search("Al Hamidiyah").ambiguous);
}

// ---------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------

TEST_CASE("malformed GeoNames rows are skipped with file:line warnings", "[gazetteer][build][bad]") {
    WorkDir wd("malformed");
    const BuildReport r = build_gazetteer(wd.file("g.sqlite"), geonames_only("bad/malformed_geonames.txt"));
    REQUIRE(r.sources.size() == 1);
    const SourceReport& s = r.sources[0];
    CHECK(s.records == 3);
    CHECK(s.skipped == 4);
    CHECK(r.places == 3);
    REQUIRE(s.warnings.size() == 4);
    CHECK(contains(s.warnings[0], "malformed_geonames.txt:2: "));
    CHECK(contains(s.warnings[0], "found 7"));
    CHECK(contains(s.warnings[1], "malformed_geonames.txt:4: "));
    CHECK(contains(s.warnings[1], "latitude"));
    CHECK(contains(s.warnings[1], "'north'"));
    CHECK(contains(s.warnings[2], "malformed_geonames.txt:5: "));
    CHECK(contains(s.warnings[2], "'123'"));
    CHECK(contains(s.warnings[3], "malformed_geonames.txt:6: "));
    CHECK(contains(s.warnings[3], "name"));

    Gazetteer g(wd.file("g.sqlite"));
    CHECK(g.info().sources.at(0).skipped == 4);
    CHECK(top_id(g.search("Ramadi")) == "geonames:9100007");
    CHECK(top_id(g.search("Falluja")) == "geonames:9100003");
    CHECK_FALSE(g.place("geonames:9100005"));
}

TEST_CASE("warnings are capped at max_warnings, all are counted", "[gazetteer][build][bad]") {
    WorkDir wd("max-warnings");
    BuildOptions opt = geonames_only("bad/malformed_geonames.txt");
    opt.max_warnings = 2;
    const BuildReport r = build_gazetteer(wd.file("g.sqlite"), opt);
    CHECK(r.sources.at(0).skipped == 4);
    CHECK(r.sources.at(0).warnings.size() == 2);
}

TEST_CASE("OnBadRow::fail throws and keeps the previous gazetteer", "[gazetteer][build][bad]") {
    WorkDir wd("fail");
    const std::string out = wd.file("g.sqlite");
    build_gazetteer(out, mini_options());
    const auto size_before = fs::file_size(out);

    BuildOptions bad = geonames_only("bad/malformed_geonames.txt");
    bad.on_bad_row = OnBadRow::fail;
    try {
        build_gazetteer(out, bad);
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK(contains(e.file(), "malformed_geonames.txt"));
        CHECK(e.line() == 2);
        CHECK(contains(e.what(), "malformed_geonames.txt:2: "));
    }
    CHECK(wd.others("g.sqlite").empty());  // no temporary file left behind
    CHECK(fs::file_size(out) == size_before);
    Gazetteer g(out);
    CHECK(g.info().places == 29);
    CHECK(top_id(g.search("Baqubah")) == "geonames:9000001");
}

TEST_CASE("OnBadRow::fail without a previous gazetteer leaves nothing", "[gazetteer][build][bad]") {
    WorkDir wd("fail-fresh");
    BuildOptions bad = geonames_only("bad/malformed_geonames.txt");
    bad.on_bad_row = OnBadRow::fail;
    CHECK_THROWS_AS(build_gazetteer(wd.file("g.sqlite"), bad), InputError);
    CHECK(wd.others().empty());
}

TEST_CASE("a row with invalid UTF-8 is skipped", "[gazetteer][build][bad]") {
    WorkDir wd("utf8");
    const BuildReport r = build_gazetteer(wd.file("g.sqlite"), geonames_only("bad/invalid_utf8.txt"));
    const SourceReport& s = r.sources.at(0);
    CHECK(s.records == 2);
    CHECK(s.skipped == 1);
    REQUIRE(s.warnings.size() == 1);
    CHECK(contains(s.warnings[0], "invalid_utf8.txt:2: invalid UTF-8"));
    Gazetteer g(wd.file("g.sqlite"));
    CHECK(g.place("geonames:9200001"));
    CHECK_FALSE(g.place("geonames:9200002"));
    CHECK(g.place("geonames:9200003"));
}

TEST_CASE("a curated CSV without a required column is refused", "[gazetteer][build][bad]") {
    WorkDir wd("curated-missing");
    BuildOptions opt;
    opt.curated = {test::data_path("bad/curated_missing_column.csv")};
    try {
        build_gazetteer(wd.file("g.sqlite"), opt);
        FAIL("no exception");
    } catch (const InputError& e) {
        CHECK(contains(e.file(), "curated_missing_column.csv"));
        CHECK(e.line() == 1);
        CHECK(contains(e.what(), "curated_missing_column.csv:1: "));
        CHECK(contains(e.what(), "'lat'"));
    }
    CHECK(wd.others().empty());
}

TEST_CASE("bad curated rows are skipped and counted", "[gazetteer][build][bad]") {
    WorkDir wd("curated-bad");
    BuildOptions opt;
    opt.curated = {test::data_path("bad/curated_bad_rows.csv")};
    const BuildReport r = build_gazetteer(wd.file("g.sqlite"), opt);
    const SourceReport& s = r.sources.at(0);
    CHECK(s.records == 2);
    CHECK(s.skipped == 4);
    REQUIRE(s.warnings.size() == 4);
    CHECK(contains(s.warnings[0], "curated_bad_rows.csv:3: "));
    CHECK(contains(s.warnings[0], "found 3"));
    CHECK(contains(s.warnings[1], "curated_bad_rows.csv:4: "));
    CHECK(contains(s.warnings[1], "'east'"));
    CHECK(contains(s.warnings[2], "curated_bad_rows.csv:5: "));
    CHECK(contains(s.warnings[2], "extent_m"));
    CHECK(contains(s.warnings[3], "curated_bad_rows.csv:7: "));
    CHECK(contains(s.warnings[3], "unterminated"));
    Gazetteer g(wd.file("g.sqlite"));
    CHECK(top_id(g.search("Rukban camp")) == "curated:rukban-camp");
    CHECK(top_id(g.search("Ain Issa camp")) == "curated:ain-issa-camp");
}

TEST_CASE("an unreadable boundary file is an IoError and writes nothing", "[gazetteer][build][bad]") {
    WorkDir wd("boundary");
    BuildOptions opt = mini_options();
    opt.boundaries = {test::data_path("bad/not_a_boundary.gpkg")};
    try {
        build_gazetteer(wd.file("g.sqlite"), opt);
        FAIL("no exception");
    } catch (const IoError& e) {
        CHECK(contains(e.what(), test::data_path("bad/not_a_boundary.gpkg")));
    }
    CHECK(wd.others().empty());
}

TEST_CASE("a missing input file is an IoError", "[gazetteer][build][bad]") {
    WorkDir wd("missing-input");
    const std::string missing = test::data_path("bad/no_such_file.txt");
    try {
        build_gazetteer(wd.file("g.sqlite"), geonames_only("bad/no_such_file.txt"));
        FAIL("no exception");
    } catch (const IoError& e) {
        CHECK(contains(e.what(), missing));
    }
    CHECK(wd.others().empty());
}

TEST_CASE("an empty GeoNames file builds an empty gazetteer", "[gazetteer][build][bad]") {
    WorkDir wd("empty");
    const BuildReport r = build_gazetteer(wd.file("g.sqlite"), geonames_only("bad/empty.txt"));
    CHECK(r.places == 0);
    CHECK(r.names == 0);
    CHECK(r.sources.at(0).records == 0);
    CHECK(r.sources.at(0).skipped == 0);
    Gazetteer g(wd.file("g.sqlite"));
    CHECK(g.info().places == 0);
    const SearchResult s = g.search("Baqubah");
    CHECK(s.candidates.empty());
    CHECK(s.suggestions.empty());
}

TEST_CASE("opening something that is not a gazetteer", "[gazetteer][build][bad]") {
    SECTION("a text file") {
        const std::string path = test::data_path("mini/mini.geonames.txt");
        try {
            Gazetteer g(path);
            FAIL("no exception");
        } catch (const GazetteerError& e) {
            CHECK(contains(e.what(), path));
        }
    }
    SECTION("an empty file") {
        CHECK_THROWS_AS(Gazetteer(test::data_path("bad/empty.txt")), GazetteerError);
    }
    SECTION("a missing file") {
        const std::string path = test::data_path("mini/no-such.sqlite");
        try {
            Gazetteer g(path);
            FAIL("no exception");
        } catch (const GazetteerError& e) {
            CHECK(contains(e.what(), "no gazetteer"));
        }
        CHECK_FALSE(fs::exists(path));
    }
}

TEST_CASE("a course CSV becomes the line of its river, and bad vertices are skipped and counted",
          "[gazetteer][build][bad][river]") {
    WorkDir wd("course-bad");
    BuildOptions opt;
    opt.curated = {test::data_path("bad/course_bad_rows.csv"), test::data_path("bad/course_rivers.csv")};
    const BuildReport r = build_gazetteer(wd.file("g.sqlite"), opt);
    const SourceReport& s = r.sources.at(0);
    CHECK(s.records == 4);   // test-river 1, 3; ghost-river 1, 2
    CHECK(s.skipped == 4);   // off the globe, no source, out of order; the ghost river's course
    REQUIRE(s.warnings.size() == 4);
    CHECK(contains(s.warnings[0], "course_bad_rows.csv:3: "));
    CHECK(contains(s.warnings[0], "lat/lon"));
    CHECK(contains(s.warnings[1], "course_bad_rows.csv:4: "));
    CHECK(contains(s.warnings[1], "source"));
    CHECK(contains(s.warnings[2], "course_bad_rows.csv:6: "));
    CHECK(contains(s.warnings[2], "does not follow"));
    CHECK(contains(s.warnings[3], "course_bad_rows.csv:7: "));
    CHECK(contains(s.warnings[3], "curated:ghost-river"));
    Gazetteer g(wd.file("g.sqlite"));
    const auto wkb = g.line_wkb("curated:test-river");
    REQUIRE(wkb);
    CHECK(geometry::Geometry::from_wkb(*wkb).vertices().size() == 2);
    CHECK_FALSE(g.line_wkb("curated:ghost-river"));
    CHECK_FALSE(g.line_wkb("curated:no-such-place"));
}
