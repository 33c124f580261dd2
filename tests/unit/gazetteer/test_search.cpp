// Ranking on the mini gazetteer (tests/data/mini): reasons, the kind of
// feature meant, suggestions, notes on hints.

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

using namespace reckon;
namespace fs = std::filesystem;

namespace {

Gazetteer& mini_search_gazetteer() {
    struct Built {
        fs::path dir = fs::path(test::binary_dir()) / "test-work" / ("mini-search-" + std::to_string(::getpid()));
        Gazetteer g;
        Built() : g(build()) {}
        ~Built() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
        std::string build() {
            fs::remove_all(dir);
            fs::create_directories(dir);
            BuildOptions opt;
            opt.geonames = {test::data_path("mini/mini.geonames.txt")};
            opt.curated = {test::data_path("mini/mini.curated.csv")};
            opt.boundaries = {test::data_path("mini/mini_adm1.geojson")};
            const std::string path = (dir / "mini.sqlite").string();
            build_gazetteer(path, opt);
            return path;
        }
    };
    static Built b;
    return b.g;
}

bool has_reason(const Candidate& c, const std::string& needle) {
    return std::any_of(c.reasons.begin(), c.reasons.end(),
                       [&](const std::string& r) { return r.find(needle) != std::string::npos; });
}

bool has_id(const std::vector<Candidate>& v, const std::string& id) {
    return std::any_of(v.begin(), v.end(), [&](const Candidate& c) { return c.place.id == id; });
}

const std::string kirkuk_city = "geonames:9000008";
const std::string kirkuk_adm1 = "geonames:9000009";
const std::string dez_city = "geonames:9000015";
const std::string dez_adm1 = "geonames:9000016";
const std::string diyala_adm1 = "geonames:9000007";

} // namespace

TEST_CASE("a bare name means the town, not the governorate", "[gazetteer][search]") {
    Gazetteer& g = mini_search_gazetteer();
    for (const auto& [query, city, adm1] : {std::tuple{"Kirkuk", kirkuk_city, kirkuk_adm1},
                                            std::tuple{"Deir ez-Zor", dez_city, dez_adm1}}) {
        INFO(query);
        const SearchResult r = g.search(query);
        REQUIRE(r.candidates.size() == 2);
        CHECK(r.candidates[0].place.id == city);
        CHECK(r.candidates[1].place.id == adm1);
        CHECK(r.candidates[0].score > r.candidates[1].score);
        // a town and the governorate named after it are not an ambiguity
        CHECK_FALSE(r.ambiguous);
        CHECK(r.candidates[0].match == MatchKind::exact);
        CHECK(has_reason(r.candidates[0], "exact name"));
        CHECK(has_reason(r.candidates[0], "governorate capital"));
        CHECK(has_reason(r.candidates[0], "population"));
        CHECK(has_reason(r.candidates[1], "governorate/province"));
    }
}

TEST_CASE("asking for an admin1 makes the governorate win", "[gazetteer][search]") {
    Gazetteer& g = mini_search_gazetteer();
    SECTION("FeatureType::admin1") {
        SearchOptions o;
        o.feature = FeatureType::admin1;
        for (const auto& [query, adm1] : {std::pair{"Kirkuk", kirkuk_adm1}, std::pair{"Deir ez-Zor", dez_adm1}}) {
            INFO(query);
            const SearchResult r = g.search(query, o);
            REQUIRE_FALSE(r.candidates.empty());
            CHECK(r.candidates[0].place.id == adm1);
            CHECK(has_reason(r.candidates[0], "is a admin1 as asked"));
        }
    }
    SECTION("a generic word in the query") {
        for (const auto& [query, adm1] : {std::pair{"Deir ez-Zor Governorate", dez_adm1},
                                          std::pair{"Kirkuk Governorate", kirkuk_adm1},
                                          std::pair{"Diyala Governorate", diyala_adm1},
                                          std::pair{"Diyala Province", diyala_adm1}}) {
            INFO(query);
            const SearchResult r = g.search(query);
            REQUIRE_FALSE(r.candidates.empty());
            CHECK(r.candidates[0].place.id == adm1);
            CHECK(has_reason(r.candidates[0], "as asked"));
            CHECK_FALSE(r.ambiguous);
        }
    }
    SECTION("FeatureType::settlement keeps the town") {
        SearchOptions o;
        o.feature = FeatureType::settlement;
        const SearchResult r = g.search("Deir ez-Zor Governorate", o);
        REQUIRE_FALSE(r.candidates.empty());
        CHECK(r.candidates[0].place.id == dez_city);
    }
}

