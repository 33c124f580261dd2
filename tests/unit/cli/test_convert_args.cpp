// `reckon convert`: argument handling (setup() and validate()), no work done.

#include "cli_support.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using reckon::UsageError;
using reckon::test::parse;
using reckon::test::usage_error;

TEST_CASE("cli convert: accepted argument sets", "[cli]") {
    CHECK(parse({"convert", "a.txt", "-o", "out.gpkg"}));
    CHECK(parse({"convert", "a.txt", "b.html", "dir/", "@list", "-", "--output", "out.gpkg"}));
    CHECK(parse({"convert", "a.txt", "-o", "out/", "-f", "shp", "-j", "2", "--overwrite", "-q"}));
    CHECK(parse({"convert", "a.txt", "-o", "out.gpkg", "--append", "--context", "Diyala Province", "--report",
                 "diag.csv", "--gazetteer", "g.sqlite", "--distance-policy", "frazier2004", "--no-reporter-error"}));
    CHECK(parse({"convert", "a.txt", "-o", "out.json", "--jobs=256"}));
}

TEST_CASE("cli convert: bad arguments are usage errors", "[cli]") {
    REQUIRE_THROWS_AS(parse({"convert"}), UsageError);
    CHECK(usage_error({"convert", "-o", "out.gpkg"}) == "reckon convert: inputs is required");
    CHECK(usage_error({"convert", "a.txt"}) == "reckon convert: --output is required");
    CHECK(usage_error({"convert", "a.txt", "-o"}) == "reckon convert: --output: 1 required TEXT missing");
    CHECK_THAT(usage_error({"convert", "a.txt", "-o", "x", "--format", "kml"}),
               Contains("--format: kml not in {gpkg,shp,geojson,csv}"));
    CHECK_THAT(usage_error({"convert", "a.txt", "-o", "x", "-j", "0"}), Contains("--jobs: value 0 not in range"));
    CHECK_THAT(usage_error({"convert", "a.txt", "-o", "x", "-j", "257"}), Contains("--jobs: value 257 not in range"));
    CHECK_THAT(usage_error({"convert", "a.txt", "-o", "x", "-j", "many"}), Contains("--jobs"));
    CHECK(usage_error({"convert", "a.txt", "-o", "x", "--overwrite", "--append"}) ==
          "reckon convert: --overwrite excludes --append");
    CHECK_THAT(usage_error({"convert", "a.txt", "-o", "x", "--distance-policy", "guess"}),
               Contains("--distance-policy: guess not in"));
    CHECK_THAT(usage_error({"convert", "a.txt", "-o", "x", "--bogus"}), Contains("not expected: --bogus"));
}

TEST_CASE("cli convert: --append needs GeoPackage output, named or inferred", "[cli]") {
    const std::string only = "reckon convert: --append works on GeoPackage output only";
    CHECK(usage_error({"convert", "a.txt", "-o", "out/", "--format", "shp", "--append"}) == only);
    CHECK(usage_error({"convert", "a.txt", "-o", "out.shp", "--append"}) == only);
    CHECK(usage_error({"convert", "a.txt", "-o", "out.geojson", "--append"}) == only);
    CHECK(usage_error({"convert", "a.txt", "-o", "out.csv", "--append"}) == only);
    CHECK(usage_error({"convert", "a.txt", "-o", "out.gpkg", "--append"}).empty());
    CHECK(usage_error({"convert", "a.txt", "-o", "out", "--append"}).empty());  // no extension: gpkg
}
