// `reckon gazetteer build|search|info`: argument handling (setup() and
// validate()), no work done.

#include "cli_support.hpp"

#include <catch2/catch.hpp>

using Catch::Matchers::Contains;
using reckon::UsageError;
using reckon::test::data_file;
using reckon::test::parse;
using reckon::test::usage_error;

TEST_CASE("cli gazetteer: accepted argument sets", "[cli]") {
    const std::string geonames = data_file("mini/mini.geonames.txt");
    CHECK(parse({"gazetteer", "build", "--geonames", geonames}));
    CHECK(parse({"gazetteer", "build", "-o", "g.sqlite", "--geonames", geonames, "--boundaries",
                 data_file("mini/mini_adm1.geojson"), "--layers", "adm1,adm2", "--curated", data_file("mini"),
                 "--countries", "SY,IQ", "--strict", "-q"}));
    CHECK(parse({"gazetteer", "build", "--curated", data_file("mini/mini.curated.csv")}));
    CHECK(parse({"gazetteer", "search", "Baqubah"}));
    CHECK(parse({"gazetteer", "search", "Baqubah", "Hit", "--near", "Ramadi", "--in", "Anbar", "--country", "iq",
                 "--feature", "settlement", "--limit", "1000", "--format", "json", "--gazetteer", "g.sqlite"}));
    CHECK(parse({"gazetteer", "info"}));
    CHECK(parse({"gazetteer", "info", "--format", "json", "--gazetteer", "g.sqlite"}));
}

TEST_CASE("cli gazetteer: a subcommand is required, and must be one", "[cli]") {
    REQUIRE_THROWS_AS(parse({"gazetteer"}), UsageError);
    CHECK(usage_error({"gazetteer"}) == "reckon gazetteer: a subcommand is required");
    CHECK(usage_error({"gazetteer", "lookup", "x"}) ==
          "reckon gazetteer: 'lookup' is not a command; the commands are build, search or info");
    CHECK(usage_error({"gazetteer", "--bogus"}) == "reckon gazetteer: unknown option --bogus");
}

TEST_CASE("cli gazetteer build: bad arguments are usage errors", "[cli]") {
    CHECK(usage_error({"gazetteer", "build"}) ==
          "reckon gazetteer build: gazetteer build needs at least one --geonames, --boundaries or --curated input");
    CHECK(usage_error({"gazetteer", "build", "-o", "g.sqlite", "--strict"}) ==
          "reckon gazetteer build: gazetteer build needs at least one --geonames, --boundaries or --curated input");
    CHECK_THAT(usage_error({"gazetteer", "build", "--geonames", "/nonexistent/SY.txt"}),
               Contains("--geonames: file does not exist: /nonexistent/SY.txt"));
    CHECK_THAT(usage_error({"gazetteer", "build", "--geonames", data_file("mini")}),
               Contains("--geonames"));  // a directory is not a dump
    CHECK_THAT(usage_error({"gazetteer", "build", "--boundaries", "/nonexistent/adm.gpkg"}),
               Contains("--boundaries: path does not exist"));
    CHECK_THAT(usage_error({"gazetteer", "build", "--curated", "/nonexistent/curated"}),
               Contains("--curated: path does not exist"));
    CHECK_THAT(usage_error({"gazetteer", "build", "--geonames"}), Contains("--geonames: 1 required"));
}

TEST_CASE("cli gazetteer search and info: bad arguments are usage errors", "[cli]") {
    CHECK(usage_error({"gazetteer", "search"}) == "reckon gazetteer search: names is required");
    CHECK_THAT(usage_error({"gazetteer", "search", "x", "--feature", "city"}), Contains("--feature: city not in"));
    CHECK_THAT(usage_error({"gazetteer", "search", "x", "--limit", "0"}), Contains("--limit: value 0 not in range"));
    CHECK_THAT(usage_error({"gazetteer", "search", "x", "--limit", "1001"}), Contains("--limit"));
    CHECK_THAT(usage_error({"gazetteer", "search", "x", "--format", "csv"}), Contains("--format: csv not in"));
    CHECK(usage_error({"gazetteer", "search", "--bogus", "x"}) ==
          "reckon gazetteer search: the following argument was not expected: --bogus");
    CHECK_THAT(usage_error({"gazetteer", "info", "--format", "xml"}), Contains("--format: xml not in"));
    CHECK_THAT(usage_error({"gazetteer", "info", "extra"}), Contains("not expected: extra"));
}
