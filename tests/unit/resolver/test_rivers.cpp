// River anchors: the curated courses (gazetteer/curated/river_courses.csv) go
// into the default and the full gazetteer alike; phrases locate bands and
// corridors along them. Checks are geometric: the polygon covers points on
// the side the phrase names and leaves out the other side and places far
// from the river (positions from the gazetteer).

#include "../gazetteer/fixtures.hpp"
#include "geodesy/geodesic.hpp"
#include "geometry/geos.hpp"
#include "geometry/shapes.hpp"
#include "reckon/resolver.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace reckon;

namespace {

const std::vector<std::string> river_ids{"curated:euphrates", "curated:tigris",  "curated:khabur",
                                         "curated:balikh",    "curated:orontes", "curated:diyala",
                                         "curated:great-zab", "curated:little-zab"};

LatLon at(Gazetteer& g, const std::string& id) {
    const auto p = g.place(id);
    REQUIRE(p);
    return p->position;
}

geometry::Geometry polygon_of(const Resolution& r) {
    INFO(r.input << ": " << to_string(r.status));
    REQUIRE(r.status == ResolveStatus::ok);
    REQUIRE_FALSE(r.uncertainty_wkt.empty());
    geometry::Geometry g = geometry::Geometry::from_wkt(r.uncertainty_wkt);
    CHECK(g.is_valid());
    return g;
}

void river_checks(Gazetteer& gaz) {
    Resolver resolver(gaz);
    const LatLon deir = at(gaz, "geonames:170794");
    const LatLon mayadin = at(gaz, "geonames:173480");

    SECTION("every curated river has a course") {
        for (const auto& id : river_ids) {
            INFO(id);
            const auto wkb = gaz.line_wkb(id);
            REQUIRE(wkb);
            const geometry::Geometry line = geometry::Geometry::from_wkb(*wkb);
            CHECK(line.vertices().size() >= 3);
            const auto p = gaz.place(id);
            REQUIRE(p);
            CHECK(p->extent_m >= 5000.0);  // the measured generalisation error, not a town's extent
        }
    }
    SECTION("30 km west of the Euphrates: the south-west side at Deir ez-Zor, not the north-east") {
        ResolveOptions opt;
        opt.context = "Deir ez-Zor Governorate";
        const Resolution r = resolver.resolve("30 kilometers west of the Euphrates", opt);
        const geometry::Geometry g = polygon_of(r);
        CHECK(r.precision.ucdp_where_prec == 5);
        REQUIRE(r.anchors.size() == 1);
        REQUIRE(r.anchors[0].place);
        CHECK(r.anchors[0].place->id == "curated:euphrates");
        // the course runs NW-SE here: due west 30 km is ~21 km off the river
        CHECK(geometry::covers(g, geodesy::direct(deir, 270.0, 30000.0)));
        CHECK(geometry::covers(g, geodesy::direct(deir, 225.0, 30000.0)));
        CHECK_FALSE(geometry::covers(g, geodesy::direct(deir, 45.0, 30000.0)));
        CHECK_FALSE(geometry::covers(g, geodesy::direct(deir, 90.0, 30000.0)));
        // the context clips it: nothing far outside the governorate (Palmyra, Homs Governorate)
        CHECK_FALSE(geometry::covers(g, at(gaz, "geonames:163808")));
    }
    SECTION("east of the Euphrates at al-Mayadin: the east bank") {
        ResolveOptions opt;
        opt.context = "Syria";
        const geometry::Geometry g = polygon_of(resolver.resolve("east of the Euphrates", opt));
        CHECK(geometry::covers(g, geodesy::direct(mayadin, 90.0, 20000.0)));
        CHECK_FALSE(geometry::covers(g, geodesy::direct(mayadin, 270.0, 20000.0)));
        CHECK_FALSE(geometry::covers(g, at(gaz, "geonames:98717")));  // Ramadi: Iraq, outside the context
    }
    SECTION("on the banks of the Tigris: the riverside towns, not Kirkuk or Ramadi") {
        const geometry::Geometry g = polygon_of(resolver.resolve("on the banks of the Tigris"));
        for (const char* id : {"geonames:99072" /* Mosul */, "geonames:97783" /* Baiji */, "geonames:90150" /* Tikrit */,
                               "geonames:91597" /* Samarra */, "geonames:98182" /* Baghdad */, "geonames:99131" /* Kut */}) {
            INFO(id);
            CHECK(geometry::covers(g, at(gaz, id)));
        }
        CHECK_FALSE(geometry::covers(g, at(gaz, "geonames:94787")));  // Kirkuk, ~85 km east
        CHECK_FALSE(geometry::covers(g, at(gaz, "geonames:98717")));  // Ramadi, on the Euphrates
    }
    SECTION("along the Khabur river: al-Hasakah and ash-Shaddadah, not Qamishli") {
        const geometry::Geometry g = polygon_of(resolver.resolve("along the Khabur river"));
        CHECK(geometry::covers(g, at(gaz, "geonames:173811")));
        CHECK(geometry::covers(g, at(gaz, "geonames:172837")));
        CHECK_FALSE(geometry::covers(g, at(gaz, "geonames:173377")));
    }
    SECTION("north of the Great Zab: the Mosul side, not Erbil") {
        const Resolution r = resolver.resolve("north of the Great Zab");
        const geometry::Geometry g = polygon_of(r);
        CHECK(r.precision.ucdp_where_prec == 5);
        CHECK(geometry::covers(g, geodesy::direct(at(gaz, "geonames:96833"), 315.0, 20000.0)));
        CHECK_FALSE(geometry::covers(g, at(gaz, "geonames:95446")));
    }
    SECTION("the Euphrates Valley: the valley towns of the Deir ez-Zor stretch, not the desert") {
        const Resolution r = resolver.resolve("the Euphrates Valley");
        const geometry::Geometry g = polygon_of(r);
        for (const char* id : {"geonames:170794", "geonames:173480", "geonames:174506", "geonames:174448"}) {
            INFO(id);
            CHECK(geometry::covers(g, at(gaz, id)));
        }
        CHECK_FALSE(geometry::covers(g, at(gaz, "geonames:163808")));  // Palmyra
        CHECK_FALSE(geometry::covers(g, at(gaz, "geonames:173811")));  // al-Hasakah
        // a corridor, not the 150 km disk the region's point-radius extent alone would give
        CHECK(geometry::area_m2(g) < 0.5 * M_PI * 150000.0 * 150000.0);
    }
    SECTION("a river the gazetteer has no course for is unresolved, with the reason") {
        const Resolution r = resolver.resolve("near the Sajur river");
        CHECK(r.status == ResolveStatus::unresolved);
        REQUIRE_FALSE(r.messages.empty());
        CHECK(r.messages.front().find("no river of that name") != std::string::npos);
    }
    SECTION("an absurd distance from a river is an error") {
        CHECK(resolver.resolve("99999 km west of the Euphrates").status == ResolveStatus::error);
        CHECK(resolver.resolve("-5 km west of the Euphrates").status == ResolveStatus::error);
    }
}

} // namespace

TEST_CASE("river anchors over the default gazetteer", "[resolver][river][default]") {
    Gazetteer* gaz = test::default_gazetteer();
    if (!gaz) {
        WARN("default gazetteer not built (scripts/setup builds it): skipped");
        return;
    }
    river_checks(*gaz);
}

TEST_CASE("river anchors over the full gazetteer", "[resolver][river][shared]") {
    Gazetteer* gaz = test::full_gazetteer();
    if (!gaz) {
        WARN("../shared not present: skipped");
        return;
    }
    river_checks(*gaz);
}
