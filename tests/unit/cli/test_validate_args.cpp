// `reckon validate`: argument handling (setup() and validate()), no work done.

#include "cli_support.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using reckon::UsageError;
using reckon::test::parse;
using reckon::test::usage_error;

TEST_CASE("cli validate: accepted argument sets", "[cli]") {
    CHECK(parse({"validate", "digest.txt"}));
    CHECK(parse({"validate", "a.txt", "dir/", "--problems-only", "--format", "json", "--style", "arabic"}));
    CHECK(parse({"validate", "t.csv", "--column", "place", "--lat", "latitude", "--lon", "longitude",
                 "--context-column", "province", "--format", "csv"}));
    CHECK(parse({"validate", "a.txt", "--fail-on", "unknown,ambiguous", "--fail-on", "inconsistent", "--context",
                 "Iraq", "--distance-policy", "frazier2004", "--gazetteer", "g.sqlite"}));
}

TEST_CASE("cli validate: bad arguments are usage errors", "[cli]") {
    REQUIRE_THROWS_AS(parse({"validate"}), UsageError);
    CHECK(usage_error({"validate"}) == "reckon validate: inputs is required");
    const std::string tables = "reckon validate: --lat, --lon and --context-column need --column (they are for tables)";
    CHECK(usage_error({"validate", "a.txt", "--lat", "y", "--lon", "x"}) == tables);
    CHECK(usage_error({"validate", "a.txt", "--lon", "x"}) == tables);
    CHECK(usage_error({"validate", "a.txt", "--context-column", "province"}) == tables);
    CHECK(usage_error({"validate", "t.csv", "--column", "place", "--lat", "y"}) ==
          "reckon validate: --lat and --lon go together");
    CHECK(usage_error({"validate", "t.csv", "--column", "place", "--lon", "x"}) ==
          "reckon validate: --lat and --lon go together");
    CHECK_THAT(usage_error({"validate", "a.txt", "--format", "xml"}), Contains("--format: xml not in"));
    CHECK_THAT(usage_error({"validate", "a.txt", "--style", "french"}), Contains("--style: french not in"));
    CHECK_THAT(usage_error({"validate", "a.txt", "--fail-on", "unknown,bogus"}),
               Contains("--fail-on: bogus not in {unknown,ambiguous,inconsistent}"));
    CHECK_THAT(usage_error({"validate", "a.txt", "--distance-policy", "none"}), Contains("--distance-policy"));
    CHECK_THAT(usage_error({"validate", "a.txt", "--column"}), Contains("--column: 1 required TEXT missing"));
}
