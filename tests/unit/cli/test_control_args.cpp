// `reckon control build|colours`: argument handling (setup() and validate()),
// no work done.

#include "cli_support.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using reckon::UsageError;
using reckon::test::data_file;
using reckon::test::parse;
using reckon::test::usage_error;

namespace {

// control build with evidence and -o, plus @p more
std::vector<std::string> build(std::vector<std::string> more) {
    std::vector<std::string> args{"control", "build", "--evidence", data_file("control/grid_evidence.csv"), "-o",
                                  "c.gpkg"};
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

} // namespace

TEST_CASE("cli control: accepted argument sets", "[cli]") {
    CHECK(parse(build({"--as-of", "2020-02-17"})));
    CHECK(parse(build({"--from", "2020-02-01", "--to", "2020-02-17", "--step", "day", "--contest-window", "0"})));
    CHECK(parse(build({"--from", "2020-02-17", "--to", "2020-02-17"})));  // one snapshot
    CHECK(parse({"control", "build", "--baseline", data_file("control/grid_baseline.geojson"), "--baseline-field",
                 "controller", "--baseline-date", "2020-02-10", "--places", data_file("control/grid_places.csv"),
                 "--clip", data_file("control/grid_clip.geojson"), "--as-of", "2020-02-17", "--colours",
                 data_file("control/colours_custom.csv"), "-o", "out/", "--format", "geojson", "--overwrite"}));
    CHECK(parse(build({"--as-of", "2020-02-17", "--clip", "province", "--append", "--fighting-types",
                       "armed_attack,shelling", "-q"})));
    CHECK(parse({"control", "colours"}));
    CHECK(parse({"control", "colors"}));
}

TEST_CASE("cli control: a subcommand is required, and must be one", "[cli]") {
    REQUIRE_THROWS_AS(parse({"control"}), UsageError);
    CHECK(usage_error({"control"}) == "reckon control: a subcommand is required");
    CHECK(usage_error({"control", "map"}) ==
          "reckon control: 'map' is not a command; the commands are build or colours");
    CHECK_THAT(usage_error({"control", "colours", "extra"}), Contains("not expected: extra"));
}

TEST_CASE("cli control build: inputs, output and dates", "[cli]") {
    CHECK(usage_error({"control", "build", "--as-of", "2020-02-17"}) == "reckon control build: --output is required");
    CHECK(usage_error({"control", "build", "--as-of", "2020-02-17", "-o", "c.gpkg"}) ==
          "reckon control build: control build needs --evidence FILE or --baseline FILE");
    CHECK_THAT(usage_error({"control", "build", "--evidence", "/nonexistent/e.csv", "--as-of", "2020-02-17", "-o",
                            "c.gpkg"}),
               Contains("--evidence: file does not exist"));
    CHECK(usage_error(build({})) ==
          "reckon control build: control build needs --as-of DATE or --from DATE --to DATE");
    CHECK(usage_error(build({"--as-of", "2020-02-17", "--from", "2020-02-01", "--to", "2020-02-17"})) ==
          "reckon control build: give --as-of DATE or --from DATE --to DATE, not both");
    CHECK(usage_error(build({"--from", "2020-02-01"})) == "reckon control build: a series needs both --from and --to");
    CHECK(usage_error(build({"--to", "2020-02-01"})) == "reckon control build: a series needs both --from and --to");
    CHECK(usage_error(build({"--as-of", "2020-02-30"})) ==
          "reckon control build: --as-of '2020-02-30' is not a date (YYYY-MM-DD)");
    CHECK(usage_error(build({"--as-of", "17/02/2020"})) ==
          "reckon control build: --as-of '17/02/2020' is not a date (YYYY-MM-DD)");
    CHECK_THAT(usage_error(build({"--from", "2020-02-17", "--to", "2020-02-16"})),
               Contains("--from 2020-02-17 is after --to 2020-02-16"));
    CHECK_THAT(usage_error(build({"--from", "2020-02-xx", "--to", "2020-02-16"})),
               Contains("--from '2020-02-xx' is not a date"));
    CHECK_THAT(usage_error(build({"--as-of", "2020-02-17", "--baseline-date", "yesterday"})),
               Contains("--baseline-date 'yesterday' is not a date"));
}

TEST_CASE("cli control build: other options", "[cli]") {
    const auto as_of = [](std::vector<std::string> more) {
        more.insert(more.begin(), {"--as-of", "2020-02-17"});
        return build(more);
    };
    CHECK(usage_error(as_of({"--clip", "provinces"})) ==
          "reckon control build: --clip 'provinces' is neither country, province nor an existing polygon file");
    CHECK(usage_error(as_of({"--overwrite", "--append"})) == "reckon control build: give --overwrite or --append, not both");
    CHECK(usage_error(as_of({"--append", "--format", "shp"})) == "reckon control build: --append works on a GeoPackage only");
    CHECK_THAT(usage_error(as_of({"--step", "month"})), Contains("--step: month not in {day,week}"));
    CHECK_THAT(usage_error(as_of({"--contest-window", "-1"})), Contains("--contest-window"));
    CHECK_THAT(usage_error(as_of({"--contest-window", "3651"})), Contains("--contest-window: value 3651 not in range"));
    CHECK_THAT(usage_error(as_of({"--format", "kml"})), Contains("--format: kml not in"));
    CHECK_THAT(usage_error(as_of({"--colours", "/nonexistent/c.csv"})), Contains("--colours: file does not exist"));
    CHECK_THAT(usage_error(as_of({"--places", "/nonexistent/p.csv"})), Contains("--places: file does not exist"));
    CHECK_THAT(usage_error(as_of({"--baseline", "/nonexistent/b.gpkg"})), Contains("--baseline: file does not exist"));
}
