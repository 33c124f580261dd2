// `reckon resolve`: argument handling (setup() and validate()), no work done.

#include "cli_support.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using reckon::UsageError;
using reckon::test::parse;
using reckon::test::usage_error;

TEST_CASE("cli resolve: accepted argument sets", "[cli]") {
    CHECK(parse({"resolve", "14 km north of Al-Mayadeen"}));
    CHECK(parse({"resolve", "a", "b", "--format", "json", "--context", "Diyala Province", "--no-polygon"}));
    CHECK(parse({"resolve", "-i", "phrases.txt"}));
    CHECK(parse({"resolve", "--input", "-", "--format", "geojson"}));
    CHECK(parse({"resolve", "--input", "t.csv", "--column", "location", "--distance-policy", "frazier2004",
                 "--no-reporter-error", "--gazetteer", "g.sqlite"}));
}

TEST_CASE("cli resolve: bad arguments are usage errors", "[cli]") {
    REQUIRE_THROWS_AS(parse({"resolve"}), UsageError);
    CHECK(usage_error({"resolve"}) == "reckon resolve: resolve needs phrases or --input FILE");
    CHECK(usage_error({"resolve", "x", "--input", "f.txt"}) == "reckon resolve: give phrases or --input, not both");
    CHECK(usage_error({"resolve", "x", "--column", "place"}) == "reckon resolve: --column needs --input");
    CHECK_THAT(usage_error({"resolve", "x", "--format", "csv"}), Contains("--format: csv not in {text,json,geojson}"));
    CHECK_THAT(usage_error({"resolve", "x", "--format"}), Contains("--format: 1 required"));
    CHECK_THAT(usage_error({"resolve", "x", "--distance-policy", "x"}), Contains("--distance-policy: x not in"));
    CHECK_THAT(usage_error({"resolve", "x", "-i"}), Contains("--input: 1 required TEXT missing"));
    CHECK(usage_error({"resolve", "--bogus"}) == "reckon resolve: the following argument was not expected: --bogus");
}
