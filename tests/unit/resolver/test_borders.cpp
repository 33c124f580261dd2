// Border anchors need country polygons of both neighbours: the default
// gazetteer has them (Natural Earth), so these run where it was built.

#include "../gazetteer/fixtures.hpp"
#include "geodesy/geodesic.hpp"
#include "geometry/shapes.hpp"
#include "reckon/resolver.hpp"

#include <catch2/catch.hpp>

using namespace reckon;

TEST_CASE("border anchors: a band on the named side of the common border", "[resolver][border][default]") {
    Gazetteer* gaz = test::default_gazetteer();
    if (!gaz) {
        WARN("default gazetteer not built (scripts/setup builds it): skipped");
        return;
    }
    Resolver resolver(*gaz);
    const auto sy = gaz->country_wkb("SY");
    const auto tr = gaz->country_wkb("TR");
    REQUIRE(sy);
    REQUIRE(tr);
    const geometry::Geometry syria = geometry::Geometry::from_wkb(*sy);
    const geometry::Geometry turkey = geometry::Geometry::from_wkb(*tr);

    SECTION("35 km south of the Turkish-Syrian border lies in Syria, along the border") {
        const Resolution r = resolver.resolve("35 km south of the Turkish-Syrian border");
        REQUIRE(r.status == ResolveStatus::ok);
        CHECK(r.precision.ucdp_where_prec == 5);
        const geometry::Geometry g = geometry::Geometry::from_wkt(r.uncertainty_wkt);
        CHECK(g.is_valid());
        // the band is on the Syrian side: it does not reach into Turkey
        const geometry::Geometry in_turkey = geometry::intersection(g, turkey);
        CHECK(geometry::area_m2(in_turkey) < 0.01 * geometry::area_m2(g));
        // Tall Abyad sits 1-2 km south of the border: outside a band 35 km ± error
        // away, while Raqqa (~90 km south) is outside it too
        CHECK_FALSE(geometry::covers(g, LatLon{36.6975, 38.9567}));
        CHECK_FALSE(geometry::covers(g, LatLon{35.9528, 39.0079}));
        // a point ~35 km south of the border near Tall Abyad is inside
        CHECK(geometry::covers(g, LatLon{36.39, 38.95}));
    }
    SECTION("a named town confirmed by its distance from the border") {
        const Resolution r = resolver.resolve("Ain Issa, 35 km south of the Turkish-Syrian border");
        CHECK(r.status == ResolveStatus::ok);
        REQUIRE(r.target);
        CHECK(r.target->country == "SY");
        CHECK(r.precision.ucdp_where_prec == 1);
    }
    SECTION("one named country takes its neighbour from the phrase's other places") {
        const Resolution r = resolver.resolve("near the Iranian border (8 km) east of Khanaqin");
        CHECK(r.status != ResolveStatus::unresolved);
    }
}

TEST_CASE("absurd and oversized phrases get a clear error status", "[resolver][bad]") {
    Gazetteer* gaz = test::default_gazetteer();
    if (!gaz) {
        WARN("default gazetteer not built (scripts/setup builds it): skipped");
        return;
    }
    Resolver resolver(*gaz);
    const Resolution big = resolver.resolve(std::string(1 << 20, 'a'));
    CHECK(big.status == ResolveStatus::error);
    REQUIRE_FALSE(big.messages.empty());
    CHECK(big.messages.front().find("too long") != std::string::npos);
    CHECK(resolver.resolve("").status == ResolveStatus::error);
    CHECK(resolver.resolve("99999 km north of Baghdad").status == ResolveStatus::error);
    CHECK(resolver.resolve("-5 km north of Kirkuk").status == ResolveStatus::error);
    CHECK(resolver.resolve("tomorrow").status == ResolveStatus::unresolved);
    CHECK(resolver.resolve("   ").status == ResolveStatus::error);
    CHECK(resolver.resolve("-5 km north of Baghdad").status == ResolveStatus::error);
    CHECK(resolver.resolve("0 km north of Baghdad").status == ResolveStatus::error);
    CHECK(resolver.resolve("99999 km west of the Euphrates").status == ResolveStatus::error);
    // a figure that cannot be read is said, not silently dropped
    const Resolution glued = resolver.resolve("1e400 km north of Baghdad");
    bool said = false;
    for (const auto& m : glued.messages) said = said || m.find("could not be read") != std::string::npos;
    CHECK(said);
    // 1 MB of report text, with place names in it
    std::string report;
    while (report.size() < (1U << 20)) report += "fighting near Raqqa, 14 km north of Al-Mayadeen. ";
    const Resolution r = resolver.resolve(report);
    CHECK(r.status == ResolveStatus::error);
    CHECK_FALSE(r.point.valid());
}