TEST_CASE("candidates carry their province names", "[gazetteer][search]") {
    Gazetteer& g = mini_search_gazetteer();
    const SearchResult r = g.search("Muqdadiya");
    REQUIRE(r.candidates.size() == 1);
    const Candidate& c = r.candidates[0];
    CHECK(c.place.id == "geonames:9000002");
    CHECK(c.match == MatchKind::transliterated);
    CHECK(c.matched_name == "Muqdadiyah");
    CHECK(c.admin1_name == "Diyala");
    CHECK(c.admin2_name.empty());
    CHECK(has_reason(c, "same transliteration as 'Muqdadiyah'"));
    CHECK(has_reason(c, "district seat"));
    CHECK(c.match_score == Approx(0.96));
}

TEST_CASE("near misses come back as suggestions", "[gazetteer][search]") {
    Gazetteer& g = mini_search_gazetteer();
    SECTION("one letter off a short name") {
        const SearchResult r = g.search("Deir ez-Zot");
        CHECK(r.candidates.empty());
        REQUIRE_FALSE(r.suggestions.empty());
        CHECK(has_id(r.suggestions, dez_city));
        for (const auto& s : r.suggestions) {
            CHECK(s.match_score < 0.84);
            CHECK(s.match_score >= 0.55);
        }
    }
    SECTION("a truncated name") {
        const SearchResult r = g.search("Khanaq");
        CHECK(r.candidates.empty());
        CHECK(has_id(r.suggestions, "geonames:9000003"));
    }
    SECTION("nothing close: no suggestions either") {
        const SearchResult r = g.search("Xqzvbn");
        CHECK(r.candidates.empty());
        CHECK(r.suggestions.empty());
    }
    SECTION("an accepted match brings no suggestions") {
        const SearchResult r = g.search("Khanaqin");
        CHECK_FALSE(r.candidates.empty());
        CHECK(r.suggestions.empty());
    }
}

TEST_CASE("hints that are not understood leave a note", "[gazetteer][search]") {
    Gazetteer& g = mini_search_gazetteer();
    SECTION("unknown province") {
        SearchOptions o;
        o.in_admin = "Atlantis Province";
        const SearchResult r = g.search("Al Hamidiyah", o);
        REQUIRE(r.messages.size() == 1);
        CHECK(r.messages[0].find("Atlantis Province") != std::string::npos);
        CHECK(r.ambiguous);  // the hint decided nothing
    }
    SECTION("a town is not a province") {
        SearchOptions o;
        o.in_admin = "Baqubah";
        const SearchResult r = g.search("Al Hamidiyah", o);
        CHECK(r.messages.size() == 1);
    }
    SECTION("unknown nearby place") {
        SearchOptions o;
        o.near = "Xqzvbn";
        const SearchResult r = g.search("Al Hamidiyah", o);
        REQUIRE(r.messages.size() == 1);
        CHECK(r.messages[0].find("Xqzvbn") != std::string::npos);
    }
    SECTION("empty query") {
        const SearchResult r = g.search("  ");
        CHECK(r.candidates.empty());
        REQUIRE(r.messages.size() == 1);
        CHECK(r.messages[0] == "empty place name");
    }
}

TEST_CASE("camps and dams from the curated list", "[gazetteer][search]") {
    Gazetteer& g = mini_search_gazetteer();
    SearchOptions o;
    o.feature = FeatureType::camp;
    const SearchResult r = g.search("al-Hawl", o);
    REQUIRE_FALSE(r.candidates.empty());
    CHECK(r.candidates[0].place.id == "curated:al-hol-camp");
    CHECK(has_reason(r.candidates[0], "refugee camp"));

    const SearchResult d = g.search("Mosul Dam");
    REQUIRE_FALSE(d.candidates.empty());
    CHECK(d.candidates[0].place.id == "curated:mosul-dam");
    CHECK(has_reason(d.candidates[0], "dam"));
}
